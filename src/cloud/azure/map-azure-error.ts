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
export interface AzureErrorContext {
  /** Call-key service (`Microsoft.Compute`, `loganalytics`…). */
  readonly service?: string;
  /** The subscription the call addressed. */
  readonly subscription?: string;
  readonly region?: string;
  /** The named resource the call addressed (a VM, a workspace), for not-found messages. */
  readonly resource?: string;
  /** The signal the call ran under: tells a timeout abort from a cancellation. */
  readonly signal?: AbortSignal;
  /** Clock for `Retry-After` dates (default `Date.now`). */
  readonly now?: () => number;
}

/**
 * Azure error codes (`error.code` of ARM bodies, `code` of Insights and Log Analytics bodies),
 * by class. Codes compare case-insensitively. Sources: ARM's common errors
 * (https://learn.microsoft.com/azure/azure-resource-manager/troubleshooting/common-deployment-errors),
 * request throttling (https://learn.microsoft.com/azure/azure-resource-manager/management/request-limits-and-throttling)
 * and the Log Analytics query API errors.
 */
const CODE_CLASSES: readonly (readonly [CloudErrorCode, readonly string[]])[] = [
  [
    'CLOUD_THROTTLED',
    [
      'TooManyRequests',
      'SubscriptionRequestsThrottled',
      'ResourceRequestsThrottled',
      'ResourceCollectionRequestsThrottled',
      'TenantRequestsThrottled',
      'OperationThrottled',
      'Throttled',
      'ThrottlingError',
      'ThrottledError',
      'ServerBusy',
    ],
  ],
  [
    'CLOUD_AUTHENTICATION',
    [
      'InvalidAuthenticationToken',
      'InvalidAuthenticationTokenTenant',
      'InvalidAuthenticationTokenAudience',
      'ExpiredAuthenticationToken',
      'AuthenticationFailed',
      'AuthenticationFailedMissingToken',
      'AuthenticationFailedInvalidHeader',
      'InvalidTokenError',
      'TokenExpired',
      'Unauthorized',
    ],
  ],
  [
    'CLOUD_AUTHORIZATION',
    [
      'AuthorizationFailed',
      'LinkedAuthorizationFailed',
      'LinkedAccessCheckFailed',
      'Forbidden',
      'InsufficientAccessError',
      'AuthorizationPermissionMismatch',
      'RequestDisallowedByPolicy',
      'ReadOnlyDisabledSubscription',
      'SubscriptionNotRegistered',
      'MissingSubscriptionRegistration',
    ],
  ],
  [
    'CLOUD_NOT_FOUND',
    [
      'SubscriptionNotFound',
      'ResourceGroupNotFound',
      'ResourceNotFound',
      'ParentResourceNotFound',
      'NotFound',
      'WorkspaceNotFoundError',
      'NotFoundError',
      'PathNotFoundError',
      'InvalidResourceNamespace',
      'InvalidResourceType',
      'NoRegisteredProviderFound',
    ],
  ],
  [
    'CLOUD_QUOTA_EXCEEDED',
    ['QuotaExceeded', 'OperationQuotaExceeded', 'LimitExceeded', 'ResourceQuotaExceeded'],
  ],
  [
    'CLOUD_TIMEOUT',
    ['GatewayTimeout', 'RequestTimeout', 'ServerTimeout', 'OperationTimedOut', 'GatewayTimeoutError'],
  ],
  [
    'CLOUD_UNAVAILABLE',
    [
      'ServiceUnavailable',
      'ServiceUnavailableError',
      'InternalServerError',
      'InternalError',
      'InternalServiceError',
      'ServiceError',
      'BadGateway',
    ],
  ],
  [
    'CLOUD_INVALID_PARAMETER',
    [
      'InvalidParameter',
      'BadRequest',
      'InvalidRequestContent',
      'InvalidRequestFormat',
      'InvalidQueryParameterValue',
      'InvalidFilterInQueryString',
      'InvalidSkipToken',
      'MissingApiVersionParameter',
      'InvalidApiVersionParameter',
      'NoRegisteredProviderFoundForApiVersion',
      'BadArgumentError',
      'SemanticError',
      'SyntaxError',
      'ValidationError',
      'InvalidTemplate',
      'OperationNotAllowed',
      'Conflict',
    ],
  ],
];

const CODE_CLASS: ReadonlyMap<string, CloudErrorCode> = new Map(
  CODE_CLASSES.flatMap(([cloudCode, codes]) => codes.map((code) => [code.toLowerCase(), cloudCode] as const)),
);

/** `@azure/identity` credential failures, by error name. */
const IDENTITY_ERRORS = new Set([
  'CredentialUnavailableError',
  'AuthenticationRequiredError',
  'AuthenticationError',
  'AggregateAuthenticationError',
  'ClientAuthError',
  'InteractionRequiredAuthError',
]);

/** The RBAC action each read operation needs, for authorization hints. */
const RBAC_ACTIONS: Readonly<Record<string, string>> = {
  Subscriptions_List: 'Microsoft.Resources/subscriptions/read',
  VirtualMachines_ListAll: 'Microsoft.Compute/virtualMachines/read',
  VirtualMachines_InstanceView: 'Microsoft.Compute/virtualMachines/instanceView/read',
  Disks_List: 'Microsoft.Compute/disks/read',
  WebApps_List: 'Microsoft.Web/sites/read',
  WebApps_GetConfiguration: 'Microsoft.Web/sites/config/read',
  Servers_List: 'Microsoft.Sql/servers/read',
  Databases_ListByServer: 'Microsoft.Sql/servers/databases/read',
  StorageAccounts_List: 'Microsoft.Storage/storageAccounts/read',
  Workspaces_List: 'Microsoft.OperationalInsights/workspaces/read',
  Metrics_List: 'Microsoft.Insights/metrics/read',
  Metrics_Batch: 'Microsoft.Insights/metrics/read',
  ActivityLogs_List: 'Microsoft.Insights/eventtypes/values/read',
  Query_Execute: 'Microsoft.OperationalInsights/workspaces/query/read',
};

/** The facts read off an SDK (or Node.js) error, all optional. */
interface ErrorFacts {
  readonly name: string | undefined;
  /** The service's error code (`AuthorizationFailed`), or the SDK's own (`REQUEST_SEND_ERROR`, `PARSE_ERROR`). */
  readonly azureCode: string | undefined;
  readonly syscallCode: string | undefined;
  readonly httpStatus: number | undefined;
  readonly requestId: string | undefined;
  readonly headers: Readonly<Record<string, string>>;
  readonly message: string;
  /** Codes of the nested `innererror`s, outermost first (`SemanticError`, `SEM0100`). */
  readonly innerCodes: readonly string[];
  /** The innermost error message, which says what was wrong (Log Analytics nests it twice). */
  readonly innerMessage: string | undefined;
}

/**
 * Response headers of a `RestError` (`response.headers` is an `HttpHeaders` with `toJSON()` /
 * `get()`), lower-cased; plain header objects are accepted too.
 */
function readHeaders(error: Record<string, unknown>): Record<string, string> {
  const response = error.response;
  if (!isRecord(response)) return {};
  const raw = response.headers;
  if (!isRecord(raw)) return {};
  const toJson = raw.toJSON;
  const entries: unknown = typeof toJson === 'function' ? (toJson as () => unknown).call(raw) : raw;
  return lowerCaseHeaders(entries);
}

/** Node.js system error codes may sit on the error, its `cause` or (happy eyeballs) an `AggregateError` member. */
function readSyscallCode(error: Record<string, unknown>): string | undefined {
  const candidates: unknown[] = [error, error.cause];
  if (isRecord(error.cause) && Array.isArray(error.cause.errors))
    candidates.push(...(error.cause.errors as unknown[]));
  if (Array.isArray(error.errors)) candidates.push(...(error.errors as unknown[]));
  return findSocketCode(candidates, { undici: true });
}

/** The service code inside a deserialized error body (`details.error.code`, `details.code`), when the SDK kept one. */
function bodyCode(error: Record<string, unknown>): string | undefined {
  const details = error.details;
  return stringProp(isRecord(details) ? details.error : undefined, 'code') ?? stringProp(details, 'code');
}

/** The chain of `innererror`s under a deserialized error body (`details.error.innererror…`). */
function readInnerErrors(error: Record<string, unknown>): { codes: string[]; message: string | undefined } {
  const details = error.details;
  let current: unknown =
    isRecord(details) && isRecord(details.error)
      ? details.error.innererror
      : isRecord(details)
        ? details.innererror
        : undefined;
  const codes: string[] = [];
  let message: string | undefined;
  for (let depth = 0; isRecord(current) && depth < 5; depth++) {
    const code = stringProp(current, 'code');
    if (code !== undefined) codes.push(code);
    message = stringProp(current, 'message') ?? message;
    current = current.innererror;
  }
  return { codes, message };
}

function readFacts(error: unknown): ErrorFacts {
  if (!isRecord(error)) {
    return {
      name: undefined,
      azureCode: undefined,
      syscallCode: undefined,
      httpStatus: undefined,
      requestId: undefined,
      headers: {},
      message: String(error),
      innerCodes: [],
      innerMessage: undefined,
    };
  }
  const inner = readInnerErrors(error);
  const headers = readHeaders(error);
  const status = error.statusCode;
  return {
    name: stringProp(error, 'name'),
    azureCode: stringProp(error, 'code') ?? bodyCode(error),
    syscallCode: readSyscallCode(error),
    httpStatus: typeof status === 'number' ? status : undefined,
    requestId: headers['x-ms-request-id'],
    headers,
    message: stringProp(error, 'message') ?? '',
    innerCodes: inner.codes,
    innerMessage: inner.message,
  };
}

function classifyStatus(status: number): CloudErrorCode | undefined {
  if (status === 429) return 'CLOUD_THROTTLED';
  if (status === 401) return 'CLOUD_AUTHENTICATION';
  if (status === 403) return 'CLOUD_AUTHORIZATION';
  if (status === 404) return 'CLOUD_NOT_FOUND';
  if (status === 408 || status === 504) return 'CLOUD_TIMEOUT';
  if (status >= 500 && status <= 599) return 'CLOUD_UNAVAILABLE';
  if (status === 400 || status === 409 || status === 422) return 'CLOUD_INVALID_PARAMETER';
  return undefined;
}

function classify(error: unknown, facts: ErrorFacts, context: AzureErrorContext): CloudErrorCode {
  if (facts.name === 'AbortError') return classifyAbort(error, context.signal);
  if (facts.name !== undefined && IDENTITY_ERRORS.has(facts.name)) return 'CLOUD_AUTHENTICATION';
  const ok = facts.httpStatus !== undefined && facts.httpStatus >= 200 && facts.httpStatus < 300;
  // A 2xx whose body could not be read: the SDK's PARSE_ERROR, or a body without the expected shape
  // (the paging helpers throw "Couldn't paginate response", deserializers a TypeError).
  if (facts.azureCode === 'PARSE_ERROR' || ok) return 'CLOUD_MALFORMED_RESPONSE';
  if (
    facts.httpStatus === undefined &&
    /Couldn't paginate response|occurred while parsing the response body/i.test(facts.message)
  ) {
    return 'CLOUD_MALFORMED_RESPONSE';
  }
  const fromSocket = facts.syscallCode === undefined ? undefined : classifySocketCode(facts.syscallCode);
  if (fromSocket !== undefined) return fromSocket;
  // The HTTP client's own failure to send (no response at all) without a recognisable socket code.
  if (facts.azureCode === 'REQUEST_SEND_ERROR') return 'CLOUD_UNREACHABLE';
  if (facts.httpStatus === undefined && (facts.name === 'SyntaxError' || facts.name === 'TypeError'))
    return 'CLOUD_MALFORMED_RESPONSE';
  const fromCode = facts.azureCode === undefined ? undefined : CODE_CLASS.get(facts.azureCode.toLowerCase());
  if (
    fromCode === 'CLOUD_INVALID_PARAMETER' &&
    facts.azureCode?.toLowerCase() === 'operationnotallowed' &&
    /quota/i.test(facts.message)
  ) {
    return 'CLOUD_QUOTA_EXCEEDED';
  }
  if (fromCode !== undefined) return fromCode;
  const fromStatus = facts.httpStatus === undefined ? undefined : classifyStatus(facts.httpStatus);
  return fromStatus ?? 'CLOUD_UNKNOWN';
}

/**
 * Seconds to wait from `Retry-After` (seconds or an HTTP date), `retry-after-ms` or
 * `x-ms-retry-after-ms` (milliseconds). ARM's `x-ms-ratelimit-remaining-*` headers count the
 * requests left, not a delay, so they give no hint.
 */
function readRetryAfter(headers: Readonly<Record<string, string>>, now: () => number): number | undefined {
  for (const name of ['retry-after-ms', 'x-ms-retry-after-ms']) {
    const value = headers[name]?.trim();
    if (value !== undefined && /^\d+(\.\d+)?$/.test(value)) return Number(value) / 1000;
  }
  return parseRetryAfter(headers['retry-after'], now);
}

/**
 * Removes anything credential-like from a provider message (bearer tokens and other JWTs, SAS
 * signatures, client secrets, shared keys) and bounds its length.
 */
export function redactAzureMessage(message: string): string {
  return boundMessage(
    message
      .replace(/\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g, '[redacted token]')
      .replace(/(Bearer\s+)[A-Za-z0-9._~+/=-]+/gi, '$1[redacted]')
      .replace(/([?&](?:sig|se|skoid|sktid)=)[^&\s"']+/gi, '$1[redacted]')
      .replace(
        /((?:client_secret|client_assertion|AccountKey|SharedAccessKey|password)\s*[=:]\s*)[^;&\s"']+/gi,
        '$1[redacted]',
      ),
  );
}

function suggestionsFor(code: CloudErrorCode, operation: string, context: AzureErrorContext): string[] {
  switch (code) {
    case 'CLOUD_AUTHENTICATION':
      return [
        'Check the Azure credentials (sre doctor): `az login`, AZURE_TENANT_ID/AZURE_CLIENT_ID/AZURE_CLIENT_SECRET, workload or managed identity.',
      ];
    case 'CLOUD_AUTHORIZATION': {
      const action = RBAC_ACTIONS[operation];
      const where = context.subscription === undefined ? '' : ` on subscription ${context.subscription}`;
      return [
        action === undefined
          ? `Grant the Reader role${where} to the identity in use.`
          : `Grant a role with ${action} (for example Reader${operation === 'Query_Execute' ? ' or Log Analytics Reader' : ''})${where} to the identity in use.`,
      ];
    }
    case 'CLOUD_THROTTLED':
      return ['Retry later or lower the request rate (fewer subscriptions at once).'];
    case 'CLOUD_UNREACHABLE':
      return ['Check network access to the Azure endpoint (proxy, DNS, SRE_AZURE_ENDPOINT).'];
    case 'CLOUD_NOT_FOUND':
      return context.resource === undefined
        ? context.subscription === undefined
          ? []
          : [`Check that subscription ${context.subscription} exists and is visible to the identity in use.`]
        : [`Check the name "${context.resource}".`];
    case 'CLOUD_INVALID_PARAMETER':
    case 'CLOUD_QUOTA_EXCEEDED':
    case 'CLOUD_UNAVAILABLE':
    case 'CLOUD_TIMEOUT':
    case 'CLOUD_MALFORMED_RESPONSE':
    case 'CLOUD_UNKNOWN':
      return [];
  }
}

/**
 * Maps an error thrown by an Azure SDK call (a `RestError` from the HTTP pipeline, an
 * `@azure/identity` credential error, an abort, a Node.js socket error) to an {@link SreError}
 * with a `CLOUD_*` code. Classification uses, in order: aborts (timeout vs cancellation),
 * credential errors, a 2xx (or `PARSE_ERROR`) whose body could not be read, socket codes, the
 * Azure error code (ARM `error.code`, Insights and Log Analytics `code`), then the HTTP status.
 *
 * `details` carry `provider`, `operation`, `azureCode`, `innerCodes` (nested `innererror` codes),
 * `httpStatus` and `requestId` (`x-ms-request-id`) when known; the message ends with the innermost
 * error message, which is where Log Analytics says what is wrong with a query. `retryAfterSeconds` comes from `Retry-After`, `retry-after-ms`
 * or `x-ms-retry-after-ms`. Messages are human-readable and redacted (no tokens, SAS signatures
 * or secrets). An `SreError` passes through; an abort whose cause is an `SreError` (the runner's
 * own timeout) yields that error.
 */
export function mapAzureError(error: unknown, operation: string, context: AzureErrorContext = {}): SreError {
  const known = passThroughSreError(error);
  if (known !== undefined) return known;
  const facts = readFacts(error);
  const code = classify(error, facts, context);
  const text =
    facts.innerMessage === undefined || facts.message.includes(facts.innerMessage)
      ? facts.message
      : `${facts.message}: ${facts.innerMessage}`;
  return buildCloudError({
    provider: 'azure',
    code,
    operation,
    where: context.region === undefined || context.region === 'global' ? '' : ` in ${context.region}`,
    resource: context.resource,
    providerCode: facts.azureCode,
    detail: redactAzureMessage(
      code === 'CLOUD_UNKNOWN' && facts.name === 'AbortError' ? CANCELLED_DETAIL : text,
    ),
    cause: error,
    details: {
      service: context.service,
      subscription: context.subscription,
      region: context.region,
      resource: context.resource,
      azureCode: facts.azureCode,
      innerCodes: facts.innerCodes.length > 0 ? facts.innerCodes : undefined,
      syscallCode: facts.syscallCode,
      httpStatus: facts.httpStatus,
      requestId: facts.requestId,
    },
    suggestions: suggestionsFor(code, operation, context),
    retryAfterSeconds: readRetryAfter(facts.headers, context.now ?? Date.now),
  });
}
