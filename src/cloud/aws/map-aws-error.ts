import type { SreError } from '../../core/errors/sre-error.js';
import { boundMessage } from '../shared/bound-message.js';
import { buildCloudError, CANCELLED_DETAIL, type CloudErrorCode } from '../shared/build-cloud-error.js';
import { classifyAbort } from '../shared/classify-abort.js';
import { lowerCaseHeaders } from '../shared/lower-case-headers.js';
import { parseRetryAfter } from '../shared/parse-retry-after.js';
import { passThroughSreError } from '../shared/pass-through-sre-error.js';
import { classifySocketCode, findSocketCode } from '../shared/socket-error-code.js';
import { isRecord, stringProp } from '../shared/unknown-props.js';

/** What the caller knows about the failed call, to make the error precise. */
export interface AwsErrorContext {
  /** Call-key service (`ec2`, `logs`…), used for the IAM action in authorization hints. */
  readonly service?: string;
  readonly region?: string;
  /** The named resource the call addressed (a log group, a bucket), for not-found messages. */
  readonly resource?: string;
  /** The signal the call ran under: tells a timeout abort from a cancellation. */
  readonly signal?: AbortSignal;
  /** Clock for `Retry-After` dates (default `Date.now`). */
  readonly now?: () => number;
}

const THROTTLED = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'RequestLimitExceeded',
  'TooManyRequestsException',
  'SlowDown',
  'RequestThrottled',
  'RequestThrottledException',
  'ProvisionedThroughputExceededException',
  'BandwidthLimitExceeded',
  'EC2ThrottledException',
  'PriorRequestNotComplete',
  'TransactionInProgressException',
]);

const AUTHENTICATION = new Set([
  'ExpiredToken',
  'ExpiredTokenException',
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'AuthFailure',
  'SignatureDoesNotMatch',
  'IncompleteSignature',
  'IncompleteSignatureException',
  'InvalidAccessKeyId',
  'InvalidToken',
  'InvalidSignatureException',
  'MissingAuthenticationToken',
  'MissingAuthenticationTokenException',
  'RequestExpired',
  'CredentialsProviderError',
  'TokenProviderError',
]);

const AUTHORIZATION = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'UnauthorizedOperation',
  'AuthorizationError',
  'UnauthorizedException',
  'Forbidden',
  'AllAccessDisabled',
  'OptInRequired',
  'AuthorizationFailure',
]);

const NOT_FOUND = new Set([
  'ResourceNotFoundException',
  'ResourceNotFound',
  'NotFound',
  'NotFoundException',
  'DBInstanceNotFound',
  'DBInstanceNotFoundFault',
  'TrailNotFoundException',
]);

const INVALID_PARAMETER = new Set([
  'ValidationError',
  'ValidationException',
  'InvalidParameterValue',
  'InvalidParameterCombination',
  'InvalidParameterException',
  'InvalidParameterValueException',
  'InvalidParameterCombinationException',
  'MissingParameter',
  'MissingRequiredParameter',
  'InvalidRequestException',
  'InvalidNextToken',
  'InvalidNextTokenException',
  'InvalidPaginationToken',
  'InvalidArgument',
  'InvalidTimeRangeException',
  'InvalidLookupAttributesException',
  'InvalidMaxResultsException',
  'InvalidQueryParameter',
  'MalformedQueryString',
  'InvalidAction',
  'SerializationException',
  'UnsupportedOperation',
]);

const QUOTA_EXCEEDED = new Set([
  'LimitExceededException',
  'LimitExceeded',
  'ServiceQuotaExceededException',
  'QuotaExceeded',
  'InstanceLimitExceeded',
  'ResourceLimitExceeded',
  'InstanceQuotaExceeded',
  'StorageQuotaExceeded',
]);

const UNAVAILABLE = new Set([
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'Unavailable',
  'InternalError',
  'InternalFailure',
  'InternalServerError',
  'InternalServerException',
  'InternalServiceError',
  'InternalServiceException',
  'ServiceException',
  'ServiceFailure',
  'ServiceFailureException',
  'ServerException',
  'ServerError',
]);

const TIMEOUT = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException']);

/** IAM actions whose name differs from the API operation. */
const IAM_ACTION_OVERRIDES: Readonly<Record<string, string>> = {
  's3:ListBuckets': 's3:ListAllMyBuckets',
};

/** The facts read off an SDK (or Node.js) error, all optional. */
interface ErrorFacts {
  readonly name: string | undefined;
  readonly awsCode: string | undefined;
  readonly syscallCode: string | undefined;
  readonly httpStatus: number | undefined;
  readonly requestId: string | undefined;
  readonly fault: string | undefined;
  readonly throttlingHint: boolean;
  readonly retryableHint: boolean;
  readonly headers: Readonly<Record<string, string>>;
  readonly message: string;
}

function readHeaders(error: Record<string, unknown>): Record<string, string> {
  const response = error.$response;
  return lowerCaseHeaders(isRecord(response) ? response.headers : undefined);
}

/** Node.js system error codes may sit on the error, its `cause` or (happy eyeballs) an `AggregateError` member. */
function readSyscallCode(error: Record<string, unknown>): string | undefined {
  const candidates: unknown[] = [error, error.cause];
  if (Array.isArray(error.errors)) candidates.push(...(error.errors as unknown[]));
  return findSocketCode(candidates, { undici: false });
}

function readFacts(error: unknown): ErrorFacts {
  if (!isRecord(error)) {
    return {
      name: undefined,
      awsCode: undefined,
      syscallCode: undefined,
      httpStatus: undefined,
      requestId: undefined,
      fault: undefined,
      throttlingHint: false,
      retryableHint: false,
      headers: {},
      message: String(error),
    };
  }
  const metadata = isRecord(error.$metadata) ? error.$metadata : {};
  const status = metadata.httpStatusCode;
  const retryable = error.$retryable;
  const name = stringProp(error, 'name');
  const fault = stringProp(error, '$fault');
  // Service errors (they carry `$fault`) have the wire code as their name; some also keep `Code`.
  const wireCode = stringProp(error, 'Code') ?? (fault === undefined ? undefined : name);
  return {
    name,
    awsCode: wireCode,
    syscallCode: readSyscallCode(error),
    httpStatus: typeof status === 'number' ? status : undefined,
    requestId: stringProp(metadata, 'requestId'),
    fault,
    throttlingHint: isRecord(retryable) && retryable.throttling === true,
    retryableHint: isRecord(retryable),
    headers: readHeaders(error),
    message: stringProp(error, 'message') ?? stringProp(error, 'Message') ?? '',
  };
}

function classifyCode(code: string): CloudErrorCode | undefined {
  if (THROTTLED.has(code)) return 'CLOUD_THROTTLED';
  if (AUTHENTICATION.has(code)) return 'CLOUD_AUTHENTICATION';
  if (AUTHORIZATION.has(code)) return 'CLOUD_AUTHORIZATION';
  if (
    NOT_FOUND.has(code) ||
    /(NotFound|NotFoundException|NotFoundFault)$/.test(code) ||
    code.startsWith('NoSuch')
  ) {
    return 'CLOUD_NOT_FOUND';
  }
  if (QUOTA_EXCEEDED.has(code) || /QuotaExceeded/.test(code)) return 'CLOUD_QUOTA_EXCEEDED';
  if (UNAVAILABLE.has(code)) return 'CLOUD_UNAVAILABLE';
  if (TIMEOUT.has(code)) return 'CLOUD_TIMEOUT';
  if (INVALID_PARAMETER.has(code) || /^Invalid[A-Z]/.test(code)) return 'CLOUD_INVALID_PARAMETER';
  return undefined;
}

function classifyStatus(status: number): CloudErrorCode | undefined {
  if (status === 429) return 'CLOUD_THROTTLED';
  if (status === 401) return 'CLOUD_AUTHENTICATION';
  if (status === 403) return 'CLOUD_AUTHORIZATION';
  if (status === 404) return 'CLOUD_NOT_FOUND';
  if (status === 408) return 'CLOUD_TIMEOUT';
  if (status >= 500 && status <= 599) return 'CLOUD_UNAVAILABLE';
  return undefined;
}

function classify(error: unknown, facts: ErrorFacts, context: AwsErrorContext): CloudErrorCode {
  if (facts.name === 'AbortError') return classifyAbort(error, context.signal);
  // A 2xx whose body the SDK could not turn into an output: a deserialization failure (no `$fault`,
  // which only service errors carry). The name varies (SyntaxError, XML parser errors, TypeError).
  if (
    facts.httpStatus !== undefined &&
    facts.httpStatus >= 200 &&
    facts.httpStatus < 300 &&
    facts.fault === undefined
  ) {
    return 'CLOUD_MALFORMED_RESPONSE';
  }
  const fromSocket = facts.syscallCode === undefined ? undefined : classifySocketCode(facts.syscallCode);
  if (fromSocket !== undefined) return fromSocket;
  if (
    /Could not load credentials|credential object is not valid|Unable to load credentials/i.test(
      facts.message,
    )
  ) {
    return 'CLOUD_AUTHENTICATION';
  }
  const codeOrName = facts.awsCode ?? facts.name;
  const fromCode = codeOrName === undefined ? undefined : classifyCode(codeOrName);
  if (fromCode !== undefined) return fromCode;
  if (facts.name === 'SyntaxError' || /Deserialization error|XML|parse/i.test(facts.message)) {
    if (facts.fault === undefined) return 'CLOUD_MALFORMED_RESPONSE';
  }
  if (facts.throttlingHint) return 'CLOUD_THROTTLED';
  const fromStatus = facts.httpStatus === undefined ? undefined : classifyStatus(facts.httpStatus);
  if (fromStatus !== undefined) return fromStatus;
  if (facts.fault === 'server') return 'CLOUD_UNAVAILABLE';
  return 'CLOUD_UNKNOWN';
}

/** Seconds from `Retry-After` (seconds or an HTTP date) or `x-amz-retry-after` (milliseconds). */
function readRetryAfter(headers: Readonly<Record<string, string>>, now: () => number): number | undefined {
  const retryAfter = parseRetryAfter(headers['retry-after'], now);
  if (retryAfter !== undefined) return retryAfter;
  const amz = headers['x-amz-retry-after']?.trim();
  return amz !== undefined && /^\d+$/.test(amz) ? Number(amz) / 1000 : undefined;
}

/**
 * Removes anything credential-like from a provider message (SigV4 canonical requests, key ids,
 * signatures, session tokens) and bounds its length.
 */
export function redactAwsMessage(message: string): string {
  // The SDK's deserialization hint talks about its own object model; users need none of it.
  let text = message.replace(/\s*Deserialization error: to see the raw response[^\n]*/g, '');
  // SignatureDoesNotMatch messages quote the canonical request and string to sign: drop them.
  const canonical = text.search(
    /\s*(The Canonical String|The String-to-Sign|Canonical String for this request)/i,
  );
  if (canonical >= 0) text = text.slice(0, canonical);
  text = text
    .replace(/\b(AKIA|ASIA|AIDA|AROA|AIPA|ANPA|ANVA|AGPA)[A-Z0-9]{12,}\b/g, '[redacted key id]')
    .replace(/(Credential=)[^,\s]+/gi, '$1[redacted]')
    .replace(/(Signature=)[0-9a-f]+/gi, '$1[redacted]')
    .replace(/(X-Amz-Security-Token=)[^&\s]+/gi, '$1[redacted]')
    .replace(/(security token|session token)([^.]*?)([A-Za-z0-9+/=]{40,})/gi, '$1$2[redacted]');
  return boundMessage(text);
}

function suggestionsFor(
  code: CloudErrorCode,
  operation: string,
  context: AwsErrorContext,
  facts: ErrorFacts,
): string[] {
  switch (code) {
    case 'CLOUD_AUTHENTICATION':
      return [
        'Check the AWS credentials (sre doctor): AWS_PROFILE, AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, SSO login or the instance role.',
        'Temporary credentials expire: refresh the session (for example `aws sso login`).',
      ];
    case 'CLOUD_AUTHORIZATION': {
      if (facts.awsCode === 'OptInRequired')
        return [
          `Enable the region ${context.region ?? ''} for the account, or remove it from the configured regions.`,
        ];
      if (context.service === undefined) return ['Grant the missing read permission to the identity in use.'];
      const action = `${context.service === 'cloudwatch' ? 'cloudwatch' : context.service}:${operation}`;
      return [`Grant the IAM permission ${IAM_ACTION_OVERRIDES[action] ?? action} to the identity in use.`];
    }
    case 'CLOUD_THROTTLED':
      return ['Retry later or lower the request rate (fewer regions or accounts at once).'];
    case 'CLOUD_UNREACHABLE':
      return ['Check network access to the AWS endpoint (proxy, DNS, AWS_ENDPOINT_URL).'];
    case 'CLOUD_NOT_FOUND':
      return context.resource === undefined ? [] : [`Check the name "${context.resource}" and the region.`];
    case 'CLOUD_QUOTA_EXCEEDED':
      return ['Raise the quota in Service Quotas or wait for usage to drop.'];
    case 'CLOUD_INVALID_PARAMETER':
    case 'CLOUD_MALFORMED_RESPONSE':
    case 'CLOUD_TIMEOUT':
    case 'CLOUD_UNAVAILABLE':
    case 'CLOUD_UNKNOWN':
      return [];
  }
}

/**
 * Maps an error thrown by an AWS SDK v3 call (or the HTTP stack under it) to an {@link SreError}
 * with a `CLOUD_*` code. Classification uses, in order: aborts (timeout vs cancellation), a 2xx
 * response that failed to parse, Node.js socket codes, the service error code (`name`/`Code`),
 * the SDK's `$retryable.throttling` hint, the HTTP status, and `$fault`.
 *
 * `details` carry `provider`, `operation`, `awsCode`, `httpStatus` and `requestId` (when known).
 * `retryAfterSeconds` comes from a `Retry-After` or `x-amz-retry-after` response header. Messages
 * are human-readable and redacted (no key ids, signatures or tokens). An `SreError` passes through;
 * an abort whose cause is an `SreError` (e.g. the runner's own timeout) yields that error.
 */
export function mapAwsError(error: unknown, operation: string, context: AwsErrorContext = {}): SreError {
  const known = passThroughSreError(error);
  if (known !== undefined) return known;
  const facts = readFacts(error);
  const code = classify(error, facts, context);
  return buildCloudError({
    provider: 'aws',
    code,
    operation,
    where: context.region === undefined ? '' : ` in ${context.region}`,
    resource: context.resource,
    providerCode: facts.awsCode,
    detail: redactAwsMessage(
      code === 'CLOUD_UNKNOWN' && facts.name === 'AbortError' ? CANCELLED_DETAIL : facts.message,
    ),
    cause: error,
    details: {
      service: context.service,
      region: context.region,
      resource: context.resource,
      awsCode: facts.awsCode,
      syscallCode: facts.syscallCode,
      httpStatus: facts.httpStatus,
      requestId: facts.requestId,
    },
    suggestions: suggestionsFor(code, operation, context, facts),
    retryAfterSeconds: readRetryAfter(facts.headers, context.now ?? Date.now),
    // An unclassified error the SDK itself marks retryable (a transient it knows) stays retryable.
    ...(code === 'CLOUD_UNKNOWN' && facts.retryableHint ? { retryable: true } : {}),
  });
}
