import { describe, expect, it } from 'vitest';
import { SreError } from '../../core/errors/sre-error.js';
import type { CallKey, CallRunner } from '../../core/ports/call-runner.js';
import type { ScopeTarget } from '../../core/ports/cloud-port.js';
import type { GcpAuditLog } from './audit-log-proto.js';
import {
  createFakeGcpClientFactory,
  fakeGcpHttpError,
  type FakeGcpCall,
} from './create-fake-gcp-client-factory.js';
import { createGcpProvider, type GcpProviderSettings } from './create-gcp-provider.js';
import type { GcpLogEntry } from './to-gcp-log-entry.js';

const PROJECT = 'shop-prod-1354';
const scope: ScopeTarget = { provider: 'gcp', account: PROJECT, region: 'global' };
const NOW = new Date('2026-11-20T00:00:00.000Z');
const ZONE_URL = 'https://www.googleapis.com/compute/v1/projects/shop-prod-1354/zones';

/** A runner that records keys and retries a retryable SreError once (like the real one, per page). */
function createRecordingRunner(): CallRunner & { readonly keys: CallKey[] } {
  const keys: CallKey[] = [];
  return {
    keys,
    async run<T>(key: CallKey, call: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
      keys.push(key);
      const attempt = (): Promise<T> => call(signal ?? new AbortController().signal);
      try {
        return await attempt();
      } catch (error) {
        if (error instanceof SreError && error.retryable) return attempt();
        throw error;
      }
    },
  };
}

function setup(
  respond: (call: FakeGcpCall) => unknown,
  settings: GcpProviderSettings = { projects: [PROJECT] },
  defaultProject?: string,
) {
  const factory = createFakeGcpClientFactory(respond, defaultProject);
  const runner = createRecordingRunner();
  const warnings: string[] = [];
  const provider = createGcpProvider(settings, {
    runner,
    clientFactory: factory,
    now: () => NOW,
    warn: (message) => warnings.push(message),
  });
  return { provider, factory, runner, warnings };
}

/** Serves `items` in pages of `size`, with tokens `t1`, `t2`… */
function page<T>(
  items: readonly T[],
  size: number,
  token: unknown,
): { items: T[]; next: string | undefined } {
  const start = typeof token === 'string' ? Number(token.slice(1)) * size : 0;
  const next = start + size < items.length ? `t${start / size + 1}` : undefined;
  return { items: items.slice(start, start + size), next };
}

const instances = Array.from({ length: 7 }, (_, i) => ({
  id: String(900 - i),
  name: `vm-${i}`,
  status: 'RUNNING',
  zone: `${ZONE_URL}/${i % 2 === 0 ? 'us-central1-a' : 'europe-west1-b'}`,
  machineType: `${ZONE_URL}/us-central1-a/machineTypes/e2-medium`,
}));

/** An aggregated list page: items grouped by their zone scope. */
function aggregated(items: readonly (typeof instances)[number][], next: string | undefined) {
  const scopes: Record<string, { instances: unknown[] }> = {};
  for (const item of items) {
    const key = `zones/${item.zone.split('/').at(-1) ?? ''}`;
    (scopes[key] ??= { instances: [] }).instances.push(item);
  }
  scopes['zones/asia-east1-a'] = { instances: [], warning: { code: 'NO_RESULTS_ON_PAGE' } } as never;
  return { items: scopes, nextPageToken: next };
}

function auditEntry(
  method: string,
  options: { insertId: string; timestamp: string; op?: string; first?: boolean; code?: number },
): GcpLogEntry {
  const auditLog: GcpAuditLog = {
    serviceName: 'compute.googleapis.com',
    methodName: method,
    resourceName: `projects/${PROJECT}/zones/us-central1-a/instances/web-1`,
    principalEmail: 'alice@example.com',
    statusCode: options.code ?? 0,
    statusMessage: '',
    currentLocations: [],
  };
  return {
    logName: `projects/${PROJECT}/logs/cloudaudit.googleapis.com%2Factivity`,
    insertId: options.insertId,
    timestamp: options.timestamp,
    severity: 'NOTICE',
    resourceType: 'gce_instance',
    resourceLabels: { instance_id: '77', zone: 'us-central1-a' },
    auditLog,
    ...(options.op === undefined
      ? {}
      : { operation: { id: options.op, first: options.first ?? true, last: options.first !== true } }),
  };
}

describe('createGcpProvider', () => {
  it('maps kinds to services and reads every kind project-wide', () => {
    const { provider } = setup(() => ({}));

    expect(
      (
        [
          'instance',
          'volume',
          'function',
          'database',
          'bucket',
          'log_group',
          'metrics',
          'logs',
          'audit',
        ] as const
      ).map((kind) => provider.serviceFor(kind)),
    ).toEqual([
      'compute',
      'compute',
      'cloudfunctions',
      'sqladmin',
      'storage',
      'logging',
      'monitoring',
      'logging',
      'logging',
    ]);
    expect(
      (['instance', 'volume', 'function', 'database', 'bucket', 'log_group'] as const).every((kind) =>
        provider.isGlobal(kind),
      ),
    ).toBe(true);
  });

  it('rejects plain http to a non-loopback endpoint when built', () => {
    expect(() => setup(() => ({}), { projects: [PROJECT], endpoint: 'http://10.1.2.3:8085' })).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID' }),
    );
  });

  describe('listScopes', () => {
    it('returns one global scope per configured project', async () => {
      const { provider } = setup(() => ({}), { projects: [' a ', 'b', 'a', ''] });

      expect(await provider.listScopes({})).toEqual([
        { provider: 'gcp', account: 'a', region: 'global' },
        { provider: 'gcp', account: 'b', region: 'global' },
      ]);
    });

    it('falls back to the project of Application Default Credentials', async () => {
      const { provider } = setup(() => ({}), {}, 'adc-project');

      expect(await provider.listScopes({})).toEqual([
        { provider: 'gcp', account: 'adc-project', region: 'global' },
      ]);
    });

    it('reports a missing project as PROVIDER_NOT_CONFIGURED', async () => {
      const { provider } = setup(() => ({}), {});

      await expect(provider.listScopes({})).rejects.toMatchObject({ code: 'PROVIDER_NOT_CONFIGURED' });
    });

    it('never asks for credentials behind a loopback endpoint', async () => {
      const { provider } = setup(() => ({}), { endpoint: 'http://127.0.0.1:8085' }, 'adc-project');

      await expect(provider.listScopes({})).rejects.toMatchObject({
        code: 'PROVIDER_NOT_CONFIGURED',
        message: expect.stringContaining('SRE_GCP_PROJECTS') as string,
      });
    });
  });

  describe('listResources', () => {
    it('reads every aggregatedList page, one runner call per page, and sorts by id', async () => {
      const { provider, factory, runner } = setup(
        (call) => {
          const { items, next } = page(instances, 3, call.request.pageToken);
          return aggregated(items, next);
        },
        { projects: [PROJECT], pageSize: 3 },
      );

      const records = await provider.listResources('instance', scope, {}, {});

      expect(records.map((r) => r.id)).toEqual(instances.map((i) => i.id).sort());
      expect(factory.calls.map((c) => c.request)).toEqual([
        { project: PROJECT, maxResults: 3 },
        { project: PROJECT, maxResults: 3, pageToken: 't1' },
        { project: PROJECT, maxResults: 3, pageToken: 't2' },
      ]);
      expect(runner.keys).toEqual(
        Array(3).fill({
          provider: 'gcp',
          account: PROJECT,
          region: 'global',
          service: 'compute',
          operation: 'instances.aggregatedList',
        }),
      );
    });

    it('keeps only the records of a regional scope', async () => {
      const { provider } = setup((call) => {
        const { items, next } = page(instances, 500, call.request.pageToken);
        return aggregated(items, next);
      });

      const records = await provider.listResources('instance', { ...scope, region: 'europe-west1' }, {}, {});

      expect(records.map((r) => r.name).sort()).toEqual(['vm-1', 'vm-3', 'vm-5']);
    });

    it('repeats only the failed page on a retry', async () => {
      let failed = false;
      const { provider, factory } = setup(
        (call) => {
          if (call.request.pageToken === 't1' && !failed) {
            failed = true;
            throw fakeGcpHttpError(429, 'RESOURCE_EXHAUSTED', { reason: 'RATE_LIMIT_EXCEEDED' });
          }
          const { items, next } = page(instances, 3, call.request.pageToken);
          return aggregated(items, next);
        },
        { projects: [PROJECT], pageSize: 3 },
      );

      const records = await provider.listResources('instance', scope, {}, {});

      expect(records).toHaveLength(7);
      expect(factory.calls.map((c) => c.request.pageToken)).toEqual([undefined, 't1', 't1', 't2']);
    });

    it('fails with a mapped SreError when a page keeps failing', async () => {
      const { provider } = setup(() => {
        throw fakeGcpHttpError(403, 'PERMISSION_DENIED', { reason: 'IAM_PERMISSION_DENIED' });
      });

      await expect(provider.listResources('volume', scope, {}, {})).rejects.toMatchObject({
        code: 'CLOUD_AUTHORIZATION',
        details: {
          provider: 'gcp',
          operation: 'disks.aggregatedList',
          project: PROJECT,
          gcpStatus: 'PERMISSION_DENIED',
          httpStatus: 403,
        },
      });
    });

    it('treats unreachable zones as unavailable (retried) instead of returning a partial list', async () => {
      let attempts = 0;
      const { provider } = setup(() => {
        attempts += 1;
        return attempts === 1
          ? { items: {}, unreachables: ['zones/us-east1-b'] }
          : aggregated(instances.slice(0, 2), undefined);
      });

      const records = await provider.listResources('instance', scope, {}, {});

      expect(attempts).toBe(2);
      expect(records).toHaveLength(2);
    });

    it('stops on a page token the API already returned', async () => {
      const { provider } = setup(() => ({ items: {}, nextPageToken: 'same' }));

      await expect(provider.listResources('instance', scope, {}, {})).rejects.toMatchObject({
        code: 'CLOUD_MALFORMED_RESPONSE',
      });
    });

    it('creates clients lazily, one per service', async () => {
      const { provider, factory } = setup((call) =>
        call.method === 'listFunctions' ? { functions: [] } : { items: {} },
      );

      await provider.listResources('instance', scope, {}, {});
      await provider.listResources('volume', scope, {}, {});
      const afterCompute = [...factory.created];
      await provider.listResources('function', scope, {}, {});

      expect(afterCompute).toEqual(['compute']);
      expect(factory.created).toEqual(['compute', 'cloudfunctions']);
    });

    it('lists functions of every location and reports runtimes it cannot judge', async () => {
      const { provider, factory, warnings } = setup(() => ({
        functions: [
          {
            name: `projects/${PROJECT}/locations/us-central1/functions/b`,
            buildConfig: { runtime: 'python38' },
          },
          {
            name: `projects/${PROJECT}/locations/europe-west1/functions/a`,
            buildConfig: { runtime: 'python312' },
          },
          {
            name: `projects/${PROJECT}/locations/europe-west1/functions/c`,
            buildConfig: { runtime: 'cobol85' },
          },
        ],
      }));

      const records = await provider.listResources('function', scope, {}, {});

      expect(factory.calls[0]?.request).toEqual({
        parent: `projects/${PROJECT}/locations/-`,
        pageSize: 1000,
      });
      expect(records.map((r) => [r.id, r.region, r.fields.runtime_deprecated])).toEqual([
        ['a', 'europe-west1', false],
        ['b', 'us-central1', true],
        ['c', 'europe-west1', undefined],
      ]);
      expect(warnings).toEqual([expect.stringContaining('cobol85') as string]);
    });

    it('pages Cloud SQL with maxResults and pageToken', async () => {
      const databases = Array.from({ length: 5 }, (_, i) => ({
        name: `db-${i}`,
        state: 'RUNNABLE',
        region: 'us-central1',
        databaseVersion: 'MYSQL_8_0',
      }));
      const { provider, factory } = setup(
        (call) => {
          const { items, next } = page(databases, 2, call.request.pageToken);
          return { items, nextPageToken: next ?? '' };
        },
        { projects: [PROJECT], pageSize: 2 },
      );

      const records = await provider.listResources('database', scope, {}, {});

      expect(records.map((r) => r.fields.engine)).toEqual(Array(5).fill('mysql'));
      expect(factory.calls).toHaveLength(3);
      expect(factory.calls[0]?.request).toEqual({ project: PROJECT, maxResults: 2 });
    });

    it('reads bucket policies only where public access is not prevented', async () => {
      const buckets = [
        { name: 'enforced', location: 'US', iamConfiguration: { publicAccessPrevention: 'enforced' } },
        { name: 'open', location: 'EUROPE-WEST1', iamConfiguration: { publicAccessPrevention: 'inherited' } },
        { name: 'private', location: 'EUROPE-WEST1' },
        { name: 'secret', location: 'EU' },
        { name: 'gone', location: 'EU' },
      ];
      const { provider, factory, warnings } = setup((call) => {
        if (call.method === 'listBuckets') return { buckets };
        if (call.request.bucket === 'open')
          return { bindings: [{ role: 'roles/storage.objectViewer', members: ['allUsers'] }] };
        if (call.request.bucket === 'private')
          return { bindings: [{ role: 'roles/storage.admin', members: ['user:a@example.com'] }] };
        if (call.request.bucket === 'secret') throw fakeGcpHttpError(403, 'PERMISSION_DENIED');
        throw fakeGcpHttpError(404, 'NOT_FOUND');
      });

      const records = await provider.listResources('bucket', scope, {}, {});

      expect(records.map((r) => [r.id, r.region, r.fields.public])).toEqual([
        ['enforced', 'us', false],
        ['open', 'europe-west1', true],
        ['private', 'europe-west1', false],
        ['secret', 'eu', undefined],
      ]);
      expect(
        factory.calls
          .filter((c) => c.method === 'getBucketIamPolicy')
          .map((c) => c.request.bucket)
          .sort(),
      ).toEqual(['gone', 'open', 'private', 'secret']);
      expect(warnings).toEqual([expect.stringContaining('1 bucket(s)') as string]);
    });

    it('lists logs except the audit logs, and none for a regional scope', async () => {
      const { provider, factory } = setup(() => ({
        logNames: [
          `projects/${PROJECT}/logs/cloudaudit.googleapis.com%2Factivity`,
          `projects/${PROJECT}/logs/app%2Fweb`,
        ],
      }));

      const records = await provider.listResources('log_group', scope, {}, {});
      const regional = await provider.listResources('log_group', { ...scope, region: 'us-central1' }, {}, {});

      expect(records.map((r) => [r.id, r.name])).toEqual([[`projects/${PROJECT}/logs/app%2Fweb`, 'app/web']]);
      expect(regional).toEqual([]);
      expect(factory.calls).toHaveLength(1);
    });
  });

  describe('getMetrics', () => {
    const window = {
      start: new Date('2026-11-19T23:00:00Z'),
      end: new Date('2026-11-20T00:00:00Z'),
      periodSeconds: 3600,
    };
    const series = ['1', '2', '3'].map((id) => ({
      resource: { labels: { instance_id: id } },
      points: [
        {
          interval: { endTime: { seconds: '1795132799', nanos: 999_000_000 } },
          value: { doubleValue: Number(id) / 10 },
        },
      ],
    }));

    it('reads the project once for all its regional scopes and answers CPU in percent', async () => {
      const { provider, factory, runner } = setup(
        (call) => {
          const { items, next } = page(series, 2, call.request.pageToken);
          return { timeSeries: items, nextPageToken: next ?? '' };
        },
        { projects: [PROJECT], pageSize: 2 },
      );

      const [west, central] = await Promise.all([
        provider.getMetrics(
          { metric: 'cpu', statistic: 'avg', resourceIds: ['1', '9'], ...window },
          { ...scope, region: 'europe-west1' },
          {},
        ),
        provider.getMetrics(
          { metric: 'cpu', statistic: 'avg', resourceIds: ['2', '3'], ...window },
          { ...scope, region: 'us-central1' },
          {},
        ),
      ]);

      expect([...(west ?? new Map())]).toEqual([
        ['1', 10],
        ['9', null],
      ]);
      expect([...(central ?? new Map())]).toEqual([
        ['2', 20],
        ['3', 30],
      ]);
      expect(factory.calls).toHaveLength(2);
      expect(factory.calls[0]?.request).toMatchObject({
        name: `projects/${PROJECT}`,
        aggregation: { alignmentPeriod: { seconds: 3600 }, perSeriesAligner: 'ALIGN_MEAN' },
        pageSize: 2,
      });
      expect(
        runner.keys.every(
          (key) =>
            key.service === 'monitoring' && key.operation === 'timeSeries.list' && key.region === 'global',
        ),
      ).toBe(true);
    });

    it('makes no call for no resources', async () => {
      const { provider, factory } = setup(() => ({}));

      const values = await provider.getMetrics(
        { metric: 'cpu', statistic: 'max', resourceIds: [], ...window },
        scope,
        {},
      );

      expect(values.size).toBe(0);
      expect(factory.calls).toHaveLength(0);
    });
  });

  describe('searchLogs', () => {
    const window = { start: new Date('2026-11-19T23:00:00Z'), end: new Date('2026-11-20T00:00:00Z') };
    const entries = Array.from({ length: 6 }, (_, i) => ({
      logName: `projects/${PROJECT}/logs/app%2Fweb`,
      insertId: `e${i}`,
      timestamp: `2026-11-19T23:0${i}:00.000Z`,
      severity: 'ERROR',
      resourceType: 'gce_instance',
      resourceLabels: { instance_id: '1', zone: 'us-central1-a' },
      textPayload: `ERROR timeout ${i}`,
    }));

    function respondWithEntries(call: FakeGcpCall) {
      const size = Number(call.request.pageSize);
      const { items, next } = page(entries, size, call.request.pageToken);
      return { entries: items, ...(next === undefined ? {} : { nextPageToken: next }) };
    }

    it('asks entries.list in time order with the escaped filter and reports truncation', async () => {
      const { provider, factory, runner } = setup(respondWithEntries, {
        projects: [PROJECT],
        logEventLimit: 4,
      });

      const result = await provider.searchLogs(
        {
          logGroups: [`projects/${PROJECT}/logs/app%2Fweb`, `projects/${PROJECT}/logs/app%2Fweb`],
          ...window,
          level: 'error',
          pattern: 'a"b',
          limit: 10,
        },
        scope,
        {},
      );

      expect(result.truncated).toBe(true);
      expect(result.events.map((event) => event.eventId)).toEqual(['e0', 'e1', 'e2', 'e3']);
      expect(factory.calls[0]?.request).toEqual({
        resourceNames: [`projects/${PROJECT}`],
        filter:
          'timestamp >= "2026-11-19T23:00:00.000Z" AND timestamp < "2026-11-20T00:00:00.000Z" AND severity >= ERROR AND (textPayload:"a\\"b" OR jsonPayload.message:"a\\"b") AND logName = "projects/shop-prod-1354/logs/app%2Fweb"',
        orderBy: 'timestamp asc',
        pageSize: 5,
      });
      expect(runner.keys[0]).toEqual({
        provider: 'gcp',
        account: PROJECT,
        region: 'global',
        service: 'logging',
        operation: 'entries.list',
      });
    });

    it('does not flag a result that is exactly at the limit', async () => {
      const { provider } = setup(respondWithEntries);

      const result = await provider.searchLogs(
        { logGroups: ['projects/p/logs/x'], ...window, limit: 6 },
        scope,
        {},
      );

      expect(result).toMatchObject({ truncated: false });
      expect(result.events).toHaveLength(6);
    });

    it('makes no call without log groups or with an empty window', async () => {
      const { provider, factory } = setup(respondWithEntries);

      await provider.searchLogs({ logGroups: [], ...window, limit: 5 }, scope, {});
      await provider.searchLogs(
        { logGroups: ['x'], start: window.end, end: window.end, limit: 5 },
        scope,
        {},
      );

      expect(factory.calls).toHaveLength(0);
    });
  });

  describe('lookupAudit', () => {
    it('filters the activity log by method, counts an operation once and drops failed ones', async () => {
      const { provider, factory } = setup(() => ({
        entries: [
          auditEntry('v1.compute.instances.insert', {
            insertId: 'a1',
            timestamp: '2026-11-19T10:00:00.000Z',
            op: 'op-1',
            first: true,
          }),
          auditEntry('v1.compute.instances.insert', {
            insertId: 'a2',
            timestamp: '2026-11-19T10:00:30.000Z',
            op: 'op-1',
            first: false,
          }),
          auditEntry('v1.compute.instances.stop', {
            insertId: 'b1',
            timestamp: '2026-11-19T11:00:00.000Z',
            op: 'op-2',
            first: true,
          }),
          auditEntry('v1.compute.instances.stop', {
            insertId: 'b2',
            timestamp: '2026-11-19T11:00:09.000Z',
            op: 'op-2',
            first: false,
            code: 9,
          }),
          auditEntry('v1.compute.instances.deleteAccessConfig', {
            insertId: 'c1',
            timestamp: '2026-11-19T12:00:00.000Z',
          }),
          auditEntry('v1.compute.instances.start', { insertId: 'd1', timestamp: '2026-11-19T13:00:00.000Z' }),
        ],
      }));

      const records = await provider.lookupAudit(
        {
          resource: 'instance',
          actions: ['create', 'stop', 'start'],
          start: new Date('2026-11-13T00:00:00Z'),
          end: NOW,
        },
        scope,
        {},
      );

      expect(records.map((r) => [r.eventId, r.action, r.resourceId, r.resourceName, r.region])).toEqual([
        ['d1', 'start', '77', 'web-1', 'us-central1'],
        ['a1', 'create', '77', 'web-1', 'us-central1'],
      ]);
      const filter = String(factory.calls[0]?.request.filter);
      expect(filter).toContain(`logName = "projects/${PROJECT}/logs/cloudaudit.googleapis.com%2Factivity"`);
      expect(filter).toContain(
        'timestamp >= "2026-11-13T00:00:00.000Z" AND timestamp < "2026-11-20T00:00:00.000Z"',
      );
      expect(filter).toContain(
        'protoPayload.methodName:("compute.instances.insert" OR "compute.instances.bulkInsert"',
      );
      expect(filter).not.toContain('compute.instances.delete"');
    });

    it('clamps the window to the 400-day retention with a warning', async () => {
      const { provider, factory, warnings } = setup(() => ({ entries: [] }));

      await provider.lookupAudit(
        { resource: 'bucket', actions: ['delete'], start: new Date('2020-01-01T00:00:00Z'), end: NOW },
        scope,
        {},
      );

      expect(warnings).toEqual([expect.stringContaining('400 days') as string]);
      expect(String(factory.calls[0]?.request.filter)).toContain('timestamp >= "2025-10-16T00:00:00.000Z"');
    });

    it('makes no call when the kind has no method for the actions', async () => {
      const { provider, factory } = setup(() => ({ entries: [] }));

      const records = await provider.lookupAudit(
        { resource: 'log_group', actions: ['create'], start: new Date('2026-11-01T00:00:00Z'), end: NOW },
        scope,
        {},
      );

      expect(records).toEqual([]);
      expect(factory.calls).toHaveLength(0);
    });
  });
});
