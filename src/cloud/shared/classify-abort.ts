import type { CloudErrorCode } from './build-cloud-error.js';
import { isRecord } from './unknown-props.js';

/** A `TimeoutError` (`AbortSignal.timeout`) or the runner's own `CLOUD_TIMEOUT` as an abort reason. */
function isTimeoutReason(reason: unknown): boolean {
  return isRecord(reason) && (reason.name === 'TimeoutError' || reason.code === 'CLOUD_TIMEOUT');
}

/**
 * The class of an aborted call: `CLOUD_TIMEOUT` when the error's `cause` or the reason of the
 * signal the call ran under is a timeout, else `CLOUD_UNKNOWN` (a cancellation).
 */
export function classifyAbort(
  error: unknown,
  signal: AbortSignal | undefined,
): Extract<CloudErrorCode, 'CLOUD_TIMEOUT' | 'CLOUD_UNKNOWN'> {
  const cause = isRecord(error) ? error.cause : undefined;
  return isTimeoutReason(cause) || isTimeoutReason(signal?.reason) ? 'CLOUD_TIMEOUT' : 'CLOUD_UNKNOWN';
}
