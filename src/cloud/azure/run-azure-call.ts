import type { CallKey, CallRunner } from '../../core/ports/call-runner.js';
import { type CloudCallOptions, runCloudCall } from '../shared/run-cloud-call.js';
import { mapAzureError } from './map-azure-error.js';

/**
 * Runs ONE Azure SDK call (one page) through the call runner, its errors mapped by
 * {@link mapAzureError} inside the attempt (see {@link runCloudCall}).
 */
export function runAzureCall<T>(
  runner: CallRunner,
  key: CallKey,
  send: (signal: AbortSignal) => Promise<T>,
  options: CloudCallOptions = {},
): Promise<T> {
  return runCloudCall(
    runner,
    key,
    send,
    (error, attempt) =>
      mapAzureError(error, key.operation, {
        service: key.service,
        subscription: key.account,
        region: key.region,
        ...attempt,
      }),
    options,
  );
}
