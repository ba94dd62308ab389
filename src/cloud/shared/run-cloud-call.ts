import type { SreError } from '../../core/errors/sre-error.js';
import type { CallKey, CallRunner } from '../../core/ports/call-runner.js';

/** Options of {@link runCloudCall} (and of each adapter's `run*Call`). */
export interface CloudCallOptions {
  /** The caller's cancellation signal (the runner links it to the per-attempt signal). */
  readonly signal?: AbortSignal | undefined;
  /** The named resource addressed (a bucket, a log group, a VM…), for error messages. */
  readonly resource?: string;
}

/** What an adapter's error mapper learns about the failed attempt. */
export interface CloudCallAttempt {
  /** The attempt's own signal: tells the runner's timeout abort from a cancellation. */
  readonly signal: AbortSignal;
  /** {@link CloudCallOptions.resource}, present only when the caller named one. */
  readonly resource?: string;
}

/**
 * Runs ONE SDK call (one page) through the call runner, translating SDK errors into `SreError`s
 * with `toSreError` inside the attempt, so that the runner's retry policy can classify them.
 * Because each page is its own runner call, a retry repeats that page only, never the whole
 * listing.
 */
export function runCloudCall<T>(
  runner: CallRunner,
  key: CallKey,
  send: (signal: AbortSignal) => Promise<T>,
  toSreError: (error: unknown, attempt: CloudCallAttempt) => SreError,
  options: CloudCallOptions = {},
): Promise<T> {
  return runner.run(
    key,
    async (signal) => {
      try {
        return await send(signal);
      } catch (error) {
        throw toSreError(error, {
          signal,
          ...(options.resource === undefined ? {} : { resource: options.resource }),
        });
      }
    },
    options.signal,
  );
}
