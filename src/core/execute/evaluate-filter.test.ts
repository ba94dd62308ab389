import { describe, expect, it } from 'vitest';
import type { ResourceRecord } from '../ports/cloud-port.js';
import type { PlanFilter } from '../plan/query-plan.js';
import { matchesFilter, readField } from './evaluate-filter.js';

const NOW = new Date('2026-11-25T12:00:00.000Z');

function bucket(fields: ResourceRecord['fields'], extra: Partial<ResourceRecord> = {}): ResourceRecord {
  return {
    provider: 'aws',
    kind: 'bucket',
    id: 'b',
    name: 'b',
    account: '1',
    region: 'eu-west-1',
    tags: {},
    fields,
    ...extra,
  };
}

const unreadable = bucket({ public: null, type: null });
const absent = bucket({});
const tagsUnknown = bucket({}, { tagsUnknown: true });
const untagged = bucket({});

describe('matchesFilter on values the adapter could not read', () => {
  const filters: readonly PlanFilter[] = [
    { field: 'public', op: 'eq', value: true },
    { field: 'public', op: 'ne', value: true },
    { field: 'public', op: 'in', value: ['true'] },
    { field: 'public', op: 'not_in', value: ['true'] },
    { field: 'public', op: 'exists' },
    { field: 'public', op: 'not_exists' },
    { field: 'public', op: 'contains', value: 't' },
    { field: 'public', op: 'prefix', value: 't' },
    { field: 'public', op: 'gt', value: 0 },
    { field: 'family', op: 'not_exists' },
    { field: 'size', op: 'ne', value: 'micro' },
  ];

  it.each(filters)('a null field matches no filter: $field $op $value', (filter) => {
    const matched = matchesFilter(unreadable, filter, NOW);

    expect(matched).toBe(false);
  });

  it.each([
    { field: 'public', op: 'not_exists' },
    { field: 'public', op: 'ne', value: true },
    { field: 'public', op: 'not_in', value: ['true'] },
  ] as const satisfies readonly PlanFilter[])('an absent field still matches $op', (filter) => {
    expect(matchesFilter(absent, filter, NOW)).toBe(true);
  });

  const tagFilters: readonly PlanFilter[] = [
    { field: 'tag:owner', op: 'not_exists' },
    { field: 'tag:owner', op: 'exists' },
    { field: 'tag:owner', op: 'ne', value: 'ann' },
    { field: 'tag:owner', op: 'not_in', value: ['ann'] },
    { field: 'tags', op: 'not_exists' },
    { field: 'tags', op: 'exists' },
  ];

  it.each(tagFilters)('tags marked unknown match no tag filter: $field $op', (filter) => {
    expect(matchesFilter(tagsUnknown, filter, NOW)).toBe(false);
  });

  it('known empty tags still match "without a tag"', () => {
    expect(matchesFilter(untagged, { field: 'tag:owner', op: 'not_exists' }, NOW)).toBe(true);
    expect(matchesFilter(untagged, { field: 'tags', op: 'not_exists' }, NOW)).toBe(true);
  });
});

describe('readField', () => {
  it('tells unreadable (null) from absent (undefined)', () => {
    expect(readField(unreadable, 'public')).toBeNull();
    expect(readField(unreadable, 'family')).toBeNull();
    expect(readField(absent, 'public')).toBeUndefined();
    expect(readField(tagsUnknown, 'tag:Owner')).toBeNull();
    expect(readField(tagsUnknown, 'tags')).toBeNull();
    expect(readField(tagsUnknown, 'region')).toBe('eu-west-1');
  });
});
