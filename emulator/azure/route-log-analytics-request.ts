import type { WireRequest } from '../server/wire.js';
import type { AzureRoute, AzureServeContext } from './azure-route.js';
import {
  logAnalyticsResourceNotFoundError,
  toLogAnalyticsErrorBody,
  workspaceNotFoundError,
  type LogAnalyticsError,
} from './log-analytics-errors.js';
import { parseArmResourcePath } from './parse-arm-resource-id.js';
import { readQueryParameter } from './read-query-parameter.js';
import { requestPathname } from './request-target.js';
import {
  serveLogAnalyticsQuery,
  type LogAnalyticsOutcome,
  type QueryScope,
} from './serve-log-analytics-query.js';

function segmentsOf(pathname: string): string[] | undefined {
  try {
    return pathname
      .split('/')
      .filter((segment) => segment !== '')
      .map((segment) => decodeURIComponent(segment));
  } catch {
    return undefined;
  }
}

/**
 * True for paths of the Log Analytics query API: `/v1/…` (the SDK's default base), `/workspaces/…`
 * (the SDK pointed at an endpoint without `/v1`), and resource-centric `…/query` POSTs that carry
 * no `api-version` (an ARM call always does).
 */
export function isLogAnalyticsRequest(request: WireRequest): boolean {
  const pathname = requestPathname(request);
  const first = pathname
    .split('/')
    .find((segment) => segment !== '')
    ?.toLowerCase();
  if (first === 'v1' || first === 'workspaces') return true;
  return (
    request.method.toUpperCase() === 'POST' &&
    /\/query\/?$/i.test(pathname) &&
    readQueryParameter(request.url, 'api-version') === undefined
  );
}

/** Renders an outcome with the API's headers and error envelope. */
export function renderLogAnalyticsOutcome(
  request: WireRequest,
  context: AzureServeContext,
  outcome: LogAnalyticsOutcome | LogAnalyticsError,
): ReturnType<AzureRoute['serve']> {
  if ('body' in outcome) return context.responder.json(request, 200, outcome.body);
  return context.responder.json(
    request,
    outcome.status,
    (ids) => toLogAnalyticsErrorBody(outcome, ids.correlationId),
    outcome.headers,
  );
}

/**
 * Recognises a Log Analytics query: `GET|POST [/v1]/workspaces/{workspaceId}/query`
 * (`Query_Get` / `Query_Execute`) and `GET|POST [/v1]/{resourceId}/query`
 * (`Query_ResourceGet` / `Query_ResourceExecute`). Journal service `loganalytics`; the account and
 * region are the workspace's subscription and location.
 */
export function routeLogAnalyticsRequest(
  request: WireRequest,
  context: AzureServeContext,
): AzureRoute | undefined {
  const method = request.method.toUpperCase();
  if (method !== 'GET' && method !== 'POST') return undefined;
  const all = segmentsOf(requestPathname(request));
  if (all === undefined) return undefined;
  const segments = all[0]?.toLowerCase() === 'v1' ? all.slice(1) : all;
  if (segments[segments.length - 1]?.toLowerCase() !== 'query') return undefined;
  const verb = method === 'POST' ? 'Execute' : 'Get';
  const { catalog } = context;

  if (segments.length === 3 && segments[0]?.toLowerCase() === 'workspaces') {
    const workspaceId = segments[1]!;
    const workspace = catalog.workspaceByCustomerId(workspaceId);
    return {
      api: 'loganalytics',
      service: 'loganalytics',
      operation: `Query_${verb}`,
      mutating: false,
      ...(workspace === undefined ? {} : { account: workspace.subscription, region: workspace.location }),
      action: 'Microsoft.OperationalInsights/workspaces/query/read',
      scope: workspace?.facts.id ?? `/workspaces/${workspaceId}`,
      serve: () =>
        renderLogAnalyticsOutcome(
          request,
          context,
          workspace === undefined
            ? workspaceNotFoundError(workspaceId)
            : serveLogAnalyticsQuery(request, context, { workspaces: [workspace] }),
        ),
    };
  }
  const resourceId = `/${segments.slice(0, -1).join('/')}`;
  const path = parseArmResourcePath(resourceId);
  if (path?.subscription === undefined || path.names.length === 0) return undefined;
  const resource =
    catalog.virtualMachines().byId(resourceId) ??
    catalog.sites().byId(resourceId) ??
    catalog.disks().byId(resourceId) ??
    catalog.sqlServers().byId(resourceId) ??
    catalog.storageAccounts().byId(resourceId);
  const workspaces = resource === undefined ? [] : catalog.workspaces().inSubscription(resource.subscription);
  const scope: QueryScope = { workspaces, resourceId: resourceId.toLowerCase() };
  return {
    api: 'loganalytics',
    service: 'loganalytics',
    operation: `Query_Resource${verb}`,
    mutating: false,
    ...(resource === undefined
      ? { account: path.subscription }
      : { account: resource.subscription, region: resource.location }),
    action: 'Microsoft.Insights/logs/read',
    scope: resourceId,
    serve: () =>
      renderLogAnalyticsOutcome(
        request,
        context,
        resource === undefined
          ? logAnalyticsResourceNotFoundError(resourceId)
          : serveLogAnalyticsQuery(request, context, scope),
      ),
  };
}
