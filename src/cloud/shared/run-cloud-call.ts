import type { SreError } from '../../core/errors/sre-error.js';
import type { CallKey, CallRunner } from '../../core/ports/call-runner.js';

/** Options of a {@link RunCloudCall}. */
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
 * inside the attempt, so that the runner's retry policy can classify them. Because each page is
 * its own runner call, a retry repeats that page only, never the whole listing.
 */
export type RunCloudCall = <T>(
  runner: CallRunner,
  key: CallKey,
  send: (signal: AbortSignal) => Promise<T>,
  options?: CloudCallOptions,
) => Promise<T>;

/** The {@link RunCloudCall} of an adapter, whose SDK errors `toSreError` maps. */
export function runCloudCallWith(
  toSreError: (error: unknown, key: CallKey, attempt: CloudCallAttempt) => SreError,
): RunCloudCall {
  return (runner, key, send, options = {}) =>
    runner.run(
      key,
      async (signal) => {
        try {
          return await send(signal);
        } catch (error) {
          throw toSreError(error, key, {
            signal,
            ...(options.resource === undefined ? {} : { resource: options.resource }),
          });
        }
      },
      options.signal,
    );
}
