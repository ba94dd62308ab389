import { describe, expect, it } from 'vitest';
import { armResourceId, buildTags, createTimeFormatter, gcpNumericId, toIsoTime } from './estate-naming.js';
import { createRandom } from './random.js';

describe('createTimeFormatter', () => {
  it('formats exactly like toISOString, for whole seconds and for the rest', () => {
    const format = createTimeFormatter();
    const random = createRandom('times');

    const samples = Array.from({ length: 5000 }, (_, index) =>
      index % 2 === 0 ? Math.floor(random.next() * 4e9) * 1000 : Math.floor(random.next() * 4e12),
    );

    for (const epochMs of samples) expect(format(epochMs)).toBe(new Date(epochMs).toISOString());
    expect(format(0)).toBe('1970-01-01T00:00:00.000Z');
    expect(toIsoTime(Date.parse('2026-11-25T23:59:59Z'))).toBe('2026-11-25T23:59:59.000Z');
  });
});

describe('ids', () => {
  it('builds ARM ids and 19-digit GCE ids', () => {
    expect(armResourceId('sub', 'rg-web', 'Microsoft.Compute/disks', 'd1')).toBe(
      '/subscriptions/sub/resourceGroups/rg-web/providers/Microsoft.Compute/disks/d1',
    );
    expect(gcpNumericId(createRandom(1))).toMatch(/^[1-8]\d{18}$/);
  });
});

describe('buildTags', () => {
  it.each([
    ['aws', ['Name', 'env', 'team', 'owner', 'cost-center', 'app']],
    ['gcp', ['env', 'team', 'owner', 'cost-center', 'app']],
  ] as const)('writes the %s keys in a stable order', (provider, keys) => {
    const random = createRandom('complete');
    const values = {
      name: 'web-1',
      environment: 'prod',
      team: 'payments',
      app: 'payments-api',
      owner: 'alice',
    };

    const all = Array.from({ length: 200 }, () => buildTags(provider, values, random));

    const complete = all.find((tags) => Object.keys(tags).length === keys.length);
    expect(Object.keys(complete ?? {})).toEqual(keys);
    expect(all.some((tags) => !('owner' in tags))).toBe(true);
  });

  it('keeps GCP label values lowercase', () => {
    const tags = buildTags(
      'gcp',
      { environment: 'prod', team: 'payments', app: 'x', owner: 'alice' },
      createRandom(3),
    );

    for (const value of Object.values(tags)) expect(value).toBe(value.toLowerCase());
  });
});
