import { describe, expect, it } from 'vitest';
import { SreError } from '../errors/sre-error.js';
import type {
  CloudProvider,
  ListHints,
  ResourceKind,
  ResourceRecord,
  ScopeTarget,
} from '../ports/cloud-port.js';
import { QueryPlanSchema, type PlanFilter, type QueryPlanInput } from '../plan/query-plan.js';
import { createTrace } from '../trace/create-trace.js';
import { executePlan, type ExecuteDeps } from './execute-plan.js';

const NOW = new Date('2026-11-25T12:02:30.000Z');

function instance(
  id: string,
  region: string,
  fields: Record<string, string | number | boolean>,
  tags: Record<string, string> = {},
): ResourceRecord {
  return {
    provider: 'aws',
    kind: 'instance',
    id,
    name: tags.Name ?? '',
    account: '111111111111',
    region,
    tags,
    fields,
  };
}

const RECORDS: ResourceRecord[] = [
  instance('i-3', 'us-east-1', { state: 'running', type: 't3.micro' }, { env: 'prod' }),
  instance('i-1', 'us-east-1', { state: 'stopped', type: 'm5.large' }, { env: 'dev', owner: 'ann' }),
  instance('i-2', 'eu-west-1', { state: 'running', type: 't3.large' }, {}),
  instance('i-4', 'eu-west-1', { state: 'running', type: 't3.micro' }, { env: 'prod', owner: 'bob' }),
];

interface FakeOptions {
  failRegion?: { region: string; error: SreError };
  metrics?: Record<string, number>;
  records?: readonly ResourceRecord[];
}

function fakeAws(
  options: FakeOptions = {},
): CloudProvider & { metricCalls: ScopeTarget[]; listHints: ListHints[] } {
  const metricCalls: ScopeTarget[] = [];
  const listHints: ListHints[] = [];
  const records = options.records ?? RECORDS;
  return {
    provider: 'aws',
    metricCalls,
    listHints,
    listScopes: () =>
      Promise.resolve([
        { provider: 'aws', account: '111111111111', region: 'us-east-1' },
        { provider: 'aws', account: '111111111111', region: 'eu-west-1' },
      ]),
    serviceFor: (kind) => (kind === 'metrics' ? 'cloudwatch' : kind === 'instance' ? 'ec2' : kind),
    isGlobal: (kind: ResourceKind) => kind === 'bucket',
    listResources: (_kind, scope, hints) => {
      listHints.push(hints);
      if (options.failRegion?.region === scope.region) return Promise.reject(options.failRegion.error);
      return Promise.resolve(records.filter((r) => scope.region === 'global' || r.region === scope.region));
    },
    getMetrics: (request, scope) => {
      metricCalls.push(scope);
      return Promise.resolve(new Map(request.resourceIds.map((id) => [id, options.metrics?.[id] ?? null])));
    },
    searchLogs: () => Promise.resolve({ events: [], truncated: false }),
    lookupAudit: () => Promise.resolve([]),
  };
}

function deps(provider: CloudProvider): ExecuteDeps {
  return {
    providers: new Map([['aws', provider]]),
    defaultProviders: ['aws'],
    now: NOW,
    concurrency: 4,
    logEventLimit: 100,
    trace: createTrace({ now: () => 0, requestId: 'r1' }),
  };
}

const plan = (input: Omit<QueryPlanInput, 'version'>) => QueryPlanSchema.parse({ version: 1, ...input });

describe('executePlan', () => {
  it('lists matching records in a deterministic order with full coverage', async () => {
    const result = await executePlan(
      plan({
        action: 'list',
        resource: 'instance',
        filters: [{ field: 'state', op: 'eq', value: 'running' }],
      }),
      deps(fakeAws()),
    );

    expect(result.rows.map((r) => r.id)).toEqual(['i-2', 'i-4', 'i-3']);
    expect(result.count).toBe(3);
    expect(result.coverage.map((c) => `${c.region}:${c.status}`)).toEqual(['eu-west-1:ok', 'us-east-1:ok']);
  });

  it('isolates a failing region into coverage and keeps the other rows', async () => {
    const denied = new SreError('CLOUD_AUTHORIZATION', 'not authorized for ec2:DescribeInstances');

    const result = await executePlan(
      plan({ action: 'list', resource: 'instance' }),
      deps(fakeAws({ failRegion: { region: 'eu-west-1', error: denied } })),
    );

    expect(result.rows.map((r) => r.id)).toEqual(['i-1', 'i-3']);
    expect(result.coverage).toContainEqual(
      expect.objectContaining({ region: 'eu-west-1', status: 'denied', errorCode: 'CLOUD_AUTHORIZATION' }),
    );
  });

  it('counts tags present and missing, case-insensitively on the key', async () => {
    const result = await executePlan(
      plan({ action: 'count', resource: 'instance', filters: [{ field: 'tag:Owner', op: 'not_exists' }] }),
      deps(fakeAws()),
    );

    expect(result.count).toBe(2);
    expect(result.rows).toEqual([]);
  });

  it('groups by a field, largest group first then by key', async () => {
    const result = await executePlan(
      plan({ action: 'group', resource: 'instance', groupBy: ['type'] }),
      deps(fakeAws()),
    );

    expect(result.groups).toEqual([
      { key: 't3.micro', count: 2 },
      { key: 'm5.large', count: 1 },
      { key: 't3.large', count: 1 },
    ]);
  });

  it('applies a metric threshold over an aligned window, one metric call per scope', async () => {
    const provider = fakeAws({ metrics: { 'i-2': 91.5, 'i-3': 40, 'i-4': 80.01 } });

    const result = await executePlan(
      plan({
        action: 'metrics',
        resource: 'instance',
        metric: { name: 'cpu', statistic: 'avg', op: 'gt', threshold: 80, unit: 'percent' },
        timeRange: { kind: 'relative', amount: 1, unit: 'hour' },
      }),
      deps(provider),
    );

    expect(result.rows.map((r) => [r.id, r.metric])).toEqual([
      ['i-2', 91.5],
      ['i-4', 80.01],
    ]);
    expect(result.metricWindow).toMatchObject({
      start: '2026-11-25T11:00:00.000Z',
      end: '2026-11-25T12:00:00.000Z',
    });
    expect(provider.metricCalls).toHaveLength(2);
  });

  it('limits rows but reports the full count', async () => {
    const result = await executePlan(
      plan({ action: 'list', resource: 'instance', sort: [{ field: 'type', direction: 'asc' }], limit: 2 }),
      deps(fakeAws()),
    );

    expect(result.rows.map((r) => r.id)).toEqual(['i-1', 'i-2']);
    expect(result.count).toBe(4);
    expect(result.warnings.join(' ')).toContain('first 2 of 4');
  });

  it('skips a provider that is not configured and fails when none is left', async () => {
    const run = executePlan(
      plan({ action: 'list', resource: 'instance', scope: { providers: ['gcp'] } }),
      deps(fakeAws()),
    );

    await expect(run).rejects.toMatchObject({ code: 'PROVIDER_NOT_CONFIGURED' });
  });

  it('reads only the regions a zone filter implies', async () => {
    const result = await executePlan(
      plan({
        action: 'list',
        resource: 'instance',
        filters: [{ field: 'zone', op: 'eq', value: 'eu-west-1a' }],
      }),
      deps(fakeAws()),
    );

    expect(result.coverage.map((c) => c.region)).toEqual(['eu-west-1']);
  });

  describe('fields an adapter could not read', () => {
    function fn(id: string, tags: Record<string, string> | 'unknown'): ResourceRecord {
      return {
        provider: 'aws',
        kind: 'function',
        id,
        name: id,
        account: '111111111111',
        region: 'us-east-1',
        tags: tags === 'unknown' ? {} : tags,
        fields: {},
        ...(tags === 'unknown' ? { tagsUnknown: true } : {}),
      };
    }
    function bucket(id: string, isPublic: boolean | null): ResourceRecord {
      return {
        provider: 'aws',
        kind: 'bucket',
        id,
        name: id,
        account: '111111111111',
        region: 'us-east-1',
        tags: {},
        fields: { public: isPublic },
      };
    }

    it('asks the adapter for the fields the plan filters, groups and sorts on', async () => {
      const provider = fakeAws();

      await executePlan(
        plan({
          action: 'list',
          resource: 'instance',
          filters: [{ field: 'tag:Owner', op: 'not_exists' }],
          groupBy: ['family'],
          sort: [{ field: 'launch_time', direction: 'desc' }],
        }),
        deps(provider),
      );

      expect(provider.listHints).toEqual([
        { fields: ['family', 'launch_time', 'tags', 'type'] },
        { fields: ['family', 'launch_time', 'tags', 'type'] },
      ]);
    });

    it('leaves out functions whose tags are unknown from "without an owner tag", with one warning', async () => {
      const records = [
        fn('f-owned', { owner: 'ann' }),
        fn('f-bare', {}),
        fn('f-unknown-1', 'unknown'),
        fn('f-unknown-2', 'unknown'),
      ];

      const result = await executePlan(
        plan({ action: 'list', resource: 'function', filters: [{ field: 'tag:owner', op: 'not_exists' }] }),
        deps(fakeAws({ records })),
      );

      expect(result.rows.map((r) => r.id)).toEqual(['f-bare']);
      expect(result.warnings).toEqual([
        'AWS: tags could not be read for 2 of 4 functions (access denied or not supported); they are left out of the answer rather than guessed.',
      ]);
    });

    it.each<{ filter: PlanFilter; expected: string[] }>([
      { filter: { field: 'public', op: 'eq', value: true }, expected: ['b-public'] },
      { filter: { field: 'public', op: 'ne', value: true }, expected: ['b-private'] },
      { filter: { field: 'public', op: 'not_exists' }, expected: [] },
      { filter: { field: 'public', op: 'not_in', value: ['true'] }, expected: ['b-private'] },
    ])('never matches an unreadable public flag with $filter.op', async ({ filter, expected }) => {
      const records = [bucket('b-public', true), bucket('b-private', false), bucket('b-denied', null)];

      const result = await executePlan(
        plan({ action: 'list', resource: 'bucket', filters: [filter] }),
        deps(fakeAws({ records })),
      );

      expect(result.rows.map((r) => r.id)).toEqual(expected);
      expect(result.warnings).toHaveLength(1);
      expect(result.warnings[0]).toContain('public could not be read for 1 of 3 buckets');
    });

    it('groups unreadable values as (unknown) and warns once', async () => {
      const records = [bucket('b-1', true), bucket('b-2', null), bucket('b-3', null)];

      const result = await executePlan(
        plan({ action: 'group', resource: 'bucket', groupBy: ['public'] }),
        deps(fakeAws({ records })),
      );

      expect(result.groups).toEqual([
        { key: '(unknown)', count: 2 },
        { key: 'true', count: 1 },
      ]);
      expect(result.warnings).toEqual([expect.stringContaining('grouped as "(unknown)"') as string]);
    });

    it('says nothing when every field the plan needs was read', async () => {
      const records = [bucket('b-1', true), bucket('b-2', false)];

      const result = await executePlan(
        plan({ action: 'list', resource: 'bucket', filters: [{ field: 'public', op: 'eq', value: true }] }),
        deps(fakeAws({ records })),
      );

      expect(result.rows.map((r) => r.id)).toEqual(['b-1']);
      expect(result.warnings).toEqual([]);
    });
  });
});
