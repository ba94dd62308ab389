import type { NormalizedState, ResourceRecord } from '../../core/ports/cloud-port.js';
import { compactFields } from '../shared/compact-fields.js';
import type { SqlInstance } from './gcp-sdk-types.js';
import { toIsoTime } from './to-iso-time.js';
import { toNumber } from './to-number.js';

/**
 * Cloud SQL instance state → normalized state
 * (https://cloud.google.com/sql/docs/mysql/instance-info#instance_states). Maintenance keeps the
 * instance serving (as for RDS), `PENDING_DELETE` is on its way out.
 */
const DATABASE_STATES: Readonly<Record<string, NormalizedState>> = {
  RUNNABLE: 'available',
  MAINTENANCE: 'available',
  ONLINE_MAINTENANCE: 'available',
  STOPPED: 'stopped',
  SUSPENDED: 'stopped',
  PENDING_CREATE: 'pending',
  PENDING_DELETE: 'terminated',
  FAILED: 'failed',
  REPAIRING: 'unknown',
};

/**
 * The state of a Cloud SQL instance as gcloud and the console show it. Cloud SQL has no stopped
 * state on the wire: a stopped instance is `RUNNABLE` with activation policy `NEVER`, which is
 * reported as `STOPPED`.
 */
export function toNativeDatabaseState(instance: SqlInstance): string | undefined {
  const state = typeof instance.state === 'string' ? instance.state : undefined;
  if (state === 'RUNNABLE' && instance.settings?.activationPolicy === 'NEVER') return 'STOPPED';
  return state === 'SQL_INSTANCE_STATE_UNSPECIFIED' ? undefined : state;
}

/** Normalizes a Cloud SQL state (`unknown` for anything else). */
export function toDatabaseState(nativeState: string | undefined): NormalizedState {
  return nativeState === undefined ? 'unknown' : (DATABASE_STATES[nativeState] ?? 'unknown');
}

/** The engine family of a `databaseVersion`: `POSTGRES_16` → `postgres`, `MYSQL_8_0` → `mysql`, `SQLSERVER_2022_STANDARD` → `sqlserver`. */
export function toSqlEngine(databaseVersion: string | undefined): string | undefined {
  if (databaseVersion === undefined || databaseVersion === '') return undefined;
  if (databaseVersion.startsWith('POSTGRES')) return 'postgres';
  if (databaseVersion.startsWith('MYSQL')) return 'mysql';
  if (databaseVersion.startsWith('SQLSERVER')) return 'sqlserver';
  return databaseVersion.toLowerCase();
}

/**
 * The engine version: from `databaseInstalledVersion` when present (`POSTGRES_16_4` → `16.4`,
 * `MYSQL_8_0_36` → `8.0.36`), else from `databaseVersion` (`MYSQL_8_0` → `8.0`); SQL Server keeps
 * its edition (`2022_STANDARD`).
 */
export function toSqlEngineVersion(
  databaseVersion: string | undefined,
  installed: string | undefined,
): string | undefined {
  const source = installed !== undefined && installed !== '' ? installed : databaseVersion;
  if (source === undefined || source === '') return undefined;
  const rest = source.replace(/^(POSTGRES|MYSQL|SQLSERVER)_/, '');
  if (rest === source) return undefined;
  return source.startsWith('SQLSERVER') ? rest : rest.replace(/_/g, '.');
}

/** A proto wrapper (`{ value }`) or a plain value, as the REST decoder may give either. */
function unwrap<T>(value: T | { readonly value?: T | null } | null | undefined): T | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'object' && 'value' in value) return value.value ?? undefined;
  return value as T;
}

/**
 * Normalizes a Cloud SQL instance (`instances.list`). Id and name are the instance name (unique per
 * project). `multi_az` is `availabilityType` REGIONAL (a standby in another zone), `public` is
 * `ipConfiguration.ipv4Enabled` (a public IP address), `type` the machine tier, `size_gb` the data
 * disk size. `encrypted` is always true (Cloud SQL encrypts at rest); `encryption_type` says with
 * whose key.
 */
export function toDatabaseRecord(instance: SqlInstance, project: string): ResourceRecord {
  const name = instance.name ?? '';
  const nativeState = toNativeDatabaseState(instance);
  const settings = instance.settings;
  const databaseVersion = typeof instance.databaseVersion === 'string' ? instance.databaseVersion : undefined;
  const kmsKey = instance.diskEncryptionConfiguration?.kmsKeyName;
  return {
    provider: 'gcp',
    kind: 'database',
    id: name,
    name,
    account: project,
    region: instance.region ?? 'global',
    tags: { ...(settings?.userLabels ?? {}) },
    fields: compactFields({
      engine: toSqlEngine(databaseVersion),
      engine_version: toSqlEngineVersion(databaseVersion, instance.databaseInstalledVersion ?? undefined),
      state: toDatabaseState(nativeState),
      native_state: nativeState,
      type: settings?.tier ?? undefined,
      multi_az:
        settings?.availabilityType === undefined || settings.availabilityType === null
          ? undefined
          : settings.availabilityType === 'REGIONAL',
      public: unwrap(settings?.ipConfiguration?.ipv4Enabled),
      size_gb: toNumber(unwrap(settings?.dataDiskSizeGb)),
      encrypted: true,
      encryption_type:
        kmsKey !== undefined && kmsKey !== null && kmsKey !== '' ? 'customer-managed' : 'google-managed',
      zone: instance.gceZone === '' ? undefined : (instance.gceZone ?? undefined),
      created_time: toIsoTime(instance.createTime ?? undefined),
    }),
  };
}
