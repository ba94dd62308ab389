import { describe, expect, it } from 'vitest';
import { createEstateIndex } from './estate-index.js';
import { generateEstate } from './generate-estate.js';
import type { Estate, EstateAuditEvent, EstateInstance } from './model.js';
import { parseEstateText } from './load-estate-file.js';

const estate = generateEstate({ seed: 11, size: 'small', anchorTime: '2026-11-25T00:00:00.000Z' });
const index = createEstateIndex(estate);

const awsProd = estate.accounts.find((a) => a.provider === 'aws' && a.environment === 'prod')!;

describe('createEstateIndex', () => {
  it('lists accounts and regions per provider', () => {
    expect(index.accounts('aws')).toHaveLength(3);
    expect(index.account('aws', awsProd.id)).toBe(awsProd);
    expect(index.account('aws', '000000000000')).toBeUndefined();
    expect(index.regions('gcp').map((r) => r.name)).toEqual([
      'asia-east1',
      'europe-west1',
      'us-central1',
      'us-east1',
    ]);
    expect(index.region('azure', 'westeurope')?.zones).toEqual(['1', '2', '3']);
  });

  it('finds the instances of one account and region, sorted by id', () => {
    const expected = estate.instances.filter(
      (i) => i.provider === 'aws' && i.account === awsProd.id && i.region === 'us-east-1',
    );

    const found = index.instancesIn('aws', awsProd.id, 'us-east-1');

    expect(found.length).toBeGreaterThan(0);
    expect(found).toEqual([...expected].sort((a, b) => (a.id < b.id ? -1 : 1)));
  });

  it.each([
    ['volumesIn', () => index.volumesIn('aws', awsProd.id, 'us-east-1'), estate.volumes],
    ['functionsIn', () => index.functionsIn('aws', awsProd.id, 'us-east-1'), estate.functions],
    ['databasesIn', () => index.databasesIn('aws', awsProd.id, 'us-east-1'), estate.databases],
    ['logGroupsIn', () => index.logGroupsIn('aws', awsProd.id, 'us-east-1'), estate.logGroups],
  ] as const)('answers %s with exactly the matching items', (_name, lookup, all) => {
    const expected = (all as readonly { provider: string; account: string; region: string }[]).filter(
      (item) => item.provider === 'aws' && item.account === awsProd.id && item.region === 'us-east-1',
    );

    const found = lookup();

    expect(found).toHaveLength(expected.length);
    expect(new Set<unknown>(found)).toEqual(new Set<unknown>(expected));
  });

  it('lists buckets account-wide, across regions', () => {
    const buckets = index.bucketsIn('aws', awsProd.id);

    expect(buckets).toHaveLength(estate.buckets.filter((b) => b.account === awsProd.id).length);
    expect(buckets.map((b) => b.id)).toEqual([...buckets.map((b) => b.id)].sort());
  });

  it('sorts audit events by time, then id', () => {
    const events = index.auditEventsIn('aws', awsProd.id, 'us-east-1');

    const sorted = [...events].sort((a, b) =>
      a.time < b.time ? -1 : a.time > b.time ? 1 : a.id < b.id ? -1 : 1,
    );

    expect(events.length).toBeGreaterThan(1);
    expect(events).toEqual(sorted);
  });

  it('finds single resources by id or name', () => {
    const instance = estate.instances.find((i) => i.provider === 'gcp')!;
    const volume = estate.volumes.find((v) => v.provider === 'aws')!;
    const fn = estate.functions.find((f) => f.provider === 'aws')!;
    const group = estate.logGroups.find((g) => g.provider === 'aws')!;
    const bucket = estate.buckets.find((b) => b.provider === 'azure')!;
    const database = estate.databases[0]!;

    expect(index.instance('gcp', instance.id)).toBe(instance);
    expect(index.volume('aws', volume.id)).toBe(volume);
    expect(index.function('aws', fn.account, fn.region, fn.name)).toBe(fn);
    expect(index.logGroup('aws', group.account, group.region, group.name)).toBe(group);
    expect(index.bucket('azure', bucket.name)).toBe(bucket);
    expect(index.database(database.provider, database.id)).toBe(database);
    expect(index.instance('aws', instance.id)).toBeUndefined();
  });

  it('matches Azure ids and names without regard to case, as ARM does', () => {
    const vm = estate.instances.find((i) => i.provider === 'azure')!;

    expect(index.instance('azure', vm.id.toUpperCase())).toBe(vm);
    expect(index.instancesIn('azure', vm.account.toUpperCase(), vm.region)).toContain(vm);
  });

  it('returns one shared, frozen empty array when nothing matches', () => {
    const none = index.instancesIn('aws', 'nope', 'nowhere');

    expect(none).toEqual([]);
    expect(Object.isFrozen(none)).toBe(true);
    expect(index.bucketsIn('gcp', 'nope')).toBe(none);
    expect(Object.isFrozen(index.instancesIn('aws', awsProd.id, 'us-east-1'))).toBe(true);
  });

  it('does not depend on the order of the estate arrays', () => {
    const shuffled: Estate = {
      ...estate,
      instances: [...estate.instances].reverse(),
      auditEvents: [...estate.auditEvents].reverse(),
    };

    const other = createEstateIndex(shuffled);

    expect(other.instancesIn('aws', awsProd.id, 'us-east-1')).toEqual(
      index.instancesIn('aws', awsProd.id, 'us-east-1'),
    );
    expect(other.auditEventsIn('aws', awsProd.id, 'us-east-1')).toEqual(
      index.auditEventsIn('aws', awsProd.id, 'us-east-1'),
    );
  });

  it('indexes a hand-written estate', () => {
    const small = parseEstateText(
      `anchorTime: 2026-11-25T00:00:00Z
instances:
  - { provider: aws, id: i-b, account: "1", region: us-east-1 }
  - { provider: aws, id: i-a, account: "1", region: us-east-1 }
auditEvents:
  - { provider: aws, id: z, resourceId: i-a, action: create, time: 2026-11-01T00:00:00Z }
  - { provider: aws, id: a, resourceId: i-b, action: create, time: 2026-11-02T00:00:00Z }
  - { provider: aws, id: b, resourceId: i-b, action: stop, time: 2026-11-01T00:00:00Z }
`,
      'hand.yaml',
    );

    const handIndex = createEstateIndex(small);

    expect(handIndex.instancesIn('aws', '1', 'us-east-1').map((i: EstateInstance) => i.id)).toEqual([
      'i-a',
      'i-b',
    ]);
    expect(handIndex.auditEventsIn('aws', '1', 'us-east-1').map((e: EstateAuditEvent) => e.id)).toEqual([
      'b',
      'z',
      'a',
    ]);
  });
});
