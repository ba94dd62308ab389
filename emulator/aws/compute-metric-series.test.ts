import { describe, expect, it } from 'vitest';
import { aggregateMetric } from '../estate/metrics.js';
import type { MetricPattern } from '../estate/model.js';
import { computeMetricSeries, type MetricSeriesRequest } from './compute-metric-series.js';

const NOW = Date.parse('2026-11-20T00:00:00.000Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const PATTERN: MetricPattern = { kind: 'busy', base: 50, amplitude: 30, phaseMinutes: 0, noiseSeed: 42 };

function request(overrides: Partial<MetricSeriesRequest>): MetricSeriesRequest {
  return {
    pattern: PATTERN,
    resolutionSeconds: 60,
    perInterval: false,
    activeFromMs: NOW - 100 * DAY,
    activeUntilMs: NOW,
    nowMs: NOW,
    startMs: NOW - HOUR,
    endMs: NOW,
    periodSeconds: 300,
    statistic: 'Average',
    ...overrides,
  };
}

describe('computeMetricSeries', () => {
  it('matches the estate aggregation for 1-minute data', () => {
    const points = computeMetricSeries(request({}));

    const expected = aggregateMetric(PATTERN, NOW - HOUR, NOW, 300, 'Average');
    expect(points.map((p) => p.timestamp)).toEqual(expected.map((p) => p.timestamp));
    points.forEach((point, index) => {
      expect(point.value).toBeCloseTo(expected[index]!.value, 5);
    });
  });

  it('gives one point per 5 minutes for 5-minute data, whatever the period', () => {
    const points = computeMetricSeries(request({ resolutionSeconds: 300, periodSeconds: 60 }));

    expect(points).toHaveLength(12);
    expect(points.every((p) => p.timestamp % 300_000 === 0)).toBe(true);
  });

  it.each([
    ['SampleCount', 1, 5],
    ['SampleCount', 5, 1],
  ])('counts %s of %i-minute samples per 5-minute period', (statistic, minutes, expected) => {
    const points = computeMetricSeries(request({ statistic, resolutionSeconds: minutes * 60 }));

    expect(points.every((p) => p.value === expected)).toBe(true);
  });

  it('multiplies per-interval counters by the sample interval', () => {
    const constant: MetricPattern = {
      kind: 'steady',
      base: 100,
      amplitude: 0,
      phaseMinutes: 0,
      noiseSeed: 1,
    };

    const perMinute = computeMetricSeries(
      request({ pattern: constant, perInterval: true, statistic: 'Sum', periodSeconds: 3600 }),
    );

    expect(perMinute).toEqual([{ timestamp: NOW - HOUR, value: 100 * 3600 }]);
  });

  it('has no samples outside the active window, in the future, or beyond retention', () => {
    const stopped = computeMetricSeries(request({ activeUntilMs: NOW - 30 * 60_000 }));
    const future = computeMetricSeries(request({ startMs: NOW, endMs: NOW + HOUR }));
    const old = computeMetricSeries(
      request({ startMs: NOW - 20 * DAY, endMs: NOW - 19 * DAY, periodSeconds: 60 }),
    );
    const oldHourly = computeMetricSeries(
      request({ startMs: NOW - 20 * DAY, endMs: NOW - 19 * DAY, periodSeconds: 3600 }),
    );

    expect(stopped.at(-1)!.timestamp).toBeLessThan(NOW - 30 * 60_000);
    expect(future).toEqual([]);
    expect(old).toEqual([]);
    expect(oldHourly).toHaveLength(24);
  });
});
