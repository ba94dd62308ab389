import { describe, expect, it } from 'vitest';
import { chooseTimeGrain, combineMetricPoints, toAzureAggregation } from './azure-metric-catalog.js';

const at = (iso: string): Date => new Date(iso);

describe('toAzureAggregation', () => {
  it.each([
    ['cpu', 'avg', 'Average'],
    ['cpu', 'max', 'Maximum'],
    ['cpu', 'min', 'Minimum'],
    ['network_in', 'sum', 'Total'],
    ['memory', 'avg', 'Average'],
    ['memory', 'max', 'Minimum'],
    ['memory', 'min', 'Maximum'],
  ] as const)('%s %s → %s', (metric, statistic, aggregation) => {
    expect(toAzureAggregation(metric, statistic)).toBe(aggregation);
  });

  it.each([
    ['cpu', 'p95'],
    ['cpu', 'p50'],
    ['memory', 'sum'],
  ] as const)('%s %s is unsupported', (metric, statistic) => {
    expect(() => toAzureAggregation(metric, statistic)).toThrow(
      expect.objectContaining({ code: 'PLAN_UNSUPPORTED' }),
    );
  });
});

describe('chooseTimeGrain', () => {
  it.each([
    ['one aligned hour', '2026-11-20T09:00:00Z', '2026-11-20T10:00:00Z', 'PT1H'],
    ['an hour starting at :05', '2026-11-20T09:05:00Z', '2026-11-20T10:05:00Z', 'PT5M'],
    ['an hour starting at :15', '2026-11-20T09:15:00Z', '2026-11-20T10:15:00Z', 'PT15M'],
    ['three hours', '2026-11-20T09:00:00Z', '2026-11-20T12:00:00Z', 'PT1H'],
    ['one day from midnight', '2026-11-19T00:00:00Z', '2026-11-20T00:00:00Z', 'P1D'],
    ['one day from 06:00', '2026-11-19T06:00:00Z', '2026-11-20T06:00:00Z', 'PT6H'],
    ['seven days from midnight', '2026-11-13T00:00:00Z', '2026-11-20T00:00:00Z', 'P1D'],
    ['five minutes', '2026-11-20T09:55:00Z', '2026-11-20T10:00:00Z', 'PT5M'],
    ['90 seconds', '2026-11-20T09:55:00Z', '2026-11-20T09:56:30Z', undefined],
    ['empty', '2026-11-20T09:55:00Z', '2026-11-20T09:55:00Z', undefined],
  ])('%s → %s', (_case, start, end, iso) => {
    expect(chooseTimeGrain(at(start), at(end))?.iso).toBe(iso);
  });
});

describe('combineMetricPoints', () => {
  const points = [
    { average: 10, minimum: 2, maximum: 30, total: 600, count: 60 },
    { average: 40, minimum: 5, maximum: 90, total: 1200, count: 30 },
  ];

  it.each([
    ['Average (weighted by count)', 'Average', false, 20],
    ['Maximum', 'Maximum', false, 90],
    ['Minimum', 'Minimum', false, 2],
    ['Total', 'Total', false, 1800],
    ['Average of a complement', 'Average', true, 80],
    ['Minimum of a complement', 'Minimum', true, 98],
  ] as const)('%s', (_case, aggregation, complement, value) => {
    expect(combineMetricPoints(points, aggregation, complement)).toBeCloseTo(value, 9);
  });

  it('weighs periods equally without counts and gives null without data', () => {
    expect(combineMetricPoints([{ average: 10 }, { average: 40 }], 'Average', false)).toBe(25);
    expect(combineMetricPoints([], 'Maximum', false)).toBeNull();
    expect(combineMetricPoints([{ average: 3 }], 'Total', false)).toBeNull();
  });
});
