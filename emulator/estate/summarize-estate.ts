import type { Estate, Provider } from './model.js';

/** Resource counts of one kind-set; shared by the totals, provider, account and region summaries. */
export interface EstateCounts {
  readonly instances: number;
  readonly volumes: number;
  readonly functions: number;
  readonly databases: number;
  readonly buckets: number;
  readonly logGroups: number;
  readonly auditEvents: number;
}

/** Counts for one provider, with the breakdowns an SRE looks at first. */
export interface ProviderSummary extends EstateCounts {
  readonly provider: Provider;
  readonly accounts: number;
  readonly regions: number;
  /** Instance count per native state, keys sorted. */
  readonly instancesByState: Readonly<Record<string, number>>;
  readonly unattachedVolumes: number;
  readonly unencryptedVolumes: number;
  readonly deprecatedRuntimeFunctions: number;
  readonly publicDatabases: number;
  readonly publicBuckets: number;
  readonly unencryptedBuckets: number;
  readonly logStreams: number;
}

/** Counts for one account (AWS account, Azure subscription, GCP project). */
export interface AccountSummary extends EstateCounts {
  readonly provider: Provider;
  readonly id: string;
  readonly name: string;
  readonly environment: string;
  readonly number?: string;
  readonly regions: readonly string[];
}

/** Counts for one region of one provider, all accounts together. */
export interface RegionSummary extends EstateCounts {
  readonly provider: Provider;
  readonly name: string;
  readonly zones: readonly string[];
}

/** What the CLI and the admin endpoint show as "the estate". JSON-serializable, deterministic. */
export interface EstateSummary {
  readonly seed: number;
  readonly size: string;
  readonly anchorTime: string;
  readonly totals: EstateCounts & { readonly accounts: number; readonly regions: number };
  readonly providers: readonly ProviderSummary[];
  readonly accounts: readonly AccountSummary[];
  readonly regions: readonly RegionSummary[];
}

const PROVIDERS: readonly Provider[] = ['aws', 'azure', 'gcp'];

type CountKey = keyof EstateCounts;

type MutableCounts = { -readonly [K in CountKey]: number };

interface Findings {
  unattachedVolumes: number;
  unencryptedVolumes: number;
  deprecatedRuntimeFunctions: number;
  publicDatabases: number;
  publicBuckets: number;
  unencryptedBuckets: number;
  logStreams: number;
}

function emptyCounts(): MutableCounts {
  return { instances: 0, volumes: 0, functions: 0, databases: 0, buckets: 0, logGroups: 0, auditEvents: 0 };
}

function sortedRecord(counts: ReadonlyMap<string, number>): Record<string, number> {
  const record: Record<string, number> = {};
  for (const key of [...counts.keys()].sort()) record[key] = counts.get(key)!;
  return record;
}

/**
 * Summarizes an estate: totals, per-provider breakdowns (states, unattached and unencrypted
 * volumes, deprecated runtimes, public databases and buckets), per-account and per-region counts.
 * One pass over every array; the result is plain data in a stable order.
 */
export function summarizeEstate(estate: Estate): EstateSummary {
  const byProvider = new Map<Provider, MutableCounts>();
  const byAccount = new Map<string, MutableCounts>();
  const byRegion = new Map<string, MutableCounts>();
  const states = new Map<Provider, Map<string, number>>();
  const findings = new Map<Provider, Findings>();
  for (const provider of PROVIDERS) {
    byProvider.set(provider, emptyCounts());
    states.set(provider, new Map());
    findings.set(provider, {
      unattachedVolumes: 0,
      unencryptedVolumes: 0,
      deprecatedRuntimeFunctions: 0,
      publicDatabases: 0,
      publicBuckets: 0,
      unencryptedBuckets: 0,
      logStreams: 0,
    });
  }

  const count = (
    kind: CountKey,
    item: { readonly provider: Provider; readonly account: string; readonly region: string },
  ): void => {
    byProvider.get(item.provider)![kind]++;
    const accountKey = `${item.provider}\u0000${item.account}`;
    const regionKey = `${item.provider}\u0000${item.region}`;
    let account = byAccount.get(accountKey);
    if (!account) byAccount.set(accountKey, (account = emptyCounts()));
    account[kind]++;
    let region = byRegion.get(regionKey);
    if (!region) byRegion.set(regionKey, (region = emptyCounts()));
    region[kind]++;
  };
  const extra = (provider: Provider, key: keyof Findings, amount = 1): void => {
    findings.get(provider)![key] += amount;
  };

  for (const instance of estate.instances) {
    count('instances', instance);
    const perState = states.get(instance.provider)!;
    perState.set(instance.state, (perState.get(instance.state) ?? 0) + 1);
  }
  for (const volume of estate.volumes) {
    count('volumes', volume);
    if (volume.attachedTo === undefined) extra(volume.provider, 'unattachedVolumes');
    if (!volume.encrypted) extra(volume.provider, 'unencryptedVolumes');
  }
  for (const fn of estate.functions) {
    count('functions', fn);
    if (fn.runtimeDeprecated) extra(fn.provider, 'deprecatedRuntimeFunctions');
  }
  for (const database of estate.databases) {
    count('databases', database);
    if (database.publiclyAccessible) extra(database.provider, 'publicDatabases');
  }
  for (const bucket of estate.buckets) {
    count('buckets', bucket);
    if (bucket.publicAccess) extra(bucket.provider, 'publicBuckets');
    if (!bucket.encrypted) extra(bucket.provider, 'unencryptedBuckets');
  }
  for (const group of estate.logGroups) {
    count('logGroups', group);
    extra(group.provider, 'logStreams', group.streams.length);
  }
  for (const event of estate.auditEvents) count('auditEvents', event);

  const providers: ProviderSummary[] = PROVIDERS.map((provider) => {
    return {
      provider,
      accounts: estate.accounts.filter((a) => a.provider === provider).length,
      regions: estate.regions.filter((r) => r.provider === provider).length,
      ...byProvider.get(provider)!,
      instancesByState: sortedRecord(states.get(provider)!),
      ...findings.get(provider)!,
    };
  });

  const accounts: AccountSummary[] = estate.accounts.map((account) => ({
    provider: account.provider,
    id: account.id,
    name: account.name,
    environment: account.environment,
    ...(account.number === undefined ? {} : { number: account.number }),
    regions: account.regions,
    ...(byAccount.get(`${account.provider}\u0000${account.id}`) ?? emptyCounts()),
  }));

  const regions: RegionSummary[] = estate.regions.map((region) => ({
    provider: region.provider,
    name: region.name,
    zones: region.zones,
    ...(byRegion.get(`${region.provider}\u0000${region.name}`) ?? emptyCounts()),
  }));

  const totals = { accounts: estate.accounts.length, regions: estate.regions.length, ...emptyCounts() };
  for (const provider of providers) {
    for (const key of Object.keys(emptyCounts()) as CountKey[]) totals[key] += provider[key];
  }

  return {
    seed: estate.seed,
    size: estate.size,
    anchorTime: estate.anchorTime,
    totals,
    providers,
    accounts,
    regions,
  };
}
