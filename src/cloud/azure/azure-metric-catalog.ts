import { SreError } from '../../core/errors/sre-error.js';
import type { MetricRequest, MetricStatistic } from '../../core/ports/cloud-port.js';

/** An Azure Monitor aggregation type, as the `aggregation` parameter spells it. */
export type AzureAggregation = 'Average' | 'Minimum' | 'Maximum' | 'Total' | 'Count';

/** How a product metric is read from Azure Monitor for a VM. */
export interface AzureVmMetric {
  /** Platform metric name (`Percentage CPU`). */
  readonly metricName: string;
  /**
   * `100 - value`: the metric measures the complement of the product metric (Azure publishes
   * *available* memory; the product asks for memory *used*), so min and max swap.
   */
  readonly complement: boolean;
}

/**
 * Where each product metric lives in Azure Monitor's platform metrics of
 * `Microsoft.Compute/virtualMachines` (https://learn.microsoft.com/azure/azure-monitor/reference/supported-metrics/microsoft-compute-virtualmachines-metrics).
 * Memory: the product's memory metric is a percent used (AWS `mem_used_percent`); Azure's
 * `Available Memory Bytes` is not a percent, but `Available Memory Percentage` is, and used = 100 −
 * available. Network and disk metrics are bytes per time grain, like CloudWatch's.
 */
export const AZURE_VM_METRICS: Readonly<Record<MetricRequest['metric'], AzureVmMetric>> = {
  cpu: { metricName: 'Percentage CPU', complement: false },
  memory: { metricName: 'Available Memory Percentage', complement: true },
  network_in: { metricName: 'Network In Total', complement: false },
  network_out: { metricName: 'Network Out Total', complement: false },
  disk_read: { metricName: 'Disk Read Bytes', complement: false },
  disk_write: { metricName: 'Disk Write Bytes', complement: false },
};

/** Azure Monitor aggregation per statistic. */
const AGGREGATIONS: Readonly<Record<'avg' | 'max' | 'min' | 'sum', AzureAggregation>> = {
  avg: 'Average',
  max: 'Maximum',
  min: 'Minimum',
  sum: 'Total',
};

/**
 * The aggregation to request for a statistic of a metric: `avg` → `Average` (with `Count`, to
 * weight periods exactly), `max` → `Maximum`, `min` → `Minimum`, `sum` → `Total`; for a
 * complemented metric `max` and `min` swap (the busiest memory is the least available).
 * @throws SreError `PLAN_UNSUPPORTED` for percentiles (Azure Monitor platform metrics offer only
 *   Average, Minimum, Maximum, Total and Count) and for a sum of memory (a sum of percentages
 *   means nothing).
 */
export function toAzureAggregation(
  metric: MetricRequest['metric'],
  statistic: MetricStatistic,
): AzureAggregation {
  switch (statistic) {
    case 'p50':
    case 'p90':
    case 'p95':
    case 'p99':
      throw new SreError(
        'PLAN_UNSUPPORTED',
        `Azure Monitor platform metrics have no percentiles (${statistic}); ask for the average, maximum, minimum or sum instead.`,
        { details: { provider: 'azure', metric, statistic } },
      );
    case 'avg':
    case 'max':
    case 'min':
    case 'sum':
      break;
  }
  const definition = AZURE_VM_METRICS[metric];
  if (definition.complement && statistic === 'sum') {
    throw new SreError(
      'PLAN_UNSUPPORTED',
      `A sum of ${metric} percentages means nothing; ask for the average, maximum or minimum instead.`,
      {
        details: { provider: 'azure', metric, statistic },
      },
    );
  }
  if (definition.complement && statistic === 'max') return 'Minimum';
  if (definition.complement && statistic === 'min') return 'Maximum';
  return AGGREGATIONS[statistic];
}

/** Time grains Azure Monitor accepts for VM platform metrics, in seconds, coarsest first. */
export const AZURE_TIME_GRAINS: readonly (readonly [iso: string, seconds: number])[] = [
  ['P1D', 86_400],
  ['PT12H', 43_200],
  ['PT6H', 21_600],
  ['PT1H', 3_600],
  ['PT30M', 1_800],
  ['PT15M', 900],
  ['PT5M', 300],
  ['PT1M', 60],
];

/**
 * The coarsest time grain that tiles the window exactly: it divides the window's length and its
 * start is a multiple of it since the epoch, so every period Azure returns lies wholly inside the
 * window and the periods' aggregates combine into the window's exactly. A window that is one
 * allowed grain long and aligned becomes a single point. `undefined` when even `PT1M` does not
 * fit (a window not on whole minutes), which the executor's 5-minute alignment never produces.
 */
export function chooseTimeGrain(
  start: Date,
  end: Date,
): { readonly iso: string; readonly seconds: number } | undefined {
  const startSeconds = start.getTime() / 1000;
  const length = (end.getTime() - start.getTime()) / 1000;
  if (!Number.isInteger(startSeconds) || !Number.isInteger(length) || length <= 0) return undefined;
  for (const [iso, seconds] of AZURE_TIME_GRAINS) {
    if (seconds <= length && length % seconds === 0 && startSeconds % seconds === 0) return { iso, seconds };
  }
  return undefined;
}

/** One Azure Monitor data point (the SDK's `MetricValue`). */
export interface AzureMetricPoint {
  readonly average?: number | undefined;
  readonly minimum?: number | undefined;
  readonly maximum?: number | undefined;
  readonly total?: number | undefined;
  readonly count?: number | undefined;
}

/**
 * Combines the per-grain points of one VM into the window's value: `Average` → the mean of the
 * grain averages weighted by their sample `count` (equal weights when a count is missing),
 * `Maximum` → max, `Minimum` → min, `Total` → sum; then `100 − value` for a complemented metric.
 * No point with the aggregation → `null`.
 */
export function combineMetricPoints(
  points: readonly AzureMetricPoint[],
  aggregation: AzureAggregation,
  complement: boolean,
): number | null {
  let value: number | null = null;
  switch (aggregation) {
    case 'Average': {
      const usable = points.filter(
        (point): point is AzureMetricPoint & { average: number } => typeof point.average === 'number',
      );
      if (usable.length === 0) break;
      const weighted = usable.every((point) => typeof point.count === 'number' && point.count > 0);
      const weights = usable.map((point) => (weighted ? (point.count ?? 1) : 1));
      const total = weights.reduce((sum, weight) => sum + weight, 0);
      value = usable.reduce((sum, point, index) => sum + point.average * (weights[index] ?? 1), 0) / total;
      break;
    }
    case 'Maximum': {
      const values = points.map((point) => point.maximum).filter((v): v is number => typeof v === 'number');
      if (values.length > 0) value = Math.max(...values);
      break;
    }
    case 'Minimum': {
      const values = points.map((point) => point.minimum).filter((v): v is number => typeof v === 'number');
      if (values.length > 0) value = Math.min(...values);
      break;
    }
    case 'Total': {
      const values = points.map((point) => point.total).filter((v): v is number => typeof v === 'number');
      if (values.length > 0) value = values.reduce((sum, v) => sum + v, 0);
      break;
    }
    case 'Count': {
      const values = points.map((point) => point.count).filter((v): v is number => typeof v === 'number');
      if (values.length > 0) value = values.reduce((sum, v) => sum + v, 0);
      break;
    }
  }
  return value === null ? null : complement ? 100 - value : value;
}
