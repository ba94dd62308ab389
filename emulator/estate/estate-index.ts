import type {
  Estate,
  EstateAccount,
  EstateAuditEvent,
  EstateBucket,
  EstateDatabase,
  EstateFunction,
  EstateInstance,
  EstateLogGroup,
  EstateRegion,
  EstateVolume,
  Provider,
} from './model.js';

/**
 * Read-only lookups over an {@link Estate}, built once by {@link createEstateIndex}.
 *
 * Every lookup is a map read (O(1)); every returned array is frozen and sorted deterministically
 * (by `id`, except audit events which are sorted by `time`, then `id`). When nothing matches, the
 * same shared frozen empty array is returned, so callers never need to guard against `undefined`.
 *
 * Azure resource ids, names and subscription ids are case-insensitive on the wire (ARM normalises
 * case freely), so Azure lookups ignore case; AWS and GCP lookups are exact.
 */
export interface EstateIndex {
  /** The estate this index was built from. */
  readonly estate: Estate;
  /** Accounts (AWS accounts, Azure subscriptions, GCP projects) of a provider, sorted by id. */
  accounts(provider: Provider): readonly EstateAccount[];
  /** One account by id, or `undefined`. */
  account(provider: Provider, id: string): EstateAccount | undefined;
  /** Regions of a provider, sorted by name. */
  regions(provider: Provider): readonly EstateRegion[];
  /** One region by name, or `undefined`. */
  region(provider: Provider, name: string): EstateRegion | undefined;
  /** Compute instances in one account and region, sorted by id. */
  instancesIn(provider: Provider, account: string, region: string): readonly EstateInstance[];
  /** Volumes in one account and region, sorted by id. */
  volumesIn(provider: Provider, account: string, region: string): readonly EstateVolume[];
  /** Functions in one account and region, sorted by id. */
  functionsIn(provider: Provider, account: string, region: string): readonly EstateFunction[];
  /** Databases in one account and region, sorted by id. */
  databasesIn(provider: Provider, account: string, region: string): readonly EstateDatabase[];
  /** Buckets of one account, all regions (S3 ListBuckets and GCS list are account-wide), sorted by id. */
  bucketsIn(provider: Provider, account: string): readonly EstateBucket[];
  /** Log groups in one account and region, sorted by id. */
  logGroupsIn(provider: Provider, account: string, region: string): readonly EstateLogGroup[];
  /** Audit events in one account and region, sorted by time ascending, then id. */
  auditEventsIn(provider: Provider, account: string, region: string): readonly EstateAuditEvent[];
  /** One instance by id (AWS `i-…`, Azure ARM id, GCP numeric id), or `undefined`. */
  instance(provider: Provider, id: string): EstateInstance | undefined;
  /** One volume by id, or `undefined`. */
  volume(provider: Provider, id: string): EstateVolume | undefined;
  /** One database by id (AWS DBInstanceIdentifier, Azure ARM id, GCP instance name), or `undefined`. */
  database(provider: Provider, id: string): EstateDatabase | undefined;
  /** One function by name within an account and region, or `undefined`. */
  function(provider: Provider, account: string, region: string, name: string): EstateFunction | undefined;
  /** One log group by name within an account and region, or `undefined`. */
  logGroup(provider: Provider, account: string, region: string, name: string): EstateLogGroup | undefined;
  /** One bucket by name (bucket names and storage account names are globally unique), or `undefined`. */
  bucket(provider: Provider, name: string): EstateBucket | undefined;
}

const EMPTY: readonly never[] = Object.freeze([]);

const SEPARATOR = '\u0000';

function normalize(provider: Provider, value: string): string {
  return provider === 'azure' ? value.toLowerCase() : value;
}

function keyOf(provider: Provider, ...parts: readonly string[]): string {
  let key: string = provider;
  for (const part of parts) key += SEPARATOR + normalize(provider, part);
  return key;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byId(a: { readonly id: string }, b: { readonly id: string }): number {
  return compareText(a.id, b.id);
}

function byTimeThenId(a: EstateAuditEvent, b: EstateAuditEvent): number {
  return compareText(a.time, b.time) || compareText(a.id, b.id);
}

/** Groups items by key into frozen arrays sorted with `compare`. */
function groupBy<T>(
  items: readonly T[],
  keyFor: (item: T) => string,
  compare: (a: T, b: T) => number,
): ReadonlyMap<string, readonly T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyFor(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  const frozen = new Map<string, readonly T[]>();
  for (const [key, group] of groups) frozen.set(key, Object.freeze(group.sort(compare)));
  return frozen;
}

/** Maps items by key; the first item wins when keys collide, so lookups stay deterministic. */
function uniqueBy<T>(items: readonly T[], keyFor: (item: T) => string): ReadonlyMap<string, T> {
  const map = new Map<string, T>();
  for (const item of items) {
    const key = keyFor(item);
    if (!map.has(key)) map.set(key, item);
  }
  return map;
}

/**
 * Builds the lookup index of an estate. Cost is O(n log n) once; every lookup afterwards is O(1).
 * The estate is not copied: returned objects are the estate's own (immutable) objects.
 */
export function createEstateIndex(estate: Estate): EstateIndex {
  const inRegion = (item: { provider: Provider; account: string; region: string }): string =>
    keyOf(item.provider, item.account, item.region);

  const accountsByProvider = groupBy(estate.accounts, (a) => a.provider, byId);
  const accountById = uniqueBy(estate.accounts, (a) => keyOf(a.provider, a.id));
  const regionsByProvider = groupBy(
    estate.regions,
    (r) => r.provider,
    (a, b) => compareText(a.name, b.name),
  );
  const regionByName = uniqueBy(estate.regions, (r) => keyOf(r.provider, r.name));

  const instancesByRegion = groupBy(estate.instances, inRegion, byId);
  const volumesByRegion = groupBy(estate.volumes, inRegion, byId);
  const functionsByRegion = groupBy(estate.functions, inRegion, byId);
  const databasesByRegion = groupBy(estate.databases, inRegion, byId);
  const bucketsByAccount = groupBy(estate.buckets, (b) => keyOf(b.provider, b.account), byId);
  const logGroupsByRegion = groupBy(estate.logGroups, inRegion, byId);
  const auditEventsByRegion = groupBy(estate.auditEvents, inRegion, byTimeThenId);

  const instanceById = uniqueBy(estate.instances, (i) => keyOf(i.provider, i.id));
  const volumeById = uniqueBy(estate.volumes, (v) => keyOf(v.provider, v.id));
  const databaseById = uniqueBy(estate.databases, (d) => keyOf(d.provider, d.id));
  const functionByName = uniqueBy(estate.functions, (f) => keyOf(f.provider, f.account, f.region, f.name));
  const logGroupByName = uniqueBy(estate.logGroups, (g) => keyOf(g.provider, g.account, g.region, g.name));
  const bucketByName = uniqueBy(estate.buckets, (b) => keyOf(b.provider, b.name));

  return {
    estate,
    accounts: (provider) => accountsByProvider.get(provider) ?? EMPTY,
    account: (provider, id) => accountById.get(keyOf(provider, id)),
    regions: (provider) => regionsByProvider.get(provider) ?? EMPTY,
    region: (provider, name) => regionByName.get(keyOf(provider, name)),
    instancesIn: (provider, account, region) =>
      instancesByRegion.get(keyOf(provider, account, region)) ?? EMPTY,
    volumesIn: (provider, account, region) => volumesByRegion.get(keyOf(provider, account, region)) ?? EMPTY,
    functionsIn: (provider, account, region) =>
      functionsByRegion.get(keyOf(provider, account, region)) ?? EMPTY,
    databasesIn: (provider, account, region) =>
      databasesByRegion.get(keyOf(provider, account, region)) ?? EMPTY,
    bucketsIn: (provider, account) => bucketsByAccount.get(keyOf(provider, account)) ?? EMPTY,
    logGroupsIn: (provider, account, region) =>
      logGroupsByRegion.get(keyOf(provider, account, region)) ?? EMPTY,
    auditEventsIn: (provider, account, region) =>
      auditEventsByRegion.get(keyOf(provider, account, region)) ?? EMPTY,
    instance: (provider, id) => instanceById.get(keyOf(provider, id)),
    volume: (provider, id) => volumeById.get(keyOf(provider, id)),
    database: (provider, id) => databaseById.get(keyOf(provider, id)),
    function: (provider, account, region, name) => functionByName.get(keyOf(provider, account, region, name)),
    logGroup: (provider, account, region, name) => logGroupByName.get(keyOf(provider, account, region, name)),
    bucket: (provider, name) => bucketByName.get(keyOf(provider, name)),
  };
}
