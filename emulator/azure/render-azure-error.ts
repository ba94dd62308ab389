import type { EmulatedError, OperationRoute, WireRequest, WireResponse } from '../server/wire.js';
import {
  armError,
  invalidResourceNamespaceError,
  invalidResourceTypeError,
  missingApiVersionError,
  type ArmError,
} from './arm-errors.js';
import { isAzureRoute, type AzureServeContext } from './azure-route.js';
import { deterministicGuid } from './deterministic-guid.js';
import type { LogAnalyticsError } from './log-analytics-errors.js';
import { pathNotFoundError } from './log-analytics-errors.js';
import { parseArmResourcePath } from './parse-arm-resource-id.js';
import { readQueryParameter } from './read-query-parameter.js';
import { requestPathname } from './request-target.js';
import { KNOWN_NAMESPACES } from './route-arm-request.js';
import { isLogAnalyticsRequest, renderLogAnalyticsOutcome } from './route-log-analytics-request.js';

/** The principal the emulator pretends calls come from, as ARM names it in authorization errors. */
const CLIENT_NAME = 'sre-agent@emulator.local';

function retryAfter(error: EmulatedError): string {
  return String(error.retryAfterSeconds ?? 1);
}

function authorizationFailed(
  context: AzureServeContext,
  action: string,
  scope: string,
  suffix: string,
): ArmError {
  const objectId = deterministicGuid(`azure/principal/${context.catalog.tenantId}`);
  return armError(
    403,
    'AuthorizationFailed',
    `The client '${CLIENT_NAME}' with object id '${objectId}' does not have authorization to perform action '${action}' ` +
      `over scope '${scope}' or the scope is invalid. If access was recently granted, please refresh your credentials.${suffix}`,
  );
}

/** The ARM answer to a path the emulator does not serve, worded as ARM words unknown types. */
function unknownArmOperation(request: WireRequest, message: string): ArmError {
  const apiVersion = readQueryParameter(request.url, 'api-version');
  if (apiVersion === undefined) return missingApiVersionError();
  const path = parseArmResourcePath(requestPathname(request));
  if (path?.namespace !== undefined) {
    const namespace = KNOWN_NAMESPACES.get(path.namespace.toLowerCase());
    if (namespace === undefined) return invalidResourceNamespaceError(path.namespace, message);
    return invalidResourceTypeError(path.types.join('/'), namespace, apiVersion, message);
  }
  return armError(404, 'NotFound', message);
}

function armErrorFor(
  error: EmulatedError,
  request: WireRequest,
  route: OperationRoute | undefined,
  context: AzureServeContext,
): ArmError {
  const action = isAzureRoute(route) ? route.action : `${request.method} ${requestPathname(request)}`;
  const scope = isAzureRoute(route) ? route.scope : requestPathname(request);
  switch (error.kind) {
    case 'throttled':
      return {
        ...armError(
          429,
          'TooManyRequests',
          `${error.message}. The request is being throttled; retry after ${retryAfter(error)} second(s).`,
        ),
        headers: {
          'retry-after': retryAfter(error),
          'x-ms-ratelimit-remaining-subscription-reads': '0',
          'x-ms-ratelimit-remaining-subscription-global-reads': '0',
        },
      };
    case 'unavailable':
    case 'region_down':
      return {
        ...armError(503, 'ServiceUnavailable', error.message),
        headers: { 'retry-after': retryAfter(error) },
      };
    case 'denied':
      return authorizationFailed(context, action, scope, ` (${error.message})`);
    case 'mutation_refused':
      return authorizationFailed(
        context,
        action,
        scope,
        ` The Azure emulator is read-only: ${error.message}`,
      );
    case 'unknown_operation':
      return unknownArmOperation(request, error.message);
    case 'invalid':
      return armError(400, 'InvalidParameter', error.message);
    case 'not_found':
      return armError(404, 'ResourceNotFound', error.message);
  }
}

function logAnalyticsErrorFor(error: EmulatedError): LogAnalyticsError {
  switch (error.kind) {
    case 'throttled':
      return {
        status: 429,
        code: 'ThrottledError',
        message: `${error.message}. Too many requests; retry after ${retryAfter(error)} second(s).`,
        headers: { 'retry-after': retryAfter(error) },
      };
    case 'unavailable':
    case 'region_down':
      return {
        status: 503,
        code: 'ServiceUnavailableError',
        message: error.message,
        headers: { 'retry-after': retryAfter(error) },
      };
    case 'denied':
    case 'mutation_refused':
      return {
        status: 403,
        code: 'InsufficientAccessError',
        message: `The provided credentials have insufficient access to perform the requested operation. (${error.message})`,
      };
    case 'unknown_operation':
      return pathNotFoundError(error.message);
    case 'invalid':
      return { status: 400, code: 'BadArgumentError', message: error.message };
    case 'not_found':
      return { status: 404, code: 'NotFoundError', message: error.message };
  }
}

/**
 * Renders an error the core asks for in Azure's shape: ARM's `{"error":{"code","message"}}` with
 * ARM's codes (429 `TooManyRequests` with `Retry-After` and exhausted `x-ms-ratelimit-remaining-*`
 * counters, 503 `ServiceUnavailable`, 403 `AuthorizationFailed` naming the action and scope, 404
 * `InvalidResourceType`/`InvalidResourceNamespace` for what the emulator does not serve), or the
 * Log Analytics envelope for query calls. Every response has `x-ms-request-id` and
 * `x-ms-correlation-request-id`.
 */
export function renderAzureError(
  error: EmulatedError,
  request: WireRequest,
  route: OperationRoute | undefined,
  context: AzureServeContext,
): WireResponse {
  const api = isAzureRoute(route) ? route.api : isLogAnalyticsRequest(request) ? 'loganalytics' : 'arm';
  if (api === 'loganalytics') return renderLogAnalyticsOutcome(request, context, logAnalyticsErrorFor(error));
  return context.responder.armError(request, armErrorFor(error, request, route, context));
}

/**
 * The `malformed` fault: status 200, JSON content type, and the first half of the body the call
 * would have had — which no JSON parser accepts.
 */
export function renderAzureMalformed(
  request: WireRequest,
  route: OperationRoute,
  context: AzureServeContext,
): WireResponse {
  const full = isAzureRoute(route) ? route.serve().body : undefined;
  const text = typeof full === 'string' ? full : (full?.toString('utf8') ?? '{"value":[');
  let truncated = text.slice(0, Math.max(1, Math.floor(text.length / 2)));
  try {
    JSON.parse(truncated);
    truncated += '{';
  } catch {
    // Already unparseable, as intended.
  }
  return context.responder.json(request, 200, truncated);
}
