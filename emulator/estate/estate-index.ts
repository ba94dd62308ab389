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

interface Placed {
  readonly provider: Provider;
  readonly account: string;
  readonly region: string;
}

/**
 * Groups items by (provider, account[, region]) into frozen arrays sorted with `compare`. Estate
 * arrays are already in placement order, so the key is only rebuilt when it changes.
 */
function groupByPlace<T extends Placed>(
  items: readonly T[],
  withRegion: boolean,
  compare: (a: T, b: T) => number,
): ReadonlyMap<string, readonly T[]> {
  const groups = new Map<string, T[]>();
  let last: T | undefined;
  let group: T[] = [];
  for (const item of items) {
    if (
      !last ||
      last.provider !== item.provider ||
      last.account !== item.account ||
      (withRegion && last.region !== item.region)
    ) {
      const key = withRegion
        ? keyOf(item.provider, item.account, item.region)
        : keyOf(item.provider, item.account);
      const existing = groups.get(key);
      if (existing) group = existing;
      else groups.set(key, (group = []));
    }
    group.push(item);
    last = item;
  }
  const frozen = new Map<string, readonly T[]>();
  for (const [key, members] of groups) frozen.set(key, Object.freeze(members.sort(compare)));
  return frozen;
}

/** Items of one provider by a string key; the first item wins when keys collide. */
interface KeyedLookup<T> {
  get(provider: Provider, key: string): T | undefined;
}

/**
 * Maps items by provider and key without building composite strings. Azure keys are matched
 * exactly first and, on a miss, case-insensitively through a lowercase map built on first need.
 */
function keyBy<T extends { readonly provider: Provider }>(
  items: readonly T[],
  keyFor: (item: T) => string,
): KeyedLookup<T> {
  const maps = new Map<Provider, Map<string, T>>();
  for (const item of items) {
    let map = maps.get(item.provider);
    if (!map) maps.set(item.provider, (map = new Map<string, T>()));
    const key = keyFor(item);
    if (!map.has(key)) map.set(key, item);
  }
  let lowercase: Map<string, T> | undefined;
  return {
    get(provider, key) {
      const exact = maps.get(provider)?.get(key);
      if (exact !== undefined || provider !== 'azure') return exact;
      if (!lowercase) {
        lowercase = new Map();
        for (const [original, item] of maps.get('azure') ?? []) {
          const folded = original.toLowerCase();
          if (!lowercase.has(folded)) lowercase.set(folded, item);
        }
      }
      return lowercase.get(key.toLowerCase());
    },
  };
}

/**
 * Builds the lookup index of an estate. Cost is O(n log n) once (O(n) for an estate in the
 * model's order); every lookup afterwards is O(1). The estate is not copied: returned objects are
 * the estate's own (immutable) objects.
 */
export function createEstateIndex(estate: Estate): EstateIndex {
  const sortedAccounts = Object.freeze([...estate.accounts].sort(byId));
  const accountsByProvider = new Map<Provider, readonly EstateAccount[]>();
  for (const provider of ['aws', 'azure', 'gcp'] as const) {
    accountsByProvider.set(provider, Object.freeze(sortedAccounts.filter((a) => a.provider === provider)));
  }
  const accountById = keyBy(estate.accounts, (a) => a.id);
  const regionsByProvider = new Map<Provider, readonly EstateRegion[]>();
  for (const provider of ['aws', 'azure', 'gcp'] as const) {
    const regions = estate.regions.filter((r) => r.provider === provider);
    regionsByProvider.set(provider, Object.freeze(regions.sort((a, b) => compareText(a.name, b.name))));
  }
  const regionByName = keyBy(estate.regions, (r) => r.name);

  const instancesByRegion = groupByPlace(estate.instances, true, byId);
  const volumesByRegion = groupByPlace(estate.volumes, true, byId);
  const functionsByRegion = groupByPlace(estate.functions, true, byId);
  const databasesByRegion = groupByPlace(estate.databases, true, byId);
  const bucketsByAccount = groupByPlace(estate.buckets, false, byId);
  const logGroupsByRegion = groupByPlace(estate.logGroups, true, byId);
  const auditEventsByRegion = groupByPlace(estate.auditEvents, true, byTimeThenId);

  const instanceById = keyBy(estate.instances, (i) => i.id);
  const volumeById = keyBy(estate.volumes, (v) => v.id);
  const databaseById = keyBy(estate.databases, (d) => d.id);
  const functionByName = keyBy(estate.functions, (f) => keyOf(f.provider, f.account, f.region, f.name));
  const logGroupByName = keyBy(estate.logGroups, (g) => keyOf(g.provider, g.account, g.region, g.name));
  const bucketByName = keyBy(estate.buckets, (b) => b.name);

  return {
    estate,
    accounts: (provider) => accountsByProvider.get(provider) ?? EMPTY,
    account: (provider, id) => accountById.get(provider, id),
    regions: (provider) => regionsByProvider.get(provider) ?? EMPTY,
    region: (provider, name) => regionByName.get(provider, name),
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
    instance: (provider, id) => instanceById.get(provider, id),
    volume: (provider, id) => volumeById.get(provider, id),
    database: (provider, id) => databaseById.get(provider, id),
    // Composite keys are already lowercased for Azure by keyOf, so both sides fold the same way.
    function: (provider, account, region, name) =>
      functionByName.get(provider, keyOf(provider, account, region, name)),
    logGroup: (provider, account, region, name) =>
      logGroupByName.get(provider, keyOf(provider, account, region, name)),
    bucket: (provider, name) => bucketByName.get(provider, name),
  };
}
