import type { MetricPattern } from './model.js';
import { hashIntegers, hashToUnit } from './random.js';

/**
 * Deterministic metric values computed on demand from a {@link MetricPattern}.
 *
 * The raw resolution is one point per minute; a point's value depends only on the pattern and the
 * epoch minute (no state, no clock), so every handler, every request and every run sees the same
 * numbers. Values are rounded to 6 decimal places so that JSON serialization is stable.
 */

/** The statistics CloudWatch-style APIs ask for; percentiles as `p95`, `p99.9`, `p50`… */
export type MetricStatistic = 'Average' | 'Maximum' | 'Minimum' | 'Sum' | 'SampleCount' | `p${number}`;

/** One aggregated point: `timestamp` is the period start in epoch milliseconds. */
export interface MetricPoint {
  readonly timestamp: number;
  readonly value: number;
}

const MINUTE_MS = 60_000;
const MINUTES_PER_DAY = 1440;
/** Spikes are decided per block of this many minutes (at most one spike per block). */
const SPIKE_BLOCK_MINUTES = 60;
/** Probability that a block holds a spike: about one spike every four hours. */
const SPIKE_PROBABILITY = 0.25;
const STATISTIC_PATTERN = /^p(\d{1,2}(?:\.\d+)?|100(?:\.0+)?)$/;

/** Rounds to 6 decimal places (and turns -0 into 0) so that serialized values are stable. */
function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6 + 0;
}

/** The unrounded, unclamped-by-rounding value of a pattern at an epoch minute. */
function valueAtMinute(pattern: MetricPattern, minute: number): number {
  const { base, amplitude, noiseSeed, phaseMinutes } = pattern;
  const noise = hashToUnit(hashIntegers(noiseSeed, minute, 1)) * 2 - 1;
  let value: number;
  switch (pattern.kind) {
    case 'idle':
    case 'steady':
      value = base + amplitude * noise;
      break;
    case 'busy': {
      const wave = Math.sin((2 * Math.PI * (minute + phaseMinutes)) / MINUTES_PER_DAY);
      value = base + amplitude * (0.8 * wave + 0.2 * noise);
      break;
    }
    case 'spiky': {
      const shifted = minute + phaseMinutes;
      const block = Math.floor(shifted / SPIKE_BLOCK_MINUTES);
      const blockHash = hashIntegers(noiseSeed, block, 2);
      const offsetInBlock = shifted - block * SPIKE_BLOCK_MINUTES;
      const spikeStart = (blockHash >>> 8) % (SPIKE_BLOCK_MINUTES - 6);
      const spikeLength = 2 + ((blockHash >>> 20) % 5);
      const inSpike =
        hashToUnit(blockHash) < SPIKE_PROBABILITY &&
        offsetInBlock >= spikeStart &&
        offsetInBlock < spikeStart + spikeLength;
      value = inSpike ? base + amplitude * (0.85 + 0.15 * ((noise + 1) / 2)) : base + base * 0.35 * noise;
      break;
    }
  }
  if (value < 0) return 0;
  if (pattern.unit !== 'bytesPerSecond' && value > 100) return 100;
  return value;
}

/**
 * The raw (1-minute) value of a pattern for the minute that contains `epochMs`.
 *
 * Shapes: `idle` and `steady` are `base ± amplitude` noise; `busy` is a daily sine wave of
 * `0.8 × amplitude` around `base` (peaking at 06:00 UTC minus `phaseMinutes`) plus `0.2 × amplitude` noise;
 * `spiky` is `base ± 35 %` noise with, in about one hour in four, a 2–6 minute spike to
 * `base + 85–100 % of amplitude`. Percent values are clamped to [0, 100], byte rates to ≥ 0.
 * Same input, same output; 6 decimal places.
 */
export function rawMetricValue(pattern: MetricPattern, epochMs: number): number {
  return round6(valueAtMinute(pattern, Math.floor(epochMs / MINUTE_MS)));
}

/** Alias of {@link rawMetricValue}, the name `model.ts` refers to. */
export const metricValueAt: (pattern: MetricPattern, epochMs: number) => number = rawMetricValue;

/** True for the statistics {@link aggregateMetric} accepts (`Average`, `p99`, `p99.9`…). */
export function isMetricStatistic(text: string): text is MetricStatistic {
  return (
    text === 'Average' ||
    text === 'Maximum' ||
    text === 'Minimum' ||
    text === 'Sum' ||
    text === 'SampleCount' ||
    STATISTIC_PATTERN.test(text)
  );
}

type Reducer = (values: Float64Array, count: number) => number;

function toReducer(statistic: MetricStatistic): Reducer {
  switch (statistic) {
    case 'Average':
      return (values, count) => sum(values, count) / count;
    case 'Sum':
      return sum;
    case 'SampleCount':
      return (_values, count) => count;
    case 'Maximum':
      return (values, count) => {
        let max = values[0]!;
        for (let index = 1; index < count; index++) if (values[index]! > max) max = values[index]!;
        return max;
      };
    case 'Minimum':
      return (values, count) => {
        let min = values[0]!;
        for (let index = 1; index < count; index++) if (values[index]! < min) min = values[index]!;
        return min;
      };
    default: {
      if (!STATISTIC_PATTERN.test(statistic)) {
        throw new RangeError(`Unknown statistic '${statistic}'`);
      }
      const percentile = Number(statistic.slice(1));
      return (values, count) => {
        // Nearest rank: the smallest value with at least p % of the points at or below it.
        const sorted = values.subarray(0, count).sort();
        const rank = Math.max(1, Math.ceil((percentile / 100) * count));
        return sorted[rank - 1]!;
      };
    }
  }
}

function sum(values: Float64Array, count: number): number {
  let total = 0;
  for (let index = 0; index < count; index++) total += values[index]!;
  return total;
}

/**
 * Aggregates the raw minute points of a pattern into periods, as CloudWatch `GetMetricStatistics`,
 * Azure Monitor and Cloud Monitoring do.
 *
 * Periods start at multiples of `periodSeconds` since the epoch. A raw point (timestamped at the
 * start of its minute) counts when it lies in both its period and `[startMs, endMs)`; periods
 * without any such point are omitted. Percentiles (`p95`, `p99.9`…) use the nearest-rank method.
 * The caller owns the window: nothing here looks at the clock. Cost is O(minutes in the window).
 *
 * @param periodSeconds - period length in seconds, a positive integer (60 and multiples of it are
 *   typical; shorter periods simply hold at most one raw point).
 * @returns points sorted by timestamp ascending, values rounded to 6 decimal places.
 * @throws RangeError when the period is not a positive integer, the window is not finite or the
 *   statistic is unknown.
 */
export function aggregateMetric(
  pattern: MetricPattern,
  startMs: number,
  endMs: number,
  periodSeconds: number,
  statistic: MetricStatistic,
): MetricPoint[] {
  if (!Number.isInteger(periodSeconds) || periodSeconds <= 0) {
    throw new RangeError(`periodSeconds must be a positive integer, got ${periodSeconds}`);
  }
  if (!Number.isFinite(startMs) || !Number.isFinite(endMs)) {
    throw new RangeError('startMs and endMs must be finite');
  }
  const reduce = toReducer(statistic);
  const points: MetricPoint[] = [];
  if (endMs <= startMs) return points;

  const periodMs = periodSeconds * 1000;
  const firstMinute = Math.ceil(startMs / MINUTE_MS);
  const lastMinute = Math.ceil(endMs / MINUTE_MS) - 1;
  if (lastMinute < firstMinute) return points;
  const buffer = new Float64Array(
    Math.min(Math.ceil(periodMs / MINUTE_MS) + 1, lastMinute - firstMinute + 1),
  );

  let minute = firstMinute;
  while (minute <= lastMinute) {
    const periodStart = Math.floor((minute * MINUTE_MS) / periodMs) * periodMs;
    const periodEnd = periodStart + periodMs;
    let count = 0;
    while (minute <= lastMinute && minute * MINUTE_MS < periodEnd) {
      buffer[count++] = round6(valueAtMinute(pattern, minute));
      minute++;
    }
    points.push({ timestamp: periodStart, value: round6(reduce(buffer, count)) });
  }
  return points;
}
