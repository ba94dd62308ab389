import type { CallKey, CallRunner } from '../../core/ports/call-runner.js';
import { type CloudCallOptions, runCloudCall } from '../shared/run-cloud-call.js';
import { mapGcpError } from './map-gcp-error.js';

/**
 * Runs ONE client-library call (one page) through the call runner, its errors mapped by
 * {@link mapGcpError} inside the attempt (see {@link runCloudCall}).
 */
export function runGcpCall<T>(
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
      mapGcpError(error, key.operation, { service: key.service, project: key.account, ...attempt }),
    options,
  );
}
