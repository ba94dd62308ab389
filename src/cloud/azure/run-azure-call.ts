import type { CallKey, CallRunner } from '../../core/ports/call-runner.js';
import { mapAzureError } from './map-azure-error.js';

/** Options of {@link runAzureCall}. */
export interface RunAzureCallOptions {
  /** The caller's cancellation signal (the runner links it to the per-attempt signal). */
  readonly signal?: AbortSignal | undefined;
  /** The named resource addressed (a VM, a server, a workspace), for error messages. */
  readonly resource?: string;
}

/**
 * Runs ONE SDK call (one page) through the call runner, translating SDK errors into `SreError`s
 * inside the attempt so that the runner's retry policy can classify them. Because each page is its
 * own runner call, a retry repeats that page only, never the whole listing.
 */
export function runAzureCall<T>(
  runner: CallRunner,
  key: CallKey,
  send: (signal: AbortSignal) => Promise<T>,
  options: RunAzureCallOptions = {},
): Promise<T> {
  return runner.run(
    key,
    async (signal) => {
      try {
        return await send(signal);
      } catch (error) {
        throw mapAzureError(error, key.operation, {
          service: key.service,
          subscription: key.account,
          region: key.region,
          signal,
          ...(options.resource === undefined ? {} : { resource: options.resource }),
        });
      }
    },
    options.signal,
  );
}
