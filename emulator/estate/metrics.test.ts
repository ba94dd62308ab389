import { describe, expect, it } from 'vitest';
import { aggregateMetric, isMetricStatistic, rawMetricValue } from './metrics.js';
import type { MetricPattern } from './model.js';

const MINUTE = 60_000;
const T0 = Date.parse('2026-11-25T00:00:00.000Z');

const steady: MetricPattern = { kind: 'steady', base: 30, amplitude: 5, phaseMinutes: 0, noiseSeed: 1234 };
const busy: MetricPattern = { kind: 'busy', base: 78, amplitude: 17, phaseMinutes: 90, noiseSeed: 99 };
const spiky: MetricPattern = { kind: 'spiky', base: 18, amplitude: 80, phaseMinutes: 15, noiseSeed: 4242 };
const idle: MetricPattern = { kind: 'idle', base: 2, amplitude: 1.5, phaseMinutes: 0, noiseSeed: 7 };

/** The raw points of `count` minutes from T0, computed one by one. */
function rawPoints(pattern: MetricPattern, count: number, from = T0): number[] {
  return Array.from({ length: count }, (_, index) => rawMetricValue(pattern, from + index * MINUTE));
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

describe('rawMetricValue', () => {
  it('is the same for every instant of one minute and on every call', () => {
    const atStart = rawMetricValue(steady, T0);

    const later = rawMetricValue(steady, T0 + 59_999);

    expect(later).toBe(atStart);
    expect(rawMetricValue(steady, T0)).toBe(atStart);
  });

  it.each([
    ['idle', idle, 0.5, 3.5],
    ['steady', steady, 25, 35],
    ['busy', busy, 60, 97],
  ])('keeps a %s pattern within its band over a day', (_kind, pattern, low, high) => {
    const values = rawPoints(pattern, 1440);

    expect(Math.min(...values)).toBeGreaterThanOrEqual(low);
    expect(Math.max(...values)).toBeLessThanOrEqual(high);
  });

  it('gives a spiky pattern a low baseline and a few short spikes above 85 %', () => {
    const values = rawPoints(spiky, 1440);

    const spikes = values.filter((value) => value >= 85).length;
    const baseline = values.filter((value) => value < 85);

    expect(spikes).toBeGreaterThan(3);
    expect(spikes).toBeLessThan(100);
    expect(Math.max(...baseline)).toBeLessThanOrEqual(30);
    expect(Math.max(...values)).toBeLessThanOrEqual(100);
  });

  it('clamps percentages to 100 but lets byte rates exceed it', () => {
    const hot: MetricPattern = { kind: 'steady', base: 150, amplitude: 1, phaseMinutes: 0, noiseSeed: 1 };
    const network: MetricPattern = { ...hot, unit: 'bytesPerSecond' };

    expect(rawMetricValue(hot, T0)).toBe(100);
    expect(rawMetricValue(network, T0)).toBeGreaterThan(100);
  });

  it('never returns a negative value', () => {
    const low: MetricPattern = { kind: 'idle', base: 0.1, amplitude: 5, phaseMinutes: 0, noiseSeed: 3 };

    const values = rawPoints(low, 600);

    expect(Math.min(...values)).toBe(0);
  });

  it('has at most 6 decimal places', () => {
    const values = rawPoints(busy, 100);

    for (const value of values) expect(value).toBe(round6(value));
  });
});

describe('aggregateMetric', () => {
  it('averages the five raw points of a 5-minute period', () => {
    const points = rawPoints(steady, 5);

    const [period] = aggregateMetric(steady, T0, T0 + 5 * MINUTE, 300, 'Average');

    expect(period).toEqual({ timestamp: T0, value: round6(points.reduce((a, b) => a + b, 0) / 5) });
  });

  it.each([
    ['Maximum', (values: number[]) => Math.max(...values)],
    ['Minimum', (values: number[]) => Math.min(...values)],
    ['Sum', (values: number[]) => round6(values.reduce((a, b) => a + b, 0))],
    ['SampleCount', (values: number[]) => values.length],
    // Nearest rank: p95 of 5 points is rank ceil(4.75) = 5, the largest; p50 is rank 3.
    ['p95', (values: number[]) => [...values].sort((a, b) => a - b)[4]!],
    ['p50', (values: number[]) => [...values].sort((a, b) => a - b)[2]!],
  ] as const)('computes %s over the raw points', (statistic, expected) => {
    const points = rawPoints(busy, 5);

    const [period] = aggregateMetric(busy, T0, T0 + 5 * MINUTE, 300, statistic);

    expect(period?.value).toBe(expected(points));
  });

  it('takes p99 of an hour as the 60th of 60 sorted points and p90 as the 54th', () => {
    const sorted = rawPoints(spiky, 60).sort((a, b) => a - b);

    const [p99] = aggregateMetric(spiky, T0, T0 + 60 * MINUTE, 3600, 'p99');
    const [p90] = aggregateMetric(spiky, T0, T0 + 60 * MINUTE, 3600, 'p90');

    expect(p99?.value).toBe(sorted[59]);
    expect(p90?.value).toBe(sorted[53]);
  });

  it('aligns periods to multiples of the period since the epoch', () => {
    const start = T0 + 7 * MINUTE;

    const points = aggregateMetric(steady, start, start + 60 * MINUTE, 900, 'Average');

    expect(points.map((point) => (point.timestamp - T0) / MINUTE)).toEqual([0, 15, 30, 45, 60]);
    expect(points.every((point) => point.timestamp % (900 * 1000) === 0)).toBe(true);
  });

  it('counts only raw points inside the window in partial periods', () => {
    const start = T0 + 7 * MINUTE;

    const counts = aggregateMetric(steady, start, start + 60 * MINUTE, 900, 'SampleCount');

    expect(counts.map((point) => point.value)).toEqual([8, 15, 15, 15, 7]);
  });

  it('gives the same numbers for the same window, whatever was asked before', () => {
    const first = aggregateMetric(busy, T0, T0 + 86_400_000, 3600, 'Average');
    aggregateMetric(busy, T0 - 86_400_000, T0, 60, 'p99');

    const second = aggregateMetric(busy, T0, T0 + 86_400_000, 3600, 'Average');

    expect(second).toEqual(first);
    expect(second).toHaveLength(24);
  });

  it('follows the daily wave of a busy pattern', () => {
    const hourly = aggregateMetric(busy, T0, T0 + 86_400_000, 3600, 'Average').map((point) => point.value);

    expect(Math.max(...hourly) - Math.min(...hourly)).toBeGreaterThan(15);
  });

  it('returns nothing for an empty window', () => {
    expect(aggregateMetric(steady, T0, T0, 60, 'Average')).toEqual([]);
  });

  it.each([
    ['a zero period', () => aggregateMetric(steady, T0, T0 + MINUTE, 0, 'Average')],
    ['a fractional period', () => aggregateMetric(steady, T0, T0 + MINUTE, 1.5, 'Average')],
    ['an unknown statistic', () => aggregateMetric(steady, T0, T0 + MINUTE, 60, 'p101')],
    ['an infinite window', () => aggregateMetric(steady, T0, Number.POSITIVE_INFINITY, 60, 'Sum')],
  ])('rejects %s', (_name, act) => {
    expect(act).toThrow(RangeError);
  });
});

describe('isMetricStatistic', () => {
  it.each([
    ['Average', true],
    ['SampleCount', true],
    ['p99', true],
    ['p99.9', true],
    ['p100', true],
    ['p0', true],
    ['p101', false],
    ['avg', false],
    ['P99', false],
  ])('%s → %s', (text, expected) => {
    expect(isMetricStatistic(text)).toBe(expected);
  });
});
