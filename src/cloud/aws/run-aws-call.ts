import type { CallKey, CallRunner } from '../../core/ports/call-runner.js';
import { type CloudCallOptions, runCloudCall } from '../shared/run-cloud-call.js';
import { mapAwsError } from './map-aws-error.js';

/**
 * Runs ONE AWS SDK call (one page) through the call runner, its errors mapped by
 * {@link mapAwsError} inside the attempt (see {@link runCloudCall}).
 */
export function runAwsCall<T>(
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
      mapAwsError(error, key.operation, { service: key.service, region: key.region, ...attempt }),
    options,
  );
}
