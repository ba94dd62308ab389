import {
  CloudWatchClient,
  DescribeAlarmsCommand,
  GetMetricDataCommand,
  GetMetricStatisticsCommand,
  ListMetricsCommand,
  paginateGetMetricData,
  paginateListMetrics,
  PutMetricDataCommand,
  type MetricDataQuery,
  type MetricDataResult,
} from '@aws-sdk/client-cloudwatch';
import { AwsQueryProtocol } from '@aws-sdk/core/protocols';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generateEstate } from '../estate/generate-estate.js';
import { aggregateMetric } from '../estate/metrics.js';
import type { Estate, EstateInstance } from '../estate/model.js';
import { startEmulator, type RunningEmulator } from '../server/start-emulator.js';
import { awsTestClientConfig } from './aws-test-client-config.js';

const ANCHOR = '2026-11-20T00:00:00.000Z';
const ANCHOR_MS = Date.parse(ANCHOR);
const HOUR_MS = 3_600_000;

function cpuQuery(id: string, instanceId: string, period: number, stat = 'Average'): MetricDataQuery {
  return {
    Id: id,
    MetricStat: {
      Metric: {
        Namespace: 'AWS/EC2',
        MetricName: 'CPUUtilization',
        Dimensions: [{ Name: 'InstanceId', Value: instanceId }],
      },
      Period: period,
      Stat: stat,
    },
  };
}

describe('CloudWatch over the AWS SDK', () => {
  let emulator: RunningEmulator;
  let estate: Estate;
  let detailed: EstateInstance;
  let basic: EstateInstance;

  const client = (instance: EstateInstance, protocol: 'json' | 'query' = 'json'): CloudWatchClient =>
    new CloudWatchClient({
      ...awsTestClientConfig(emulator.endpoints.aws, instance.region, `emulator-${instance.account}`),
      ...(protocol === 'query'
        ? {
            protocol: new AwsQueryProtocol({
              defaultNamespace: 'com.amazonaws.cloudwatch',
              xmlNamespace: 'http://monitoring.amazonaws.com/doc/2010-08-01/',
              version: '2010-08-01',
            }),
          }
        : {}),
    });

  beforeAll(async () => {
    estate = generateEstate({ seed: 7, size: 'small', anchorTime: ANCHOR });
    emulator = await startEmulator({ estate });
    const running = estate.instances.filter(
      (i) =>
        i.provider === 'aws' &&
        i.state === 'running' &&
        Date.parse(i.createdTime) < ANCHOR_MS - 30 * 24 * HOUR_MS,
    );
    detailed = running.find((i) => i.monitoring)!;
    basic = running.find((i) => !i.monitoring)!;
  });

  afterAll(async () => {
    await emulator.close();
  });

  beforeEach(() => {
    emulator.faults.clear();
  });

  it('serves GetMetricData values from the metric pattern, newest first', async () => {
    const start = new Date(ANCHOR_MS - 3 * HOUR_MS);
    const end = new Date(ANCHOR_MS);

    const response = await client(detailed).send(
      new GetMetricDataCommand({
        MetricDataQueries: [cpuQuery('cpu', detailed.id, 300)],
        StartTime: start,
        EndTime: end,
      }),
    );

    const [result] = response.MetricDataResults ?? [];
    const expected = aggregateMetric(
      detailed.metrics.cpu,
      start.getTime(),
      end.getTime(),
      300,
      'Average',
    ).reverse();
    expect(result).toMatchObject({ Id: 'cpu', Label: 'CPUUtilization', StatusCode: 'Complete' });
    expect(result?.Timestamps?.map((t) => t.getTime())).toEqual(expected.map((p) => p.timestamp));
    result?.Values?.forEach((value, index) => {
      expect(value).toBeCloseTo(expected[index]!.value, 4);
    });
    expect(response.NextToken).toBeUndefined();
  });

  it('gives 1-minute points for detailed monitoring and only 5-minute points for basic monitoring', async () => {
    const window = {
      StartTime: new Date(ANCHOR_MS - HOUR_MS),
      EndTime: new Date(ANCHOR_MS),
      ScanBy: 'TimestampAscending' as const,
    };

    const fine = await client(detailed).send(
      new GetMetricDataCommand({ MetricDataQueries: [cpuQuery('cpu', detailed.id, 60)], ...window }),
    );
    const coarse = await client(basic).send(
      new GetMetricDataCommand({ MetricDataQueries: [cpuQuery('cpu', basic.id, 60)], ...window }),
    );

    expect(fine.MetricDataResults?.[0]?.Values).toHaveLength(60);
    const timestamps = coarse.MetricDataResults?.[0]?.Timestamps?.map((t) => t.getTime()) ?? [];
    expect(timestamps).toHaveLength(12);
    expect(timestamps.every((t) => t % 300_000 === 0)).toBe(true);
  });

  it('returns no data after an instance stopped', async () => {
    const stopped = estate.instances.find(
      (i) =>
        i.provider === 'aws' &&
        i.state === 'stopped' &&
        Date.parse(i.createdTime) < ANCHOR_MS - 7 * 24 * HOUR_MS,
    )!;
    const stops = estate.auditEvents
      .filter(
        (e) =>
          e.resourceId === stopped.id &&
          (e.operation === 'StopInstances' || e.operation === 'TerminateInstances'),
      )
      .map((e) => Date.parse(e.time));
    const stoppedAt = stops.length > 0 ? Math.max(...stops) : Date.parse(stopped.launchTime);

    const response = await client(stopped).send(
      new GetMetricDataCommand({
        MetricDataQueries: [cpuQuery('cpu', stopped.id, 3600)],
        StartTime: new Date(ANCHOR_MS - 14 * 24 * HOUR_MS),
        EndTime: new Date(ANCHOR_MS),
      }),
    );

    const timestamps = response.MetricDataResults?.[0]?.Timestamps?.map((t) => t.getTime()) ?? [];
    expect(timestamps.every((t) => t < stoppedAt)).toBe(true);
  });

  it('pages GetMetricData by MaxDatapoints with PartialData and NextToken', async () => {
    const queries = [
      cpuQuery('a', detailed.id, 300),
      cpuQuery('b', detailed.id, 300, 'Maximum'),
      cpuQuery('c', detailed.id, 300, 'p90'),
    ];
    const input = {
      MetricDataQueries: queries,
      StartTime: new Date(ANCHOR_MS - 3 * HOUR_MS),
      EndTime: new Date(ANCHOR_MS),
      MaxDatapoints: 25,
    };

    const first = await client(detailed).send(new GetMetricDataCommand(input));
    const merged = new Map<string, number[]>();
    let pages = 0;
    for await (const page of paginateGetMetricData({ client: client(detailed) }, input)) {
      pages++;
      for (const result of page.MetricDataResults ?? [])
        merged.set(result.Id!, [...(merged.get(result.Id!) ?? []), ...(result.Values ?? [])]);
    }

    expect(first.NextToken).toBeDefined();
    expect(first.MetricDataResults?.[0]).toMatchObject({
      StatusCode: 'PartialData',
      Values: expect.any(Array),
    });
    expect(first.MetricDataResults?.[0]?.Values).toHaveLength(25);
    expect(pages).toBe(Math.ceil((3 * 36) / 25));
    expect([...merged.values()].map((values) => values.length)).toEqual([36, 36, 36]);
  });

  it('rejects more than 500 queries with the ValidationError of the model', async () => {
    const queries = Array.from({ length: 501 }, (_, index) => cpuQuery(`q${index}`, detailed.id, 300));

    const error = await client(detailed)
      .send(
        new GetMetricDataCommand({
          MetricDataQueries: queries,
          StartTime: new Date(ANCHOR_MS - HOUR_MS),
          EndTime: new Date(ANCHOR_MS),
        }),
      )
      .catch((e: unknown) => e);

    expect(error).toMatchObject({
      name: 'ValidationException',
      Code: 'ValidationError',
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('serves GetMetricStatistics with units and extended statistics, and enforces the 1,440-datapoint limit', async () => {
    const input = {
      Namespace: 'AWS/EC2',
      MetricName: 'NetworkIn',
      Dimensions: [{ Name: 'InstanceId', Value: detailed.id }],
      StartTime: new Date(ANCHOR_MS - 6 * HOUR_MS),
      EndTime: new Date(ANCHOR_MS),
      Period: 3600,
    };

    const response = await client(detailed).send(
      new GetMetricStatisticsCommand({
        ...input,
        Statistics: ['Sum', 'Maximum', 'SampleCount'],
        ExtendedStatistics: ['p99'],
      }),
    );
    const tooMany = await client(detailed)
      .send(
        new GetMetricStatisticsCommand({
          ...input,
          Period: 60,
          StartTime: new Date(ANCHOR_MS - 2 * 24 * HOUR_MS),
          Statistics: ['Average'],
        }),
      )
      .catch((e: unknown) => e);

    expect(response.Label).toBe('NetworkIn');
    expect(response.Datapoints).toHaveLength(6);
    const expectedSum = aggregateMetric(
      detailed.metrics.networkIn,
      ANCHOR_MS - 6 * HOUR_MS,
      ANCHOR_MS,
      3600,
      'Sum',
    );
    for (const point of response.Datapoints ?? []) {
      expect(point.Unit).toBe('Bytes');
      expect(point.SampleCount).toBe(60);
      expect(point.ExtendedStatistics?.p99).toBeGreaterThan(0);
      const sum = expectedSum.find((p) => p.timestamp === point.Timestamp?.getTime())!.value * 60;
      expect(point.Sum).toBeCloseTo(sum, 0);
    }
    expect(tooMany).toMatchObject({
      name: 'InvalidParameterCombinationException',
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('pages ListMetrics by 500 and filters by name and dimension', async () => {
    const instances = estate.instances.filter(
      (i) => i.provider === 'aws' && i.account === detailed.account && i.region === detailed.region,
    );

    let total = 0;
    for await (const page of paginateListMetrics({ client: client(detailed) }, {}))
      total += page.Metrics?.length ?? 0;
    const cpu = await client(detailed).send(
      new ListMetricsCommand({ Namespace: 'AWS/EC2', MetricName: 'CPUUtilization' }),
    );
    const one = await client(detailed).send(
      new ListMetricsCommand({ Dimensions: [{ Name: 'InstanceId', Value: detailed.id }] }),
    );
    const memory = await client(detailed).send(new ListMetricsCommand({ Namespace: 'CWAgent' }));

    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(instances.length * 11);
    expect(cpu.Metrics?.length).toBe(total / 11);
    expect(one.Metrics?.map((m) => m.MetricName)).toContain('mem_used_percent');
    expect(one.Metrics).toHaveLength(11);
    expect(memory.Metrics?.every((m) => m.MetricName === 'mem_used_percent')).toBe(true);
  });

  it('answers the awsQuery form (Action=GetMetricData) with XML the SDK parses', async () => {
    const start = new Date(ANCHOR_MS - 3 * HOUR_MS);
    const end = new Date(ANCHOR_MS);

    const json = await client(detailed).send(
      new GetMetricDataCommand({
        MetricDataQueries: [cpuQuery('cpu', detailed.id, 300)],
        StartTime: start,
        EndTime: end,
      }),
    );
    const xml = await client(detailed, 'query').send(
      new GetMetricDataCommand({
        MetricDataQueries: [cpuQuery('cpu', detailed.id, 300)],
        StartTime: start,
        EndTime: end,
      }),
    );
    const listed = await client(detailed, 'query').send(
      new ListMetricsCommand({ MetricName: 'CPUUtilization' }),
    );
    const stats = await client(detailed, 'query').send(
      new GetMetricStatisticsCommand({
        Namespace: 'AWS/EC2',
        MetricName: 'CPUUtilization',
        Dimensions: [{ Name: 'InstanceId', Value: detailed.id }],
        StartTime: start,
        EndTime: end,
        Period: 3600,
        Statistics: ['Average'],
      }),
    );

    const strip = (result: MetricDataResult | undefined): unknown => ({ ...result, Messages: undefined });
    expect(strip(xml.MetricDataResults?.[0])).toEqual(strip(json.MetricDataResults?.[0]));
    expect(listed.Metrics?.length).toBeGreaterThan(0);
    expect(stats.Datapoints).toHaveLength(3);
    expect(
      emulator.journal.query({ service: 'monitoring', operation: 'GetMetricData' }).length,
    ).toBeGreaterThanOrEqual(2);
  });

  it('answers DescribeAlarms with no alarms and refuses PutMetricData', async () => {
    const alarms = await client(detailed).send(new DescribeAlarmsCommand({}));
    const put = await client(detailed)
      .send(new PutMetricDataCommand({ Namespace: 'Custom', MetricData: [{ MetricName: 'x', Value: 1 }] }))
      .catch((e: unknown) => e);

    expect(alarms.MetricAlarms).toEqual([]);
    expect(put).toMatchObject({ name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
    expect(emulator.journal.query({ mutating: true, operation: 'PutMetricData' })).toHaveLength(1);
  });

  it.each([
    ['throttle', 'Throttling', 400],
    ['unavailable', 'ServiceUnavailable', 503],
    ['denied', 'AccessDenied', 403],
  ] as const)('renders a %s fault as CloudWatch %s (%i) over JSON', async (kind, name, status) => {
    emulator.faults.add({ kind, provider: 'aws', service: 'monitoring' });

    const error = await client(detailed)
      .send(new ListMetricsCommand({}))
      .catch((e: unknown) => e);

    expect(error).toMatchObject({ name, $metadata: { httpStatusCode: status } });
  });
});
