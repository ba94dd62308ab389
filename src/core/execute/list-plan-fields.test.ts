import { describe, expect, it } from 'vitest';
import { QueryPlanSchema, type QueryPlanInput } from '../plan/query-plan.js';
import { listPlanFields } from './list-plan-fields.js';

const plan = (input: Omit<QueryPlanInput, 'version'>) => QueryPlanSchema.parse({ version: 1, ...input });

interface Case {
  readonly name: string;
  readonly input: Omit<QueryPlanInput, 'version'>;
  readonly expected: readonly string[];
}

describe('listPlanFields', () => {
  it.each<Case>([
    { name: 'no filters', input: { action: 'list', resource: 'bucket' }, expected: [] },
    {
      name: 'filter, group and sort fields, sorted and unique',
      input: {
        action: 'list',
        resource: 'bucket',
        filters: [
          { field: 'public', op: 'eq', value: true },
          { field: 'encrypted', op: 'eq', value: false },
        ],
        groupBy: ['versioning'],
        sort: [{ field: 'public', direction: 'asc' }],
      },
      expected: ['encrypted', 'public', 'versioning'],
    },
    {
      name: 'every tag field as tags',
      input: {
        action: 'count',
        resource: 'function',
        filters: [{ field: 'tag:Owner', op: 'not_exists' }],
        groupBy: ['tag:env'],
      },
      expected: ['tags'],
    },
    {
      name: 'metric and identity fields left out',
      input: {
        action: 'metrics',
        resource: 'instance',
        metric: { name: 'cpu', statistic: 'avg', unit: 'percent' },
        filters: [{ field: 'region', op: 'eq', value: 'eu-west-1' }],
        sort: [{ field: 'metric', direction: 'desc' }],
      },
      expected: [],
    },
    {
      name: 'derived fields with their source, resource groups as a filter',
      input: {
        action: 'group',
        resource: 'instance',
        groupBy: ['family'],
        scope: { resourceGroups: ['rg-1'] },
      },
      expected: ['family', 'resource_group', 'type'],
    },
  ])('lists $name', ({ input, expected }) => {
    const fields = listPlanFields(plan(input));

    expect(fields).toEqual(expected);
  });
});
