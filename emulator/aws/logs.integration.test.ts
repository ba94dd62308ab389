import {
  CloudWatchLogsClient,
  DeleteLogGroupCommand,
  DescribeLogGroupsCommand,
  DescribeLogStreamsCommand,
  FilterLogEventsCommand,
  paginateDescribeLogGroups,
  paginateFilterLogEvents,
  PutLogEventsCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generateEstate } from '../estate/generate-estate.js';
import { logEventsBetween } from '../estate/logs.js';
import type { Estate, EstateLogGroup } from '../estate/model.js';
import { startEmulator, type RunningEmulator } from '../server/start-emulator.js';
import { awsTestClientConfig } from './aws-test-client-config.js';

const ANCHOR = '2026-11-20T00:00:00.000Z';
const ANCHOR_MS = Date.parse(ANCHOR);
const HOUR_MS = 3_600_000;

describe('CloudWatch Logs over the AWS SDK', () => {
  let emulator: RunningEmulator;
  let estate: Estate;
  let busiest: EstateLogGroup;

  const client = (group: { account: string; region: string }): CloudWatchLogsClient =>
    new CloudWatchLogsClient(
      awsTestClientConfig(emulator.endpoints.aws, group.region, `emulator-${group.account}`),
    );
  const groupsIn = (account: string, region: string): EstateLogGroup[] =>
    estate.logGroups.filter((g) => g.provider === 'aws' && g.account === account && g.region === region);

  beforeAll(async () => {
    estate = generateEstate({ seed: 7, size: 'small', anchorTime: ANCHOR });
    emulator = await startEmulator({ estate, pageSizeCaps: {} });
    const rate = (group: EstateLogGroup): number =>
      group.streams.reduce((sum, s) => sum + s.ratePerMinute, 0);
    busiest = estate.logGroups.filter((g) => g.provider === 'aws').sort((a, b) => rate(b) - rate(a))[0]!;
  });

  afterAll(async () => {
    await emulator.close();
  });

  beforeEach(() => {
    emulator.faults.clear();
  });

  it('describes log groups with prefix, limit and nextToken paging', async () => {
    const expected = groupsIn(busiest.account, busiest.region);
    const prefix = busiest.name.slice(0, 5);

    const names: string[] = [];
    let pages = 0;
    for await (const page of paginateDescribeLogGroups({ client: client(busiest), pageSize: 1 }, {})) {
      pages++;
      names.push(...(page.logGroups ?? []).map((g) => g.logGroupName!));
    }
    const prefixed = await client(busiest).send(new DescribeLogGroupsCommand({ logGroupNamePrefix: prefix }));

    expect(pages).toBe(expected.length);
    expect(names).toEqual(expected.map((g) => g.name).sort());
    expect(prefixed.logGroups?.map((g) => g.logGroupName)).toEqual(
      expected
        .filter((g) => g.name.startsWith(prefix))
        .map((g) => g.name)
        .sort(),
    );
    const wire = prefixed.logGroups?.find((g) => g.logGroupName === busiest.name);
    expect(wire).toMatchObject({
      creationTime: Date.parse(busiest.createdTime),
      storedBytes: busiest.storedBytes,
      arn: `arn:aws:logs:${busiest.region}:${busiest.account}:log-group:${busiest.name}:*`,
    });
    expect(wire?.retentionInDays).toBe(busiest.retentionDays);
  });

  it('filters log events with the estate generator and pages them with nextToken', async () => {
    const start = ANCHOR_MS - 6 * HOUR_MS;
    const expected = logEventsBetween(busiest, start, ANCHOR_MS + 1);

    const events: string[] = [];
    let pages = 0;
    for await (const page of paginateFilterLogEvents(
      { client: client(busiest) },
      {
        logGroupName: busiest.name,
        startTime: start,
        endTime: ANCHOR_MS,
        limit: Math.max(1, Math.ceil(expected.length / 3)),
      },
    )) {
      pages++;
      events.push(...(page.events ?? []).map((e) => e.eventId!));
    }

    expect(expected.length).toBeGreaterThan(3);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(events).toEqual(expected.map((e) => e.eventId));
  });

  it.each([
    ['ERROR', (m: string) => m.includes('ERROR')],
    ['"RequestId:"', (m: string) => m.includes('RequestId:')],
    ['?ERROR ?WARN', (m: string) => m.includes('ERROR') || m.includes('WARN')],
    ['INFO -DEBUG', (m: string) => m.includes('INFO') && !m.includes('DEBUG')],
    ['%ERROR|WARN%', (m: string) => /ERROR|WARN/.test(m)],
  ])('applies the filter pattern %s', async (pattern, predicate) => {
    const start = ANCHOR_MS - 3 * HOUR_MS;
    const expected = logEventsBetween(busiest, start, ANCHOR_MS + 1).filter((e) => predicate(e.message));

    const response = await client(busiest).send(
      new FilterLogEventsCommand({
        logGroupIdentifier: busiest.name,
        startTime: start,
        endTime: ANCHOR_MS,
        filterPattern: pattern,
      }),
    );

    expect(response.events?.map((e) => e.eventId)).toEqual(expected.map((e) => e.eventId));
    expect(response.searchedLogStreams?.length).toBe(busiest.streams.length);
  });

  it('serves event fields, restricts to log streams, and describes streams', async () => {
    const stream = busiest.streams[0]!;
    const start = ANCHOR_MS - HOUR_MS;

    const response = await client(busiest).send(
      new FilterLogEventsCommand({
        logGroupName: busiest.name,
        logStreamNames: [stream.name],
        startTime: start,
        endTime: ANCHOR_MS,
      }),
    );
    const streams = await client(busiest).send(new DescribeLogStreamsCommand({ logGroupName: busiest.name }));

    const expected = logEventsBetween(busiest, start, ANCHOR_MS + 1, { streams: [stream.name] });
    expect(response.events?.length).toBe(expected.length);
    const [first] = response.events ?? [];
    if (first !== undefined) {
      expect(first.logStreamName).toBe(stream.name);
      expect(first.timestamp).toBe(expected[0]!.timestamp);
      expect(first.message).toBe(expected[0]!.message);
      expect(first.ingestionTime).toBeGreaterThanOrEqual(first.timestamp!);
    }
    expect(streams.logStreams?.map((s) => s.logStreamName)).toEqual(
      busiest.streams.map((s) => s.name).sort(),
    );
  });

  it('answers ResourceNotFoundException for an unknown group and InvalidParameterException for a bad limit', async () => {
    const missing = await client(busiest)
      .send(new FilterLogEventsCommand({ logGroupName: '/no/such/group' }))
      .catch((e: unknown) => e);
    const badLimit = await client(busiest)
      .send(new DescribeLogGroupsCommand({ limit: 51 }))
      .catch((e: unknown) => e);

    expect(missing).toMatchObject({ name: 'ResourceNotFoundException', $metadata: { httpStatusCode: 400 } });
    expect(badLimit).toMatchObject({ name: 'InvalidParameterException' });
  });

  it('refuses PutLogEvents and DeleteLogGroup and journals them as mutating', async () => {
    const put = await client(busiest)
      .send(
        new PutLogEventsCommand({
          logGroupName: busiest.name,
          logStreamName: 'x',
          logEvents: [{ timestamp: ANCHOR_MS, message: 'x' }],
        }),
      )
      .catch((e: unknown) => e);
    const deleted = await client(busiest)
      .send(new DeleteLogGroupCommand({ logGroupName: busiest.name }))
      .catch((e: unknown) => e);

    expect(put).toMatchObject({ name: 'AccessDeniedException' });
    expect(deleted).toMatchObject({ name: 'AccessDeniedException' });
    expect(emulator.journal.query({ service: 'logs', mutating: true }).map((e) => e.operation)).toEqual([
      'PutLogEvents',
      'DeleteLogGroup',
    ]);
  });

  it.each([
    ['throttle', 'ThrottlingException', 400],
    ['unavailable', 'ServiceUnavailableException', 500],
    ['denied', 'AccessDeniedException', 400],
  ] as const)('renders a %s fault as %s (%i)', async (kind, name, status) => {
    emulator.faults.add({ kind, provider: 'aws', service: 'logs' });

    const error = await client(busiest)
      .send(new DescribeLogGroupsCommand({}))
      .catch((e: unknown) => e);

    expect(error).toMatchObject({ name, $metadata: { httpStatusCode: status } });
  });
});
