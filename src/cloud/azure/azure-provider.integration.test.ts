import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateEstate } from '../../../emulator/estate/generate-estate.js';
import { logEventsBetween } from '../../../emulator/estate/logs.js';
import { aggregateMetric } from '../../../emulator/estate/metrics.js';
import type { Estate, EstateInstance } from '../../../emulator/estate/model.js';
import { startEmulator, type RunningEmulator } from '../../../emulator/server/start-emulator.js';
import { SreError } from '../../core/errors/sre-error.js';
import { directCallRunner, type CallKey, type CallRunner } from '../../core/ports/call-runner.js';
import type {
  CloudProvider,
  ResourceKind,
  ResourceRecord,
  ScopeTarget,
} from '../../core/ports/cloud-port.js';
import { createAzureProvider } from './create-azure-provider.js';

const ANCHOR = '2026-11-20T00:00:00.000Z';
const ANCHOR_MS = Date.parse(ANCHOR);
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

let estate: Estate;
let emulator: RunningEmulator;
let provider: CloudProvider;
let logGroups: Promise<ResourceRecord[]> | undefined;
const warnings: string[] = [];

/**
 * Retries a transient failure once, at once, as the resilient runner would (an idle keep-alive
 * socket closed by the emulator surfaces as ECONNRESET → CLOUD_UNAVAILABLE). Fault tests use
 * `directCallRunner` instead, to see the mapped error itself.
 */
const retryTransient: CallRunner = {
  async run<T>(_key: CallKey, call: (signal: AbortSignal) => Promise<T>): Promise<T> {
    try {
      return await call(new AbortController().signal);
    } catch (error) {
      if (error instanceof SreError && error.retryable && error.details.syscallCode !== undefined) {
        return call(new AbortController().signal);
      }
      throw error;
    }
  },
};

function azure<T extends { readonly provider: string }>(items: readonly T[]): T[] {
  return items.filter((item) => item.provider === 'azure');
}

function createProvider(
  runner: CallRunner = retryTransient,
  settings: { logEventLimit?: number } = {},
): CloudProvider {
  return createAzureProvider(
    { endpoint: emulator.endpoints.azure, ...settings },
    {
      runner,
      now: () => new Date(ANCHOR_MS),
      warn: (message) => {
        warnings.push(message);
      },
    },
  );
}

async function listAll(kind: ResourceKind, target: CloudProvider = provider): Promise<ResourceRecord[]> {
  const scopes = await target.listScopes({});
  const lists = await Promise.all(scopes.map((scope) => target.listResources(kind, scope, {}, {})));
  return lists.flat();
}

/** The log groups of every subscription, listed once (each listing scans every workspace). */
function allLogGroups(): Promise<ResourceRecord[]> {
  logGroups ??= listAll('log_group');
  return logGroups;
}

function scopeOf(account: string, region = 'global'): ScopeTarget {
  return { provider: 'azure', account, region };
}

function lower(ids: readonly string[]): string[] {
  return ids.map((id) => id.toLowerCase()).sort();
}

beforeAll(async () => {
  estate = generateEstate({ seed: 7, size: 'small', anchorTime: ANCHOR });
  emulator = await startEmulator({ estate, pageSizeCaps: { azure: 5 } });
  provider = createProvider();
});

afterAll(async () => {
  await emulator.close();
});

describe('scopes', () => {
  it('lists one global scope per subscription the credential sees', async () => {
    const scopes = await provider.listScopes({});

    expect(scopes).toEqual(
      azure(estate.accounts)
        .map((account) => account.id)
        .sort()
        .map((account) => scopeOf(account)),
    );
    expect(provider.isGlobal('instance')).toBe(true);
  });

  it('uses configured subscriptions without calling Subscriptions_List', async () => {
    const before = emulator.journal.query({ provider: 'azure', operation: 'Subscriptions_List' }).length;
    const configured = createAzureProvider(
      { endpoint: emulator.endpoints.azure, subscriptions: ['b', 'a', 'a'] },
      { runner: directCallRunner },
    );

    const scopes = await configured.listScopes({});

    expect(scopes.map((scope) => scope.account)).toEqual(['a', 'b']);
    expect(emulator.journal.query({ provider: 'azure', operation: 'Subscriptions_List' })).toHaveLength(
      before,
    );
  });
});

describe('listing every kind across pages', () => {
  const cases: readonly { kind: ResourceKind; operation: string; expected: () => readonly string[] }[] = [
    {
      kind: 'instance',
      operation: 'VirtualMachines_ListAll',
      expected: () => azure(estate.instances).map((i) => i.id),
    },
    { kind: 'volume', operation: 'Disks_List', expected: () => azure(estate.volumes).map((v) => v.id) },
    { kind: 'function', operation: 'WebApps_List', expected: () => azure(estate.functions).map((f) => f.id) },
    {
      kind: 'database',
      operation: 'Databases_ListByServer',
      expected: () => azure(estate.databases).map((d) => d.id),
    },
    {
      kind: 'bucket',
      operation: 'StorageAccounts_List',
      expected: () => azure(estate.buckets).map((b) => b.id),
    },
  ];

  it.each(cases)(
    '$kind: ids equal the estate, read over ≥ 3 pages',
    async ({ kind, operation, expected }) => {
      const before = emulator.journal.query({ provider: 'azure', operation }).length;

      const records = await listAll(kind);

      expect(lower(records.map((r) => r.id))).toEqual(lower(expected()));
      expect(emulator.journal.query({ provider: 'azure', operation }).length - before).toBeGreaterThanOrEqual(
        3,
      );
      expect(
        records.every((r) => r.provider === 'azure' && r.kind === kind && r.region !== '' && r.name !== ''),
      ).toBe(true);
    },
  );

  it('reports power states, sizes, zones and resource groups of VMs', async () => {
    const records = await listAll('instance');
    const byId = new Map(records.map((r) => [r.id.toLowerCase(), r]));
    const normalized: Record<string, string> = {
      running: 'running',
      stopped: 'stopped',
      deallocated: 'deallocated',
      starting: 'pending',
      stopping: 'stopping',
      deallocating: 'stopping',
    };

    for (const instance of azure(estate.instances)) {
      const record = byId.get(instance.id.toLowerCase());
      expect(record?.fields).toMatchObject({
        native_state: instance.state,
        state: normalized[instance.state],
        type: instance.type,
        zone: instance.zone,
        platform: instance.platform,
        monitoring: instance.monitoring,
        launch_time: instance.launchTime,
        created_time: instance.createdTime,
        resource_group: instance.resourceGroup,
      });
      expect(record?.region).toBe(instance.region);
    }
    expect(records.find((r) => r.fields.type === 'Standard_D2s_v3')?.fields.family ?? 'dsv3').toBe('dsv3');
    expect(emulator.journal.query({ provider: 'azure', operation: 'VirtualMachines_InstanceView' })).toEqual(
      [],
    );
  });

  it('reports attachment and encryption of disks', async () => {
    const records = await listAll('volume');
    const byId = new Map(records.map((r) => [r.id.toLowerCase(), r]));

    for (const volume of azure(estate.volumes)) {
      const fields = byId.get(volume.id.toLowerCase())?.fields;
      expect(fields?.attached).toBe(volume.attachedTo !== undefined);
      expect(fields?.attached_to ?? undefined).toBe(volume.attachedTo);
      expect(fields?.encrypted).toBe(true);
      expect(fields?.encryption_type).toBe(
        volume.kmsKeyId === undefined ? 'EncryptionAtRestWithPlatformKey' : 'EncryptionAtRestWithCustomerKey',
      );
      expect(fields).toMatchObject({ size_gb: volume.sizeGb, volume_type: volume.volumeType });
    }
  });

  it('reports runtimes and states of function apps', async () => {
    const records = await listAll('function');
    const byId = new Map(records.map((r) => [r.id.toLowerCase(), r]));

    for (const site of azure(estate.functions)) {
      const fields = byId.get(site.id.toLowerCase())?.fields;
      expect(fields?.runtime).toBe(site.runtime);
      expect(fields?.state).toBe(site.state === 'Running' ? 'active' : 'inactive');
      if (site.runtimeDeprecated) expect(fields?.runtime_deprecated).toBe(true);
    }
  });

  it('reports SQL databases without master, with their state and exposure', async () => {
    const records = await listAll('database');
    const byId = new Map(records.map((r) => [r.id.toLowerCase(), r]));

    expect(records.some((r) => r.name === 'master')).toBe(false);
    for (const database of azure(estate.databases)) {
      const fields = byId.get(database.id.toLowerCase())?.fields;
      expect(fields).toMatchObject({
        engine: 'sqlserver',
        native_state: database.status,
        multi_az: database.multiAz,
      });
      if (database.status === 'Online') expect(fields?.state).toBe('available');
      if (database.status === 'Paused') expect(fields?.state).toBe('stopped');
      if (database.publiclyAccessible) expect(fields?.public).toBe(true);
    }
  });

  it('reports storage accounts as buckets', async () => {
    const records = await listAll('bucket');
    const byId = new Map(records.map((r) => [r.id.toLowerCase(), r]));

    for (const bucket of azure(estate.buckets)) {
      expect(byId.get(bucket.id.toLowerCase())?.fields).toMatchObject({
        public: bucket.publicAccess,
        encrypted: true,
        storage_class: bucket.storageClass,
        created_time: bucket.createdTime,
      });
    }
  });

  it('keeps only the scope location when the scope names a region', async () => {
    const instance = azure(estate.instances)[0]!;

    const records = await provider.listResources(
      'instance',
      scopeOf(instance.account, instance.region),
      {},
      {},
    );

    const expected = azure(estate.instances).filter(
      (i) => i.account === instance.account && i.region === instance.region,
    );
    expect(lower(records.map((r) => r.id))).toEqual(lower(expected.map((i) => i.id)));
  });
});

describe('log groups and log search', () => {
  it('lists one log group per source that wrote to a workspace in the last 24 hours', async () => {
    const before = emulator.journal.query({ provider: 'azure', operation: 'Workspaces_List' }).length;

    const records = await allLogGroups();

    const names = records.map((r) => r.name.slice(r.name.indexOf('/') + 1)).sort();
    const expected = azure(estate.logGroups)
      .map((group) => group.name.slice(group.name.indexOf('/') + 1))
      .sort();
    expect(names).toEqual(expected);
    expect(
      emulator.journal.query({ provider: 'azure', operation: 'Workspaces_List' }).length - before,
    ).toBeGreaterThanOrEqual(3);
  });

  it('finds the events of a function app in a window, by level and by pattern', async () => {
    const groups = await allLogGroups();
    const estateGroup = azure(estate.logGroups)
      .filter((group) => group.source === 'functionapp')
      .sort(
        (a, b) =>
          b.streams.reduce((s, x) => s + x.ratePerMinute, 0) -
          a.streams.reduce((s, x) => s + x.ratePerMinute, 0),
      )[0]!;
    const appName = estateGroup.name.slice(estateGroup.name.indexOf('/') + 1);
    const group = groups.find((g) => g.name === `AppTraces/${appName}`)!;
    const start = new Date(ANCHOR_MS - HOUR_MS);
    const end = new Date(ANCHOR_MS);
    const scope = scopeOf(group.account);
    const all = logEventsBetween(estateGroup, start.getTime(), end.getTime());

    const result = await provider.searchLogs({ logGroups: [group.id], start, end, limit: 10_000 }, scope, {});
    const errors = await provider.searchLogs(
      { logGroups: [group.id], start, end, level: 'error', limit: 10_000 },
      scope,
      {},
    );
    const executed = await provider.searchLogs(
      { logGroups: [group.id], start, end, pattern: 'executed', limit: 10_000 },
      scope,
      {},
    );

    expect(all.length).toBeGreaterThan(10);
    expect(result.events.map((e) => e.message)).toEqual(all.map((e) => e.message));
    expect(result.truncated).toBe(false);
    expect(new Set(result.events.map((e) => e.eventId)).size).toBe(result.events.length);
    expect(result.events.every((e) => e.logGroup === group.id && e.provider === 'azure')).toBe(true);
    expect(errors.events.map((e) => e.message)).toEqual(
      all.filter((e) => e.level === 'ERROR').map((e) => e.message),
    );
    expect(executed.events.map((e) => e.message)).toEqual(
      all.filter((e) => /executed/i.test(e.message)).map((e) => e.message),
    );
  });

  it('caps the events and says so', async () => {
    const groups = await allLogGroups();
    const group = groups.find((g) => g.name.startsWith('AppTraces/'))!;
    const start = new Date(ANCHOR_MS - DAY_MS);
    const end = new Date(ANCHOR_MS);

    const result = await createProvider(directCallRunner, { logEventLimit: 3 }).searchLogs(
      { logGroups: [group.id], start, end, limit: 100 },
      scopeOf(group.account),
      {},
    );

    expect(result.events).toHaveLength(3);
    expect(result.truncated).toBe(true);
  });

  it('treats quotes, backslashes and pipes in a pattern as text', async () => {
    const groups = await allLogGroups();
    const scope = scopeOf(groups[0]!.account);
    const ids = groups.filter((g) => g.account === scope.account).map((g) => g.id);
    const window = { start: new Date(ANCHOR_MS - DAY_MS), end: new Date(ANCHOR_MS) };

    const injected = await provider.searchLogs(
      { logGroups: ids, ...window, pattern: 'x" or SeverityLevel >= 0 | take 100000 //\\', limit: 1000 },
      scope,
      {},
    );
    const quoted = await provider.searchLogs(
      { logGroups: ids, ...window, pattern: "missing field 'customer_id'", limit: 1000 },
      scope,
      {},
    );

    expect(injected.events).toEqual([]);
    expect(quoted.events.every((e) => e.message.includes("missing field 'customer_id'"))).toBe(true);
  });

  it('rejects an id that is not an Azure log group', async () => {
    const scope = scopeOf(azure(estate.accounts)[0]!.id);

    const search = provider.searchLogs(
      {
        logGroups: ['/aws/lambda/x'],
        start: new Date(ANCHOR_MS - HOUR_MS),
        end: new Date(ANCHOR_MS),
        limit: 10,
      },
      scope,
      {},
    );

    await expect(search).rejects.toMatchObject({ code: 'CLOUD_NOT_FOUND' });
  });
});

describe('metrics', () => {
  function runningSince(hours: number): EstateInstance[] {
    return azure(estate.instances)
      .filter((i) => Date.parse(i.createdTime) < ANCHOR_MS - hours * HOUR_MS)
      .slice(0, 6);
  }

  it.each([
    { statistic: 'avg', aggregate: 'Average', hours: 1 },
    { statistic: 'max', aggregate: 'Maximum', hours: 1 },
    { statistic: 'min', aggregate: 'Minimum', hours: 1 },
    { statistic: 'avg', aggregate: 'Average', hours: 3 },
    { statistic: 'max', aggregate: 'Maximum', hours: 24 },
  ] as const)(
    'cpu $statistic over $hours h equals aggregateMetric',
    async ({ statistic, aggregate, hours }) => {
      const instances = runningSince(hours);
      const start = new Date(ANCHOR_MS - hours * HOUR_MS);
      const end = new Date(ANCHOR_MS);
      const { account, region } = instances[0]!;
      const mine = instances.filter((i) => i.account === account && i.region === region);

      const values = await provider.getMetrics(
        {
          metric: 'cpu',
          statistic,
          start,
          end,
          periodSeconds: hours * 3600,
          resourceIds: mine.map((i) => i.id),
        },
        scopeOf(account, mine[0]!.region),
        {},
      );

      for (const instance of mine) {
        const [expected] = aggregateMetric(
          instance.metrics.cpu,
          start.getTime(),
          end.getTime(),
          hours * 3600,
          aggregate,
        );
        expect(values.get(instance.id)).toBeCloseTo(expected!.value, 5);
      }
    },
  );

  it('reads network in as bytes per window and memory as percent used', async () => {
    const [instance] = runningSince(1);
    const start = new Date(ANCHOR_MS - HOUR_MS);
    const end = new Date(ANCHOR_MS);
    const scope = scopeOf(instance!.account, instance!.region);

    const network = await provider.getMetrics(
      {
        metric: 'network_in',
        statistic: 'sum',
        start,
        end,
        periodSeconds: 3600,
        resourceIds: [instance!.id],
      },
      scope,
      {},
    );
    const memory = await provider.getMetrics(
      { metric: 'memory', statistic: 'max', start, end, periodSeconds: 3600, resourceIds: [instance!.id] },
      scope,
      {},
    );

    const [bytesPerSecond] = aggregateMetric(
      instance!.metrics.networkIn,
      start.getTime(),
      end.getTime(),
      3600,
      'Sum',
    );
    const [memoryMax] = aggregateMetric(
      instance!.metrics.memory,
      start.getTime(),
      end.getTime(),
      3600,
      'Maximum',
    );
    expect(network.get(instance!.id)).toBeCloseTo(bytesPerSecond!.value * 60, 2);
    expect(memory.get(instance!.id)).toBeCloseTo(memoryMax!.value, 5);
  });

  it('reads a region with Metrics_Batch and the global scope with Metrics_List, to the same values', async () => {
    const start = new Date(ANCHOR_MS - HOUR_MS);
    const end = new Date(ANCHOR_MS);
    const first = runningSince(1)[0]!;
    const vms = azure(estate.instances).filter(
      (i) =>
        i.account === first.account && i.region === first.region && Date.parse(i.createdTime) < end.getTime(),
    );
    const resourceIds = vms.map((i) => i.id);
    const since = emulator.journal.query().at(-1)?.seq ?? 0;

    for (const metric of ['cpu', 'memory', 'network_in'] as const) {
      const statistic = metric === 'network_in' ? 'sum' : 'avg';
      const request = { metric, statistic, start, end, periodSeconds: 3600, resourceIds } as const;
      const batched = await provider.getMetrics(request, scopeOf(first.account, first.region), {});
      const each = await provider.getMetrics(request, scopeOf(first.account), {});

      expect([...batched.keys()]).toEqual(resourceIds);
      for (const id of resourceIds) {
        expect(batched.get(id)).not.toBeNull();
        expect(batched.get(id)).toBeCloseTo(each.get(id)!, 9);
      }
      for (const instance of vms) {
        const pattern =
          metric === 'cpu'
            ? instance.metrics.cpu
            : metric === 'memory'
              ? instance.metrics.memory
              : instance.metrics.networkIn;
        const [expected] = aggregateMetric(
          pattern,
          start.getTime(),
          end.getTime(),
          3600,
          metric === 'network_in' ? 'Sum' : 'Average',
        );
        // Memory: 100 − Available Memory Percentage; network: bytes per minute summed over the window.
        expect(batched.get(instance.id)).toBeCloseTo(
          metric === 'network_in' ? expected!.value * 60 : expected!.value,
          metric === 'network_in' ? 2 : 5,
        );
      }
    }
    const calls = emulator.journal.query({
      provider: 'azure',
      service: 'Microsoft.Insights',
      sinceSeq: since,
    });
    const batches = calls.filter((entry) => entry.operation === 'Metrics_Batch');
    expect(batches).toHaveLength(3 * Math.ceil(vms.length / 50));
    expect(batches.every((entry) => entry.region === first.region && entry.account === first.account)).toBe(
      true,
    );
    expect(calls.filter((entry) => entry.operation === 'Metrics_List')).toHaveLength(3 * vms.length);
  });

  it('maps a VM deleted meanwhile to null and serves the rest of its batch', async () => {
    const [instance] = runningSince(1);
    const deleted = instance!.id.replace(/[^/]+$/, 'deleted-vm');

    const values = await provider.getMetrics(
      {
        metric: 'cpu',
        statistic: 'max',
        start: new Date(ANCHOR_MS - HOUR_MS),
        end: new Date(ANCHOR_MS),
        periodSeconds: 3600,
        resourceIds: [instance!.id, deleted],
      },
      scopeOf(instance!.account, instance!.region),
      {},
    );

    expect(values.get(instance!.id)).toEqual(expect.any(Number));
    expect(values.get(deleted)).toBeNull();
  });

  it('refuses percentiles', async () => {
    const [instance] = runningSince(1);

    const read = provider.getMetrics(
      {
        metric: 'cpu',
        statistic: 'p95',
        start: new Date(ANCHOR_MS - HOUR_MS),
        end: new Date(ANCHOR_MS),
        periodSeconds: 3600,
        resourceIds: [instance!.id],
      },
      scopeOf(instance!.account),
      {},
    );

    await expect(read).rejects.toMatchObject({ code: 'PLAN_UNSUPPORTED' });
  });
});

describe('audit', () => {
  it('maps Activity Log operations of VMs to verbs', async () => {
    const account = azure(estate.accounts)[0]!.id;
    const start = new Date(ANCHOR_MS - 30 * DAY_MS);
    const end = new Date(ANCHOR_MS);

    const records = await provider.lookupAudit(
      { resource: 'instance', actions: ['create', 'start', 'stop', 'delete', 'modify'], start, end },
      scopeOf(account),
      {},
    );

    const expected = azure(estate.auditEvents).filter(
      (event) =>
        event.account === account &&
        event.resourceType === 'Microsoft.Compute/virtualMachines' &&
        Date.parse(event.time) >= start.getTime() &&
        Date.parse(event.time) < end.getTime(),
    );
    expect(records.map((r) => [r.eventId, r.action, r.resourceId.toLowerCase()]).sort()).toEqual(
      expected.map((e) => [e.id, e.action, e.resourceId.toLowerCase()]).sort(),
    );
    expect(
      records.every((r) => r.resourceType === 'Microsoft.Compute/virtualMachines' && r.region === 'global'),
    ).toBe(true);
  });

  it('keeps only the asked verbs and clamps the window to 90 days', async () => {
    const account = azure(estate.accounts)[0]!.id;
    warnings.length = 0;

    const records = await provider.lookupAudit(
      {
        resource: 'volume',
        actions: ['create'],
        start: new Date(ANCHOR_MS - 200 * DAY_MS),
        end: new Date(ANCHOR_MS),
      },
      scopeOf(account),
      {},
    );

    const expected = azure(estate.auditEvents).filter(
      (e) => e.account === account && e.resourceType === 'Microsoft.Compute/disks' && e.action === 'create',
    );
    expect(lower(records.map((r) => r.eventId))).toEqual(lower(expected.map((e) => e.id)));
    expect(warnings.some((w) => w.includes('90 days'))).toBe(true);
  });
});

describe('faults', () => {
  it.each([
    { kind: 'throttle', code: 'CLOUD_THROTTLED', retryAfterSeconds: 7 },
    { kind: 'denied', code: 'CLOUD_AUTHORIZATION', retryAfterSeconds: undefined },
    { kind: 'unavailable', code: 'CLOUD_UNAVAILABLE', retryAfterSeconds: 1 },
    { kind: 'malformed', code: 'CLOUD_MALFORMED_RESPONSE', retryAfterSeconds: undefined },
  ] as const)('$kind on Disks_List → $code', async ({ kind, code, retryAfterSeconds }) => {
    const fault = emulator.faults.add({
      kind,
      provider: 'azure',
      operation: 'Disks_List',
      maxHits: 1,
      ...(kind === 'throttle' ? { retryAfterSeconds: 7 } : {}),
    });
    const account = azure(estate.accounts)[0]!.id;

    const direct = createProvider(directCallRunner);

    const error = await direct.listResources('volume', scopeOf(account), {}, {}).catch((e: unknown) => e);
    emulator.faults.remove(fault.id);

    expect(error).toBeInstanceOf(SreError);
    expect(error).toMatchObject({ code, details: { provider: 'azure', operation: 'Disks_List' } });
    expect((error as SreError).retryAfterSeconds).toBe(retryAfterSeconds);
    if (kind !== 'malformed') expect((error as SreError).details.requestId).toEqual(expect.any(String));
  });

  it.each([
    { kind: 'throttle', code: 'CLOUD_THROTTLED' },
    { kind: 'denied', code: 'CLOUD_AUTHORIZATION' },
    { kind: 'unavailable', code: 'CLOUD_UNAVAILABLE' },
  ] as const)('$kind on a Log Analytics query → $code', async ({ kind, code }) => {
    const groups = await allLogGroups();
    const fault = emulator.faults.add({ kind, provider: 'azure', operation: 'Query_Execute', maxHits: 1 });

    const error = await createProvider(directCallRunner)
      .searchLogs(
        {
          logGroups: [groups[0]!.id],
          start: new Date(ANCHOR_MS - HOUR_MS),
          end: new Date(ANCHOR_MS),
          limit: 10,
        },
        scopeOf(groups[0]!.account),
        {},
      )
      .catch((e: unknown) => e);
    emulator.faults.remove(fault.id);

    expect(error).toMatchObject({ code });
  });

  it('a retried page resumes at that page instead of restarting the listing', async () => {
    const account = azure(estate.accounts)[0]!.id;
    const vmCount = azure(estate.instances).filter((i) => i.account === account).length;
    const pages = Math.ceil(vmCount / 5);
    let calls = 0;
    const retryOnce: CallRunner = {
      async run<T>(key: CallKey, call: (signal: AbortSignal) => Promise<T>): Promise<T> {
        calls += 1;
        if (key.operation === 'VirtualMachines_ListAll' && calls === 3) {
          emulator.faults.add({
            kind: 'unavailable',
            provider: 'azure',
            operation: 'VirtualMachines_ListAll',
            maxHits: 1,
          });
        }
        try {
          return await call(new AbortController().signal);
        } catch (error) {
          if (error instanceof SreError && error.retryable) return call(new AbortController().signal);
          throw error;
        }
      },
    };
    const before = emulator.journal.query({ provider: 'azure', operation: 'VirtualMachines_ListAll' }).length;

    const records = await createProvider(retryOnce).listResources('instance', scopeOf(account), {}, {});

    expect(records).toHaveLength(vmCount);
    expect(
      emulator.journal.query({ provider: 'azure', operation: 'VirtualMachines_ListAll' }).length - before,
    ).toBe(pages + 1);
  });
});

describe('safety', () => {
  it('never made a call that would change the cloud, nor one the emulator did not know or rejected as invalid', () => {
    const calls = emulator.journal.query({ provider: 'azure' });

    expect(calls.length).toBeGreaterThan(100);
    expect(emulator.journal.query({ provider: 'azure', mutating: true })).toEqual([]);
    expect(calls.filter((call) => call.operation === 'unknown')).toEqual([]);
    expect(calls.filter((call) => call.status === 400 && call.fault === undefined)).toEqual([]);
  });
});

describe('metrics batching at scale', () => {
  let large: Estate;
  let server: RunningEmulator;

  beforeAll(async () => {
    large = generateEstate({ seed: 7, size: 'medium', anchorTime: ANCHOR });
    server = await startEmulator({ estate: large });
  });

  afterAll(async () => {
    await server.close();
  });

  /** Retries a retryable error once (a throttled batch), counting attempts. */
  function retryOnce(attempts: CallKey[]): CallRunner {
    return {
      async run<T>(key: CallKey, call: (signal: AbortSignal) => Promise<T>): Promise<T> {
        attempts.push(key);
        try {
          return await call(new AbortController().signal);
        } catch (error) {
          if (!(error instanceof SreError) || !error.retryable) throw error;
          attempts.push(key);
          return call(new AbortController().signal);
        }
      },
    };
  }

  it('reads N VMs of one subscription and region in ceil(N/50) Metrics_Batch calls; a throttle retries one chunk', async () => {
    const counts = new Map<string, EstateInstance[]>();
    for (const instance of azure(large.instances)) {
      const key = `${instance.account}/${instance.region}`;
      counts.set(key, [...(counts.get(key) ?? []), instance]);
    }
    const vms = [...counts.values()].sort((a, b) => b.length - a.length)[0]!;
    const { account, region } = vms[0]!;
    const attempts: CallKey[] = [];
    const target = createAzureProvider({ endpoint: server.endpoints.azure }, { runner: retryOnce(attempts) });
    server.faults.add({ kind: 'throttle', provider: 'azure', operation: 'Metrics_Batch', maxHits: 1 });
    const since = server.journal.query().at(-1)?.seq ?? 0;
    const start = new Date(ANCHOR_MS - HOUR_MS);
    const end = new Date(ANCHOR_MS);

    const values = await target.getMetrics(
      { metric: 'cpu', statistic: 'avg', start, end, periodSeconds: 3600, resourceIds: vms.map((i) => i.id) },
      scopeOf(account, region),
      {},
    );

    const chunks = Math.ceil(vms.length / 50);
    expect(vms.length).toBeGreaterThan(100);
    const batches = server.journal.query({ provider: 'azure', operation: 'Metrics_Batch', sinceSeq: since });
    expect(batches).toHaveLength(chunks + 1);
    expect(batches.filter((entry) => entry.status === 429)).toHaveLength(1);
    expect(
      server.journal.query({ provider: 'azure', operation: 'Metrics_List', sinceSeq: since }),
    ).toHaveLength(0);
    expect(attempts).toHaveLength(chunks + 1);
    expect(attempts.every((key) => key.operation === 'Metrics_Batch' && key.region === region)).toBe(true);
    for (const instance of vms) {
      const created = Date.parse(instance.createdTime);
      const [expected] = aggregateMetric(
        instance.metrics.cpu,
        Math.max(start.getTime(), created),
        end.getTime(),
        3600,
        'Average',
      );
      if (created >= start.getTime()) continue;
      expect(values.get(instance.id)).toBeCloseTo(expected!.value, 5);
    }
  });
});
