import { Logging, v2 as loggingV2, type protos } from '@google-cloud/logging';
import { protobuf } from 'google-gax';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateEstate } from '../estate/generate-estate.js';
import { logEventsBetween } from '../estate/logs.js';
import type { Estate, EstateAccount, EstateAuditEvent, EstateLogGroup } from '../estate/model.js';
import { startEmulator, type RunningEmulator } from '../server/start-emulator.js';
import { gcpEmulatorClientOptions, gcpEmulatorLoggingOptions } from './gcp-test-client-options.js';

type LogEntry = protos.google.logging.v2.ILogEntry;

const ANCHOR = '2026-11-20T00:00:00.000Z';
const ANCHOR_MS = Date.parse(ANCHOR);
const HOUR_MS = 3_600_000;
const SINCE_90_DAYS = new Date(ANCHOR_MS - 90 * 24 * HOUR_MS).toISOString();

let estate: Estate;
let emulator: RunningEmulator;
let project: EstateAccount;
let audit: EstateAuditEvent[];

beforeAll(async () => {
  estate = generateEstate({ seed: 7, size: 'small', anchorTime: ANCHOR });
  const gcpProjects = estate.accounts.filter((account) => account.provider === 'gcp');
  const eventsOf = (id: string) =>
    estate.auditEvents.filter((event) => event.provider === 'gcp' && event.account === id);
  project = gcpProjects.reduce((best, candidate) =>
    eventsOf(candidate.id).length > eventsOf(best.id).length ? candidate : best,
  );
  audit = eventsOf(project.id);
  emulator = await startEmulator({ estate, pageSizeCaps: { gcp: 20 } });
});

afterAll(async () => {
  await emulator.close();
});

const client = (): InstanceType<typeof loggingV2.LoggingServiceV2Client> =>
  new loggingV2.LoggingServiceV2Client(gcpEmulatorClientOptions(emulator.endpoints.gcp, project.id));

async function listEntries(filter: string, orderBy?: string): Promise<LogEntry[]> {
  const entries: LogEntry[] = [];
  const request = {
    resourceNames: [`projects/${project.id}`],
    filter,
    ...(orderBy === undefined ? {} : { orderBy }),
  };
  for await (const entry of client().listLogEntriesAsync(request)) entries.push(entry);
  return entries;
}

/** Raw `entries.list` over plain HTTP, following page tokens. */
async function fetchAll(
  body: Record<string, unknown>,
): Promise<{ entries: Record<string, unknown>[]; pages: number }> {
  const entries: Record<string, unknown>[] = [];
  let pageToken: string | undefined;
  let pages = 0;
  do {
    const response = await fetch(`${emulator.endpoints.gcp}/v2/entries:list`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        resourceNames: [`projects/${project.id}`],
        ...body,
        ...(pageToken === undefined ? {} : { pageToken }),
      }),
    });
    expect(response.status).toBe(200);
    const page = (await response.json()) as { entries?: Record<string, unknown>[]; nextPageToken?: string };
    entries.push(...(page.entries ?? []));
    pageToken = page.nextPageToken;
    pages++;
  } while (pageToken !== undefined);
  return { entries, pages };
}

/**
 * The Node REST clients cannot decode `protoPayload` (a `google.protobuf.Any` holding
 * `google.cloud.audit.AuditLog`) because the logging client ships no AuditLog proto: a reader of
 * audit logs must register the type, as done here, or read the JSON itself.
 */
function registerAuditLogType(logging: InstanceType<typeof loggingV2.LoggingServiceV2Client>): protobuf.Type {
  const root = (logging as unknown as { _protos: protobuf.Root })._protos;
  const existing = root.lookup('google.cloud.audit.AuditLog');
  if (existing instanceof protobuf.Type) return existing;
  const authentication = new protobuf.Type('AuthenticationInfo').add(
    new protobuf.Field('principalEmail', 1, 'string'),
  );
  const auditLog = new protobuf.Type('AuditLog')
    .add(new protobuf.Field('authenticationInfo', 3, 'AuthenticationInfo'))
    .add(new protobuf.Field('serviceName', 7, 'string'))
    .add(new protobuf.Field('methodName', 8, 'string'))
    .add(new protobuf.Field('resourceName', 11, 'string'));
  root.define('google.cloud.audit').add(authentication).add(auditLog);
  return auditLog;
}

describe('entries.list: Admin Activity audit logs', () => {
  it('serves AuditLog protoPayloads, which the REST client cannot decode without the AuditLog type', async () => {
    const failure = await listEntries(
      `log_id("cloudaudit.googleapis.com/activity") AND timestamp >= "${SINCE_90_DAYS}"`,
    ).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toContain('google.cloud.audit.AuditLog');
  });

  it('lists one entry per audit event of the project, page after page, with method, principal and resource', async () => {
    const logging = client();
    const auditLog = registerAuditLogType(logging);
    const sinceSeq = emulator.journal.total();
    const entries: LogEntry[] = [];

    for await (const entry of logging.listLogEntriesAsync({
      resourceNames: [`projects/${project.id}`],
      filter: `logName = "projects/${project.id}/logs/cloudaudit.googleapis.com%2Factivity" AND timestamp >= "${SINCE_90_DAYS}"`,
      orderBy: 'timestamp asc',
    })) {
      entries.push(entry);
    }

    expect(entries).toHaveLength(audit.length);
    expect(emulator.journal.query({ operation: 'entries.list', sinceSeq }).length).toBe(
      Math.ceil(audit.length / 20),
    );
    expect(audit.length).toBeGreaterThan(40);
    const decoded = entries.map((entry) => {
      const payload = auditLog.toObject(auditLog.decode(entry.protoPayload!.value as Uint8Array)) as {
        methodName: string;
        serviceName: string;
        resourceName: string;
        authenticationInfo: { principalEmail: string };
      };
      return { entry, payload };
    });
    const sorted = [...audit].sort((a, b) =>
      a.time < b.time ? -1 : a.time > b.time ? 1 : a.id < b.id ? -1 : 1,
    );
    decoded.forEach(({ entry, payload }, position) => {
      const event = sorted[position]!;
      expect(payload.methodName).toBe(event.operation);
      expect(payload.serviceName).toBe('compute.googleapis.com');
      expect(payload.authenticationInfo.principalEmail).toBe(event.actor);
      expect(payload.resourceName).toMatch(
        new RegExp(
          `^projects/${project.id}/zones/${event.region}-[a-z]/(instances|disks)/${event.resourceName}$`,
        ),
      );
      expect(entry.severity).toBe('NOTICE');
      expect(Number(entry.timestamp?.seconds) * 1000 + Math.round(Number(entry.timestamp?.nanos) / 1e6)).toBe(
        Date.parse(event.time),
      );
    });
  });

  it.each([
    ['insert', 'create'],
    ['stop', 'stop'],
    ['delete', 'delete'],
  ])('finds the %s events with protoPayload.methodName', async (verb, action) => {
    const expected = audit.filter((event) => event.action === action && event.operation.endsWith(`.${verb}`));

    const { entries } = await fetchAll({
      filter: `protoPayload.methodName = "v1.compute.instances.${verb}" OR protoPayload.methodName = "v1.compute.disks.${verb}"\ntimestamp >= "${SINCE_90_DAYS}"`,
      pageSize: 1000,
    });

    expect(entries.map((entry) => entry.insertId).sort()).toEqual(
      expected.map((event) => `-${event.id}`).sort(),
    );
    expect(expected.length).toBeGreaterThan(0);
  });

  it('matches methodName with a has-any value list', async () => {
    const expected = audit.filter((event) => /\.(insert|stop)$/.test(event.operation));

    const { entries } = await fetchAll({
      filter: `protoPayload.methodName:("insert" OR "stop") AND timestamp >= "${SINCE_90_DAYS}"`,
      pageSize: 1000,
    });

    expect(entries).toHaveLength(expected.length);
  });
});

describe('entries.list: application logs', () => {
  const functionGroup = (): EstateLogGroup =>
    estate.logGroups.find(
      (group) =>
        group.provider === 'gcp' && group.account === project.id && group.source === 'cloud_function',
    )!;

  it('returns exactly the generated events of one function, in order, across pages', async () => {
    const group = functionGroup();
    const name = group.resourceId!.split('/').at(-1)!;
    const from = ANCHOR_MS - 6 * HOUR_MS;
    const events = logEventsBetween(group, from, ANCHOR_MS);

    const { entries, pages } = await fetchAll({
      filter: `resource.type = "cloud_function" AND resource.labels.function_name = "${name}" AND timestamp >= "${new Date(from).toISOString()}" AND timestamp < "${ANCHOR}"`,
      pageSize: 20,
    });

    expect(entries.map((entry) => entry.textPayload)).toEqual(events.map((event) => event.message));
    expect(entries.every((entry) => entry.logName === group.id)).toBe(true);
    expect(pages).toBeGreaterThanOrEqual(3);
  });

  it('keeps only ERROR and above for severity >= ERROR, newest first with orderBy desc', async () => {
    const from = ANCHOR_MS - 2 * HOUR_MS;

    const entries = await listEntries(
      `severity >= ERROR AND timestamp >= "${new Date(from).toISOString()}"`,
      'timestamp desc',
    );

    const groups = estate.logGroups.filter(
      (group) => group.provider === 'gcp' && group.account === project.id,
    );
    const expected = groups
      .flatMap((group) => logEventsBetween(group, from, ANCHOR_MS + 1))
      .filter((event) => event.level === 'ERROR');
    expect(entries).toHaveLength(expected.length);
    expect(entries.every((entry) => entry.severity === 'ERROR')).toBe(true);
    const times = entries.map(
      (entry) => Number(entry.timestamp?.seconds) * 1e3 + Number(entry.timestamp?.nanos) / 1e6,
    );
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('covers the last 24 hours (before the estate anchor) when the filter has no timestamp', async () => {
    const { entries } = await fetchAll({ filter: 'severity >= ERROR', pageSize: 1000 });

    const times = entries.map((entry) => Date.parse(entry.timestamp as string));
    expect(entries.length).toBeGreaterThan(0);
    expect(Math.min(...times)).toBeGreaterThanOrEqual(ANCHOR_MS - 24 * HOUR_MS);
    expect(Math.max(...times)).toBeLessThanOrEqual(ANCHOR_MS);
  });

  it.each(['"timeout"', 'textPayload:"timeout"', 'textPayload:timeout AND NOT severity = INFO'])(
    'searches text with %s',
    async (search) => {
      const { entries } = await fetchAll({
        filter: `${search} AND timestamp >= "${new Date(ANCHOR_MS - 3 * HOUR_MS).toISOString()}"`,
        pageSize: 1000,
      });

      expect(entries.length).toBeGreaterThan(0);
      expect(entries.every((entry) => String(entry.textPayload).toLowerCase().includes('timeout'))).toBe(
        true,
      );
    },
  );

  it('serves the handwritten Logging.getEntries with Entry objects', async () => {
    const logging = new Logging(gcpEmulatorLoggingOptions(emulator.endpoints.gcp, project.id));

    const [entries] = await logging.getEntries({
      filter: `severity >= WARNING AND timestamp >= "${new Date(ANCHOR_MS - HOUR_MS).toISOString()}"`,
      autoPaginate: true,
    });

    expect(entries.length).toBeGreaterThan(0);
    expect(
      entries.every((entry) => entry.metadata.severity === 'WARNING' || entry.metadata.severity === 'ERROR'),
    ).toBe(true);
    expect(entries.every((entry) => typeof entry.data === 'string')).toBe(true);
  });
});

describe('entries.list: long searches', () => {
  it('answers a long fruitless search with a short page and a token that resumes it', async () => {
    const post = async (pageToken?: string) => {
      const response = await fetch(`${emulator.endpoints.gcp}/v2/entries:list`, {
        method: 'POST',
        body: JSON.stringify({
          resourceNames: [`projects/${project.id}`],
          filter: `textPayload:"no such text anywhere" AND timestamp >= "${new Date(ANCHOR_MS - 30 * 24 * HOUR_MS).toISOString()}"`,
          ...(pageToken === undefined ? {} : { pageToken }),
        }),
      });
      return (await response.json()) as { entries?: unknown[]; nextPageToken?: string };
    };

    const first = await post();
    const second = await post(first.nextPageToken);

    expect(first.entries).toBeUndefined();
    expect(first.nextPageToken).toEqual(expect.any(String));
    expect(second.entries).toBeUndefined();
    expect(second.nextPageToken).toEqual(expect.any(String));
    expect(second.nextPageToken).not.toBe(first.nextPageToken);
  });
});

describe('entries.list errors', () => {
  it.each([
    ['an unsupported function', { filter: 'sample(insertId, 0.1)' }, 400],
    ['an unbalanced parenthesis', { filter: '(severity >= ERROR' }, 400],
    ['an unsupported order', { filter: 'severity >= ERROR', orderBy: 'severity desc' }, 400],
    ['a negative page size', { pageSize: -1 }, 400],
    ['an unknown project', { resourceNames: ['projects/not-a-project-1'] }, 403],
  ])('answers %s with the API error status', async (_label, body, status) => {
    const response = await fetch(`${emulator.endpoints.gcp}/v2/entries:list`, {
      method: 'POST',
      body: JSON.stringify({ resourceNames: [`projects/${project.id}`], ...body }),
    });

    const payload = (await response.json()) as { error: { code: number; status: string } };
    expect(response.status).toBe(status);
    expect(payload.error).toMatchObject({
      code: status,
      status: status === 400 ? 'INVALID_ARGUMENT' : 'PERMISSION_DENIED',
    });
  });
});
