import {
  CloudTrailClient,
  CreateTrailCommand,
  LookupEventsCommand,
  paginateLookupEvents,
  type Event,
} from '@aws-sdk/client-cloudtrail';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generateEstate } from '../estate/generate-estate.js';
import type { Estate, EstateAuditEvent } from '../estate/model.js';
import { startEmulator, type RunningEmulator } from '../server/start-emulator.js';
import { awsTestClientConfig } from './aws-test-client-config.js';

const ANCHOR = '2026-11-20T00:00:00.000Z';
const ANCHOR_MS = Date.parse(ANCHOR);
const DAY_MS = 86_400_000;

describe('CloudTrail over the AWS SDK', () => {
  let emulator: RunningEmulator;
  let estate: Estate;
  let events: EstateAuditEvent[];

  const client = (): CloudTrailClient =>
    new CloudTrailClient(
      awsTestClientConfig(emulator.endpoints.aws, events[0]!.region, `emulator-${events[0]!.account}`),
    );

  beforeAll(async () => {
    estate = generateEstate({ seed: 7, size: 'medium', anchorTime: ANCHOR });
    emulator = await startEmulator({ estate });
    const groups = new Map<string, EstateAuditEvent[]>();
    for (const event of estate.auditEvents.filter((e) => e.provider === 'aws')) {
      const key = `${event.account}/${event.region}`;
      groups.set(key, [...(groups.get(key) ?? []), event]);
    }
    events = [...groups.values()].sort((a, b) => b.length - a.length)[0]!;
  });

  afterAll(async () => {
    await emulator.close();
  });

  beforeEach(() => {
    emulator.faults.clear();
  });

  const newestFirst = (list: readonly EstateAuditEvent[]): string[] =>
    [...list]
      .filter((e) => Date.parse(e.time) >= ANCHOR_MS - 90 * DAY_MS && Date.parse(e.time) <= ANCHOR_MS)
      .sort((a, b) => (a.time === b.time ? (a.id < b.id ? 1 : -1) : a.time < b.time ? 1 : -1))
      .map((e) => e.id);

  it('pages LookupEvents, most recent first, over the region of the call', async () => {
    const listed: Event[] = [];
    let pages = 0;
    for await (const page of paginateLookupEvents({ client: client(), pageSize: 50 }, {})) {
      pages++;
      listed.push(...(page.Events ?? []));
    }

    expect(pages).toBeGreaterThanOrEqual(3);
    expect(listed.map((e) => e.EventId)).toEqual(newestFirst(events));
  });

  it('serves the event fields and a CloudTrailEvent record shaped like CloudTrail', async () => {
    const response = await client().send(new LookupEventsCommand({ MaxResults: 5 }));
    const [event] = response.Events ?? [];
    const source = events.find((e) => e.id === event?.EventId)!;

    expect(event).toMatchObject({
      EventName: source.operation,
      EventSource: source.source,
      ReadOnly: 'false',
      EventTime: new Date(source.time),
      Resources: [{ ResourceType: source.resourceType }],
    });
    const record = JSON.parse(event!.CloudTrailEvent!) as Record<string, unknown>;
    expect(record).toMatchObject({
      eventName: source.operation,
      eventSource: source.source,
      awsRegion: source.region,
      eventID: source.id,
      eventTime: source.time.replace('.000Z', 'Z'),
      recipientAccountId: source.account,
      userIdentity: { arn: source.actor.startsWith('arn:') ? source.actor : expect.any(String) },
    });
    expect(JSON.stringify(record.responseElements ?? record.requestParameters)).toContain(source.resourceId);
  });

  it.each([
    ['EventName', (e: EstateAuditEvent) => e.operation, 'StopInstances'],
    ['ResourceType', (e: EstateAuditEvent) => e.resourceType, 'AWS::EC2::Instance'],
  ] as const)('filters by the %s lookup attribute', async (key, read, value) => {
    const expected = newestFirst(events.filter((e) => read(e) === value));

    const ids: string[] = [];
    for await (const page of paginateLookupEvents(
      { client: client() },
      { LookupAttributes: [{ AttributeKey: key, AttributeValue: value }] },
    )) {
      ids.push(...(page.Events ?? []).map((e) => e.EventId!));
    }

    expect(ids).toEqual(expected);
  });

  it('filters by resource name and time range', async () => {
    const target = events.find((e) => e.resourceType === 'AWS::EC2::Instance')!;
    const start = new Date(ANCHOR_MS - 7 * DAY_MS);

    const byResource = await client().send(
      new LookupEventsCommand({
        LookupAttributes: [{ AttributeKey: 'ResourceName', AttributeValue: target.resourceId }],
      }),
    );
    const recent = await client().send(
      new LookupEventsCommand({ StartTime: start, EndTime: new Date(ANCHOR_MS), MaxResults: 50 }),
    );

    expect(byResource.Events?.map((e) => e.EventId)).toEqual(
      newestFirst(events.filter((e) => e.resourceId === target.resourceId)),
    );
    expect(recent.Events?.every((e) => e.EventTime!.getTime() >= start.getTime())).toBe(true);
  });

  it('rejects two lookup attributes and an out-of-range MaxResults', async () => {
    const two = await client()
      .send(
        new LookupEventsCommand({
          LookupAttributes: [
            { AttributeKey: 'EventName', AttributeValue: 'RunInstances' },
            { AttributeKey: 'Username', AttributeValue: 'x' },
          ],
        }),
      )
      .catch((e: unknown) => e);
    const tooMany = await client()
      .send(new LookupEventsCommand({ MaxResults: 51 }))
      .catch((e: unknown) => e);

    expect(two).toMatchObject({
      name: 'InvalidLookupAttributesException',
      $metadata: { httpStatusCode: 400 },
    });
    expect(tooMany).toMatchObject({ name: 'InvalidMaxResultsException' });
  });

  it('refuses CreateTrail, and renders throttling as ThrottlingException', async () => {
    const created = await client()
      .send(new CreateTrailCommand({ Name: 'x', S3BucketName: 'y' }))
      .catch((e: unknown) => e);
    emulator.faults.add({ kind: 'throttle', provider: 'aws', service: 'cloudtrail' });
    const throttled = await client()
      .send(new LookupEventsCommand({}))
      .catch((e: unknown) => e);

    expect(created).toMatchObject({ name: 'AccessDeniedException', $metadata: { httpStatusCode: 403 } });
    expect(throttled).toMatchObject({ name: 'ThrottlingException', $metadata: { httpStatusCode: 429 } });
  });
});
