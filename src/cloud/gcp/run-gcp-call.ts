import type { CallKey, CallRunner } from '../../core/ports/call-runner.js';
import { mapGcpError } from './map-gcp-error.js';

/** Options of {@link runGcpCall}. */
export interface RunGcpCallOptions {
  /** The caller's cancellation signal (the runner links it to the per-attempt signal). */
  readonly signal?: AbortSignal | undefined;
  /** The named resource addressed (a bucket), for error messages. */
  readonly resource?: string;
}

/**
 * Runs ONE client-library call (one page) through the call runner, translating library errors
 * into `SreError`s inside the attempt so that the runner's retry policy can classify them.
 * Because each page is its own runner call, a retry repeats that page only, never the listing.
 */
export function runGcpCall<T>(
  runner: CallRunner,
  key: CallKey,
  send: (signal: AbortSignal) => Promise<T>,
  options: RunGcpCallOptions = {},
): Promise<T> {
  return runner.run(
    key,
    async (signal) => {
      try {
        return await send(signal);
      } catch (error) {
        throw mapGcpError(error, key.operation, {
          service: key.service,
          project: key.account,
          signal,
          ...(options.resource === undefined ? {} : { resource: options.resource }),
        });
      }
    },
    options.signal,
  );
}
