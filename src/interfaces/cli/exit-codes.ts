import type { Answer } from '../../core/answer/answer.js';
import type { SreError } from '../../core/errors/sre-error.js';

/** Process exit codes of the `sre` CLI (documented in docs/cli.md). */
export const EXIT_CODES = {
  /** Every question answered completely. */
  ok: 0,
  /** An error: the question could not be answered (unrecognized, refused, no scope readable…). */
  error: 1,
  /** Usage: unknown command or flag, bad flag value, bad configuration. */
  usage: 2,
  /** Partial: answered, but some (provider, account, region, service) scopes could not be read. */
  partial: 3,
} as const;

/** The exit code for one answer. */
export function exitCodeOf(answer: Answer): number {
  if (!answer.ok) return answer.error?.code === 'INPUT_INVALID' ? EXIT_CODES.usage : EXIT_CODES.error;
  return answer.partial ? EXIT_CODES.partial : EXIT_CODES.ok;
}

/** The exit code for an error raised before any question was asked (config, flags, emulator). */
export function exitCodeOfError(error: SreError): number {
  return error.category === 'user' &&
    (error.code.startsWith('CONFIG_') ||
      error.code === 'CLI_USAGE' ||
      error.code.startsWith('EMULATOR_') ||
      error.code.startsWith('INPUT_'))
    ? EXIT_CODES.usage
    : EXIT_CODES.error;
}

/** Worst of several exit codes (error > partial > ok; usage wins over all). */
export function combineExitCodes(codes: readonly number[]): number {
  const rank = (c: number): number =>
    c === EXIT_CODES.usage ? 3 : c === EXIT_CODES.error ? 2 : c === EXIT_CODES.partial ? 1 : 0;
  return codes.reduce((worst, c) => (rank(c) > rank(worst) ? c : worst), EXIT_CODES.ok);
}
