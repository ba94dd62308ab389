import type { OperationRoute, WireResponse } from '../server/wire.js';
import type { ArmError } from './arm-errors.js';
import type { AzureCatalog } from './create-azure-catalog.js';
import type { AzureResponder } from './azure-responder.js';
import type { ActivityFilterCache } from './serve-activity-log.js';

/** An operation recognised by the Azure handler, with what its error rendering needs. */
export interface AzureRoute extends OperationRoute {
  /** Which wire protocol answers: ARM (`management.azure.com`) or the Log Analytics query API. */
  readonly api: 'arm' | 'loganalytics';
  /** The RBAC action the call needs (`Microsoft.Compute/virtualMachines/read`). */
  readonly action: string;
  /** The scope the call addresses (`/subscriptions/{id}/…`). */
  readonly scope: string;
  /** Serves the call (synchronously: everything comes from the in-memory estate). */
  readonly serve: () => WireResponse;
}

/** True for routes built by the Azure handler. */
export function isAzureRoute(route: OperationRoute | undefined): route is AzureRoute {
  return route !== undefined && 'api' in route && 'action' in route && 'scope' in route;
}

/** What route builders and serve functions share. */
export interface AzureServeContext {
  readonly catalog: AzureCatalog;
  readonly responder: AzureResponder;
  /** Items per ARM page (`pageSizeCaps.azure`, default 100). */
  readonly pageSize: number;
  /** Recently filtered Activity Log lists, so paging does not rescan. */
  readonly activityFilters: ActivityFilterCache;
}

/** The result of an ARM read: a serialized 200 body, or an error. */
export type ArmOutcome = { readonly body: string } | ArmError;

/** True when the outcome is a success body. */
export function isArmBody(outcome: ArmOutcome): outcome is { readonly body: string } {
  return 'body' in outcome;
}
