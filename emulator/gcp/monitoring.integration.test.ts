import { MetricServiceClient, type protos } from '@google-cloud/monitoring';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateEstate } from '../estate/generate-estate.js';
import { metricValueAt } from '../estate/metrics.js';
import type { Estate, EstateInstance } from '../estate/model.js';
import { startEmulator, type RunningEmulator } from '../server/start-emulator.js';
import { gcpEmulatorClientOptions } from './gcp-test-client-options.js';

type TimeSeries = protos.google.monitoring.v3.ITimeSeries;
type ListRequest = protos.google.monitoring.v3.IListTimeSeriesRequest;

const ANCHOR = '2026-11-20T00:00:00.000Z';
const END_S = Date.parse(ANCHOR) / 1000;
const HOUR_S = 3600;
const CPU = 'compute.googleapis.com/instance/cpu/utilization';

let estate: Estate;
let emulator: RunningEmulator;
let running: EstateInstance;

beforeAll(async () => {
  estate = generateEstate({ seed: 7, size: 'small', anchorTime: ANCHOR });
  running = estate.instances.find(
    (instance) =>
      instance.provider === 'gcp' &&
      instance.state === 'RUNNING' &&
      instance.monitoring &&
      Date.parse(instance.launchTime) < Date.parse(ANCHOR) - 86_400_000,
  )!;
  emulator = await startEmulator({ estate, pageSizeCaps: { gcp: 300 } });
});

afterAll(async () => {
  await emulator.close();
});

async function listSeries(request: ListRequest): Promise<TimeSeries[]> {
  const client = new MetricServiceClient(gcpEmulatorClientOptions(emulator.endpoints.gcp));
  const series: TimeSeries[] = [];
  for await (const item of client.listTimeSeriesAsync(request)) series.push(item);
  return series;
}

function request(filter: string, startSeconds: number, extra: Partial<ListRequest> = {}): ListRequest {
  return {
    name: `projects/${running.account}`,
    filter,
    interval: { startTime: { seconds: startSeconds }, endTime: { seconds: END_S } },
    ...extra,
  };
}

const seconds = (timestamp: protos.google.protobuf.ITimestamp | null | undefined): number =>
  Number(timestamp?.seconds ?? 0);

/** The estate's raw CPU percent at the minutes (t − period, t], as Monitoring aligns them. */
function expectedMeanFraction(instance: EstateInstance, endSeconds: number, periodSeconds: number): number {
  const values: number[] = [];
  for (let t = endSeconds - periodSeconds + 60; t <= endSeconds; t += 60)
    values.push(metricValueAt(instance.metrics.cpu, t * 1000) / 100);
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

describe('timeSeries.list', () => {
  it('returns CPU utilization as a FRACTION, aligned by ALIGN_MEAN, newest point first', async () => {
    const [series, ...others] = await listSeries(
      request(`metric.type = "${CPU}" AND resource.labels.instance_id = "${running.id}"`, END_S - HOUR_S, {
        aggregation: { alignmentPeriod: { seconds: 300 }, perSeriesAligner: 'ALIGN_MEAN' },
      }),
    );

    expect(others).toHaveLength(0);
    expect(series).toMatchObject({
      metric: { type: CPU, labels: { instance_name: running.name } },
      resource: {
        type: 'gce_instance',
        labels: { project_id: running.account, instance_id: running.id, zone: running.zone },
      },
      metricKind: 'GAUGE',
      valueType: 'DOUBLE',
    });
    const points = series!.points!;
    expect(points).toHaveLength(12);
    expect(points.map((point) => seconds(point.interval?.endTime))).toEqual(
      Array.from({ length: 12 }, (_, k) => END_S - k * 300),
    );
    for (const point of points) {
      const value = point.value!.doubleValue!;
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(1);
      expect(value).toBeCloseTo(expectedMeanFraction(running, seconds(point.interval?.endTime), 300), 6);
    }
  });

  it('returns raw one-minute samples without aggregation, each the estate percent / 100', async () => {
    const [series] = await listSeries(
      request(`metric.type = "${CPU}" AND resource.labels.instance_id = "${running.id}"`, END_S - 600),
    );

    expect(series!.points).toHaveLength(10);
    for (const point of series!.points!) {
      const time = seconds(point.interval?.endTime);
      expect(seconds(point.interval?.startTime)).toBe(time);
      expect(point.value!.doubleValue).toBeCloseTo(metricValueAt(running.metrics.cpu, time * 1000) / 100, 8);
    }
  });

  it('reports network bytes as DELTA INT64 per minute, and ALIGN_RATE as bytes per second', async () => {
    const filter = `metric.type = "compute.googleapis.com/instance/network/received_bytes_count" AND resource.labels.instance_id = "${running.id}"`;

    const [raw] = await listSeries(request(filter, END_S - 300));
    const [rate] = await listSeries(
      request(filter, END_S - 300, {
        aggregation: { alignmentPeriod: { seconds: 300 }, perSeriesAligner: 'ALIGN_RATE' },
      }),
    );

    expect(raw).toMatchObject({ metricKind: 'DELTA', valueType: 'INT64', unit: 'By' });
    const samples = raw!.points!.map((point) => Number(point.value!.int64Value));
    for (const point of raw!.points!) {
      expect(seconds(point.interval?.endTime) - seconds(point.interval?.startTime)).toBe(60);
      expect(Number(point.value!.int64Value)).toBe(
        Math.round(metricValueAt(running.metrics.networkIn, seconds(point.interval?.endTime) * 1000) * 60),
      );
    }
    expect(rate).toMatchObject({ metricKind: 'GAUGE', valueType: 'DOUBLE' });
    expect(rate!.points![0]!.value!.doubleValue).toBeCloseTo(
      samples.reduce((sum, value) => sum + value, 0) / 300,
      6,
    );
  });

  it('reports memory percent_used only for instances with the Ops Agent', async () => {
    const series = await listSeries(
      request(
        'metric.type = "agent.googleapis.com/memory/percent_used" AND metric.labels.state = "used"',
        END_S - 300,
      ),
    );

    const ids = series.map((item) => item.resource!.labels!.instance_id).sort();
    const expected = estate.instances
      .filter(
        (instance) =>
          instance.provider === 'gcp' && instance.account === running.account && instance.monitoring,
      )
      .filter(
        (instance) =>
          Date.parse(instance.launchTime) <= (END_S - 60) * 1000 &&
          instance.state !== 'TERMINATED' &&
          instance.state !== 'SUSPENDED',
      )
      .map((instance) => instance.id)
      .sort();
    expect(ids).toEqual(expected);
    expect(ids).toContain(running.id);
  });

  it('pages by points and returns every running instance of the project exactly once', async () => {
    const sinceSeq = emulator.journal.total();

    const series = await listSeries(
      request(`metric.type = "${CPU}"`, END_S - 24 * HOUR_S, {
        aggregation: { alignmentPeriod: { seconds: 600 }, perSeriesAligner: 'ALIGN_MAX' },
      }),
    );

    const ids = series.map((item) => item.resource!.labels!.instance_id!);
    expect(new Set(ids).size).toBe(ids.length);
    const active = estate.instances.filter(
      (instance) =>
        instance.provider === 'gcp' &&
        instance.account === running.account &&
        Date.parse(instance.launchTime) < Date.parse(ANCHOR) &&
        instance.state !== 'TERMINATED' &&
        instance.state !== 'SUSPENDED' &&
        instance.state !== 'STOPPING',
    );
    expect(ids.length).toBeGreaterThanOrEqual(active.length);
    expect(active.every((instance) => ids.includes(instance.id))).toBe(true);
    expect(emulator.journal.query({ operation: 'timeSeries.list', sinceSeq }).length).toBeGreaterThanOrEqual(
      3,
    );
  });

  it('reduces across series by zone with REDUCE_MEAN', async () => {
    const series = await listSeries(
      request(`metric.type = "${CPU}"`, END_S - HOUR_S, {
        aggregation: {
          alignmentPeriod: { seconds: HOUR_S },
          perSeriesAligner: 'ALIGN_MEAN',
          crossSeriesReducer: 'REDUCE_MEAN',
          groupByFields: ['resource.labels.zone'],
        },
      }),
    );

    const zones = series.map((item) => item.resource!.labels!.zone).sort();
    expect(new Set(zones).size).toBe(zones.length);
    expect(
      series.every((item) => item.points?.length === 1 && item.resource?.labels?.instance_id === undefined),
    ).toBe(true);
  });

  it('returns headers only in the HEADERS view', async () => {
    const series = await listSeries(request(`metric.type = "${CPU}"`, END_S - 600, { view: 'HEADERS' }));

    expect(series.length).toBeGreaterThan(0);
    expect(series.every((item) => (item.points ?? []).length === 0)).toBe(true);
  });
});

describe('timeSeries.list errors', () => {
  async function statusOf(call: Promise<unknown>): Promise<{ status: unknown; message: string }> {
    try {
      await call;
    } catch (error) {
      return { status: (error as { status?: unknown }).status, message: (error as Error).message };
    }
    throw new Error('expected the call to fail');
  }

  it.each<[string, () => ListRequest]>([
    ['a filter without metric.type', () => request('resource.type = "gce_instance"', END_S - 600)],
    [
      'an unknown selector',
      () => request(`metric.type = "${CPU}" AND metadata.user_labels.x = "y"`, END_S - 600),
    ],
    [
      'a percentile aligner on a DOUBLE gauge',
      () =>
        request(`metric.type = "${CPU}"`, END_S - 600, {
          aggregation: { alignmentPeriod: { seconds: 300 }, perSeriesAligner: 'ALIGN_PERCENTILE_95' },
        }),
    ],
    [
      'an aligner without an alignment period',
      () =>
        request(`metric.type = "${CPU}"`, END_S - 600, { aggregation: { perSeriesAligner: 'ALIGN_MEAN' } }),
    ],
  ])('refuses %s with 400 INVALID_ARGUMENT', async (_label, body) => {
    const client = new MetricServiceClient(gcpEmulatorClientOptions(emulator.endpoints.gcp));

    const failure = await statusOf(client.listTimeSeries(body(), { autoPaginate: false }));

    expect(failure.status).toBe(400);
    expect(failure.message).toContain('INVALID_ARGUMENT');
  });
});
