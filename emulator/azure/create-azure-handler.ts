import type { HandlerDeps } from '../server/start-emulator.js';
import type { ProviderHandler } from '../server/wire.js';
import { createAzureResponder } from './azure-responder.js';
import type { AzureServeContext } from './azure-route.js';
import { createAzureCatalog } from './create-azure-catalog.js';
import { renderAzureError, renderAzureMalformed } from './render-azure-error.js';
import { routeArmRequest } from './route-arm-request.js';
import { createActivityFilterCache } from './serve-activity-log.js';
import { isLogAnalyticsRequest, routeLogAnalyticsRequest } from './route-log-analytics-request.js';

/** Default ARM page size when `pageSizeCaps.azure` is not set. */
export const DEFAULT_AZURE_PAGE_SIZE = 100;

/**
 * The Azure wire handler: Azure Resource Manager (subscriptions, locations, resource groups,
 * Compute VMs and disks, Web sites, SQL servers and databases, storage accounts, Log Analytics
 * workspaces, Monitor metrics and the Activity Log) and the Log Analytics query API, on one port.
 *
 * Reads need `api-version` (any value; 400 `MissingApiVersionParameter` without it, like ARM) and
 * page with `nextLink` (absolute, back to this emulator, carrying `$skiptoken`) every
 * `pageSizeCaps.azure` items (default 100). Writes — PUT, PATCH, DELETE and POST actions — are
 * routed as mutating so the core refuses them. Journal entries carry the resource provider
 * namespace as service, the REST operation id as operation, the subscription as account and,
 * for calls on one resource, its location as region. Resource JSON is serialized once per
 * resource and cached; the estate's anchor time is "now" for relative times.
 */
export function createAzureHandler(deps: HandlerDeps): ProviderHandler {
  const context: AzureServeContext = {
    catalog: createAzureCatalog(deps.estate),
    responder: createAzureResponder(deps.estate.seed),
    pageSize: deps.pageSizeCaps.azure ?? DEFAULT_AZURE_PAGE_SIZE,
    activityFilters: createActivityFilterCache(),
  };
  return {
    provider: 'azure',
    route: (request) =>
      isLogAnalyticsRequest(request)
        ? routeLogAnalyticsRequest(request, context)
        : routeArmRequest(request, context),
    renderError: (error, request, route) => renderAzureError(error, request, route, context),
    renderMalformed: (request, route) => renderAzureMalformed(request, route, context),
  };
}
