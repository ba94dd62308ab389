import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aggregateMetric } from '../../../emulator/estate/metrics.js';
import { logEventsBetween } from '../../../emulator/estate/logs.js';
import { generateEstate } from '../../../emulator/estate/generate-estate.js';
import type { Estate, EstateInstance } from '../../../emulator/estate/model.js';
import { startEmulator, type RunningEmulator } from '../../../emulator/server/start-emulator.js';
import { SreError } from '../../core/errors/sre-error.js';
import type { CallKey, CallRunner } from '../../core/ports/call-runner.js';
import type { ResourceKind, ResourceRecord, ScopeTarget } from '../../core/ports/cloud-port.js';
import { createGcpProvider, type GcpProvider } from './create-gcp-provider.js';
import { isGcpRuntimeDeprecated } from './gcp-runtime-deprecations.js';
import { recordConnectedHosts, type ConnectedHostsRecorder } from './record-connected-hosts.js';
import { toInstanceState } from './to-instance-record.js';

const ANCHOR = '2026-11-20T00:00:00.000Z';
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);

/** Every host a socket was asked to connect to while the suite ran (proves nothing leaves loopback). */
let recorder: ConnectedHostsRecorder;

/** A runner that calls once and records every key (no retries, so injected faults surface at once). */
function createRecordingRunner(): CallRunner & { readonly keys: CallKey[] } {
  const keys: CallKey[] = [];
  return {
    keys,
    run<T>(key: CallKey, call: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
      keys.push(key);
      return call(signal ?? new AbortController().signal);
    },
  };
}

let estate: Estate;
let emulator: RunningEmulator;
let runner: ReturnType<typeof createRecordingRunner>;
let provider: GcpProvider;
let projects: string[];
const warnings: string[] = [];

function gcp<T extends { readonly provider: string }>(items: readonly T[]): T[] {
  return items.filter((item) => item.provider === 'gcp');
}

function createProvider(pageSize?: number): GcpProvider {
  return createGcpProvider(
    { projects, endpoint: emulator.endpoints.gcp, ...(pageSize === undefined ? {} : { pageSize }) },
    { runner, now: () => new Date(ANCHOR), warn: (message) => warnings.push(message) },
  );
}

async function listAll(kind: ResourceKind, target: GcpProvider = provider): Promise<ResourceRecord[]> {
  const scopes = await target.listScopes({});
  const lists = await Promise.all(scopes.map((scope) => target.listResources(kind, scope, {}, {})));
  return lists.flat();
}

function scopeOf(project: string): ScopeTarget {
  return { provider: 'gcp', account: project, region: 'global' };
}

beforeAll(async () => {
  recorder = recordConnectedHosts();
  estate = generateEstate({ seed: 7, size: 'small', anchorTime: ANCHOR });
  projects = gcp(estate.accounts).map((account) => account.id);
  emulator = await startEmulator({ estate, pageSizeCaps: { gcp: 5 } });
  runner = createRecordingRunner();
  // Page size 1 for listings: every kind of every project is read over as many pages as it has items.
  provider = createProvider(1);
});

afterAll(async () => {
  provider.dispose();
  await emulator.close();
  recorder.restore();
});

describe('createGcpProvider against the emulator', () => {
  it('lists one global scope per project', async () => {
    const scopes = await provider.listScopes({});

    expect(scopes).toEqual(projects.map((account) => ({ provider: 'gcp', account, region: 'global' })));
    expect(projects.length).toBeGreaterThanOrEqual(3);
  });

  it.each([
    ['instance', 'instances.aggregatedList', () => estate.instances],
    ['volume', 'disks.aggregatedList', () => estate.volumes],
    ['function', 'functions.list', () => estate.functions],
    ['database', 'instances.list', () => estate.databases],
    ['bucket', 'buckets.list', () => estate.buckets],
    ['log_group', 'logs.list', () => estate.logGroups],
  ] as const)('reads every %s of every project over all pages', async (kind, operation, expected) => {
    const before = emulator.journal.total();

    const records = await listAll(kind);

    type Item = {
      readonly provider: string;
      readonly id: string;
      readonly name: string;
      readonly account: string;
      readonly region: string;
    };
    // Functions are named per project and region; a log is one per project, whatever regions write to it.
    const keyOf = (account: string, region: string, id: string): string =>
      kind === 'function' ? `${account}/${region}/${id}` : `${account}/${id}`;
    const itemKey = (item: Item): string =>
      keyOf(item.account, item.region, kind === 'function' ? item.name : item.id);
    const wanted = [...new Map(gcp<Item>(expected()).map((item) => [itemKey(item), item])).values()];
    expect(records).toHaveLength(wanted.length);
    expect(records.map((record) => keyOf(record.account, record.region, record.id)).sort()).toEqual(
      wanted.map(itemKey).sort(),
    );
    const calls = emulator.journal.query({ provider: 'gcp', operation, sinceSeq: before });
    expect(calls.every((call) => call.status === 200)).toBe(true);
    expect(calls.length).toBeGreaterThanOrEqual(3);
    if (kind !== 'log_group') {
      // Page size 1: exactly one call per item, and one for a project without any (no extra empty pages).
      const perProject = projects.map((project) => wanted.filter((item) => item.account === project).length);
      expect(calls).toHaveLength(perProject.reduce((sum, count) => sum + Math.max(1, count), 0));
    }
  });

  it('normalizes instances: states, machine type, zone, addresses, times', async () => {
    const records = new Map((await listAll('instance')).map((record) => [record.id, record]));

    for (const instance of gcp(estate.instances)) {
      const record = records.get(instance.id);
      expect(record?.fields).toMatchObject({
        state: toInstanceState(instance.state),
        native_state: instance.state,
        type: instance.type,
        family: instance.type.split('-')[0],
        zone: instance.zone,
        private_ip: instance.privateIp,
        created_time: instance.createdTime,
        launch_time: instance.launchTime,
        platform: instance.platform,
      });
      expect(record?.fields.public_ip).toBe(instance.publicIp);
      expect(record?.region).toBe(instance.region);
      expect(record?.tags).toEqual(instance.tags);
    }
    expect(new Set([...records.values()].map((record) => record.fields.state))).toEqual(
      new Set(['running', 'stopped', 'pending', 'stopping']),
    );
  });

  it('normalizes disks, functions, databases and buckets', async () => {
    const [volumes, functions, databases, buckets] = await Promise.all(
      (['volume', 'function', 'database', 'bucket'] as const).map((kind) => listAll(kind)),
    );
    const byId = <T extends { id: string }>(items: readonly T[]): Map<string, T> =>
      new Map(items.map((item) => [item.id, item]));
    const volumeRecords = byId(volumes ?? []);
    for (const volume of gcp(estate.volumes)) {
      const attachedName =
        volume.attachedTo === undefined
          ? undefined
          : estate.instances.find((i) => i.id === volume.attachedTo)?.name;
      expect(volumeRecords.get(volume.id)?.fields).toMatchObject({
        size_gb: volume.sizeGb,
        volume_type: volume.volumeType,
        attached: volume.attachedTo !== undefined,
        encrypted: true,
        encryption_type: volume.kmsKeyId === undefined ? 'google-managed' : 'customer-managed',
        zone: volume.zone,
      });
      expect(volumeRecords.get(volume.id)?.fields.attached_to).toBe(attachedName);
    }
    const functionRecords = new Map(
      (functions ?? []).map((record) => [`${record.account}/${record.region}/${record.id}`, record]),
    );
    for (const fn of gcp(estate.functions)) {
      const record = functionRecords.get(`${fn.account}/${fn.region}/${fn.name}`);
      expect(record?.fields).toMatchObject({
        runtime: fn.runtime,
        memory_mb: fn.memoryMb,
        timeout_s: fn.timeoutSeconds,
        state: { ACTIVE: 'active', FAILED: 'failed', DEPLOYING: 'pending' }[fn.state],
        runtime_deprecated: isGcpRuntimeDeprecated(fn.runtime, new Date(ANCHOR)),
      });
      // Whatever the estate calls deprecated, Google's schedule calls deprecated too.
      if (fn.runtimeDeprecated) expect(record?.fields.runtime_deprecated).toBe(true);
      expect(record?.region).toBe(fn.region);
    }
    const databaseRecords = byId(databases ?? []);
    for (const database of gcp(estate.databases)) {
      expect(databaseRecords.get(database.id)?.fields).toMatchObject({
        engine: database.engine.split('_')[0]?.toLowerCase(),
        state: database.status === 'RUNNABLE' ? 'available' : 'stopped',
        native_state: database.status,
        type: database.instanceClass,
        multi_az: database.multiAz,
        public: database.publiclyAccessible,
        size_gb: database.storageGb,
        zone: database.zone,
      });
    }
    const bucketRecords = byId(buckets ?? []);
    for (const bucket of gcp(estate.buckets)) {
      expect(bucketRecords.get(bucket.id)?.fields).toMatchObject({
        public: bucket.publicAccess,
        encrypted: true,
        versioning: bucket.versioning,
        storage_class: bucket.storageClass,
      });
      expect(bucketRecords.get(bucket.id)?.region).toBe(bucket.region.toLowerCase());
    }
  });

  describe('getMetrics', () => {
    const start = new Date('2026-11-19T23:00:00.000Z');
    const end = new Date(ANCHOR);
    const window = { start, end, periodSeconds: 3600 };

    function runningIn(project: string): EstateInstance[] {
      return gcp(estate.instances).filter(
        (instance) => instance.account === project && instance.state === 'RUNNING',
      );
    }

    it.each(['avg', 'max', 'min', 'p95'] as const)(
      'answers CPU %s in percent, as the estate computes it',
      async (statistic) => {
        const project = projects[1]!;
        const instances = runningIn(project);
        const estateStatistic = { avg: 'Average', max: 'Maximum', min: 'Minimum', p95: 'p95' } as const;

        const values = await createProvider().getMetrics(
          { metric: 'cpu', statistic, resourceIds: instances.map((instance) => instance.id), ...window },
          scopeOf(project),
          {},
        );

        for (const instance of instances) {
          const [expected] = aggregateMetric(
            instance.metrics.cpu,
            start.getTime(),
            end.getTime(),
            3600,
            estateStatistic[statistic],
          );
          expect(values.get(instance.id)).toBeCloseTo(expected?.value ?? Number.NaN, 4);
        }
      },
    );

    it('reads memory from the agent and network bytes per window', async () => {
      const project = projects[1]!;
      const instances = runningIn(project);
      const target = createProvider();

      const memory = await target.getMetrics(
        { metric: 'memory', statistic: 'avg', resourceIds: instances.map((i) => i.id), ...window },
        scopeOf(project),
        {},
      );
      const network = await target.getMetrics(
        { metric: 'network_in', statistic: 'sum', resourceIds: instances.map((i) => i.id), ...window },
        scopeOf(project),
        {},
      );

      for (const instance of instances) {
        const [used] = aggregateMetric(
          instance.metrics.memory,
          start.getTime(),
          end.getTime(),
          3600,
          'Average',
        );
        if (instance.monitoring) expect(memory.get(instance.id)).toBeCloseTo(used?.value ?? Number.NaN, 4);
        else expect(memory.get(instance.id)).toBeNull();
        const [bytesPerSecond] = aggregateMetric(
          instance.metrics.networkIn,
          start.getTime(),
          end.getTime(),
          3600,
          'Sum',
        );
        // The emulator reports bytes per 60-s sample, rounded to whole bytes.
        expect(
          Math.abs((network.get(instance.id) ?? Number.NaN) - (bytesPerSecond?.value ?? 0) * 60),
        ).toBeLessThanOrEqual(30);
      }
    });

    it('reads the whole project in ceil(series / page size) calls, once for all its regions', async () => {
      const project = projects[1]!;
      const instances = gcp(estate.instances).filter((instance) => instance.account === project);
      const regions = [...new Set(instances.map((instance) => instance.region))];
      const target = createProvider();
      const before = emulator.journal.total();

      const answers = await Promise.all(
        regions.map((region) =>
          target.getMetrics(
            {
              metric: 'cpu',
              statistic: 'avg',
              resourceIds: instances.filter((i) => i.region === region).map((i) => i.id),
              ...window,
            },
            { provider: 'gcp', account: project, region },
            {},
          ),
        ),
      );

      const withData = answers
        .flatMap((answer) => [...answer.values()])
        .filter((value) => value !== null).length;
      const calls = emulator.journal.query({
        provider: 'gcp',
        operation: 'timeSeries.list',
        sinceSeq: before,
      });
      expect(regions.length).toBeGreaterThan(1);
      expect(withData).toBeGreaterThan(5);
      expect(calls).toHaveLength(Math.ceil(withData / 5));
    });
  });

  describe('searchLogs', () => {
    const start = new Date('2026-11-19T22:00:00.000Z');
    const end = new Date(ANCHOR);

    function expectedEvents(
      project: string,
      matches: (message: string, level: string) => boolean,
    ): { timestamp: string; message: string }[] {
      return gcp(estate.logGroups)
        .filter((group) => group.account === project)
        .flatMap((group) => logEventsBetween(group, start.getTime(), end.getTime()))
        .filter((event) => matches(event.message, event.level))
        .map((event) => ({ timestamp: new Date(event.timestamp).toISOString(), message: event.message }))
        .sort((a, b) => (a.timestamp < b.timestamp ? -1 : a.timestamp > b.timestamp ? 1 : 0));
    }

    async function logGroupsOf(project: string): Promise<string[]> {
      return (await provider.listResources('log_group', scopeOf(project), {}, {})).map((group) => group.id);
    }

    it('finds error lines with a pattern, in time order, complete', async () => {
      const project = projects[1]!;
      const expected = expectedEvents(
        project,
        (message, level) => level === 'ERROR' && message.toLowerCase().includes('timeout'),
      );

      const result = await createProvider().searchLogs(
        {
          logGroups: await logGroupsOf(project),
          start,
          end,
          level: 'error',
          pattern: 'timeout',
          limit: 1000,
        },
        scopeOf(project),
        {},
      );

      expect(expected.length).toBeGreaterThan(0);
      expect(result.truncated).toBe(false);
      expect(result.events.map((event) => event.message).sort()).toEqual(
        expected.map((event) => event.message).sort(),
      );
      expect(result.events.map((event) => event.timestamp)).toEqual(expected.map((event) => event.timestamp));
    });

    it('stops at the limit over several pages and reports the truncation', async () => {
      const project = projects[1]!;
      const expected = expectedEvents(project, (_message, level) => level === 'ERROR');
      const before = emulator.journal.total();

      const result = await provider.searchLogs(
        { logGroups: await logGroupsOf(project), start, end, level: 'error', limit: 7 },
        scopeOf(project),
        {},
      );

      expect(expected.length).toBeGreaterThan(7);
      expect(result.truncated).toBe(true);
      expect(result.events.map((event) => event.timestamp)).toEqual(
        expected.slice(0, 7).map((event) => event.timestamp),
      );
      expect(
        emulator.journal.query({ operation: 'entries.list', sinceSeq: before }).length,
      ).toBeGreaterThanOrEqual(3);
    });

    it.each([
      'timeout" OR severity>=DEFAULT OR textPayload:"',
      'timeout\\" OR logName:"',
      ') OR (severity >= DEFAULT',
      'line\nbreak "quoted" \\ back\\slash',
    ])('keeps user text inside one string literal: %j', async (pattern) => {
      const project = projects[1]!;

      const result = await createProvider().searchLogs(
        { logGroups: await logGroupsOf(project), start, end, pattern, limit: 50 },
        scopeOf(project),
        {},
      );

      expect(result).toEqual({ events: [], truncated: false });
    });
  });

  it('looks up audit events of instances and disks', async () => {
    const project = projects[1]!;
    const start = new Date('2026-10-01T00:00:00.000Z');
    const end = new Date(ANCHOR);
    const inWindow = gcp(estate.auditEvents).filter(
      (event) =>
        event.account === project && event.time >= start.toISOString() && event.time < end.toISOString(),
    );

    const instances = await provider.lookupAudit(
      { resource: 'instance', actions: ['create', 'start', 'stop', 'delete', 'modify'], start, end },
      scopeOf(project),
      {},
    );
    const diskCreations = await provider.lookupAudit(
      { resource: 'volume', actions: ['create'], start, end },
      scopeOf(project),
      {},
    );

    const expected = inWindow.filter((event) => event.resourceType === 'gce_instance');
    expect(instances).toHaveLength(expected.length);
    for (const event of expected) {
      expect(instances).toContainEqual({
        provider: 'gcp',
        account: project,
        region: event.region,
        eventId: `-${event.id}`,
        time: event.time,
        action: event.action,
        operation: event.operation,
        actor: event.actor,
        resourceId: event.resourceId,
        resourceType: 'gce_instance',
        resourceName: event.resourceName,
      });
    }
    expect(diskCreations).toHaveLength(
      inWindow.filter((event) => event.resourceType === 'gce_disk' && event.action === 'create').length,
    );
    expect(instances.map((event) => event.time)).toEqual(
      [...instances.map((event) => event.time)].sort().reverse(),
    );
  });

  describe('maps injected faults', () => {
    it.each([
      ['throttle', 'CLOUD_THROTTLED'],
      ['denied', 'CLOUD_AUTHORIZATION'],
      ['unavailable', 'CLOUD_UNAVAILABLE'],
      ['malformed', 'CLOUD_MALFORMED_RESPONSE'],
    ] as const)('%s → %s on every service', async (kind, code) => {
      const project = projects[1]!;
      const target = createProvider();
      const calls: [string, () => Promise<unknown>][] = [
        ...(['instance', 'function', 'database', 'bucket', 'log_group'] as const).map(
          (resource) =>
            [resource, () => target.listResources(resource, scopeOf(project), {}, {})] as [
              string,
              () => Promise<unknown>,
            ],
        ),
        [
          'metrics',
          () =>
            target.getMetrics(
              {
                metric: 'cpu',
                statistic: 'avg',
                resourceIds: ['1'],
                start: new Date('2026-11-19T23:00:00Z'),
                end: new Date(ANCHOR),
                periodSeconds: 3600,
              },
              scopeOf(project),
              {},
            ),
        ],
        [
          'audit',
          () =>
            target.lookupAudit(
              {
                resource: 'instance',
                actions: ['create'],
                start: new Date('2026-11-01T00:00:00Z'),
                end: new Date(ANCHOR),
              },
              scopeOf(project),
              {},
            ),
        ],
      ];
      const fault = emulator.faults.add({
        kind,
        provider: 'gcp',
        ...(kind === 'throttle' ? { retryAfterSeconds: 7 } : {}),
      });
      try {
        for (const [label, call] of calls) {
          const error: unknown = await call().then(
            () => new Error(`${label} did not fail`),
            (failure: unknown) => failure,
          );
          expect(error, label).toBeInstanceOf(SreError);
          expect((error as SreError).code, label).toBe(code);
          expect((error as SreError).details, label).toMatchObject({ provider: 'gcp' });
          // Storage's JSON API sends no RetryInfo; the others carry the fault's delay.
          if (kind === 'throttle' && label !== 'bucket')
            expect((error as SreError).retryAfterSeconds, label).toBe(7);
        }
      } finally {
        emulator.faults.remove(fault.id);
      }
    });
  });

  it('made no mutating call, no unknown call, and talked only to loopback', () => {
    expect(emulator.journal.query({ mutating: true })).toEqual([]);
    expect(
      emulator.journal.query({ provider: 'gcp' }).filter((entry) => entry.operation === 'unknown'),
    ).toEqual([]);
    expect(recorder.hosts.length).toBeGreaterThan(0);
    expect(recorder.hosts.filter((host) => !LOOPBACK_HOSTS.has(host))).toEqual([]);
    expect(runner.keys.every((key) => key.provider === 'gcp' && projects.includes(key.account))).toBe(true);
  });
});
