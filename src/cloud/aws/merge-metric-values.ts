import { SreError } from '../../core/errors/sre-error.js';
import type { MetricStatistic } from '../../core/ports/cloud-port.js';

/**
 * Combines the per-period datapoints of one resource into the value of the whole window:
 * `avg` → the mean of the period averages (periods weigh equally, which is exact when they hold
 * the same number of samples, as full periods of one metric do), `max` → max, `min` → min,
 * `sum` → sum. No datapoint → `null`. A single datapoint is returned as is.
 * @throws SreError `PLAN_UNSUPPORTED` for a percentile over several periods: percentiles of parts
 *   cannot be combined into the percentile of the whole (ask for one period spanning the window).
 */
export function mergeMetricValues(values: readonly number[], statistic: MetricStatistic): number | null {
  if (values.length === 0) return null;
  if (values.length === 1) return values[0] ?? null;
  switch (statistic) {
    case 'avg':
      return values.reduce((total, value) => total + value, 0) / values.length;
    case 'max':
      return Math.max(...values);
    case 'min':
      return Math.min(...values);
    case 'sum':
      return values.reduce((total, value) => total + value, 0);
    case 'p50':
    case 'p90':
    case 'p95':
    case 'p99':
      throw new SreError(
        'PLAN_UNSUPPORTED',
        `CloudWatch returned ${values.length} periods for a ${statistic} over one window; percentiles of periods cannot be merged. Use one period that spans the whole window.`,
        { details: { provider: 'aws', statistic, periods: values.length } },
      );
  }
}
