import { SreError } from '../../core/errors/sre-error.js';
import type { MetricRequest, MetricValues, ScopeTarget } from '../../core/ports/cloud-port.js';
import type { AzureAdapterContext } from './azure-adapter-context.js';
import {
  AZURE_VM_METRICS,
  chooseTimeGrain,
  combineMetricPoints,
  toAzureAggregation,
  type AzureMetricPoint,
} from './azure-metric-catalog.js';
import { mapWithConcurrency } from '../shared/map-with-concurrency.js';
import { parseArmId } from './parse-arm-id.js';
import { runAzureCall } from './run-azure-call.js';
import { toCallKey } from './to-call-key.js';
import { toLocationName } from './to-location-name.js';
import { isLocationName } from './resolve-azure-endpoints.js';
import { toMetricSlots } from '../shared/metric-slots.js';

/** `2026-11-20T10:00:00Z`: ISO-8601 without milliseconds, as Azure Monitor's `timespan` examples write it. */
function toTimespanEnd(date: Date): string {
  return date.toISOString().replace(/\.000Z$/, 'Z');
}

/** Most resource ids one `metrics:getBatch` call takes (all of one subscription, region and type). */
export const AZURE_METRICS_BATCH_SIZE = 50;

/** The metric namespace of VM platform metrics. */
const VM_NAMESPACE = 'Microsoft.Compute/virtualMachines';

/** What both read paths share: the metric, the window, the grain and the aggregations to ask for. */
interface MetricRead {
  readonly metricName: string;
  readonly complement: boolean;
  readonly aggregation: ReturnType<typeof toAzureAggregation>;
  /** The aggregations requested: `Average,Count` for an average (periods weighted by counts). */
  readonly aggregations: string;
  readonly grain: { readonly iso: string; readonly seconds: number };
  readonly start: Date;
  readonly end: Date;
}

/** Splits a list into chunks of at most `size`. */
function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let index = 0; index < items.length; index += size) chunks.push(items.slice(index, index + size));
  return chunks;
}

/**
 * Metric values of VMs over one aligned window. Each read asks for the window, the coarsest time
 * grain that tiles it (see `chooseTimeGrain`) and the statistic's aggregation (see
 * `toAzureAggregation`); the grains are combined exactly by `combineMetricPoints`. A VM without
 * data, or deleted meanwhile, maps to `null`.
 *
 * With a regional scope (the executor groups VMs by their location), the VMs are read with Azure
 * Monitor's metrics batch API (`metrics:getBatch`, `Metrics_Batch`): grouped by subscription,
 * 50 per call, each call one runner call, so a throttled call retries its 50 VMs only. With the
 * `global` scope the VMs' regions are unknown and the batch API needs them (one regional host,
 * one region per call), and with an https ARM override but no metrics endpoint the batch API's
 * host is unknown: the VMs are then read one `Metrics_List` call each, through ARM.
 * @throws SreError `PLAN_UNSUPPORTED` for percentiles, a sum of memory, or a window that is not
 *   on whole minutes.
 */
export async function getAzureMetrics(
  context: AzureAdapterContext,
  request: MetricRequest,
  scope: ScopeTarget,
  signal?: AbortSignal,
): Promise<MetricValues> {
  const { ids, values, nothingToRead } = toMetricSlots(request);
  const aggregation = toAzureAggregation(request.metric, request.statistic);
  if (nothingToRead) return values;
  const grain = chooseTimeGrain(request.start, request.end);
  if (grain === undefined) {
    throw new SreError('PLAN_UNSUPPORTED', 'Azure Monitor needs a metric window on whole minutes.', {
      details: { provider: 'azure', start: request.start.toISOString(), end: request.end.toISOString() },
    });
  }
  const metric = AZURE_VM_METRICS[request.metric];
  const read: MetricRead = {
    metricName: metric.metricName,
    complement: metric.complement,
    aggregation,
    aggregations: aggregation === 'Average' ? 'Average,Count' : aggregation,
    grain,
    start: request.start,
    end: request.end,
  };
  const region = toLocationName(scope.region);
  const found =
    context.metricsBatch && isLocationName(region)
      ? await readBatched(context, read, ids, { account: scope.account, region }, signal)
      : await readEach(context, read, ids, scope, signal);
  for (const id of ids) values.set(id, found.get(id) ?? null);
  return values;
}

/**
 * `Metrics_Batch`: the VMs of one region, grouped by the subscription of their id, 50 per call,
 * calls in flight bounded by the adapter's concurrency. The answer's entries are matched to the
 * request by resource id (case-insensitively, as ARM ids compare); an entry whose metric carries an
 * error code (a VM deleted meanwhile) or no data maps to `null`, as does a call answered 404.
 */
async function readBatched(
  context: AzureAdapterContext,
  read: MetricRead,
  ids: readonly string[],
  scope: { readonly account: string; readonly region: string },
  signal: AbortSignal | undefined,
): Promise<Map<string, number | null>> {
  const bySubscription = new Map<string, string[]>();
  for (const id of ids) {
    const subscription = (parseArmId(id).subscription ?? scope.account).toLowerCase();
    let list = bySubscription.get(subscription);
    if (list === undefined) bySubscription.set(subscription, (list = []));
    list.push(id);
  }
  const chunks = [...bySubscription.entries()].flatMap(([subscription, members]) =>
    chunk(members, AZURE_METRICS_BATCH_SIZE).map((resourceIds) => ({ subscription, resourceIds })),
  );
  const { client } = await context.pool.get('metrics', scope.region);
  const found = new Map<string, number | null>();
  await mapWithConcurrency(chunks, context.concurrency, async ({ subscription, resourceIds }) => {
    const account = subscription === scope.account.toLowerCase() ? scope.account : subscription;
    const key = toCallKey({ account, region: scope.region }, 'Microsoft.Insights', 'Metrics_Batch');
    let results;
    try {
      results = await runAzureCall(
        context.runner,
        key,
        (abortSignal) =>
          client.queryResources(
            resourceIds,
            [read.metricName],
            VM_NAMESPACE,
            {
              startTime: read.start,
              endTime: read.end,
              interval: read.grain.iso,
              aggregation: read.aggregations,
            },
            abortSignal,
          ),
        { signal },
      );
    } catch (error) {
      if (error instanceof SreError && error.code === 'CLOUD_NOT_FOUND') return;
      throw error;
    }
    const requested = new Map(resourceIds.map((id) => [id.toLowerCase(), id]));
    for (const result of results) {
      const id = requested.get((result.resourceId ?? '').toLowerCase());
      if (id === undefined) continue;
      const points: AzureMetricPoint[] = [];
      for (const series of result.metrics ?? []) {
        if (series.errorCode !== undefined && series.errorCode !== 'Success') continue;
        if (series.name !== undefined && series.name.toLowerCase() !== read.metricName.toLowerCase())
          continue;
        for (const timeseries of series.timeseries ?? []) points.push(...(timeseries.data ?? []));
      }
      found.set(id, combineMetricPoints(points, read.aggregation, read.complement));
    }
  });
  return found;
}

/** `Metrics_List`, one call per VM, for VMs whose region is unknown (a `global` scope). */
async function readEach(
  context: AzureAdapterContext,
  read: MetricRead,
  ids: readonly string[],
  scope: ScopeTarget,
  signal: AbortSignal | undefined,
): Promise<Map<string, number | null>> {
  const timespan = `${toTimespanEnd(read.start)}/${toTimespanEnd(read.end)}`;
  const { client } = await context.pool.get('monitor', scope.account);
  const key = toCallKey(scope, 'Microsoft.Insights', 'Metrics_List');
  const results = await mapWithConcurrency(ids, context.concurrency, async (id) => {
    try {
      const response = await runAzureCall(
        context.runner,
        key,
        (abortSignal) =>
          client.metrics.list(id.replace(/^\/+/, ''), {
            metricnames: read.metricName,
            timespan,
            interval: read.grain.iso,
            aggregation: read.aggregations,
            abortSignal,
          }),
        { signal, resource: parseArmId(id).name },
      );
      const points: AzureMetricPoint[] = [];
      for (const series of response.value)
        for (const timeseries of series.timeseries ?? []) points.push(...(timeseries.data ?? []));
      return combineMetricPoints(points, read.aggregation, read.complement);
    } catch (error) {
      if (error instanceof SreError && error.code === 'CLOUD_NOT_FOUND') return null;
      throw error;
    }
  });
  return new Map(ids.map((id, index) => [id, results[index] ?? null]));
}
