import type {
  Estate,
  EstateAccount,
  EstateAuditEvent,
  EstateBucket,
  EstateDatabase,
  EstateFunction,
  EstateInstance,
  EstateLogGroup,
  EstateVolume,
} from '../estate/model.js';
import { findAzureLocation, AZURE_LOCATIONS } from './azure-locations.js';
import { deterministicGuid } from './deterministic-guid.js';
import { toDiskJson } from './disk-json.js';
import { toEventDataJson } from './event-data-json.js';
import type { JsonObject } from './json-value.js';
import { armIdKey, parseArmResourcePath } from './parse-arm-resource-id.js';
import {
  toMasterDatabaseJson,
  toSqlDatabaseJson,
  toSqlServerJson,
  toTransparentDataEncryptionJson,
  type SqlServerFacts,
} from './sql-json.js';
import { toStorageAccountJson } from './storage-account-json.js';
import { toLocationJson, toResourceGroupJson, toSubscriptionJson } from './subscription-json.js';
import {
  toVirtualMachineInstanceView,
  toVirtualMachineModel,
  withInstanceView,
} from './virtual-machine-json.js';
import { toSiteConfigJson, toWebSiteJson } from './web-site-json.js';
import { toWorkspaceJson, type WorkspaceFacts } from './workspace-json.js';

/** Where an ARM resource lives; every catalog entry has it. */
export interface PlacedEntry {
  /** Lower-case ARM id: the lookup key. */
  readonly key: string;
  /** Subscription id as the estate spells it. */
  readonly subscription: string;
  /** Resource group name as the estate spells it. */
  readonly resourceGroup: string;
  readonly location: string;
  /** The serialized resource, built on first use and cached. */
  json(): string;
}

/** A virtual machine with its three serialized views. */
export interface VirtualMachineEntry extends PlacedEntry {
  readonly instance: EstateInstance;
  /** Model view plus `properties.instanceView` (`$expand=instanceView`, `statusOnly=true`). */
  jsonWithInstanceView(): string;
  /** The `…/instanceView` response. */
  instanceViewJson(): string;
}

/** A managed disk. */
export interface DiskEntry extends PlacedEntry {
  readonly volume: EstateVolume;
}

/** A function app (`Microsoft.Web/sites`). */
export interface SiteEntry extends PlacedEntry {
  readonly site: EstateFunction;
  /** The `…/config/web` response. */
  configJson(): string;
}

/** A database of a logical server, `master` included. */
export interface SqlDatabaseEntry extends PlacedEntry {
  readonly name: string;
  /** Its `transparentDataEncryption/current` child. */
  transparentDataEncryptionJson(): string;
}

/** A logical SQL server with its databases (`master` first). */
export interface SqlServerEntry extends PlacedEntry {
  readonly facts: SqlServerFacts;
  readonly databases: readonly SqlDatabaseEntry[];
}

/** A storage account. */
export interface StorageAccountEntry extends PlacedEntry {
  readonly bucket: EstateBucket;
}

/** A Log Analytics workspace and the estate log groups whose rows it holds. */
export interface WorkspaceEntry extends PlacedEntry {
  readonly facts: WorkspaceFacts;
  readonly logGroups: readonly EstateLogGroup[];
}

/** A resource group (derived from the resources that name it). */
export interface ResourceGroupEntry extends PlacedEntry {
  readonly name: string;
}

/** A subscription with its resource groups and locations. */
export interface SubscriptionEntry {
  readonly key: string;
  readonly account: EstateAccount;
  json(): string;
  /** Resource groups sorted by lower-case name. */
  readonly resourceGroups: readonly ResourceGroupEntry[];
  resourceGroup(name: string): ResourceGroupEntry | undefined;
  /** The complete `Subscriptions_ListLocations` body (ARM does not page it). */
  locationsBody(): string;
}

/** An Activity Log entry. */
export interface ActivityEntry {
  readonly event: EstateAuditEvent;
  readonly timestampMs: number;
  readonly resourceIdKey: string;
  readonly resourceGroupKey: string;
  readonly object: JsonObject;
  json(): string;
}

/** Entries of one kind with subscription, resource-group and id lookups. */
export interface ResourceCollection<E extends PlacedEntry> {
  /** All entries, sorted by key. */
  readonly all: readonly E[];
  inSubscription(subscription: string): readonly E[];
  inResourceGroup(subscription: string, resourceGroup: string): readonly E[];
  byId(id: string): E | undefined;
}

/**
 * The estate as Azure sees it, built lazily per kind on first use and cached for the emulator's
 * life: every resource's JSON is serialized once, so a page costs a slice and a join.
 */
export interface AzureCatalog {
  readonly estate: Estate;
  /** The estate's "now" (its anchor time), epoch milliseconds. */
  readonly nowMs: number;
  /** The Azure AD tenant all subscriptions belong to (derived from the seed). */
  readonly tenantId: string;
  subscriptions(): readonly SubscriptionEntry[];
  subscription(id: string): SubscriptionEntry | undefined;
  virtualMachines(): ResourceCollection<VirtualMachineEntry>;
  disks(): ResourceCollection<DiskEntry>;
  sites(): ResourceCollection<SiteEntry>;
  sqlServers(): ResourceCollection<SqlServerEntry>;
  storageAccounts(): ResourceCollection<StorageAccountEntry>;
  workspaces(): ResourceCollection<WorkspaceEntry>;
  /** A workspace by its customer id (the GUID the query API addresses), case-insensitive. */
  workspaceByCustomerId(customerId: string): WorkspaceEntry | undefined;
  /** Activity Log entries of a subscription, newest first. */
  activity(subscription: string): readonly ActivityEntry[];
}

const EMPTY: readonly never[] = Object.freeze([]);
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function lazy<T>(build: () => T): () => T {
  let built: { value: T } | undefined;
  return () => (built ??= { value: build() }).value;
}

function memoJson(build: () => JsonObject): () => string {
  return lazy(() => JSON.stringify(build()));
}

function compareKeys(a: { readonly key: string }, b: { readonly key: string }): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

function groupKey(subscription: string, resourceGroup: string): string {
  return `${subscription.toLowerCase()}/${resourceGroup.toLowerCase()}`;
}

function collect<E extends PlacedEntry>(entries: E[]): ResourceCollection<E> {
  entries.sort(compareKeys);
  const bySubscription = new Map<string, E[]>();
  const byGroup = new Map<string, E[]>();
  const byId = new Map<string, E>();
  for (const entry of entries) {
    const subscription = entry.subscription.toLowerCase();
    let list = bySubscription.get(subscription);
    if (!list) bySubscription.set(subscription, (list = []));
    list.push(entry);
    const group = groupKey(entry.subscription, entry.resourceGroup);
    let groupList = byGroup.get(group);
    if (!groupList) byGroup.set(group, (groupList = []));
    groupList.push(entry);
    if (!byId.has(entry.key)) byId.set(entry.key, entry);
  }
  return {
    all: entries,
    inSubscription: (subscription) => bySubscription.get(subscription.toLowerCase()) ?? EMPTY,
    inResourceGroup: (subscription, resourceGroup) =>
      byGroup.get(groupKey(subscription, resourceGroup)) ?? EMPTY,
    byId: (id) => byId.get(armIdKey(id)),
  };
}

/** The resource group of an estate resource: its own field, else the one in its ARM id. */
function resourceGroupOf(resource: { readonly id: string; readonly resourceGroup?: string }): string {
  return resource.resourceGroup ?? parseArmResourcePath(resource.id)?.resourceGroup ?? 'default';
}

/** The logical server's ARM id of a database: everything before `/databases/`. */
function serverIdOf(database: EstateDatabase): string {
  const marker = database.id.toLowerCase().lastIndexOf('/databases/');
  if (marker > 0) return database.id.slice(0, marker);
  const server = database.server ?? `${database.name}-server`;
  return `/subscriptions/${database.account}/resourceGroups/${resourceGroupOf(database)}/providers/Microsoft.Sql/servers/${server}`;
}

function isAzure(item: { readonly provider: string }): boolean {
  return item.provider === 'azure';
}

/** Builds the lazy Azure catalog of an estate. */
export function createAzureCatalog(estate: Estate): AzureCatalog {
  const nowMs = Date.parse(estate.anchorTime);
  const tenantId = deterministicGuid(`azure/tenant/${estate.seed}`);
  const accounts = estate.accounts
    .filter(isAzure)
    .sort((a, b) => compareKeys({ key: a.id.toLowerCase() }, { key: b.id.toLowerCase() }));
  const accountByKey = new Map(accounts.map((account) => [account.id.toLowerCase(), account]));
  const zonesByRegion = new Map<string, readonly string[]>(
    estate.regions.filter(isAzure).map((region) => [region.name.toLowerCase(), region.zones]),
  );

  const instanceByKey = lazy(() => new Map(estate.instances.filter(isAzure).map((i) => [armIdKey(i.id), i])));
  const volumeByKey = lazy(() => new Map(estate.volumes.filter(isAzure).map((v) => [armIdKey(v.id), v])));

  const virtualMachines = lazy(() =>
    collect(
      estate.instances.filter(isAzure).map((instance): VirtualMachineEntry => {
        const resourceGroup = resourceGroupOf(instance);
        const disks = instance.volumeIds.map((id) => volumeByKey().get(armIdKey(id)));
        const model = lazy(() => toVirtualMachineModel(instance, disks, instance.account, resourceGroup));
        const view = lazy(() => toVirtualMachineInstanceView(instance, disks));
        return {
          key: armIdKey(instance.id),
          subscription: instance.account,
          resourceGroup,
          location: instance.region,
          instance,
          json: lazy(() => JSON.stringify(model())),
          jsonWithInstanceView: memoJson(() => withInstanceView(model(), view())),
          instanceViewJson: lazy(() => JSON.stringify(view())),
        };
      }),
    ),
  );

  const disks = lazy(() =>
    collect(
      estate.volumes.filter(isAzure).map((volume): DiskEntry => {
        const owner =
          volume.attachedTo === undefined ? undefined : instanceByKey().get(armIdKey(volume.attachedTo));
        return {
          key: armIdKey(volume.id),
          subscription: volume.account,
          resourceGroup: resourceGroupOf(volume),
          location: volume.region,
          volume,
          json: memoJson(() => toDiskJson(volume, owner)),
        };
      }),
    ),
  );

  const sites = lazy(() =>
    collect(
      estate.functions.filter(isAzure).map((site): SiteEntry => {
        const resourceGroup = resourceGroupOf(site);
        return {
          key: armIdKey(site.id),
          subscription: site.account,
          resourceGroup,
          location: site.region,
          site,
          json: memoJson(() => toWebSiteJson(site, site.account, resourceGroup)),
          configJson: memoJson(() => toSiteConfigJson(site)),
        };
      }),
    ),
  );

  const sqlServers = lazy(() => {
    const byServer = new Map<string, EstateDatabase[]>();
    for (const database of estate.databases.filter(isAzure)) {
      const key = armIdKey(serverIdOf(database));
      let list = byServer.get(key);
      if (!list) byServer.set(key, (list = []));
      list.push(database);
    }
    const servers: SqlServerEntry[] = [];
    for (const [key, databases] of byServer) {
      databases.sort((a, b) => compareKeys({ key: armIdKey(a.id) }, { key: armIdKey(b.id) }));
      const first = databases[0]!;
      const id = serverIdOf(first);
      const resourceGroup = resourceGroupOf(first);
      const facts: SqlServerFacts = {
        id,
        name: parseArmResourcePath(id)?.names[0] ?? first.server ?? first.name,
        location: first.region,
        resourceGroup,
        publicNetworkAccess: databases.some((database) => database.publiclyAccessible)
          ? 'Enabled'
          : 'Disabled',
        createdTime: databases.reduce(
          (min, database) => (database.createdTime < min ? database.createdTime : min),
          first.createdTime,
        ),
        tags: first.tags,
      };
      const master: SqlDatabaseEntry = {
        key: armIdKey(`${id}/databases/master`),
        subscription: first.account,
        resourceGroup,
        location: first.region,
        name: 'master',
        json: memoJson(() => toMasterDatabaseJson(facts, first.account)),
        transparentDataEncryptionJson: memoJson(() =>
          toTransparentDataEncryptionJson(`${id}/databases/master`, false),
        ),
      };
      const userDatabases = databases.map((database): SqlDatabaseEntry => ({
        key: armIdKey(database.id),
        subscription: database.account,
        resourceGroup,
        location: database.region,
        name: database.name,
        json: memoJson(() => toSqlDatabaseJson(database, database.account)),
        transparentDataEncryptionJson: memoJson(() =>
          toTransparentDataEncryptionJson(database.id, database.encrypted),
        ),
      }));
      servers.push({
        key,
        subscription: first.account,
        resourceGroup,
        location: first.region,
        facts,
        databases: [master, ...userDatabases],
        json: memoJson(() => toSqlServerJson(facts)),
      });
    }
    return collect(servers);
  });

  const storageAccounts = lazy(() =>
    collect(
      estate.buckets.filter(isAzure).map((bucket): StorageAccountEntry => ({
        key: armIdKey(bucket.id),
        subscription: bucket.account,
        resourceGroup: resourceGroupOf(bucket),
        location: bucket.region,
        bucket,
        json: memoJson(() => toStorageAccountJson(bucket)),
      })),
    ),
  );

  const workspaces = lazy(() => {
    const entries: WorkspaceEntry[] = [];
    for (const account of accounts) {
      const groups = estate.logGroups.filter(
        (group) => isAzure(group) && group.account.toLowerCase() === account.id.toLowerCase(),
      );
      const byCustomerId = new Map<string, EstateLogGroup[]>();
      for (const group of groups) {
        const prefix = group.id.split('/')[0] ?? '';
        const customerId = GUID.test(prefix)
          ? prefix.toLowerCase()
          : deterministicGuid(`workspace/${account.id.toLowerCase()}`);
        let list = byCustomerId.get(customerId);
        if (!list) byCustomerId.set(customerId, (list = []));
        list.push(group);
      }
      if (byCustomerId.size === 0)
        byCustomerId.set(deterministicGuid(`workspace/${account.id.toLowerCase()}`), []);
      const usedNames = new Set<string>();
      for (const [customerId, logGroups] of [...byCustomerId].sort(([a], [b]) => (a < b ? -1 : 1))) {
        const location = logGroups[0]?.region ?? account.regions[0] ?? 'westeurope';
        const code = findAzureLocation(location).code;
        let name = `DefaultWorkspace-${account.id}-${code}`;
        for (let suffix = 2; usedNames.has(name.toLowerCase()); suffix++)
          name = `DefaultWorkspace-${account.id}-${code}-${suffix}`;
        usedNames.add(name.toLowerCase());
        const resourceGroup = `DefaultResourceGroup-${code}`;
        const id = `/subscriptions/${account.id}/resourceGroups/${resourceGroup}/providers/Microsoft.OperationalInsights/workspaces/${name}`;
        const created = logGroups.reduce<string | undefined>(
          (min, group) => (min === undefined || group.createdTime < min ? group.createdTime : min),
          undefined,
        );
        const facts: WorkspaceFacts = {
          id,
          name,
          subscription: account.id,
          resourceGroup,
          location,
          customerId,
          retentionInDays: logGroups[0]?.retentionDays ?? 30,
          createdTime: created ?? new Date(nowMs - 365 * 86_400_000).toISOString(),
        };
        entries.push({
          key: armIdKey(id),
          subscription: account.id,
          resourceGroup,
          location,
          facts,
          logGroups,
          json: memoJson(() => toWorkspaceJson(facts)),
        });
      }
    }
    return collect(entries);
  });

  const workspacesByCustomerId = lazy(
    () => new Map(workspaces().all.map((workspace) => [workspace.facts.customerId.toLowerCase(), workspace])),
  );

  const subscriptions = lazy(() =>
    accounts.map((account): SubscriptionEntry => {
      const groups = new Map<string, { name: string; location: string; firstKey: string }>();
      const note = (resourceGroup: string, location: string, key: string): void => {
        const groupName = resourceGroup.toLowerCase();
        const known = groups.get(groupName);
        if (!known || key < known.firstKey)
          groups.set(groupName, { name: known?.name ?? resourceGroup, location, firstKey: key });
      };
      const kinds: readonly ResourceCollection<PlacedEntry>[] = [
        virtualMachines(),
        disks(),
        sites(),
        sqlServers(),
        storageAccounts(),
        workspaces(),
      ];
      for (const kind of kinds)
        for (const entry of kind.inSubscription(account.id))
          note(entry.resourceGroup, entry.location, entry.key);
      const resourceGroups = [...groups.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([key, group]): ResourceGroupEntry => ({
          key: `/subscriptions/${account.id.toLowerCase()}/resourcegroups/${key}`,
          subscription: account.id,
          resourceGroup: group.name,
          location: group.location,
          name: group.name,
          json: memoJson(() => toResourceGroupJson(account.id, group.name, group.location)),
        }));
      const byName = new Map(resourceGroups.map((group) => [group.name.toLowerCase(), group]));
      return {
        key: account.id.toLowerCase(),
        account,
        json: memoJson(() => toSubscriptionJson(account, tenantId)),
        resourceGroups,
        resourceGroup: (name) => byName.get(name.toLowerCase()),
        locationsBody: lazy(() => {
          const known = new Set(AZURE_LOCATIONS.map((location) => location.name));
          const locations = [
            ...AZURE_LOCATIONS,
            ...account.regions.filter((region) => !known.has(region.toLowerCase())).map(findAzureLocation),
          ];
          const values = locations.map((location) =>
            JSON.stringify(toLocationJson(account.id, location, zonesByRegion.get(location.name) ?? [])),
          );
          return `{"value":[${values.join(',')}]}`;
        }),
      };
    }),
  );
  const subscriptionByKey = lazy(() => new Map(subscriptions().map((entry) => [entry.key, entry])));

  const activityBySubscription = lazy(() => {
    const map = new Map<string, ActivityEntry[]>();
    for (const event of estate.auditEvents.filter(isAzure)) {
      const key = event.account.toLowerCase();
      let list = map.get(key);
      if (!list) map.set(key, (list = []));
      const object = lazy(() => toEventDataJson(event, tenantId));
      list.push({
        event,
        timestampMs: Date.parse(event.time),
        resourceIdKey: armIdKey(event.resourceId),
        resourceGroupKey: (event.resourceGroup ?? '').toLowerCase(),
        get object() {
          return object();
        },
        json: lazy(() => JSON.stringify(object())),
      });
    }
    for (const list of map.values()) {
      list.sort(
        (a, b) =>
          b.timestampMs - a.timestampMs || (a.event.id < b.event.id ? 1 : a.event.id > b.event.id ? -1 : 0),
      );
    }
    return map;
  });

  return {
    estate,
    nowMs,
    tenantId,
    subscriptions,
    subscription: (id) =>
      accountByKey.has(id.toLowerCase()) ? subscriptionByKey().get(id.toLowerCase()) : undefined,
    virtualMachines,
    disks,
    sites,
    sqlServers,
    storageAccounts,
    workspaces,
    workspaceByCustomerId: (customerId) => workspacesByCustomerId().get(customerId.toLowerCase()),
    activity: (subscription) => activityBySubscription().get(subscription.toLowerCase()) ?? EMPTY,
  };
}
