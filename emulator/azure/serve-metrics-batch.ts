import type { WireRequest } from '../server/wire.js';
import { armError, subscriptionNotFoundError, type ArmError } from './arm-errors.js';
import type { ArmOutcome, AzureServeContext } from './azure-route.js';
import type { VirtualMachineEntry } from './create-azure-catalog.js';
import { armIdKey, parseArmResourcePath } from './parse-arm-resource-id.js';
import { readQueryParameter } from './read-query-parameter.js';
import {
  exceedsRetention,
  isoSeconds,
  parseVmMetricQuery,
  requestedMetricNames,
  RETENTION_MESSAGE,
  VM_NAMESPACE,
  vmMetricValues,
} from './serve-metrics.js';

/** Most resource ids one `metrics:getBatch` call takes. */
export const METRICS_BATCH_MAX_RESOURCES = 50;

/** 400 `BadRequest` in the data plane's `{"error":{"code","message"}}` envelope. */
function batchBadRequest(message: string): ArmError {
  return armError(400, 'BadRequest', message);
}

/** A parsed `metrics:getBatch` body: the distinct resource ids in request order, or an error. */
export type BatchResources =
  { readonly ids: readonly string[]; readonly error?: undefined } | { readonly error: ArmError };

/**
 * Reads `{"resourceids": [...]}` (the property name is lower case, as Azure requires). Duplicates
 * (ARM ids compare case-insensitively) count once.
 */
export function parseBatchResources(body: Buffer): BatchResources {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return { error: batchBadRequest('The request body is not valid JSON.') };
  }
  const list =
    typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>).resourceids
      : undefined;
  if (!Array.isArray(list) || list.length === 0 || !list.every((id) => typeof id === 'string' && id !== '')) {
    return {
      error: batchBadRequest(
        'The request body must be {"resourceids": [...]} with at least one resource id (\'resourceids\' in lower case).',
      ),
    };
  }
  const seen = new Set<string>();
  const ids: string[] = [];
  for (const id of list as string[]) {
    const key = armIdKey(id);
    if (seen.has(key)) continue;
    seen.add(key);
    ids.push(id);
  }
  if (ids.length > METRICS_BATCH_MAX_RESOURCES) {
    return {
      error: batchBadRequest(
        `The number of resource ids (${ids.length}) exceeds the maximum of ${METRICS_BATCH_MAX_RESOURCES} per request.`,
      ),
    };
  }
  return { ids };
}

/** The VM of each id (`undefined` for an id the estate does not have), and the VMs' one region. */
interface PlacedBatch {
  readonly vms: readonly (VirtualMachineEntry | undefined)[];
  readonly region: string | undefined;
}

/**
 * Checks that every id is in the path's subscription, is not a resource of another type, and that
 * the VMs share one region; `undefined` region when no id is a known VM.
 */
export function placeBatch(
  context: AzureServeContext,
  subscriptionId: string,
  ids: readonly string[],
): PlacedBatch | { readonly error: ArmError } {
  const { catalog } = context;
  const vms: (VirtualMachineEntry | undefined)[] = [];
  const regions = new Set<string>();
  for (const id of ids) {
    const path = parseArmResourcePath(id);
    if (path?.subscription?.toLowerCase() !== subscriptionId.toLowerCase()) {
      return {
        error: batchBadRequest(
          `The resource id '${id}' is not in subscription '${subscriptionId}': all resources of a batch must be in the subscription of the request.`,
        ),
      };
    }
    const vm = catalog.virtualMachines().byId(id);
    if (vm === undefined) {
      const other = [
        catalog.disks(),
        catalog.sites(),
        catalog.sqlServers(),
        catalog.storageAccounts(),
        catalog.workspaces(),
      ].some((collection) => collection.byId(id) !== undefined);
      if (other) {
        return {
          error: batchBadRequest(
            `The resource '${id}' is not of type '${VM_NAMESPACE}': all resources of a batch must be of the type of the metric namespace.`,
          ),
        };
      }
    } else regions.add(vm.location.toLowerCase());
    vms.push(vm);
  }
  if (regions.size > 1) {
    return {
      error: batchBadRequest(
        `All resources of a batch must be in the same region; this request has resources in ${[...regions].sort().join(', ')}.`,
      ),
    };
  }
  return { vms, region: [...regions][0] };
}

/** The window of `starttime`/`endtime` (default: the hour before the estate's now). */
function parseBatchWindow(
  request: WireRequest,
  nowMs: number,
): { readonly startMs: number; readonly endMs: number } | { readonly error: ArmError } {
  const startText = readQueryParameter(request.url, 'starttime');
  const endText = readQueryParameter(request.url, 'endtime');
  const endMs = endText === undefined ? nowMs : Date.parse(endText);
  const startMs = startText === undefined ? endMs - 3_600_000 : Date.parse(startText);
  if (!Number.isFinite(startMs) || !Number.isFinite(endMs) || endMs <= startMs) {
    return {
      error: batchBadRequest(
        `Invalid time range starttime='${startText ?? ''}' endtime='${endText ?? ''}': both must be ISO-8601 date-times, starttime before endtime.`,
      ),
    };
  }
  if (exceedsRetention({ startMs, endMs })) return { error: batchBadRequest(RETENTION_MESSAGE) };
  return { startMs, endMs };
}

/**
 * `Metrics_Batch` (`POST /subscriptions/{sub}/metrics:getBatch`, Azure Monitor's regional data
 * plane, api-version 2024-02-01): the `Metrics_List` values of up to 50 VMs of one subscription and
 * one region, named in the body's `resourceids`, over `starttime`/`endtime` (default: the hour
 * before the estate's now) at `interval`, for the requested `aggregation`s. The answer is
 * `{"values":[{starttime, endtime, interval, namespace, resourceregion, resourceid, value}]}`, one
 * entry per distinct id in request order, each `value` exactly what `Metrics_List` returns for that
 * VM. An id of no resource in the estate (a deleted VM) gets an entry whose metrics carry
 * `errorCode: "ResourceNotFound"` and no time series; the rest of the batch is served.
 *
 * Errors use the data plane's `{"error":{"code","message"}}` envelope, 400 `BadRequest`: a body
 * without `resourceids`, more than 50 distinct ids, an id of another subscription, a resource of
 * another type, VMs in more than one region, a missing or foreign `metricnamespace`, an unknown
 * metric name, a bad interval, aggregation or time range. 404 `SubscriptionNotFound` for a
 * subscription the estate does not have.
 */
export function serveMetricsBatch(
  request: WireRequest,
  context: AzureServeContext,
  subscriptionId: string,
): ArmOutcome {
  const { catalog } = context;
  if (!catalog.subscription(subscriptionId)) return subscriptionNotFoundError(subscriptionId);
  const url = request.url;
  const namespace = readQueryParameter(url, 'metricnamespace');
  if (namespace === undefined || namespace.trim() === '') {
    return batchBadRequest('The metricnamespace query parameter is required.');
  }
  const resources = parseBatchResources(request.body);
  if (resources.error !== undefined) return resources.error;
  const placed = placeBatch(context, subscriptionId, resources.ids);
  if ('error' in placed) return placed.error;
  if (namespace.toLowerCase() !== VM_NAMESPACE.toLowerCase()) {
    return batchBadRequest(
      `Failed to find metric configuration for metric namespace: ${namespace}; the emulator serves ${VM_NAMESPACE} only.`,
    );
  }
  const query = parseVmMetricQuery(
    requestedMetricNames(readQueryParameter(url, 'metricnames')),
    readQueryParameter(url, 'interval'),
    readQueryParameter(url, 'aggregation'),
  );
  if ('error' in query) return batchBadRequest(query.error);
  const window = parseBatchWindow(request, catalog.nowMs);
  if ('error' in window) return window.error;
  const common = {
    starttime: isoSeconds(window.startMs),
    endtime: isoSeconds(window.endMs),
    interval: query.intervalText,
    namespace: VM_NAMESPACE,
  };
  const values = resources.ids.map((id, index) => {
    const vm = placed.vms[index];
    if (vm === undefined) {
      return {
        ...common,
        resourceregion: placed.region ?? '',
        resourceid: id,
        value: query.definitions.map((definition) => ({
          id: `${id}/providers/Microsoft.Insights/metrics/${definition.name}`,
          type: 'Microsoft.Insights/metrics',
          name: { value: definition.name, localizedValue: definition.name },
          displayDescription: definition.description,
          unit: definition.unit,
          timeseries: [],
          errorCode: 'ResourceNotFound',
          errorMessage: `The resource '${id}' was not found.`,
        })),
      };
    }
    return {
      ...common,
      resourceregion: vm.instance.region,
      resourceid: vm.instance.id,
      value: vmMetricValues(vm.instance, query, window).value,
    };
  });
  return { body: JSON.stringify({ values }) };
}
