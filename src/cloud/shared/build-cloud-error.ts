import type { ErrorCode } from '../../core/errors/error-catalogue.js';
import { SreError } from '../../core/errors/sre-error.js';
import type { Provider } from '../../core/ports/cloud-port.js';
import { CLOUD_LABELS } from './cloud-labels.js';

/** The codes a cloud SDK error can map to. */
export type CloudErrorCode = Extract<ErrorCode, `CLOUD_${string}`>;

/** What the message says happened, after `<Cloud> <operation>[ where][ for "resource"]`. */
const TITLES: Readonly<Record<CloudErrorCode, string>> = {
  CLOUD_THROTTLED: 'was throttled',
  CLOUD_AUTHENTICATION: 'was rejected: the credentials are missing, expired or invalid',
  CLOUD_AUTHORIZATION: 'was denied: the credentials lack permission',
  CLOUD_NOT_FOUND: 'failed: the resource does not exist',
  CLOUD_INVALID_PARAMETER: 'was rejected as invalid',
  CLOUD_QUOTA_EXCEEDED: 'failed: a quota was exceeded',
  CLOUD_UNAVAILABLE: 'failed: the service is unavailable',
  CLOUD_TIMEOUT: 'timed out',
  CLOUD_UNREACHABLE: 'failed: the endpoint could not be reached',
  CLOUD_MALFORMED_RESPONSE: 'returned a response that could not be parsed',
  CLOUD_UNKNOWN: 'failed',
};

/** The detail of a call cancelled by its caller, in place of the SDK's message. */
export const CANCELLED_DETAIL = 'The call was cancelled.';

/** What an adapter's error mapper found out, to build the {@link SreError}. */
export interface CloudErrorParts {
  readonly provider: Provider;
  readonly code: CloudErrorCode;
  readonly operation: string;
  /** Where the call ran, as the message puts it (` in eu-west-1`, ` in project p`), or `''`. */
  readonly where: string;
  /** The named resource the call addressed. */
  readonly resource: string | undefined;
  /** The provider's own error code or status, shown in parentheses. */
  readonly providerCode: string | undefined;
  /** The provider's message, already redacted and bounded; `''` for none. */
  readonly detail: string;
  /** The SDK error. */
  readonly cause: unknown;
  /** `details` after `provider` and `operation`, in this order; `undefined` entries are left out. */
  readonly details: Readonly<Record<string, unknown>>;
  readonly suggestions: readonly string[];
  readonly retryAfterSeconds: number | undefined;
  /** Overrides the catalogue's retryable flag when set. */
  readonly retryable?: boolean;
}

/**
 * The `SreError` of a failed cloud call. The message reads
 * `<Cloud> <operation><where>[ for "<resource>"] <what happened>[ (<providerCode>)]: <detail>`
 * (or ends with `.` when there is no detail); `details` start with `provider` and `operation`.
 */
export function buildCloudError(parts: CloudErrorParts): SreError {
  const subject = parts.resource === undefined ? '' : ` for "${parts.resource}"`;
  const tag = parts.providerCode === undefined ? '' : ` (${parts.providerCode})`;
  const ending = parts.detail === '' ? '.' : `: ${parts.detail}`;
  const message = `${CLOUD_LABELS[parts.provider]} ${parts.operation}${parts.where}${subject} ${TITLES[parts.code]}${tag}${ending}`;
  const details: Record<string, unknown> = { provider: parts.provider, operation: parts.operation };
  for (const [key, value] of Object.entries(parts.details)) {
    if (value !== undefined) details[key] = value;
  }
  return new SreError(parts.code, message, {
    cause: parts.cause,
    details,
    suggestions: parts.suggestions,
    ...(parts.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: parts.retryAfterSeconds }),
    ...(parts.retryable === undefined ? {} : { retryable: parts.retryable }),
  });
}
