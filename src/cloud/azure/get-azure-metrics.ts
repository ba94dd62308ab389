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
import { toMetricSlots } from '../shared/metric-slots.js';

/** `2026-11-20T10:00:00Z`: ISO-8601 without milliseconds, as Azure Monitor's `timespan` examples write it. */
function toTimespanEnd(date: Date): string {
  return date.toISOString().replace(/\.000Z$/, 'Z');
}

/**
 * Metric values of VMs over one aligned window with Azure Monitor `Metrics_List`, one call per VM
 * (this SDK has no multi-resource query), with bounded concurrency. Each call asks for the
 * window as `timespan`, the coarsest time grain that tiles it (see `chooseTimeGrain`) and the
 * statistic's aggregation (see `toAzureAggregation`); the grains are combined exactly by
 * `combineMetricPoints`. A VM without data, or deleted meanwhile, maps to `null`.
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
  // Average periods are weighted by their sample counts, so ask for the counts too.
  const aggregations = aggregation === 'Average' ? 'Average,Count' : aggregation;
  const timespan = `${toTimespanEnd(request.start)}/${toTimespanEnd(request.end)}`;
  const { client } = await context.pool.get('monitor', scope.account);
  const key = toCallKey(scope, 'Microsoft.Insights', 'Metrics_List');

  const results = await mapWithConcurrency(ids, context.concurrency, async (id) => {
    try {
      const response = await runAzureCall(
        context.runner,
        key,
        (abortSignal) =>
          client.metrics.list(id.replace(/^\/+/, ''), {
            metricnames: metric.metricName,
            timespan,
            interval: grain.iso,
            aggregation: aggregations,
            abortSignal,
          }),
        { signal, resource: parseArmId(id).name },
      );
      const points: AzureMetricPoint[] = [];
      for (const series of response.value)
        for (const timeseries of series.timeseries ?? []) points.push(...(timeseries.data ?? []));
      return combineMetricPoints(points, aggregation, metric.complement);
    } catch (error) {
      if (error instanceof SreError && error.code === 'CLOUD_NOT_FOUND') return null;
      throw error;
    }
  });
  ids.forEach((id, index) => values.set(id, results[index] ?? null));
  return values;
}
