import { aggregateMetric, isMetricStatistic } from '../estate/metrics.js';
import type { MetricPattern } from '../estate/model.js';

const DAY_MS = 86_400_000;

/** One value of a series: `timestamp` is the period start in epoch milliseconds. */
export interface SeriesPoint {
  readonly timestamp: number;
  readonly value: number;
}

/** What {@link computeMetricSeries} needs to know. */
export interface MetricSeriesRequest {
  /** The pattern behind the metric; `undefined` means a metric whose every sample is 0. */
  readonly pattern: MetricPattern | undefined;
  /** Seconds between samples (60 detailed, 300 basic monitoring). */
  readonly resolutionSeconds: number;
  /** Multiply each sample by its interval in seconds (byte counters from a bytes-per-second pattern). */
  readonly perInterval: boolean;
  /** When the resource existed and ran: no sample outside `[activeFromMs, activeUntilMs)`. */
  readonly activeFromMs: number;
  readonly activeUntilMs: number;
  /** The estate's "now" (retention is counted back from it). */
  readonly nowMs: number;
  readonly startMs: number;
  readonly endMs: number;
  readonly periodSeconds: number;
  /** `Average`, `Sum`, `Minimum`, `Maximum`, `SampleCount` or a percentile `pNN`. */
  readonly statistic: string;
}

/** True for the statistics the emulator computes. */
export function isSupportedStatistic(statistic: string): boolean {
  return isMetricStatistic(statistic);
}

/**
 * How far back CloudWatch keeps data at the granularity a period needs: 1-minute data 15 days,
 * 5-minute data 63 days, 1-hour data 455 days
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetMetricStatistics.html).
 */
export function retentionMs(periodSeconds: number): number {
  if (periodSeconds % 3600 === 0) return 455 * DAY_MS;
  if (periodSeconds % 300 === 0) return 63 * DAY_MS;
  return 15 * DAY_MS;
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6 + 0;
}

function reduce(values: number[], statistic: string): number {
  switch (statistic) {
    case 'Average': {
      let total = 0;
      for (const value of values) total += value;
      return total / values.length;
    }
    case 'Sum': {
      let total = 0;
      for (const value of values) total += value;
      return total;
    }
    case 'SampleCount':
      return values.length;
    case 'Maximum': {
      let max = Number.NEGATIVE_INFINITY;
      for (const value of values) if (value > max) max = value;
      return max;
    }
    case 'Minimum': {
      let min = Number.POSITIVE_INFINITY;
      for (const value of values) if (value < min) min = value;
      return min;
    }
    default: {
      // Percentiles, nearest rank (as the estate's own aggregation does).
      const percentile = Number(statistic.slice(1));
      const sorted = [...values].sort((a, b) => a - b);
      const rank = Math.max(1, Math.ceil((percentile / 100) * sorted.length));
      return sorted[rank - 1]!;
    }
  }
}

/**
 * The datapoints CloudWatch would return for one metric, one statistic and one period.
 *
 * Samples are what the resource published: one every `resolutionSeconds` (each the average of the
 * pattern over its interval, or the amount in the interval for counters), and only while the
 * resource ran. A period groups the samples whose timestamps fall in it, so a period shorter than
 * the resolution (60 s on a basic-monitoring instance) yields points only every 5 minutes.
 * Samples older than the retention of the period's granularity are gone. Points are sorted by
 * timestamp ascending; values have 6 decimal places.
 */
export function computeMetricSeries(request: MetricSeriesRequest): SeriesPoint[] {
  const { resolutionSeconds, periodSeconds, statistic } = request;
  const resolutionMs = resolutionSeconds * 1000;
  const periodMs = periodSeconds * 1000;
  const from = Math.max(request.startMs, request.activeFromMs, request.nowMs - retentionMs(periodSeconds));
  // A sample is published once its interval is over, and only while the resource runs.
  const until = Math.min(
    request.endMs,
    request.activeUntilMs - resolutionMs + 1,
    request.nowMs - resolutionMs + 1,
  );
  const firstSample = Math.ceil(from / resolutionMs) * resolutionMs;
  if (!(until > firstSample)) return [];
  const lastSampleEnd = Math.ceil(until / resolutionMs) * resolutionMs;

  // Samples: one per resolution interval, the average of the pattern's 1-minute values over it.
  let samples: { readonly timestamp: number; readonly value: number }[];
  if (request.pattern === undefined) {
    samples = [];
    for (let t = firstSample; t < lastSampleEnd; t += resolutionMs) samples.push({ timestamp: t, value: 0 });
  } else {
    samples = aggregateMetric(request.pattern, firstSample, lastSampleEnd, resolutionSeconds, 'Average');
  }
  const scale = request.perInterval ? resolutionSeconds : 1;

  // Periods group the samples whose timestamps fall in them.
  const points: SeriesPoint[] = [];
  let bucketStart = Number.NaN;
  let bucket: number[] = [];
  const flush = (): void => {
    if (bucket.length > 0) points.push({ timestamp: bucketStart, value: round6(reduce(bucket, statistic)) });
    bucket = [];
  };
  for (const sample of samples) {
    const start = Math.floor(sample.timestamp / periodMs) * periodMs;
    if (start !== bucketStart) {
      flush();
      bucketStart = start;
    }
    bucket.push(round6(sample.value * scale));
  }
  flush();
  return points;
}
