import type { MetricRequest, MetricValues, ScopeTarget } from '../../core/ports/cloud-port.js';
import type { GcpAdapterContext } from './gcp-adapter-context.js';
import { pageSizeFor } from '../shared/page-size-for.js';
import {
  GCP_ALIGNERS,
  GCP_INSTANCE_METRICS,
  mergeMetricValues,
  toMetricFilter,
  type GcpMetricSource,
} from './gcp-metric-catalog.js';
import type { ListTimeSeriesRequest, ListTimeSeriesResponse, TimeSeries } from './gcp-sdk-types.js';
import type { ProjectMetricCache, ProjectMetricValues } from './project-metric-cache.js';
import { pageTokenOf, readGcpPages } from './read-gcp-pages.js';
import { toCallKey } from './to-call-key.js';
import { toProtoTimestamp } from './to-iso-time.js';
import { toNumber } from './to-number.js';
import { toMetricSlots } from '../shared/metric-slots.js';

/** `timeSeries.list` page size: the default and the largest are 100,000 (points, in FULL view). */
const MONITORING_MAX_PAGE_SIZE = 100_000;
/** Monitoring's smallest alignment period. */
const MIN_ALIGNMENT_SECONDS = 60;

function pointValue(
  value: { doubleValue?: number | null; int64Value?: unknown } | null | undefined,
): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value.doubleValue === 'number') return value.doubleValue;
  return toNumber(value.int64Value);
}

function pointTime(point: {
  interval?: { endTime?: { seconds?: unknown; nanos?: number | null } | null } | null;
}): string {
  const end = point.interval?.endTime;
  return `${String(toNumber(end?.seconds) ?? '')}.${String(end?.nanos ?? 0)}`;
}

/**
 * Folds series into one value per instance: points of series of the same instance that share a
 * timestamp are combined (`sum` for counters split by label, `mean` for gauges), scaled to the
 * product unit, then merged over the window by the statistic.
 */
export function foldSeries(
  series: readonly TimeSeries[],
  source: GcpMetricSource,
  request: Pick<MetricRequest, 'statistic'>,
): Map<string, number> {
  const byInstance = new Map<string, Map<string, number[]>>();
  for (const item of series) {
    const id = item.resource?.labels?.instance_id;
    if (id === undefined || id === '') continue;
    let times = byInstance.get(id);
    if (times === undefined) {
      times = new Map();
      byInstance.set(id, times);
    }
    for (const point of item.points ?? []) {
      const value = pointValue(point.value);
      if (value === undefined) continue;
      const key = pointTime(point);
      const list = times.get(key) ?? [];
      list.push(value);
      times.set(key, list);
    }
  }
  const values = new Map<string, number>();
  for (const [id, times] of byInstance) {
    const combined = [...times.values()].map((list) => {
      const total = list.reduce((sum, value) => sum + value, 0);
      return (source.combine === 'sum' ? total : total / list.length) * source.scale;
    });
    const merged = mergeMetricValues(combined, request.statistic);
    if (merged !== null) values.set(id, merged);
  }
  return values;
}

/**
 * The `timeSeries.list` request of a metric over the request's window. The port's window is
 * `[start, end)` while Monitoring intervals are `(startTime, endTime]`, so both bounds move one
 * millisecond earlier: a point stamped exactly at `end` belongs to the next window. Aligned
 * statistics use one alignment period per `periodSeconds` (the whole window by default), so each
 * series holds one point; percentiles read raw points (`ALIGN_NONE`).
 */
export function toTimeSeriesRequest(
  project: string,
  request: Omit<MetricRequest, 'resourceIds'>,
  pageSize: number,
  pageToken: string | undefined,
): ListTimeSeriesRequest {
  const source = GCP_INSTANCE_METRICS[request.metric];
  const aligner = GCP_ALIGNERS[request.statistic];
  const period = Math.max(MIN_ALIGNMENT_SECONDS, Math.round(request.periodSeconds));
  return {
    name: `projects/${project}`,
    filter: toMetricFilter(source),
    interval: {
      startTime: toProtoTimestamp(request.start.getTime() - 1),
      endTime: toProtoTimestamp(request.end.getTime() - 1),
    },
    ...(aligner === undefined
      ? {}
      : { aggregation: { alignmentPeriod: { seconds: period }, perSeriesAligner: aligner } }),
    view: 'FULL',
    pageSize,
    ...pageTokenOf(pageToken),
  };
}

/**
 * Metric values of Compute Engine instances over one aligned window with Cloud Monitoring
 * `timeSeries.list`: ONE paged series of calls per project and query (filter on the metric type,
 * `ceil(points / pageSize)` calls, one point per series for aligned statistics), then the
 * requested instance ids are picked from `resource.labels.instance_id`. Regional scopes of the same
 * project share that read through `cache`. CPU utilization (a fraction in GCP) is answered in
 * percent. Instances without data map to `null`.
 */
export async function getGcpMetrics(
  context: GcpAdapterContext,
  cache: ProjectMetricCache,
  request: MetricRequest,
  scope: ScopeTarget,
  signal?: AbortSignal,
): Promise<MetricValues> {
  const { ids, values, nothingToRead } = toMetricSlots(request);
  if (nothingToRead) return values;
  const source = GCP_INSTANCE_METRICS[request.metric];
  const cacheKey = [
    scope.account,
    request.metric,
    request.statistic,
    request.start.toISOString(),
    request.end.toISOString(),
    request.periodSeconds,
  ].join('\u0000');
  const projectValues = await cache.getOrLoad(cacheKey, async (): Promise<ProjectMetricValues> => {
    const client = await context.pool.get('monitoring');
    // The key names the project's call, not the regional scope that happened to ask first.
    const key = toCallKey({ account: scope.account, region: 'global' }, 'monitoring', 'timeSeries.list');
    const series: TimeSeries[] = [];
    const pageSize = pageSizeFor(context, 1, MONITORING_MAX_PAGE_SIZE);
    await readGcpPages<ListTimeSeriesResponse>(
      context.runner,
      key,
      (token, abortSignal) =>
        client.listTimeSeries(toTimeSeriesRequest(scope.account, request, pageSize, token), {
          signal: abortSignal,
        }),
      (page) => page.nextPageToken,
      (page) => {
        series.push(...(page.timeSeries ?? []));
        return true;
      },
      { signal },
    );
    return foldSeries(series, source, request);
  });
  for (const id of ids) values.set(id, projectValues.get(id) ?? null);
  return values;
}
