import { SreError } from '../../core/errors/sre-error.js';
import { boundMessage } from '../shared/bound-message.js';
import { buildCloudError, CANCELLED_DETAIL, type CloudErrorCode } from '../shared/build-cloud-error.js';
import { classifyAbort } from '../shared/classify-abort.js';
import { lowerCaseHeaders } from '../shared/lower-case-headers.js';
import { parseRetryAfter } from '../shared/parse-retry-after.js';
import { passThroughSreError } from '../shared/pass-through-sre-error.js';
import { classifySocketCode, findSocketCode } from '../shared/socket-error-code.js';
import { isRecord, stringProp } from '../shared/unknown-props.js';
import { toNumber } from './to-number.js';

/** What the caller knows about the failed call, to make the error precise. */
export interface GcpErrorContext {
  /** Call-key service (`compute`, `logging`…), for messages and permission hints. */
  readonly service?: string;
  /** The project the call addressed. */
  readonly project?: string;
  /** The named resource the call addressed (a bucket, a log), for not-found messages. */
  readonly resource?: string;
  /** The signal the call ran under: tells a timeout abort from a cancellation. */
  readonly signal?: AbortSignal;
  /** Clock for `Retry-After` dates (default `Date.now`). */
  readonly now?: () => number;
}

/** gRPC canonical codes (google.rpc.Code) by number, as gax's `GoogleError.code` carries them. */
const GRPC_STATUS_NAMES: readonly string[] = [
  'OK',
  'CANCELLED',
  'UNKNOWN',
  'INVALID_ARGUMENT',
  'DEADLINE_EXCEEDED',
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'PERMISSION_DENIED',
  'RESOURCE_EXHAUSTED',
  'FAILED_PRECONDITION',
  'ABORTED',
  'OUT_OF_RANGE',
  'UNIMPLEMENTED',
  'INTERNAL',
  'UNAVAILABLE',
  'DATA_LOSS',
  'UNAUTHENTICATED',
];

/** The HTTP status Google maps each canonical code to (https://cloud.google.com/apis/design/errors#handling_errors). */
const HTTP_OF_STATUS: Readonly<Record<string, number>> = {
  CANCELLED: 499,
  UNKNOWN: 500,
  INVALID_ARGUMENT: 400,
  DEADLINE_EXCEEDED: 504,
  NOT_FOUND: 404,
  ALREADY_EXISTS: 409,
  PERMISSION_DENIED: 403,
  RESOURCE_EXHAUSTED: 429,
  FAILED_PRECONDITION: 400,
  ABORTED: 409,
  OUT_OF_RANGE: 400,
  UNIMPLEMENTED: 501,
  INTERNAL: 500,
  UNAVAILABLE: 503,
  DATA_LOSS: 500,
  UNAUTHENTICATED: 401,
};

/** The canonical status of an HTTP status, for errors that carry only the latter (Storage). */
function statusOfHttp(status: number): string | undefined {
  switch (status) {
    case 400:
      return 'INVALID_ARGUMENT';
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'PERMISSION_DENIED';
    case 404:
      return 'NOT_FOUND';
    case 409:
      return 'ABORTED';
    case 429:
      return 'RESOURCE_EXHAUSTED';
    case 499:
      return 'CANCELLED';
    case 501:
      return 'UNIMPLEMENTED';
    case 503:
      return 'UNAVAILABLE';
    case 504:
      return 'DEADLINE_EXCEEDED';
    default:
      return status >= 500 && status <= 599 ? 'INTERNAL' : undefined;
  }
}

/**
 * Reasons (legacy `errors[].reason` of Compute, Cloud SQL and Storage, or `ErrorInfo.reason`)
 * that say "slow down": they win over the HTTP status, because Compute and Storage send some of
 * them with 403.
 */
const THROTTLE_REASONS = new Set([
  'rateLimitExceeded',
  'userRateLimitExceeded',
  'RATE_LIMIT_EXCEEDED',
  'CONCURRENT_OPERATIONS_QUOTA_EXCEEDED',
]);

/** Reasons that say a quota (not a rate) is used up: waiting a few seconds does not help. */
const QUOTA_REASONS = new Set([
  'quotaExceeded',
  'dailyLimitExceeded',
  'QUOTA_EXCEEDED',
  'RESOURCE_QUOTA_EXCEEDED',
  'STOCKOUT',
]);

/** The facts read off a client-library (or Node.js) error, all optional. */
interface ErrorFacts {
  readonly name: string | undefined;
  /** Canonical status name (`PERMISSION_DENIED`). */
  readonly status: string | undefined;
  readonly httpStatus: number | undefined;
  /** Legacy `errors[].reason` values and the `ErrorInfo` reason. */
  readonly reasons: readonly string[];
  readonly errorInfoMetadata: Readonly<Record<string, string>>;
  readonly syscallCode: string | undefined;
  readonly retryDelaySeconds: number | undefined;
  readonly headers: Readonly<Record<string, string>>;
  readonly message: string;
}

type UnknownRecord = Record<string, unknown>;

function arrayProp(value: unknown, key: string): unknown[] {
  if (!isRecord(value)) return [];
  const found = value[key];
  return Array.isArray(found) ? (found as unknown[]) : [];
}

/** Seconds of a protobuf `Duration`: `"7s"`, `"1.5s"`, `{ seconds, nanos }` (seconds may be a string or a Long). */
function durationSeconds(value: unknown): number | undefined {
  if (typeof value === 'string') {
    const match = /^(\d+(?:\.\d+)?)s$/.exec(value.trim());
    return match ? Number(match[1]) : undefined;
  }
  if (!isRecord(value)) return undefined;
  const seconds = toNumber(value.seconds) ?? 0;
  const nanos = typeof value.nanos === 'number' ? value.nanos : 0;
  const total = seconds + nanos / 1e9;
  return Number.isFinite(total) ? total : undefined;
}

/**
 * The JSON error body of a REST call: gaxios (gax's REST transport) puts the body text in the
 * error message and may keep the parsed body in `response.data`; Storage's `ApiError` keeps the
 * fields on the error itself.
 */
function readBody(error: UnknownRecord): UnknownRecord | undefined {
  const response = error.response;
  const data = isRecord(response) ? response.data : undefined;
  const candidates: unknown[] = [data, error.message];
  for (const candidate of candidates) {
    let parsed: unknown = candidate;
    if (typeof candidate === 'string') {
      const text = candidate.trim();
      if (!text.startsWith('{') && !text.startsWith('[')) continue;
      try {
        parsed = JSON.parse(text) as unknown;
      } catch {
        continue;
      }
    }
    if (Array.isArray(parsed)) parsed = parsed.find((item) => isRecord(item) && 'error' in item);
    if (isRecord(parsed) && isRecord(parsed.error)) return parsed.error;
  }
  return undefined;
}

function readHeaders(error: UnknownRecord): Record<string, string> {
  const response = error.response;
  const raw = isRecord(response) ? response.headers : undefined;
  if (!(raw instanceof Headers)) return lowerCaseHeaders(raw);
  const headers: Record<string, string> = {};
  raw.forEach((value, key) => {
    headers[key.toLowerCase()] = value;
  });
  return headers;
}

/** Node.js system error codes may sit on the error, its `cause` (fetch) or an `AggregateError` member. */
function readSyscallCode(error: UnknownRecord): string | undefined {
  const candidates: unknown[] = [error, error.cause, isRecord(error.cause) ? error.cause.cause : undefined];
  if (Array.isArray(error.errors)) candidates.push(...(error.errors as unknown[]));
  if (isRecord(error.cause) && Array.isArray(error.cause.errors))
    candidates.push(...(error.cause.errors as unknown[]));
  return findSocketCode(candidates, { undici: true });
}

/** `ErrorInfo` and `RetryInfo` from REST `details` (`@type` keyed) or gax `statusDetails` (decoded messages). */
function readDetails(details: readonly unknown[]): {
  reason?: string;
  metadata: Record<string, string>;
  retryDelaySeconds?: number;
} {
  let reason: string | undefined;
  const metadata: Record<string, string> = {};
  let retryDelaySeconds: number | undefined;
  for (const detail of details) {
    if (!isRecord(detail)) continue;
    const type = stringProp(detail, '@type') ?? '';
    if (type.endsWith('google.rpc.RetryInfo') || 'retryDelay' in detail) {
      retryDelaySeconds = durationSeconds(detail.retryDelay) ?? retryDelaySeconds;
    }
    if (
      type.endsWith('google.rpc.ErrorInfo') ||
      (type === '' && typeof detail.reason === 'string' && 'domain' in detail)
    ) {
      reason = stringProp(detail, 'reason') ?? reason;
      if (isRecord(detail.metadata)) {
        for (const [key, value] of Object.entries(detail.metadata))
          if (typeof value === 'string') metadata[key] = value;
      }
    }
  }
  return {
    ...(reason === undefined ? {} : { reason }),
    metadata,
    ...(retryDelaySeconds === undefined ? {} : { retryDelaySeconds }),
  };
}

function readFacts(error: unknown): ErrorFacts {
  if (!isRecord(error)) {
    return {
      name: undefined,
      status: undefined,
      httpStatus: undefined,
      reasons: [],
      errorInfoMetadata: {},
      syscallCode: undefined,
      retryDelaySeconds: undefined,
      headers: {},
      message: String(error),
    };
  }
  const body = readBody(error);
  const code = error.code;
  // gax `GoogleError.code` is a gRPC code (0–16); Storage's `ApiError.code` and gaxios' `status` are HTTP statuses.
  const numericCode =
    typeof code === 'number'
      ? code
      : typeof code === 'string' && /^\d+$/.test(code)
        ? Number(code)
        : undefined;
  const grpcCode = numericCode !== undefined && numericCode < 100 ? numericCode : undefined;
  const responseStatus = isRecord(error.response) ? error.response.status : undefined;
  const bodyCode = body?.code;
  const httpStatus =
    (typeof error.status === 'number' ? error.status : undefined) ??
    (typeof responseStatus === 'number' ? responseStatus : undefined) ??
    (numericCode !== undefined && numericCode >= 100 ? numericCode : undefined) ??
    (typeof bodyCode === 'number' ? bodyCode : undefined);
  const status =
    stringProp(body, 'status') ??
    (grpcCode === undefined ? undefined : GRPC_STATUS_NAMES[grpcCode]) ??
    (httpStatus === undefined ? undefined : statusOfHttp(httpStatus));
  const legacy = [...arrayProp(body, 'errors'), ...arrayProp(error, 'errors')]
    .map((entry) => stringProp(entry, 'reason'))
    .filter((reason): reason is string => reason !== undefined);
  const details = readDetails([...arrayProp(body, 'details'), ...arrayProp(error, 'statusDetails')]);
  const errorInfoReason = stringProp(error, 'reason') ?? details.reason;
  const metadata: Record<string, string> = { ...details.metadata };
  if (isRecord(error.errorInfoMetadata)) {
    for (const [key, value] of Object.entries(error.errorInfoMetadata))
      if (typeof value === 'string') metadata[key] = value;
  }
  return {
    name: stringProp(error, 'name'),
    status,
    httpStatus: httpStatus ?? (status === undefined ? undefined : HTTP_OF_STATUS[status]),
    reasons: errorInfoReason === undefined ? legacy : [...legacy, errorInfoReason],
    errorInfoMetadata: metadata,
    syscallCode: readSyscallCode(error),
    retryDelaySeconds: details.retryDelaySeconds,
    headers: readHeaders(error),
    message: stringProp(body, 'message') ?? stringProp(error, 'message') ?? '',
  };
}

function isParseFailure(facts: ErrorFacts, error: unknown): boolean {
  if (facts.name === 'SyntaxError') return true;
  if (isRecord(error) && error.type === 'invalid-json') return true;
  return /Unexpected (token|end of JSON)|Unterminated string in JSON|in JSON at position|invalid json response body/i.test(
    facts.message,
  );
}

function classifyStatus(status: string, httpStatus: number | undefined): CloudErrorCode | undefined {
  switch (status) {
    case 'RESOURCE_EXHAUSTED':
      return 'CLOUD_THROTTLED';
    case 'UNAUTHENTICATED':
      return 'CLOUD_AUTHENTICATION';
    case 'PERMISSION_DENIED':
      return 'CLOUD_AUTHORIZATION';
    case 'NOT_FOUND':
      return 'CLOUD_NOT_FOUND';
    case 'INVALID_ARGUMENT':
    case 'FAILED_PRECONDITION':
    case 'OUT_OF_RANGE':
      return 'CLOUD_INVALID_PARAMETER';
    case 'UNAVAILABLE':
    case 'INTERNAL':
    case 'ABORTED':
      return 'CLOUD_UNAVAILABLE';
    case 'UNKNOWN':
      return httpStatus !== undefined && httpStatus >= 500 ? 'CLOUD_UNAVAILABLE' : undefined;
    case 'DEADLINE_EXCEEDED':
      return 'CLOUD_TIMEOUT';
    case 'UNIMPLEMENTED':
    case 'ALREADY_EXISTS':
    case 'DATA_LOSS':
      // Nothing the caller can fix or wait out; keep the status visible in the message.
      return 'CLOUD_UNKNOWN';
    default:
      return undefined;
  }
}

function classifyHttp(status: number): CloudErrorCode | undefined {
  if (status === 429) return 'CLOUD_THROTTLED';
  if (status === 401) return 'CLOUD_AUTHENTICATION';
  if (status === 403) return 'CLOUD_AUTHORIZATION';
  if (status === 404) return 'CLOUD_NOT_FOUND';
  if (status === 408 || status === 504) return 'CLOUD_TIMEOUT';
  if (status === 400) return 'CLOUD_INVALID_PARAMETER';
  if (status >= 500 && status <= 599) return 'CLOUD_UNAVAILABLE';
  return undefined;
}

function classify(error: unknown, facts: ErrorFacts, context: GcpErrorContext): CloudErrorCode {
  if (facts.name === 'TimeoutError') return 'CLOUD_TIMEOUT';
  // A cancelled call: gax rejects with CANCELLED (`cancelled`), fetch with an AbortError, and a
  // call abandoned on abort with the signal's reason.
  if (facts.name === 'AbortError' || facts.status === 'CANCELLED' || context.signal?.aborted === true)
    return classifyAbort(error, context.signal);
  const successful = facts.httpStatus !== undefined && facts.httpStatus >= 200 && facts.httpStatus < 300;
  if ((facts.httpStatus === undefined || successful) && isParseFailure(facts, error))
    return 'CLOUD_MALFORMED_RESPONSE';
  // A socket code counts only when no HTTP answer came back.
  const fromSocket =
    facts.syscallCode === undefined || facts.httpStatus !== undefined
      ? undefined
      : classifySocketCode(facts.syscallCode);
  if (fromSocket !== undefined) return fromSocket;
  if (facts.reasons.some((reason) => QUOTA_REASONS.has(reason))) return 'CLOUD_QUOTA_EXCEEDED';
  if (facts.reasons.some((reason) => THROTTLE_REASONS.has(reason))) return 'CLOUD_THROTTLED';
  const fromStatus = facts.status === undefined ? undefined : classifyStatus(facts.status, facts.httpStatus);
  if (fromStatus !== undefined) return fromStatus;
  const fromHttp = facts.httpStatus === undefined ? undefined : classifyHttp(facts.httpStatus);
  if (fromHttp !== undefined) return fromHttp;
  if (
    /Could not load the default credentials|Unable to detect a Project Id|invalid_grant|invalid_client/i.test(
      facts.message,
    )
  ) {
    return 'CLOUD_AUTHENTICATION';
  }
  if (/fetch failed|socket hang up|network error/i.test(facts.message)) return 'CLOUD_UNREACHABLE';
  return 'CLOUD_UNKNOWN';
}

/**
 * Removes anything credential-like from a provider message (bearer tokens, OAuth access tokens,
 * API keys, signed-URL signatures) and bounds its length.
 */
export function redactGcpMessage(message: string): string {
  const text = message
    .replace(/((?:access_token|key|X-Goog-Signature|Signature)=)[^&\s"]+/gi, '$1[redacted]')
    .replace(/(Bearer\s+)[A-Za-z0-9._~+/=-]+/gi, '$1[redacted]')
    .replace(/\bya29\.[A-Za-z0-9._-]+/g, '[redacted token]')
    .replace(/\bAIza[0-9A-Za-z_-]{20,}/g, '[redacted key]');
  return boundMessage(text);
}

function suggestionsFor(code: CloudErrorCode, facts: ErrorFacts, context: GcpErrorContext): string[] {
  switch (code) {
    case 'CLOUD_AUTHENTICATION':
      return [
        'Check the Google credentials (sre doctor): GOOGLE_APPLICATION_CREDENTIALS, `gcloud auth application-default login`, or the attached service account.',
      ];
    case 'CLOUD_AUTHORIZATION': {
      if (facts.reasons.includes('SERVICE_DISABLED') || facts.reasons.includes('accessNotConfigured')) {
        return [
          `Enable the ${context.service ?? ''} API in project ${context.project ?? ''}, or remove the project from SRE_GCP_PROJECTS.`,
        ];
      }
      const permission = facts.errorInfoMetadata.permission;
      return [
        permission === undefined
          ? 'Grant a read role (for example roles/viewer) to the identity in use on the project.'
          : `Grant the IAM permission ${permission} (for example via roles/viewer) to the identity in use.`,
      ];
    }
    case 'CLOUD_THROTTLED':
      return ['Retry later or lower the request rate (fewer projects at once).'];
    case 'CLOUD_UNREACHABLE':
      return ['Check network access to the Google API endpoint (proxy, DNS, SRE_GCP_ENDPOINT).'];
    case 'CLOUD_NOT_FOUND':
      return context.resource === undefined ? [] : [`Check the name "${context.resource}" and the project.`];
    case 'CLOUD_QUOTA_EXCEEDED':
      return [
        'Raise the quota in the Google Cloud console (IAM & Admin > Quotas) or wait for usage to drop.',
      ];
    case 'CLOUD_INVALID_PARAMETER':
    case 'CLOUD_MALFORMED_RESPONSE':
    case 'CLOUD_TIMEOUT':
    case 'CLOUD_UNAVAILABLE':
    case 'CLOUD_UNKNOWN':
      return [];
  }
}

/**
 * Maps an error thrown by a Google Cloud client library (or the HTTP stack under it) to an
 * {@link SreError} with a `CLOUD_*` code. It understands:
 * - gax `GoogleError` (numeric gRPC `code`, `reason`/`errorInfoMetadata`, `statusDetails`);
 * - gaxios errors of gax's REST transport (HTTP `status`, the JSON error body in the message or
 *   `response.data`: `status`, legacy `errors[].reason`, `ErrorInfo`, `RetryInfo`);
 * - Storage `ApiError` (HTTP `code`, `errors[].reason`);
 * - Node.js socket errors and fetch failures, JSON parse failures, aborts.
 *
 * Order: aborts (timeout vs cancellation) → unparseable 2xx bodies → socket codes → quota and
 * rate-limit reasons (they win over the HTTP status: Compute and Storage send some with 403) →
 * canonical status (RESOURCE_EXHAUSTED → throttled, UNAUTHENTICATED, PERMISSION_DENIED, NOT_FOUND,
 * INVALID_ARGUMENT/FAILED_PRECONDITION/OUT_OF_RANGE → invalid parameter, UNAVAILABLE/INTERNAL/ABORTED
 * and UNKNOWN with a 5xx → unavailable, DEADLINE_EXCEEDED → timeout) → HTTP status → unknown.
 *
 * `details` carry `provider: 'gcp'`, `operation`, `gcpStatus` and `httpStatus` (derived from the
 * canonical status when only one is known), plus `reason`, `service`, `project`, `resource` and
 * `syscallCode` when known. `retryAfterSeconds` comes from `RetryInfo.retryDelay` or a
 * `Retry-After` header. Messages are redacted. An `SreError` passes through; an abort whose cause
 * is an `SreError` (the runner's own timeout) yields that error.
 */
export function mapGcpError(error: unknown, operation: string, context: GcpErrorContext = {}): SreError {
  const known = passThroughSreError(error);
  if (known !== undefined) return known;
  if (context.signal?.aborted === true && context.signal.reason instanceof SreError)
    return context.signal.reason;
  const facts = readFacts(error);
  const code = classify(error, facts, context);
  const cancelled =
    facts.name === 'AbortError' || facts.status === 'CANCELLED' || context.signal?.aborted === true;
  return buildCloudError({
    provider: 'gcp',
    code,
    operation,
    where: context.project === undefined ? '' : ` in project ${context.project}`,
    resource: context.resource,
    providerCode: facts.status,
    detail: redactGcpMessage(code === 'CLOUD_UNKNOWN' && cancelled ? CANCELLED_DETAIL : facts.message),
    cause: error,
    details: {
      service: context.service,
      project: context.project,
      resource: context.resource,
      gcpStatus: facts.status,
      httpStatus: facts.httpStatus,
      reason: facts.reasons.at(-1),
      syscallCode: facts.syscallCode,
    },
    suggestions: suggestionsFor(code, facts, context),
    retryAfterSeconds:
      facts.retryDelaySeconds ?? parseRetryAfter(facts.headers['retry-after'], context.now ?? Date.now),
  });
}
