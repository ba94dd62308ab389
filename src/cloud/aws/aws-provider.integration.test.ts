import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { compileFilterPattern } from '../../../emulator/aws/compile-filter-pattern.js';
import { generateEstate } from '../../../emulator/estate/generate-estate.js';
import { logEventsBetween } from '../../../emulator/estate/logs.js';
import { aggregateMetric } from '../../../emulator/estate/metrics.js';
import type { EstateAccount } from '../../../emulator/estate/model.js';
import { type RunningEmulator, startEmulator } from '../../../emulator/server/start-emulator.js';
import { SreError } from '../../core/errors/sre-error.js';
import { executePlan } from '../../core/execute/execute-plan.js';
import { QueryPlanSchema, type QueryPlanInput } from '../../core/plan/query-plan.js';
import { directCallRunner } from '../../core/ports/call-runner.js';
import type { ResourceKind, ScopeTarget } from '../../core/ports/cloud-port.js';
import { createTrace } from '../../core/trace/create-trace.js';
import { type AwsProvider, type AwsProviderSettings, createAwsProvider } from './create-aws-provider.js';
import { isLambdaRuntimeDeprecated } from './lambda-runtime-deprecations.js';

const ANCHOR = '2026-11-20T00:00:00.000Z';
const ANCHOR_MS = Date.parse(ANCHOR);
const HOUR_MS = 3_600_000;
const estate = generateEstate({ seed: 7, size: 'small', anchorTime: ANCHOR });
const awsAccounts = estate.accounts.filter((a) => a.provider === 'aws');
/** Items per page the emulator serves, whatever the client asks: forces paging everywhere. */
const PAGE_CAP = 2;

let emulator: RunningEmulator;
const providers: AwsProvider[] = [];

/** A provider for one estate account (the emulator picks the account from the access key id). */
function providerFor(account: EstateAccount, settings: Partial<AwsProviderSettings> = {}): AwsProvider {
  const provider = createAwsProvider(
    {
      regions: account.regions,
      endpoint: emulator.endpoints.aws,
      credentials: { accessKeyId: `emulator-${account.id}`, secretAccessKey: 'emulator' },
      pageSize: PAGE_CAP,
      ...settings,
    },
    { runner: directCallRunner, now: () => new Date(ANCHOR_MS), warn: () => undefined },
  );
  providers.push(provider);
  return provider;
}

function scopeOf(account: EstateAccount, region: string): ScopeTarget {
  return { provider: 'aws', account: account.id, region };
}

function callsTo(operation: string, sinceSeq: number): number {
  return emulator.journal.query({ provider: 'aws', operation, sinceSeq }).length;
}

function lastSeq(): number {
  return emulator.journal.total();
}

/** The account with the most instances in one region, and that region. */
function busiestScope(): { account: EstateAccount; region: string } {
  const counts = new Map<string, number>();
  for (const instance of estate.instances) {
    if (instance.provider !== 'aws') continue;
    const key = `${instance.account}|${instance.region}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const [key] = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0] ?? ['|'];
  const [accountId, region] = key.split('|') as [string, string];
  return { account: awsAccounts.find((a) => a.id === accountId)!, region };
}

beforeAll(async () => {
  emulator = await startEmulator({ estate, pageSizeCaps: { aws: PAGE_CAP } });
});

afterAll(async () => {
  for (const provider of providers) provider.dispose();
  await emulator.close();
});

beforeEach(() => {
  emulator.faults.clear();
});

describe('AWS adapter against the emulator', () => {
  it('has an estate with several AWS accounts (sanity)', () => {
    expect(awsAccounts.length).toBeGreaterThan(1);
  });

  it('lists one scope per region for the account behind the credentials, asking STS once', async () => {
    const account = awsAccounts[1]!;
    const provider = providerFor(account);
    const since = lastSeq();

    const scopes = await provider.listScopes({});
    await provider.listScopes({});

    expect(scopes).toEqual(account.regions.map((region) => scopeOf(account, region)));
    expect(callsTo('GetCallerIdentity', since)).toBe(1);
  });

  const regionalKinds: readonly {
    kind: ResourceKind;
    operation: string;
    expectedIds: (account: string, region: string) => string[];
  }[] = [
    {
      kind: 'instance',
      operation: 'DescribeInstances',
      expectedIds: (account, region) =>
        estate.instances
          .filter((i) => i.provider === 'aws' && i.account === account && i.region === region)
          .map((i) => i.id),
    },
    {
      kind: 'volume',
      operation: 'DescribeVolumes',
      expectedIds: (account, region) =>
        estate.volumes
          .filter((v) => v.provider === 'aws' && v.account === account && v.region === region)
          .map((v) => v.id),
    },
    {
      kind: 'function',
      operation: 'ListFunctions',
      expectedIds: (account, region) =>
        estate.functions
          .filter((f) => f.provider === 'aws' && f.account === account && f.region === region)
          .map((f) => f.name),
    },
    {
      kind: 'database',
      operation: 'DescribeDBInstances',
      expectedIds: (account, region) =>
        estate.databases
          .filter((d) => d.provider === 'aws' && d.account === account && d.region === region)
          .map((d) => d.id),
    },
    {
      kind: 'log_group',
      operation: 'DescribeLogGroups',
      expectedIds: (account, region) =>
        estate.logGroups
          .filter((g) => g.provider === 'aws' && g.account === account && g.region === region)
          .map((g) => g.id),
    },
  ];

  it.each(regionalKinds)(
    'lists every $kind of every account and region, page by page',
    async ({ kind, operation, expectedIds }) => {
      const since = lastSeq();
      let expectedTotal = 0;
      let minimumPages = 0;

      for (const account of awsAccounts) {
        const provider = providerFor(account);
        for (const region of account.regions) {
          const expected = expectedIds(account.id, region).sort();
          expectedTotal += expected.length;
          minimumPages += Math.max(1, Math.ceil(expected.length / PAGE_CAP));

          const records = await provider.listResources(kind, scopeOf(account, region), {}, {});

          expect(records.map((r) => r.id)).toEqual(expected);
          expect(
            records.every((r) => r.kind === kind && r.account === account.id && r.region === region),
          ).toBe(true);
        }
      }

      expect(expectedTotal).toBeGreaterThan(0);
      expect(callsTo(operation, since)).toBeGreaterThanOrEqual(Math.max(3, minimumPages));
    },
  );

  it('normalizes instances as the estate describes them', async () => {
    const { account, region } = busiestScope();
    const provider = providerFor(account);

    const records = await provider.listResources('instance', scopeOf(account, region), {}, {});

    for (const record of records) {
      const source = estate.instances.find((i) => i.provider === 'aws' && i.id === record.id)!;
      expect(record.name).toBe(source.name);
      expect(record.fields).toMatchObject({
        native_state: source.state,
        type: source.type,
        family: source.type.split('.')[0],
        zone: source.zone,
        launch_time: source.launchTime,
        image_id: source.imageId,
        monitoring: source.monitoring,
        platform: source.platform,
      });
      // Terminated instances lose their addresses, as on AWS.
      if (source.state !== 'terminated') expect(record.fields.private_ip).toBe(source.privateIp);
      expect(record.fields.public_ip).toBe(source.publicIp);
      expect(record.fields).not.toHaveProperty('created_time');
      expect(record.tags).toEqual(source.tags);
    }
  });

  it('pushes state hints down as a filter', async () => {
    const { account, region } = busiestScope();
    const provider = providerFor(account);
    const expected = estate.instances
      .filter(
        (i) =>
          i.provider === 'aws' && i.account === account.id && i.region === region && i.state === 'stopped',
      )
      .map((i) => i.id)
      .sort();

    const records = await provider.listResources(
      'instance',
      scopeOf(account, region),
      { states: ['stopped'] },
      {},
    );

    expect(records.map((r) => r.id)).toEqual(expected);
  });

  it('agrees with the estate on volumes, functions and databases', async () => {
    for (const account of awsAccounts) {
      const provider = providerFor(account);
      for (const region of account.regions) {
        const scope = scopeOf(account, region);
        for (const volume of await provider.listResources('volume', scope, {}, {})) {
          const source = estate.volumes.find((v) => v.provider === 'aws' && v.id === volume.id)!;
          expect(volume.fields).toMatchObject({
            attached: source.attachedTo !== undefined,
            size_gb: source.sizeGb,
            encrypted: source.encrypted,
          });
          expect(volume.fields.attached_to).toBe(source.attachedTo);
        }
        for (const fn of await provider.listResources('function', scope, {}, {})) {
          const source = estate.functions.find(
            (f) =>
              f.provider === 'aws' && f.account === account.id && f.region === region && f.name === fn.id,
          )!;
          expect(fn.fields).toMatchObject({ runtime: source.runtime, memory_mb: source.memoryMb });
          // Judged from AWS's published dates at the estate's "now"; every runtime the estate
          // marks deprecated must be deprecated here too (the estate's labels are static and call
          // nodejs20.x and python3.11 current, though AWS deprecated them in 2026).
          expect(fn.fields.runtime_deprecated).toBe(
            isLambdaRuntimeDeprecated(source.runtime, new Date(ANCHOR_MS)),
          );
          if (source.runtimeDeprecated) expect(fn.fields.runtime_deprecated).toBe(true);
        }
        for (const db of await provider.listResources('database', scope, {}, {})) {
          const source = estate.databases.find((d) => d.provider === 'aws' && d.id === db.id)!;
          expect(db.fields).toMatchObject({
            native_state: source.status,
            engine_version: source.engineVersion,
            type: source.instanceClass,
          });
          // DescribeDBInstances returns TagList: no extra call, tags complete.
          expect(db.tags).toEqual(source.tags);
          expect(db.tagsUnknown).toBeUndefined();
        }
      }
    }
  });

  it('lists the buckets of each account once, each with its own region', async () => {
    const since = lastSeq();
    let total = 0;

    for (const account of awsAccounts) {
      const provider = providerFor(account);
      const expected = estate.buckets
        .filter((b) => b.provider === 'aws' && b.account === account.id)
        .map((b) => [b.id, b.region])
        .sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
      total += expected.length;

      const records = await provider.listResources('bucket', scopeOf(account, 'global'), {}, {});

      expect(records.map((r) => [r.id, r.region])).toEqual(expected);
    }

    expect(total).toBeGreaterThan(0);
    expect(callsTo('ListBuckets', since)).toBeGreaterThanOrEqual(3);
  });

  describe('fields the list APIs do not return', () => {
    const awsBuckets = (account: string) =>
      estate.buckets.filter((b) => b.provider === 'aws' && b.account === account);
    const awsFunctions = (account: string, region: string) =>
      estate.functions.filter((f) => f.provider === 'aws' && f.account === account && f.region === region);
    const hasTag = (tags: Readonly<Record<string, string>>, key: string): boolean =>
      Object.keys(tags).some((k) => k.toLowerCase() === key);

    it('reads public access, encryption, versioning and tags of every bucket as the estate has them', async () => {
      let compared = 0;
      for (const account of awsAccounts) {
        const provider = providerFor(account);

        const records = await provider.listResources(
          'bucket',
          scopeOf(account, 'global'),
          { fields: ['encrypted', 'public', 'tags', 'versioning'] },
          {},
        );

        for (const record of records) {
          const source = awsBuckets(account.id).find((b) => b.id === record.id)!;
          expect(record.fields).toMatchObject({
            public: source.publicAccess,
            encrypted: source.encrypted,
            versioning: source.versioning,
          });
          expect(record.tags).toEqual(source.tags);
          expect(record.tagsUnknown).toBeUndefined();
          compared += 1;
        }
      }

      expect(compared).toBe(estate.buckets.filter((b) => b.provider === 'aws').length);
    });

    it('reads function tags with one ListTags call per function, only when the plan needs tags', async () => {
      const account = awsAccounts.find((a) => a.regions.some((r) => awsFunctions(a.id, r).length > 1))!;
      const region = account.regions.find((r) => awsFunctions(account.id, r).length > 1)!;
      const provider = providerFor(account);
      const scope = scopeOf(account, region);
      const beforeUntagged = lastSeq();

      const untagged = await provider.listResources('function', scope, { fields: ['runtime'] }, {});
      const afterUntagged = lastSeq();
      const tagged = await provider.listResources('function', scope, { fields: ['tags'] }, {});

      expect(callsTo('ListTags', beforeUntagged) - callsTo('ListTags', afterUntagged)).toBe(0);
      expect(callsTo('ListTags', afterUntagged)).toBe(awsFunctions(account.id, region).length);
      expect(untagged.every((r) => r.tagsUnknown === true)).toBe(true);
      for (const record of tagged) {
        const source = awsFunctions(account.id, region).find((f) => f.name === record.id)!;
        expect(record.tags).toEqual(source.tags);
        expect(record.tagsUnknown).toBeUndefined();
      }
    });

    it('makes no per-bucket call when the plan needs no bucket detail', async () => {
      const account = awsAccounts[0]!;
      const provider = providerFor(account);
      const since = lastSeq();

      const records = await provider.listResources('bucket', scopeOf(account, 'global'), {}, {});

      expect(records.length).toBeGreaterThan(0);
      expect(records.every((r) => r.tagsUnknown === true && !('public' in r.fields))).toBe(true);
      for (const operation of [
        'GetBucketTagging',
        'GetPublicAccessBlock',
        'GetBucketPolicyStatus',
        'GetBucketEncryption',
        'GetBucketVersioning',
      ]) {
        expect(callsTo(operation, since)).toBe(0);
      }
    });

    /** Runs a plan through the executor against each AWS account, one adapter per account. */
    async function askEveryAccount(input: Omit<QueryPlanInput, 'version'>) {
      const plan = QueryPlanSchema.parse({ version: 1, ...input });
      const ids: string[] = [];
      const warnings: string[] = [];
      for (const account of awsAccounts) {
        const result = await executePlan(plan, {
          providers: new Map([['aws', providerFor(account)]]),
          defaultProviders: ['aws'],
          now: new Date(ANCHOR_MS),
          concurrency: 4,
          logEventLimit: 100,
          trace: createTrace({ now: () => 0, requestId: 'integration' }),
        });
        expect(result.coverage.every((c) => c.status === 'ok')).toBe(true);
        ids.push(...result.rows.map((r) => r.id as string));
        warnings.push(...result.warnings);
      }
      return { ids: ids.sort(), warnings };
    }

    it.each([
      {
        question: 'public buckets',
        input: { action: 'list', resource: 'bucket', filters: [{ field: 'public', op: 'eq', value: true }] },
        expected: () => estate.buckets.filter((b) => b.provider === 'aws' && b.publicAccess).map((b) => b.id),
      },
      {
        question: 'unencrypted buckets',
        input: {
          action: 'list',
          resource: 'bucket',
          filters: [{ field: 'encrypted', op: 'eq', value: false }],
        },
        expected: () => estate.buckets.filter((b) => b.provider === 'aws' && !b.encrypted).map((b) => b.id),
      },
      {
        question: 'buckets without versioning and without an owner tag',
        input: {
          action: 'list',
          resource: 'bucket',
          filters: [
            { field: 'versioning', op: 'ne', value: true },
            { field: 'tag:owner', op: 'not_exists' },
          ],
        },
        expected: () =>
          estate.buckets
            .filter((b) => b.provider === 'aws' && !b.versioning && !hasTag(b.tags, 'owner'))
            .map((b) => b.id),
      },
      {
        question: 'functions without an owner tag',
        input: { action: 'list', resource: 'function', filters: [{ field: 'tag:Owner', op: 'not_exists' }] },
        expected: () =>
          estate.functions.filter((f) => f.provider === 'aws' && !hasTag(f.tags, 'owner')).map((f) => f.name),
      },
    ] satisfies readonly {
      question: string;
      input: Omit<QueryPlanInput, 'version'>;
      expected: () => string[];
    }[])('answers $question exactly as the estate has it', async ({ input, expected }) => {
      const truth = expected().sort();

      const { ids, warnings } = await askEveryAccount(input);

      expect(truth.length).toBeGreaterThan(0);
      expect(ids).toEqual(truth);
      expect(warnings).toEqual([]);
    });

    it('excludes functions whose tags are denied, with a warning, instead of calling them untagged', async () => {
      emulator.faults.add({ kind: 'denied', provider: 'aws', service: 'lambda', operation: 'ListTags' });

      const { ids, warnings } = await askEveryAccount({
        action: 'list',
        resource: 'function',
        filters: [{ field: 'tag:owner', op: 'not_exists' }],
      });

      expect(ids).toEqual([]);
      expect(warnings.length).toBeGreaterThan(0);
      expect(warnings.every((w) => w.startsWith('AWS: tags could not be read'))).toBe(true);
    });
  });

  describe('metrics', () => {
    const window = { start: new Date(ANCHOR_MS - HOUR_MS), end: new Date(ANCHOR_MS), periodSeconds: 3600 };
    /** The emulator's page cap would also cap MaxDatapoints: metrics get an emulator without one. */
    let uncapped: RunningEmulator;

    beforeAll(async () => {
      uncapped = await startEmulator({ estate });
    });

    afterAll(async () => {
      await uncapped.close();
    });

    function metricsProviderFor(account: EstateAccount): AwsProvider {
      return providerFor(account, { endpoint: uncapped.endpoints.aws });
    }

    /** When the emulator stops an instance's metrics: its last stop/terminate event, else its launch. */
    function activityEnd(instance: (typeof estate.instances)[number]): number {
      if (instance.state !== 'stopped' && instance.state !== 'terminated') return ANCHOR_MS;
      const stops = estate.auditEvents
        .filter(
          (e) =>
            e.resourceId === instance.id &&
            (e.operation === 'StopInstances' || e.operation === 'TerminateInstances'),
        )
        .map((e) => Date.parse(e.time));
      return stops.length > 0 ? Math.max(...stops) : Date.parse(instance.launchTime);
    }

    it('batches 1200 resources into 3 GetMetricData calls with the estate values', async () => {
      const { account, region } = busiestScope();
      const provider = metricsProviderFor(account);
      const instances = estate.instances.filter(
        (i) => i.provider === 'aws' && i.account === account.id && i.region === region,
      );
      const ids = [...instances.map((i) => i.id)];
      for (let n = 0; ids.length < 1200; n++) ids.push(`i-absent${String(n).padStart(10, '0')}`);
      const since = uncapped.journal.total();

      const values = await provider.getMetrics(
        { metric: 'cpu', statistic: 'max', resourceIds: ids, ...window },
        scopeOf(account, region),
        {},
      );

      expect(
        uncapped.journal.query({ provider: 'aws', operation: 'GetMetricData', sinceSeq: since }),
      ).toHaveLength(3);
      expect(values.size).toBe(1200);
      const compared = instances.filter(
        (i) => i.state === 'running' && i.monitoring && Date.parse(i.createdTime) < window.start.getTime(),
      );
      expect(compared.length).toBeGreaterThan(0);
      for (const instance of compared) {
        const [point] = aggregateMetric(
          instance.metrics.cpu,
          window.start.getTime(),
          window.end.getTime(),
          3600,
          'Maximum',
        );
        expect(values.get(instance.id)).toBe(point?.value);
      }
      for (const id of ids.slice(instances.length)) expect(values.get(id)).toBeNull();
    });

    it('returns the hourly average of running instances and nothing for stopped ones', async () => {
      const { account, region } = busiestScope();
      const provider = metricsProviderFor(account);
      const instances = estate.instances.filter(
        (i) => i.provider === 'aws' && i.account === account.id && i.region === region,
      );

      const values = await provider.getMetrics(
        { metric: 'memory', statistic: 'avg', resourceIds: instances.map((i) => i.id), ...window },
        scopeOf(account, region),
        {},
      );

      for (const instance of instances) {
        if (instance.state === 'running' && Date.parse(instance.createdTime) < window.start.getTime()) {
          const [point] = aggregateMetric(
            instance.metrics.memory,
            window.start.getTime(),
            window.end.getTime(),
            3600,
            'Average',
          );
          expect(values.get(instance.id)).toBeCloseTo(point!.value, 4);
        }
        if (activityEnd(instance) <= window.start.getTime()) expect(values.get(instance.id)).toBeNull();
      }
    });
  });

  describe('logs', () => {
    const start = new Date(ANCHOR_MS - 6 * HOUR_MS);
    const end = new Date(ANCHOR_MS);
    const errorFilter = compileFilterPattern('?ERROR ?Error ?error');

    /** A log group with enough error events in the window to test truncation. */
    function busyGroup() {
      const candidates = estate.logGroups
        .filter((g) => g.provider === 'aws')
        .map((group) => ({
          group,
          events: logEventsBetween(group, start.getTime(), end.getTime(), {
            filter: (e) => errorFilter(e.message),
          }),
        }))
        .filter((c) => c.events.length >= 5 && c.events.length < 1000);
      return candidates[0]!;
    }

    it('finds exactly the error events of a log group, across pages', async () => {
      const { group, events } = busyGroup();
      const account = awsAccounts.find((a) => a.id === group.account)!;
      const provider = providerFor(account);
      const since = lastSeq();

      const result = await provider.searchLogs(
        { logGroups: [group.id], start, end, level: 'error', limit: 1000 },
        scopeOf(account, group.region),
        {},
      );

      expect(result.truncated).toBe(false);
      expect(result.events.map((e) => e.eventId).sort()).toEqual(events.map((e) => e.eventId).sort());
      expect(result.events.every((e) => e.logGroup === group.id && e.account === group.account)).toBe(true);
      expect(callsTo('FilterLogEvents', since)).toBeGreaterThanOrEqual(3);
    });

    it('reports truncation only when more events exist', async () => {
      const { group, events } = busyGroup();
      const account = awsAccounts.find((a) => a.id === group.account)!;
      const provider = providerFor(account);
      const scope = scopeOf(account, group.region);
      const request = { logGroups: [group.id], start, end, level: 'error' as const };

      const exact = await provider.searchLogs({ ...request, limit: events.length }, scope, {});
      const cut = await provider.searchLogs({ ...request, limit: events.length - 2 }, scope, {});

      expect(exact.truncated).toBe(false);
      expect(exact.events).toHaveLength(events.length);
      expect(cut.truncated).toBe(true);
      expect(cut.events.map((e) => e.eventId)).toEqual(
        events.slice(0, events.length - 2).map((e) => e.eventId),
      );
    });

    it('fails with CLOUD_NOT_FOUND for an unknown log group', async () => {
      const account = awsAccounts[0]!;
      const provider = providerFor(account);

      const search = provider.searchLogs(
        { logGroups: ['/no/such/group'], start, end, limit: 10 },
        scopeOf(account, account.regions[0]!),
        {},
      );

      await expect(search).rejects.toMatchObject({
        code: 'CLOUD_NOT_FOUND',
        message: expect.stringContaining('/no/such/group') as string,
      });
    });
  });

  it('looks up the audit trail of instances as the estate recorded it', async () => {
    const { account, region } = busiestScope();
    const provider = providerFor(account);
    const start = new Date(ANCHOR_MS - 30 * 24 * HOUR_MS);
    const operations = [
      'RunInstances',
      'StartInstances',
      'StopInstances',
      'TerminateInstances',
      'ModifyInstanceAttribute',
    ];
    const expected = estate.auditEvents.filter(
      (e) =>
        e.provider === 'aws' &&
        e.account === account.id &&
        e.region === region &&
        operations.includes(e.operation) &&
        Date.parse(e.time) >= start.getTime() &&
        Date.parse(e.time) < ANCHOR_MS,
    );
    const since = lastSeq();

    const records = await provider.lookupAudit(
      {
        resource: 'instance',
        actions: ['create', 'start', 'stop', 'delete', 'modify'],
        start,
        end: new Date(ANCHOR_MS),
      },
      scopeOf(account, region),
      {},
    );

    expect(expected.length).toBeGreaterThan(0);
    expect(records.map((r) => [r.eventId, r.operation, r.action, r.resourceId, r.actor]).sort()).toEqual(
      expected.map((e) => [e.id, e.operation, e.action, e.resourceId, e.actor]).sort(),
    );
    expect(
      emulator.journal
        .query({ provider: 'aws', operation: 'LookupEvents', sinceSeq: since })
        .every((e) => e.service === 'cloudtrail'),
    ).toBe(true);
  });

  describe('faults', () => {
    const cases = [
      { fault: 'throttle', service: 'ec2', kind: 'instance', code: 'CLOUD_THROTTLED' },
      { fault: 'throttle', service: 'lambda', kind: 'function', code: 'CLOUD_THROTTLED' },
      { fault: 'throttle', service: 'rds', kind: 'database', code: 'CLOUD_THROTTLED' },
      { fault: 'throttle', service: 'logs', kind: 'log_group', code: 'CLOUD_THROTTLED' },
      { fault: 'throttle', service: 's3', kind: 'bucket', code: 'CLOUD_THROTTLED' },
      { fault: 'denied', service: 'ec2', kind: 'volume', code: 'CLOUD_AUTHORIZATION' },
      { fault: 'denied', service: 'lambda', kind: 'function', code: 'CLOUD_AUTHORIZATION' },
      { fault: 'denied', service: 'logs', kind: 'log_group', code: 'CLOUD_AUTHORIZATION' },
      { fault: 'denied', service: 's3', kind: 'bucket', code: 'CLOUD_AUTHORIZATION' },
      { fault: 'unavailable', service: 'ec2', kind: 'instance', code: 'CLOUD_UNAVAILABLE' },
      { fault: 'unavailable', service: 'rds', kind: 'database', code: 'CLOUD_UNAVAILABLE' },
      { fault: 'unavailable', service: 'lambda', kind: 'function', code: 'CLOUD_UNAVAILABLE' },
      { fault: 'region_down', service: 'ec2', kind: 'instance', code: 'CLOUD_UNAVAILABLE' },
      { fault: 'malformed', service: 'ec2', kind: 'instance', code: 'CLOUD_MALFORMED_RESPONSE' },
      { fault: 'malformed', service: 'lambda', kind: 'function', code: 'CLOUD_MALFORMED_RESPONSE' },
      { fault: 'malformed', service: 'rds', kind: 'database', code: 'CLOUD_MALFORMED_RESPONSE' },
      { fault: 'malformed', service: 'logs', kind: 'log_group', code: 'CLOUD_MALFORMED_RESPONSE' },
      { fault: 'malformed', service: 's3', kind: 'bucket', code: 'CLOUD_MALFORMED_RESPONSE' },
    ] as const;

    it.each(cases)('maps an injected $fault on $service to $code', async ({ fault, service, kind, code }) => {
      const account = awsAccounts[0]!;
      const provider = providerFor(account);
      emulator.faults.add({ kind: fault, provider: 'aws', service });
      const scope = scopeOf(account, kind === 'bucket' ? 'global' : account.regions[0]!);

      const error: unknown = await provider.listResources(kind, scope, {}, {}).then(
        () => undefined,
        (caught: unknown) => caught,
      );

      expect(error).toBeInstanceOf(SreError);
      expect(error).toMatchObject({ code, details: { provider: 'aws' } });
    });

    it.each([
      ['throttle', 'CLOUD_THROTTLED'],
      ['denied', 'CLOUD_AUTHORIZATION'],
      ['unavailable', 'CLOUD_UNAVAILABLE'],
      ['malformed', 'CLOUD_MALFORMED_RESPONSE'],
    ] as const)('maps an injected %s on CloudWatch and CloudTrail to %s', async (fault, code) => {
      const { account, region } = busiestScope();
      const provider = providerFor(account);
      emulator.faults.add({ kind: fault, provider: 'aws', service: 'monitoring' });
      emulator.faults.add({ kind: fault, provider: 'aws', service: 'cloudtrail' });
      const scope = scopeOf(account, region);

      const metrics = provider.getMetrics(
        {
          metric: 'cpu',
          statistic: 'avg',
          resourceIds: ['i-1'],
          start: new Date(ANCHOR_MS - HOUR_MS),
          end: new Date(ANCHOR_MS),
          periodSeconds: 3600,
        },
        scope,
        {},
      );
      const audit = provider.lookupAudit(
        {
          resource: 'instance',
          actions: ['create'],
          start: new Date(ANCHOR_MS - HOUR_MS),
          end: new Date(ANCHOR_MS),
        },
        scope,
        {},
      );

      await expect(metrics).rejects.toMatchObject({ code });
      await expect(audit).rejects.toMatchObject({ code });
    });

    it('carries the Retry-After hint of a throttled Lambda call', async () => {
      const account = awsAccounts[0]!;
      const provider = providerFor(account);
      emulator.faults.add({ kind: 'throttle', provider: 'aws', service: 'lambda', retryAfterSeconds: 7 });

      const listing = provider.listResources('function', scopeOf(account, account.regions[0]!), {}, {});

      await expect(listing).rejects.toMatchObject({ code: 'CLOUD_THROTTLED', retryAfterSeconds: 7 });
    });

    it('reports an unreachable endpoint', async () => {
      const account = awsAccounts[0]!;
      const provider = providerFor(account, { endpoint: 'http://127.0.0.1:9' });

      const listing = provider.listResources('instance', scopeOf(account, account.regions[0]!), {}, {});

      await expect(listing).rejects.toMatchObject({ code: 'CLOUD_UNREACHABLE' });
    });
  });
});
