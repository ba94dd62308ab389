import type { MetricRequest, MetricStatistic } from '../../core/ports/cloud-port.js';

/** Where a product metric lives in Cloud Monitoring, for `gce_instance` resources. */
export interface GcpMetricSource {
  /** Metric type (`compute.googleapis.com/instance/cpu/utilization`). */
  readonly type: string;
  /** Extra filter terms, when the metric has label variants of which one is wanted. */
  readonly labelFilter?: string;
  /** Factor to the product's unit: CPU utilization is a fraction 0–1, answers are in percent. */
  readonly scale: number;
  /**
   * How several series of one instance combine at a timestamp: byte counters split by label
   * (`loadbalanced` true/false) add up, gauges average.
   */
  readonly combine: 'sum' | 'mean';
}

/**
 * The metrics of a Compute Engine instance
 * (https://cloud.google.com/monitoring/api/metrics_gcp_c#gcp-compute):
 * - `cpu`: `instance/cpu/utilization`, GAUGE fraction → ×100 (percent everywhere in the product);
 * - `memory`: the Ops Agent's `memory/percent_used` with `state = "used"` (instances without the
 *   agent have no series and answer `null`);
 * - `network_in`/`network_out`: `received_bytes_count`/`sent_bytes_count`, DELTA bytes per 60-s
 *   sample (avg/min/max/percentiles are bytes per sample, sum is total bytes in the window);
 * - `disk_read`/`disk_write`: `disk/read_bytes_count`/`write_bytes_count`, same shape.
 */
export const GCP_INSTANCE_METRICS: Readonly<Record<MetricRequest['metric'], GcpMetricSource>> = {
  cpu: { type: 'compute.googleapis.com/instance/cpu/utilization', scale: 100, combine: 'mean' },
  memory: {
    type: 'agent.googleapis.com/memory/percent_used',
    labelFilter: 'metric.labels.state = "used"',
    scale: 1,
    combine: 'mean',
  },
  network_in: {
    type: 'compute.googleapis.com/instance/network/received_bytes_count',
    scale: 1,
    combine: 'sum',
  },
  network_out: { type: 'compute.googleapis.com/instance/network/sent_bytes_count', scale: 1, combine: 'sum' },
  disk_read: { type: 'compute.googleapis.com/instance/disk/read_bytes_count', scale: 1, combine: 'sum' },
  disk_write: { type: 'compute.googleapis.com/instance/disk/write_bytes_count', scale: 1, combine: 'sum' },
};

/** The aligners the adapter uses. */
export type GcpAligner = 'ALIGN_MEAN' | 'ALIGN_MAX' | 'ALIGN_MIN' | 'ALIGN_SUM';

/**
 * The per-series aligner of each statistic, or `undefined` for percentiles. Monitoring's
 * percentile aligners (`ALIGN_PERCENTILE_99/95/50/05`) apply only to distribution-valued metrics
 * and there is no 90th; for these numeric metrics percentiles are computed here from the raw
 * points (`ALIGN_NONE`) with the nearest-rank method.
 */
export const GCP_ALIGNERS: Readonly<Record<MetricStatistic, GcpAligner | undefined>> = {
  avg: 'ALIGN_MEAN',
  max: 'ALIGN_MAX',
  min: 'ALIGN_MIN',
  sum: 'ALIGN_SUM',
  p50: undefined,
  p90: undefined,
  p95: undefined,
  p99: undefined,
};

/** The `timeSeries.list` filter of a metric: its type on `gce_instance`, plus its label filter. */
export function toMetricFilter(source: GcpMetricSource): string {
  const terms = [`metric.type = "${source.type}"`, 'resource.type = "gce_instance"'];
  if (source.labelFilter !== undefined) terms.push(source.labelFilter);
  return terms.join(' AND ');
}

/**
 * Merges values into one statistic over the window: aligned period values (avg: mean of the
 * equal-length periods, max, min, sum) or raw points (percentiles, nearest rank: the smallest value
 * with at least p % of the points at or below it). `null` without values.
 */
export function mergeMetricValues(values: readonly number[], statistic: MetricStatistic): number | null {
  if (values.length === 0) return null;
  switch (statistic) {
    case 'avg':
      return values.reduce((sum, value) => sum + value, 0) / values.length;
    case 'max':
      return Math.max(...values);
    case 'min':
      return Math.min(...values);
    case 'sum':
      return values.reduce((sum, value) => sum + value, 0);
    case 'p50':
    case 'p90':
    case 'p95':
    case 'p99': {
      const percentile = Number(statistic.slice(1));
      const sorted = [...values].sort((a, b) => a - b);
      return sorted[Math.max(1, Math.ceil((percentile / 100) * sorted.length)) - 1] ?? null;
    }
  }
}
