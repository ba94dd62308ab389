import { describe, expect, it } from 'vitest';
import { GCP_INSTANCE_METRICS } from './gcp-metric-catalog.js';
import { foldSeries, toTimeSeriesRequest } from './get-gcp-metrics.js';

const window = {
  start: new Date('2026-11-19T23:00:00.000Z'),
  end: new Date('2026-11-20T00:00:00.000Z'),
  periodSeconds: 3600,
};

function point(seconds: number, value: { doubleValue?: number; int64Value?: string }) {
  return { interval: { endTime: { seconds: String(seconds), nanos: 0 } }, value };
}

describe('toTimeSeriesRequest', () => {
  it('aligns the whole window into one period, both bounds one millisecond early', () => {
    const request = toTimeSeriesRequest(
      'p1',
      { metric: 'cpu', statistic: 'avg', ...window },
      100_000,
      undefined,
    );

    expect(request).toEqual({
      name: 'projects/p1',
      filter:
        'metric.type = "compute.googleapis.com/instance/cpu/utilization" AND resource.type = "gce_instance"',
      interval: {
        startTime: { seconds: 1_795_129_199, nanos: 999_000_000 },
        endTime: { seconds: 1_795_132_799, nanos: 999_000_000 },
      },
      aggregation: { alignmentPeriod: { seconds: 3600 }, perSeriesAligner: 'ALIGN_MEAN' },
      view: 'FULL',
      pageSize: 100_000,
    });
  });

  it.each([
    ['max', 'ALIGN_MAX'],
    ['min', 'ALIGN_MIN'],
    ['sum', 'ALIGN_SUM'],
  ] as const)('uses %s → %s', (statistic, aligner) => {
    const request = toTimeSeriesRequest('p1', { metric: 'network_in', statistic, ...window }, 5, 'tok');

    expect(request.aggregation?.perSeriesAligner).toBe(aligner);
    expect(request.pageToken).toBe('tok');
  });

  it('reads raw points for percentiles', () => {
    const request = toTimeSeriesRequest('p1', { metric: 'cpu', statistic: 'p90', ...window }, 5, undefined);

    expect(request.aggregation).toBeUndefined();
  });
});

describe('foldSeries', () => {
  it('scales CPU fractions to percent per instance', () => {
    const values = foldSeries(
      [
        { resource: { labels: { instance_id: '1' } }, points: [point(10, { doubleValue: 0.25 })] },
        { resource: { labels: { instance_id: '2' } }, points: [point(10, { doubleValue: 0.901 })] },
        { resource: { labels: {} }, points: [point(10, { doubleValue: 0.5 })] },
      ],
      GCP_INSTANCE_METRICS.cpu,
      { statistic: 'avg' },
    );

    expect([...values.keys()]).toEqual(['1', '2']);
    expect(values.get('1')).toBe(25);
    expect(values.get('2')).toBeCloseTo(90.1, 9);
  });

  it('adds byte counters split by label at the same time, then merges over the window', () => {
    const values = foldSeries(
      [
        {
          resource: { labels: { instance_id: '1' } },
          points: [point(60, { int64Value: '100' }), point(120, { int64Value: '300' })],
        },
        {
          resource: { labels: { instance_id: '1' } },
          points: [point(60, { int64Value: '5' }), point(120, { int64Value: '7' })],
        },
      ],
      GCP_INSTANCE_METRICS.network_in,
      { statistic: 'max' },
    );

    expect(values.get('1')).toBe(307);
  });

  it('takes nearest-rank percentiles of raw points', () => {
    const points = Array.from({ length: 20 }, (_, i) => point(60 * (i + 1), { doubleValue: (i + 1) / 100 }));

    const values = foldSeries(
      [{ resource: { labels: { instance_id: '9' } }, points }],
      GCP_INSTANCE_METRICS.cpu,
      { statistic: 'p95' },
    );

    expect(values.get('9')).toBeCloseTo(19, 9);
  });
});
