import { describe, expect, it } from 'vitest';
import { SreError } from '../errors/sre-error.js';
import type { CloudProvider, ResourceKind, ResourceRecord, ScopeTarget } from '../ports/cloud-port.js';
import { QueryPlanSchema, type QueryPlanInput } from '../plan/query-plan.js';
import { createTrace } from '../trace/create-trace.js';
import { executePlan, type ExecuteDeps } from './execute-plan.js';

const NOW = new Date('2026-11-25T12:02:30.000Z');

function instance(id: string, region: string, fields: Record<string, string | number | boolean>, tags: Record<string, string> = {}): ResourceRecord {
  return { provider: 'aws', kind: 'instance', id, name: tags.Name ?? '', account: '111111111111', region, tags, fields };
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
}

function fakeAws(options: FakeOptions = {}): CloudProvider & { metricCalls: ScopeTarget[] } {
  const metricCalls: ScopeTarget[] = [];
  return {
    provider: 'aws',
    metricCalls,
    listScopes: () =>
      Promise.resolve([
        { provider: 'aws', account: '111111111111', region: 'us-east-1' },
        { provider: 'aws', account: '111111111111', region: 'eu-west-1' },
      ]),
    serviceFor: (kind) => (kind === 'metrics' ? 'cloudwatch' : kind === 'instance' ? 'ec2' : String(kind)),
    isGlobal: (kind: ResourceKind) => kind === 'bucket',
    listResources: (_kind, scope) => {
      if (options.failRegion?.region === scope.region) return Promise.reject(options.failRegion.error);
      return Promise.resolve(RECORDS.filter((r) => r.region === scope.region));
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
      plan({ action: 'list', resource: 'instance', filters: [{ field: 'state', op: 'eq', value: 'running' }] }),
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
    const result = await executePlan(plan({ action: 'group', resource: 'instance', groupBy: ['type'] }), deps(fakeAws()));

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
    expect(result.metricWindow).toMatchObject({ start: '2026-11-25T11:00:00.000Z', end: '2026-11-25T12:00:00.000Z' });
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
    const run = executePlan(plan({ action: 'list', resource: 'instance', scope: { providers: ['gcp'] } }), deps(fakeAws()));

    await expect(run).rejects.toMatchObject({ code: 'PROVIDER_NOT_CONFIGURED' });
  });

  it('reads only the regions a zone filter implies', async () => {
    const result = await executePlan(
      plan({ action: 'list', resource: 'instance', filters: [{ field: 'zone', op: 'eq', value: 'eu-west-1a' }] }),
      deps(fakeAws()),
    );

    expect(result.coverage.map((c) => c.region)).toEqual(['eu-west-1']);
  });
});
