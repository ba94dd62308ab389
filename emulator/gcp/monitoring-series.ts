import { metricValueAt } from '../estate/metrics.js';
import type { EstateInstance, MetricPattern } from '../estate/model.js';
import type { SeriesSelectors } from './parse-monitoring-filter.js';

/** Metric kinds and value types the emulated metrics use. */
export type MetricKind = 'GAUGE' | 'DELTA';
/** Value types of raw and aligned points. */
export type ValueType = 'DOUBLE' | 'INT64';

/** One GCE metric the emulator serves. */
export interface MetricDefinition {
  readonly type: string;
  readonly kind: MetricKind;
  readonly valueType: ValueType;
  readonly unit: string;
  /** Variants of the series per instance, by metric labels (memory has `state` used/free). */
  readonly variants: readonly Readonly<Record<string, string>>[];
  /** True when the instance reports this metric (agent metrics need the Ops Agent). */
  readonly reportedBy: (instance: EstateInstance) => boolean;
  /** The raw minute value for an instance, in the metric's unit (`variant` from {@link variants}). */
  readonly sample: (
    instance: EstateInstance,
    variant: Readonly<Record<string, string>>,
    epochMs: number,
  ) => number;
}

const MINUTE_MS = 60_000;

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor + 0;
}

const value = (pattern: MetricPattern, epochMs: number): number => metricValueAt(pattern, epochMs);

/**
 * The metrics served, all on `gce_instance`:
 * - `compute.googleapis.com/instance/cpu/utilization` — GAUGE DOUBLE, a FRACTION 0–1 (estate percent ÷ 100);
 * - `compute.googleapis.com/instance/network/received_bytes_count` / `sent_bytes_count` — DELTA INT64
 *   bytes per one-minute sample (estate bytes per second × 60);
 * - `agent.googleapis.com/memory/percent_used` — GAUGE DOUBLE percent 0–100, `state` = `used` or
 *   `free` (only on instances with the Ops Agent, i.e. `monitoring: true`).
 */
export const GCE_METRICS: readonly MetricDefinition[] = [
  {
    type: 'compute.googleapis.com/instance/cpu/utilization',
    kind: 'GAUGE',
    valueType: 'DOUBLE',
    unit: '10^2.%',
    variants: [{}],
    reportedBy: () => true,
    sample: (instance, _variant, epochMs) => round(value(instance.metrics.cpu, epochMs) / 100, 8),
  },
  {
    type: 'compute.googleapis.com/instance/network/received_bytes_count',
    kind: 'DELTA',
    valueType: 'INT64',
    unit: 'By',
    variants: [{ loadbalanced: 'false' }],
    reportedBy: () => true,
    sample: (instance, _variant, epochMs) => Math.round(value(instance.metrics.networkIn, epochMs) * 60),
  },
  {
    type: 'compute.googleapis.com/instance/network/sent_bytes_count',
    kind: 'DELTA',
    valueType: 'INT64',
    unit: 'By',
    variants: [{ loadbalanced: 'false' }],
    reportedBy: () => true,
    sample: (instance, _variant, epochMs) => Math.round(value(instance.metrics.networkOut, epochMs) * 60),
  },
  {
    type: 'agent.googleapis.com/memory/percent_used',
    kind: 'GAUGE',
    valueType: 'DOUBLE',
    unit: '%',
    variants: [{ state: 'free' }, { state: 'used' }],
    reportedBy: (instance) => instance.monitoring,
    sample: (instance, variant, epochMs) => {
      const used = value(instance.metrics.memory, epochMs);
      return round(variant.state === 'free' ? 100 - used : used, 6);
    },
  },
];

/** One candidate time series: a metric of one instance (one variant). */
export interface SeriesSource {
  readonly metric: MetricDefinition;
  readonly instance: EstateInstance;
  readonly metricLabels: Readonly<Record<string, string>>;
  readonly resourceLabels: Readonly<Record<string, string>>;
  readonly selectors: SeriesSelectors;
  /** `[from, until)` epoch ms in which the instance produced samples. */
  readonly activeFrom: number;
  readonly activeUntil: number;
}

/** Builds the candidate series of one instance (one per metric variant it reports). */
export function seriesOfInstance(
  instance: EstateInstance,
  window: { readonly from: number; readonly until: number },
): SeriesSource[] {
  const resourceLabels = { project_id: instance.account, instance_id: instance.id, zone: instance.zone };
  const sources: SeriesSource[] = [];
  for (const metric of GCE_METRICS) {
    if (!metric.reportedBy(instance)) continue;
    for (const variant of metric.variants) {
      const metricLabels = metric.type.startsWith('compute.googleapis.com/')
        ? { instance_name: instance.name, ...variant }
        : { ...variant };
      const selectors = new Map<string, string>([
        ['metric.type', metric.type],
        ['resource.type', 'gce_instance'],
        ['project', instance.account],
      ]);
      for (const [key, label] of Object.entries(metricLabels)) selectors.set(`metric.labels.${key}`, label);
      for (const [key, label] of Object.entries(resourceLabels))
        selectors.set(`resource.labels.${key}`, label);
      sources.push({
        metric,
        instance,
        metricLabels,
        resourceLabels,
        selectors,
        activeFrom: window.from,
        activeUntil: window.until,
      });
    }
  }
  return sources;
}

/**
 * The minute sample timestamps of a series inside `(startMs, endMs]` (Monitoring intervals include
 * their end), as `[first, last]`, or `undefined` when there is none.
 */
export function sampleRange(
  source: SeriesSource,
  startMs: number,
  endMs: number,
): readonly [number, number] | undefined {
  const low = Math.max(startMs, source.activeFrom - 1);
  const high = Math.min(endMs, source.activeUntil - 1);
  const first = (Math.floor(low / MINUTE_MS) + 1) * MINUTE_MS;
  const last = Math.floor(high / MINUTE_MS) * MINUTE_MS;
  return first <= last ? [first, last] : undefined;
}

/** The minute length of samples, for DELTA intervals. */
export const SAMPLE_PERIOD_MS = MINUTE_MS;
