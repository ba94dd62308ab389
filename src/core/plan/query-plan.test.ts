import { describe, expect, it } from 'vitest';

import { canonicalizePlan, fingerprintPlan, QueryPlanSchema, type QueryPlanInput } from './query-plan.js';

const BASE: QueryPlanInput = {
  version: 1,
  action: 'metrics',
  resource: 'instance',
  scope: { providers: ['aws'], accounts: [], regions: ['us-east-1'], resourceGroups: [], regionGroups: [] },
  filters: [{ field: 'state', op: 'eq', value: 'running' }],
  metric: { name: 'cpu', statistic: 'avg', op: 'gt', threshold: 80, unit: 'percent' },
  timeRange: { kind: 'relative', amount: 1, unit: 'hour' },
  groupBy: [],
  sort: [],
};

describe('QueryPlanSchema', () => {
  it('fills defaults for scope, filters, groupBy and sort', () => {
    const plan = QueryPlanSchema.parse({ version: 1, action: 'list', resource: 'volume' });

    expect(plan.scope).toEqual({
      providers: [],
      accounts: [],
      regions: [],
      resourceGroups: [],
      regionGroups: [],
    });
    expect(plan.filters).toEqual([]);
    expect(plan.groupBy).toEqual([]);
    expect(plan.sort).toEqual([]);
  });

  it.each([
    ['exists with a value', { field: 'tag:owner', op: 'exists', value: 'x' }],
    ['eq without a value', { field: 'state', op: 'eq' }],
    ['in with a scalar', { field: 'state', op: 'in', value: 'running' }],
    ['an unknown field', { field: 'colour', op: 'eq', value: 'red' }],
    ['an empty tag key', { field: 'tag:', op: 'exists' }],
  ])('rejects a filter with %s', (_name, filter) => {
    const result = QueryPlanSchema.safeParse({
      version: 1,
      action: 'list',
      resource: 'instance',
      filters: [filter],
    });

    expect(result.success).toBe(false);
  });

  it('accepts tag fields with any key', () => {
    const result = QueryPlanSchema.safeParse({
      version: 1,
      action: 'list',
      resource: 'instance',
      filters: [{ field: 'tag:cost-center', op: 'not_exists' }],
    });

    expect(result.success).toBe(true);
  });

  it('rejects another version', () => {
    expect(QueryPlanSchema.safeParse({ version: 2, action: 'list', resource: 'instance' }).success).toBe(
      false,
    );
  });
});

describe('canonicalizePlan', () => {
  it('sorts keys recursively and keeps array order', () => {
    const canonical = canonicalizePlan(BASE);

    expect(
      canonical.startsWith(
        '{"action":"metrics","filters":[{"field":"state","op":"eq","value":"running"}],"groupBy":[]',
      ),
    ).toBe(true);
    expect(canonical).toContain(
      '"metric":{"name":"cpu","op":"gt","statistic":"avg","threshold":80,"unit":"percent"}',
    );
  });

  it('gives the same text whatever the key order or omitted defaults', () => {
    const reordered: QueryPlanInput = {
      timeRange: { unit: 'hour', amount: 1, kind: 'relative' },
      metric: { unit: 'percent', threshold: 80, op: 'gt', statistic: 'avg', name: 'cpu' },
      filters: [{ value: 'running', op: 'eq', field: 'state' }],
      scope: { regions: ['us-east-1'], providers: ['aws'] },
      resource: 'instance',
      action: 'metrics',
      version: 1,
    };

    expect(canonicalizePlan(reordered)).toBe(canonicalizePlan(BASE));
  });

  it('throws on an invalid plan', () => {
    expect(() =>
      canonicalizePlan({ version: 1, action: 'list', resource: 'server' } as unknown as QueryPlanInput),
    ).toThrow();
  });
});

describe('fingerprintPlan', () => {
  it('is a sha256 hex digest, stable across calls', () => {
    const first = fingerprintPlan(BASE);

    const second = fingerprintPlan(structuredClone(BASE));

    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(second).toBe(first);
  });

  it('changes when anything that changes the answer changes', () => {
    const other = {
      ...BASE,
      metric: { name: 'cpu', statistic: 'max', op: 'gt', threshold: 80, unit: 'percent' },
    } as const;

    expect(fingerprintPlan(other)).not.toBe(fingerprintPlan(BASE));
  });
});
