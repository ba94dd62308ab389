import {
  AUDIT_RESOURCE_TYPES,
  AUDIT_SOURCES,
  DATABASE_ENGINES,
  PROVIDERS,
  RUNTIMES,
  auditOperationOf,
  findCatalogRegion,
} from './cloud-catalog.js';
import type { EstateFileData } from './estate-file-schema.js';
import { DAY_MS, armResourceId, toIsoTime, type Mutable } from './estate-naming.js';
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
  InstanceMetrics,
  MetricPattern,
  Provider,
  Tags,
} from './model.js';
import { hashString } from './random.js';
import { compareText, sortByPlacement, type Placed } from './sort-by-placement.js';

/** A path into the file: keys and array indexes, as zod reports them. */
export type FilePath = readonly (string | number)[];

/** What {@link normalizeEstateFile} needs from its caller. */
export interface NormalizeEstateFileOptions {
  /** Anchor used when the file has none. Default: {@link DEFAULT_ANCHOR_TIME}. */
  readonly anchorTime?: string;
  /** Reports a problem at a path of the file (the caller knows line and column); never returns. */
  readonly fail: (path: FilePath, detail: string) => never;
}

/** The anchor of a file estate that names none and was not given one: fixed, so loads are deterministic. */
export const DEFAULT_ANCHOR_TIME = '2026-01-01T00:00:00.000Z';

type MetricName = keyof InstanceMetrics;
type Kind = MetricPattern['kind'];

const DEFAULT_LEVELS: Readonly<Record<MetricName, Readonly<Record<Kind, readonly [number, number]>>>> = {
  cpu: { idle: [2, 1], steady: [30, 5], busy: [78, 15], spiky: [18, 78] },
  memory: { idle: [25, 2], steady: [50, 4], busy: [75, 8], spiky: [40, 3] },
  networkIn: {
    idle: [2000, 1000],
    steady: [500_000, 150_000],
    busy: [20_000_000, 8_000_000],
    spiky: [100_000, 3_000_000],
  },
  networkOut: {
    idle: [2000, 1000],
    steady: [500_000, 150_000],
    busy: [20_000_000, 8_000_000],
    spiky: [100_000, 3_000_000],
  },
};
const METRIC_NAMES: readonly MetricName[] = ['cpu', 'memory', 'networkIn', 'networkOut'];

const DEFAULT_INSTANCE_TYPES: Readonly<Record<Provider, string>> = {
  aws: 't3.medium',
  azure: 'Standard_D2s_v3',
  gcp: 'e2-medium',
};
const DEFAULT_STATES: Readonly<Record<Provider, string>> = {
  aws: 'running',
  azure: 'running',
  gcp: 'RUNNING',
};
const DEFAULT_IMAGES: Readonly<Record<'azure' | 'gcp', string>> = {
  azure: 'Canonical:ubuntu-24_04-lts:server:latest',
  gcp: 'projects/debian-cloud/global/images/debian-12-bookworm-v20251014',
};
const DEFAULT_VOLUME_TYPES: Readonly<Record<Provider, string>> = {
  aws: 'gp3',
  azure: 'Premium_LRS',
  gcp: 'pd-balanced',
};
const DEFAULT_VOLUME_SIZES: Readonly<Record<Provider, number>> = { aws: 8, azure: 30, gcp: 10 };
const DEFAULT_RUNTIMES: Readonly<Record<Provider, string>> = {
  aws: 'python3.12',
  azure: 'PYTHON|3.11',
  gcp: 'python312',
};
const DEFAULT_FUNCTION_MEMORY: Readonly<Record<Provider, number>> = { aws: 128, azure: 1536, gcp: 256 };
const DEFAULT_FUNCTION_TIMEOUT: Readonly<Record<Provider, number>> = { aws: 3, azure: 300, gcp: 60 };
const DEFAULT_FUNCTION_STATES: Readonly<Record<Provider, string>> = {
  aws: 'Active',
  azure: 'Running',
  gcp: 'ACTIVE',
};
const DEFAULT_ENGINES: Readonly<Record<Provider, string>> = {
  aws: 'postgres',
  azure: 'sqlserver',
  gcp: 'POSTGRES_15',
};
const DEFAULT_DATABASE_STATUSES: Readonly<Record<Provider, string>> = {
  aws: 'available',
  azure: 'Online',
  gcp: 'RUNNABLE',
};
const DEFAULT_STORAGE_CLASSES: Readonly<Record<Provider, string>> = {
  aws: 'STANDARD',
  azure: 'Standard_LRS',
  gcp: 'STANDARD',
};
const FUNCTION_LOG_SOURCES: Readonly<Record<Provider, string>> = {
  aws: 'lambda',
  azure: 'functionapp',
  gcp: 'cloud_function',
};

const ARM_ID = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\//i;

/** `n` hex characters derived from a key: stable ids for resources the file names but does not number. */
function hashHex(key: string, length: number): string {
  let text = '';
  for (let round = 0; text.length < length; round++)
    text += hashString(`${key}#${round}`).toString(16).padStart(8, '0');
  return text.slice(0, length);
}

function hashDigits(key: string): string {
  return `${1 + (hashString(`${key}#a`) % 8)}${String(hashString(`${key}#b`) % 1e9).padStart(9, '0')}${String(hashString(`${key}#c`) % 1e9).padStart(9, '0')}`;
}

function hashUuid(key: string): string {
  const hex = hashHex(key, 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function lastSegment(id: string, separator: RegExp): string {
  const parts = id.split(separator);
  return parts[parts.length - 1] ?? id;
}

function toTags(tags: Readonly<Record<string, string | number | boolean>> | undefined): Tags {
  if (tags === undefined) return {};
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(tags)) result[key] = String(value);
  return result;
}

function environmentOf(text: string): string {
  const lower = text.toLowerCase();
  if (lower.includes('prod')) return 'prod';
  if (lower.includes('stag')) return 'staging';
  if (lower.includes('dev') || lower.includes('test')) return 'dev';
  return 'unknown';
}

/** Region of a zone: `us-east-1a` → `us-east-1`, `europe-west1-b` → `europe-west1`. */
function regionOfZone(provider: Provider, zone: string | undefined): string | undefined {
  if (zone === undefined || zone === '') return undefined;
  if (provider === 'aws' && /^[a-z]{2}(-[a-z]+)+-\d+[a-z]$/.test(zone)) return zone.slice(0, -1);
  if (provider === 'gcp' && /^[a-z]+-[a-z]+\d+-[a-z]$/.test(zone)) return zone.slice(0, -2);
  return undefined;
}

/**
 * Turns a validated estate file into an {@link Estate}: fills every missing field with a
 * deterministic default (ids and seeds are hashes of names, so the same file always gives the same
 * estate), derives accounts and regions from the resources, checks references and duplicate ids,
 * and sorts every array as the model requires. `seed` defaults to 0 and `size` to `file`.
 *
 * Defaults: tags `{}`; metrics `idle`; `createdTime` 30 days before the anchor; `launchTime` =
 * `createdTime`; state running; account = the provider's only listed account; region = from the
 * zone or the account's only region; Azure subscription and resource group from ARM ids.
 */
export function normalizeEstateFile(data: EstateFileData, options: NormalizeEstateFileOptions): Estate {
  const { fail } = options;
  const anchorMs = Date.parse(data.anchorTime ?? options.anchorTime ?? DEFAULT_ANCHOR_TIME);
  if (Number.isNaN(anchorMs))
    fail([], `anchorTime must be an ISO-8601 time, got "${options.anchorTime ?? ''}"`);
  const defaultCreated = toIsoTime(anchorMs - 30 * DAY_MS);
  const time = (value: string | undefined, fallback: string): string =>
    value === undefined ? fallback : toIsoTime(Date.parse(value));

  const listedAccounts = data.accounts ?? [];
  const accountsOf = (provider: Provider): typeof listedAccounts =>
    listedAccounts.filter((a) => a.provider === provider);

  const resolveAccount = (
    provider: Provider,
    given: string | undefined,
    id: string | undefined,
    path: FilePath,
  ): string => {
    if (given !== undefined) return given;
    const fromArm = provider === 'azure' && id !== undefined ? ARM_ID.exec(id)?.[1] : undefined;
    if (fromArm !== undefined) return fromArm;
    const candidates = accountsOf(provider);
    if (candidates.length === 1) return candidates[0]!.id;
    return fail(
      [...path, 'account'],
      `account is required (the file lists ${candidates.length} ${provider} accounts, not exactly one)`,
    );
  };

  const resolveRegion = (
    provider: Provider,
    account: string,
    given: string | undefined,
    zone: string | undefined,
    path: FilePath,
  ): string => {
    if (given !== undefined) return given;
    const fromZone = regionOfZone(provider, zone);
    if (fromZone !== undefined) return fromZone;
    const regions = listedAccounts.find((a) => a.provider === provider && a.id === account)?.regions ?? [];
    if (regions.length === 1) return regions[0]!;
    return fail(
      [...path, 'region'],
      `region is required (account ${account} does not list exactly one region)`,
    );
  };

  const resourceGroupOf = (given: string | undefined, id: string | undefined): string | undefined =>
    given ?? (id === undefined ? undefined : ARM_ID.exec(id)?.[2]);

  const checkUnique = (items: readonly Placed[], kind: string): void => {
    const seen = new Map<string, number>();
    items.forEach((item, index) => {
      // Ids are unique within an account and region (log group names and RDS identifiers are only that).
      const id = item.provider === 'azure' ? item.id.toLowerCase() : item.id;
      const key = `${item.provider}\u0000${item.account}\u0000${item.region}\u0000${id}`;
      const first = seen.get(key);
      if (first !== undefined)
        fail([kind, index, 'id'], `duplicate id "${item.id}" (also ${kind}[${first}])`);
      seen.set(key, index);
    });
  };

  // Instances first without their volume list, which may come from the volumes.
  const rawInstances = data.instances ?? [];
  const instanceCores = rawInstances.map((raw, index) => {
    const path: FilePath = ['instances', index];
    const provider = raw.provider;
    const account = resolveAccount(provider, raw.account, raw.id, path);
    const region = resolveRegion(provider, account, raw.region, raw.zone, path);
    const resourceGroup =
      provider === 'azure' ? (resourceGroupOf(raw.resourceGroup, raw.id) ?? 'rg-default') : undefined;
    const tags = toTags(raw.tags);
    const key = `${provider}/${account}/${region}/${raw.name ?? ''}`;
    const id =
      raw.id ??
      (provider === 'aws'
        ? `i-0${hashHex(key, 16)}`
        : provider === 'azure'
          ? armResourceId(account, resourceGroup!, 'Microsoft.Compute/virtualMachines', raw.name!)
          : hashDigits(key));
    const name =
      raw.name ??
      (provider === 'aws' ? (tags.Name ?? '') : provider === 'azure' ? lastSegment(id, /\//) : id);
    const zone =
      raw.zone ??
      (provider === 'azure'
        ? ''
        : (findCatalogRegion(provider, region)?.zones[0] ??
          (provider === 'aws' ? `${region}a` : `${region}-a`)));
    return { raw, provider, account, region, resourceGroup, tags, id, name, zone };
  });
  checkUnique(instanceCores, 'instances');
  const instanceById = new Map(instanceCores.map((core) => [`${core.provider}\u0000${core.id}`, core]));

  const volumes: EstateVolume[] = (data.volumes ?? []).map((raw, index) => {
    const path: FilePath = ['volumes', index];
    const provider = raw.provider;
    const attached =
      raw.attachedTo === undefined ? undefined : instanceById.get(`${provider}\u0000${raw.attachedTo}`);
    if (raw.attachedTo !== undefined && !attached) {
      fail([...path, 'attachedTo'], `no ${provider} instance with id "${raw.attachedTo}" in this file`);
    }
    const account = raw.account ?? attached?.account ?? resolveAccount(provider, undefined, raw.id, path);
    const zoneHint = raw.zone ?? attached?.zone;
    const region =
      raw.region ?? attached?.region ?? resolveRegion(provider, account, undefined, zoneHint, path);
    const resourceGroup =
      provider === 'azure'
        ? (resourceGroupOf(raw.resourceGroup, raw.id) ?? attached?.resourceGroup ?? 'rg-default')
        : undefined;
    const key = `${provider}/${account}/${region}/${raw.name ?? ''}`;
    const id =
      raw.id ??
      (provider === 'aws'
        ? `vol-0${hashHex(key, 16)}`
        : provider === 'azure'
          ? armResourceId(account, resourceGroup!, 'Microsoft.Compute/disks', raw.name!)
          : hashDigits(key));
    const tags = toTags(raw.tags);
    const volume: Mutable<EstateVolume> = {
      provider,
      id,
      name:
        raw.name ??
        (provider === 'aws' ? (tags.Name ?? '') : provider === 'azure' ? lastSegment(id, /\//) : id),
      account,
      region,
      zone: zoneHint ?? (provider === 'azure' ? '' : (findCatalogRegion(provider, region)?.zones[0] ?? '')),
      sizeGb: raw.sizeGb ?? DEFAULT_VOLUME_SIZES[provider],
      volumeType: raw.volumeType ?? DEFAULT_VOLUME_TYPES[provider],
      encrypted: raw.encrypted ?? true,
      createdTime: time(
        raw.createdTime,
        attached ? time(attached.raw.createdTime, defaultCreated) : defaultCreated,
      ),
      tags,
    };
    if (resourceGroup !== undefined) volume.resourceGroup = resourceGroup;
    if (raw.attachedTo !== undefined) volume.attachedTo = raw.attachedTo;
    if (raw.device !== undefined) volume.device = raw.device;
    if (raw.kmsKeyId !== undefined) volume.kmsKeyId = raw.kmsKeyId;
    if (raw.iops !== undefined) volume.iops = raw.iops;
    return volume;
  });
  checkUnique(volumes, 'volumes');
  const attachedVolumes = new Map<string, EstateVolume[]>();
  for (const volume of volumes) {
    if (volume.attachedTo === undefined) continue;
    const key = `${volume.provider}\u0000${volume.attachedTo}`;
    const list = attachedVolumes.get(key) ?? [];
    list.push(volume);
    attachedVolumes.set(key, list);
  }

  const instances: EstateInstance[] = instanceCores.map((core) => {
    const { raw, provider, id } = core;
    const createdTime = time(raw.createdTime, defaultCreated);
    const volumeIds =
      raw.volumeIds ??
      (attachedVolumes.get(`${provider}\u0000${id}`) ?? [])
        .slice()
        .sort((a, b) => compareText(a.device ?? '', b.device ?? '') || compareText(a.id, b.id))
        .map((volume) => volume.id);
    const instance: Mutable<EstateInstance> = {
      provider,
      id,
      name: core.name,
      account: core.account,
      region: core.region,
      zone: core.zone,
      type: raw.type ?? DEFAULT_INSTANCE_TYPES[provider],
      state: raw.state ?? DEFAULT_STATES[provider],
      launchTime: time(raw.launchTime, createdTime),
      createdTime,
      privateIp: raw.privateIp ?? defaultPrivateIp(`${provider}/${id}`),
      platform: raw.platform ?? 'linux',
      imageId:
        raw.imageId ??
        (provider === 'aws'
          ? `ami-0${hashHex(`${core.account}/${core.region}/ami`, 16)}`
          : DEFAULT_IMAGES[provider]),
      monitoring: raw.monitoring ?? false,
      tags: core.tags,
      volumeIds,
      metrics: toMetrics(raw.metrics, `${provider}/${id}`),
    };
    if (core.resourceGroup !== undefined) instance.resourceGroup = core.resourceGroup;
    if (raw.publicIp !== undefined) instance.publicIp = raw.publicIp;
    return instance;
  });

  const logGroups: EstateLogGroup[] = (data.logGroups ?? []).map((raw, index) => {
    const path: FilePath = ['logGroups', index];
    const provider = raw.provider;
    const account = resolveAccount(provider, raw.account, undefined, path);
    const region = resolveRegion(provider, account, raw.region, undefined, path);
    const name =
      raw.name ??
      (provider === 'aws'
        ? raw.id!
        : provider === 'gcp'
          ? decodeURIComponent(lastSegment(raw.id!, /\/logs\//))
          : lastSegment(raw.id!, /\//));
    const id = raw.id ?? logGroupId(provider, account, region, name);
    const group: Mutable<EstateLogGroup> = {
      provider,
      id,
      name,
      account,
      region,
      createdTime: time(raw.createdTime, defaultCreated),
      storedBytes: raw.storedBytes ?? 0,
      source: raw.source ?? (name.startsWith('/aws/lambda/') ? 'lambda' : 'api'),
      streams: (raw.streams ?? [{ name: 'default' }]).map((stream) => ({
        name: stream.name,
        ratePerMinute: stream.ratePerMinute ?? 1,
        errorRatio: stream.errorRatio ?? 0.01,
        seed: stream.seed ?? hashString(`${provider}/${id}/${stream.name}`),
      })),
    };
    if (raw.retentionDays !== undefined) group.retentionDays = raw.retentionDays;
    if (raw.resourceId !== undefined) group.resourceId = raw.resourceId;
    return group;
  });
  checkUnique(logGroups, 'logGroups');
  const logGroupNames = new Set(
    logGroups.map((g) => `${g.provider}\u0000${g.account}\u0000${g.region}\u0000${g.name}`),
  );

  const functions: EstateFunction[] = (data.functions ?? []).map((raw, index) => {
    const path: FilePath = ['functions', index];
    const provider = raw.provider;
    const account = resolveAccount(provider, raw.account, raw.id, path);
    const region = resolveRegion(provider, account, raw.region, undefined, path);
    const resourceGroup =
      provider === 'azure' ? (resourceGroupOf(raw.resourceGroup, raw.id) ?? 'rg-default') : undefined;
    const name = raw.name ?? lastSegment(raw.id!, provider === 'aws' ? /:/ : /\//);
    const id =
      raw.id ??
      (provider === 'aws'
        ? `arn:aws:lambda:${region}:${account}:function:${name}`
        : provider === 'azure'
          ? armResourceId(account, resourceGroup!, 'Microsoft.Web/sites', name)
          : `projects/${account}/locations/${region}/functions/${name}`);
    const runtime = raw.runtime ?? DEFAULT_RUNTIMES[provider];
    const known = RUNTIMES[provider].find(([entry]) => entry.runtime === runtime)?.[0];
    const createdTime = time(raw.createdTime, defaultCreated);
    const logGroup =
      raw.logGroup ??
      (provider === 'aws'
        ? `/aws/lambda/${name}`
        : provider === 'azure'
          ? `FunctionAppLogs/${name}`
          : `cloud-functions/${name}`);
    const fn: Mutable<EstateFunction> = {
      provider,
      id,
      name,
      account,
      region,
      runtime,
      runtimeDeprecated: raw.runtimeDeprecated ?? known?.deprecated ?? false,
      memoryMb: raw.memoryMb ?? DEFAULT_FUNCTION_MEMORY[provider],
      timeoutSeconds: raw.timeoutSeconds ?? DEFAULT_FUNCTION_TIMEOUT[provider],
      handler: raw.handler ?? known?.handler ?? 'index.handler',
      codeSizeBytes: raw.codeSizeBytes ?? 1024,
      lastModified: time(raw.lastModified, createdTime),
      createdTime,
      state: raw.state ?? DEFAULT_FUNCTION_STATES[provider],
      tags: toTags(raw.tags),
      logGroup,
    };
    if (resourceGroup !== undefined) fn.resourceGroup = resourceGroup;
    // Every function has a log group; create a quiet one when the file does not describe it.
    const groupKey = `${provider}\u0000${account}\u0000${region}\u0000${logGroup}`;
    if (!logGroupNames.has(groupKey)) {
      logGroupNames.add(groupKey);
      const groupId = logGroupId(provider, account, region, logGroup);
      logGroups.push({
        provider,
        id: groupId,
        name: logGroup,
        account,
        region,
        createdTime,
        storedBytes: 0,
        resourceId: id,
        source: FUNCTION_LOG_SOURCES[provider],
        streams: [
          {
            name: 'default',
            ratePerMinute: 1,
            errorRatio: 0.01,
            seed: hashString(`${provider}/${groupId}/default`),
          },
        ],
      });
    }
    return fn;
  });
  checkUnique(functions, 'functions');

  const databases: EstateDatabase[] = (data.databases ?? []).map((raw, index) => {
    const path: FilePath = ['databases', index];
    const provider = raw.provider;
    const account = resolveAccount(provider, raw.account, raw.id, path);
    const region = resolveRegion(provider, account, raw.region, raw.zone, path);
    const resourceGroup =
      provider === 'azure' ? (resourceGroupOf(raw.resourceGroup, raw.id) ?? 'rg-default') : undefined;
    const name = raw.name ?? lastSegment(raw.id!, /\//);
    const server =
      provider === 'azure'
        ? (raw.server ?? /\/servers\/([^/]+)\//i.exec(raw.id ?? '')?.[1] ?? `sql-${name}`)
        : raw.server;
    const id =
      raw.id ??
      (provider === 'azure'
        ? armResourceId(account, resourceGroup!, 'Microsoft.Sql/servers', `${server!}/databases/${name}`)
        : name);
    const engine = raw.engine ?? DEFAULT_ENGINES[provider];
    const known = DATABASE_ENGINES[provider].find(([entry]) => entry.engine === engine)?.[0];
    const database: Mutable<EstateDatabase> = {
      provider,
      id,
      name,
      account,
      region,
      zone: raw.zone ?? (provider === 'azure' ? '' : (findCatalogRegion(provider, region)?.zones[0] ?? '')),
      engine,
      engineVersion: raw.engineVersion ?? known?.versions[0] ?? '',
      instanceClass: raw.instanceClass ?? known?.classes[0] ?? '',
      status: raw.status ?? DEFAULT_DATABASE_STATUSES[provider],
      multiAz: raw.multiAz ?? false,
      publiclyAccessible: raw.publiclyAccessible ?? false,
      storageGb: raw.storageGb ?? 20,
      encrypted: raw.encrypted ?? true,
      createdTime: time(raw.createdTime, defaultCreated),
      tags: toTags(raw.tags),
    };
    if (resourceGroup !== undefined) database.resourceGroup = resourceGroup;
    if (server !== undefined) database.server = server;
    return database;
  });
  checkUnique(databases, 'databases');

  const buckets: EstateBucket[] = (data.buckets ?? []).map((raw, index) => {
    const path: FilePath = ['buckets', index];
    const provider = raw.provider;
    const account = resolveAccount(provider, raw.account, raw.id, path);
    const accountRegions =
      listedAccounts.find((a) => a.provider === provider && a.id === account)?.regions ?? [];
    const region =
      raw.region ??
      accountRegions[0] ??
      fail([...path, 'region'], `region is required (account ${account} lists no regions)`);
    const resourceGroup =
      provider === 'azure' ? (resourceGroupOf(raw.resourceGroup, raw.id) ?? 'rg-default') : undefined;
    const name = raw.name ?? (provider === 'azure' ? lastSegment(raw.id!, /\//) : raw.id!);
    const bucket: Mutable<EstateBucket> = {
      provider,
      id:
        raw.id ??
        (provider === 'azure'
          ? armResourceId(account, resourceGroup!, 'Microsoft.Storage/storageAccounts', name)
          : name),
      name,
      account,
      region,
      createdTime: time(raw.createdTime, defaultCreated),
      publicAccess: raw.publicAccess ?? false,
      encrypted: raw.encrypted ?? true,
      versioning: raw.versioning ?? false,
      storageClass: raw.storageClass ?? DEFAULT_STORAGE_CLASSES[provider],
      tags: toTags(raw.tags),
    };
    if (resourceGroup !== undefined) bucket.resourceGroup = resourceGroup;
    return bucket;
  });
  checkUnique(buckets, 'buckets');

  const volumeById = new Map(volumes.map((volume) => [`${volume.provider}\u0000${volume.id}`, volume]));
  const auditEvents: EstateAuditEvent[] = (data.auditEvents ?? []).map((raw, index) => {
    const path: FilePath = ['auditEvents', index];
    const provider = raw.provider;
    const instance = instanceById.get(`${provider}\u0000${raw.resourceId}`);
    const volume = volumeById.get(`${provider}\u0000${raw.resourceId}`);
    const owner = instance ?? volume;
    const account =
      raw.account ?? owner?.account ?? resolveAccount(provider, undefined, raw.resourceId, path);
    const region =
      raw.region ?? owner?.region ?? resolveRegion(provider, account, undefined, undefined, path);
    const kind = volume ? 'volume' : 'instance';
    const eventTime = time(raw.time, defaultCreated);
    const event: Mutable<EstateAuditEvent> = {
      provider,
      id: raw.id ?? hashUuid(`${provider}/${raw.resourceId}/${raw.action}/${eventTime}/${index}`),
      account,
      region,
      time: eventTime,
      action: raw.action,
      operation: raw.operation ?? auditOperationOf(provider, kind, raw.action, instance?.raw.state),
      source: raw.source ?? AUDIT_SOURCES[provider],
      actor: raw.actor ?? 'unknown',
      resourceId: raw.resourceId,
      resourceType: raw.resourceType ?? AUDIT_RESOURCE_TYPES[provider][kind],
      resourceName: raw.resourceName ?? (owner?.name || raw.resourceId),
    };
    const resourceGroup =
      raw.resourceGroup ??
      owner?.resourceGroup ??
      (provider === 'azure' ? ARM_ID.exec(raw.resourceId)?.[2] : undefined);
    if (resourceGroup !== undefined) event.resourceGroup = resourceGroup;
    return event;
  });
  checkUnique(auditEvents, 'auditEvents');

  const placed = [instances, volumes, functions, databases, buckets, logGroups, auditEvents] as const;
  for (const list of placed) sortByPlacement(list as Placed[]);

  const { accounts, regions } = deriveAccountsAndRegions(data, placed);
  return Object.freeze({
    seed: data.seed ?? 0,
    size: data.size ?? 'file',
    anchorTime: toIsoTime(anchorMs),
    accounts: Object.freeze(accounts),
    regions: Object.freeze(regions),
    instances: Object.freeze(instances),
    volumes: Object.freeze(volumes),
    functions: Object.freeze(functions),
    databases: Object.freeze(databases),
    buckets: Object.freeze(buckets),
    logGroups: Object.freeze(logGroups),
    auditEvents: Object.freeze(auditEvents),
  });
}

function logGroupId(provider: Provider, account: string, region: string, name: string): string {
  switch (provider) {
    case 'aws':
      return name;
    case 'azure':
      return `${hashUuid(`workspace/${account}/${region}`)}/${lastSegment(name, /\//)}`;
    case 'gcp':
      return `projects/${account}/logs/${encodeURIComponent(name)}`;
  }
}

function defaultPrivateIp(key: string): string {
  const hash = hashString(key);
  return `10.${(hash >>> 16) & 255}.${(hash >>> 8) & 255}.${4 + ((hash & 255) % 250)}`;
}

type RawPattern = {
  kind?: Kind | undefined;
  base?: number | undefined;
  amplitude?: number | undefined;
  phaseMinutes?: number | undefined;
  noiseSeed?: number | undefined;
  unit?: 'percent' | 'bytesPerSecond' | undefined;
};

function toMetrics(
  raw: Partial<Record<MetricName, RawPattern | undefined>> | undefined,
  key: string,
): InstanceMetrics {
  const patterns = {} as Record<MetricName, MetricPattern>;
  for (const metric of METRIC_NAMES) {
    const given = raw?.[metric] ?? {};
    const kind = given.kind ?? 'idle';
    const [base, amplitude] = DEFAULT_LEVELS[metric][kind];
    const seed = hashString(`${key}/${metric}`);
    const pattern: Mutable<MetricPattern> = {
      kind,
      base: given.base ?? base,
      amplitude: given.amplitude ?? amplitude,
      phaseMinutes: given.phaseMinutes ?? seed % 1440,
      noiseSeed: given.noiseSeed ?? seed,
    };
    const unit =
      given.unit ?? (metric === 'networkIn' || metric === 'networkOut' ? 'bytesPerSecond' : undefined);
    if (unit !== undefined) pattern.unit = unit;
    patterns[metric] = pattern;
  }
  return patterns;
}

/** Accounts and regions: those the file lists (completed) plus those its resources use. */
function deriveAccountsAndRegions(
  data: EstateFileData,
  placed: readonly (readonly {
    readonly provider: Provider;
    readonly account: string;
    readonly region: string;
    readonly zone?: string;
  }[])[],
): { accounts: EstateAccount[]; regions: EstateRegion[] } {
  const usedRegions = new Map<string, Set<string>>();
  const seenZones = new Map<string, Set<string>>();
  for (const list of placed) {
    for (const item of list) {
      const key = `${item.provider}\u0000${item.account}`;
      const regions = usedRegions.get(key) ?? new Set<string>();
      regions.add(item.region);
      usedRegions.set(key, regions);
      if (item.zone !== undefined && item.zone !== '') {
        const zoneKey = `${item.provider}\u0000${item.region}`;
        const zones = seenZones.get(zoneKey) ?? new Set<string>();
        zones.add(item.zone);
        seenZones.set(zoneKey, zones);
      }
    }
  }

  const accounts: EstateAccount[] = [];
  const listed = new Set<string>();
  for (const raw of data.accounts ?? []) {
    const key = `${raw.provider}\u0000${raw.id}`;
    listed.add(key);
    const account: Mutable<EstateAccount> = {
      provider: raw.provider,
      id: raw.id,
      name: raw.name ?? raw.id,
      regions: raw.regions ?? [...(usedRegions.get(key) ?? [])].sort(),
      environment: raw.environment ?? environmentOf(`${raw.name ?? ''} ${raw.id}`),
    };
    if (raw.number !== undefined) account.number = String(raw.number);
    accounts.push(account);
  }
  for (const [key, regions] of usedRegions) {
    if (listed.has(key)) continue;
    const [provider, id] = key.split('\u0000') as [Provider, string];
    accounts.push({ provider, id, name: id, regions: [...regions].sort(), environment: environmentOf(id) });
  }
  accounts.sort((a, b) => compareText(a.provider, b.provider) || compareText(a.id, b.id));

  const regions: EstateRegion[] = [];
  const listedRegions = new Set<string>();
  for (const raw of data.regions ?? []) {
    listedRegions.add(`${raw.provider}\u0000${raw.name}`);
    regions.push({
      provider: raw.provider,
      name: raw.name,
      zones: raw.zones ?? zonesOf(raw.provider, raw.name, seenZones),
    });
  }
  for (const provider of PROVIDERS) {
    const names = new Set(accounts.filter((a) => a.provider === provider).flatMap((a) => a.regions));
    for (const name of names) {
      if (listedRegions.has(`${provider}\u0000${name}`)) continue;
      regions.push({ provider, name, zones: zonesOf(provider, name, seenZones) });
    }
  }
  regions.sort((a, b) => compareText(a.provider, b.provider) || compareText(a.name, b.name));
  return { accounts, regions };
}

function zonesOf(
  provider: Provider,
  region: string,
  seen: ReadonlyMap<string, ReadonlySet<string>>,
): readonly string[] {
  return (
    findCatalogRegion(provider, region)?.zones ?? [...(seen.get(`${provider}\u0000${region}`) ?? [])].sort()
  );
}
