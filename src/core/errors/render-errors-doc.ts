import { ERROR_CATALOGUE, type ErrorCode } from './error-catalogue.js';

/** Renders `docs/errors.md` from the error catalogue (a test keeps the file in step). */
export function renderErrorsDoc(): string {
  const codes = Object.keys(ERROR_CATALOGUE).sort() as ErrorCode[];
  return [
    '# Errors',
    '',
    '<!-- Generated from src/core/errors/error-catalogue.ts by `npm run docs`; a test fails when a code is missing. -->',
    '',
    'Every error the product reports carries a stable `code`, a `category` and a human-readable `message`.',
    'In `sre ask --json` output it appears as `error: { code, message, category }` (see output.md).',
    '',
    '- **category** says who has to act: `user` (fix the question, flags or configuration), `system` (a bug on our side), `third-party` (a cloud API).',
    '- **retryable** says whether trying again later can help.',
    '- CLI exit codes: `0` ok, `1` error, `2` usage (bad flags, configuration, input), `3` partial answer.',
    '',
    '| code | category | retryable | meaning |',
    '|---|---|---|---|',
    ...codes.map((code) => {
      const spec = ERROR_CATALOGUE[code];
      return `| \`${code}\` | ${spec.category} | ${spec.retryable ? 'yes' : 'no'} | ${spec.description} |`;
    }),
    '',
  ].join('\n');
}
