import { describe, expect, it } from 'vitest';
import { SreError } from '../../core/errors/sre-error.js';
import { mergeMetricValues } from './merge-metric-values.js';

describe('mergeMetricValues', () => {
  it.each([
    [[], 'avg', null],
    [[42], 'p99', 42],
    [[10, 20, 60], 'avg', 30],
    [[10, 20, 60], 'max', 60],
    [[10, 20, 60], 'min', 10],
    [[10, 20, 60], 'sum', 90],
  ] as const)('merges %o with %s into %s', (values, statistic, expected) => {
    expect(mergeMetricValues(values, statistic)).toBe(expected);
  });

  it('refuses to merge percentiles of several periods', () => {
    expect(() => mergeMetricValues([1, 2], 'p95')).toThrow(SreError);
  });
});
