import type { DBInstance } from '@aws-sdk/client-rds';
import type { NormalizedState, ResourceRecord, ScopeTarget } from '../../core/ports/cloud-port.js';
import { compactFields } from '../shared/compact-fields.js';
import { toIsoTime } from './to-iso-time.js';
import { toTagMap } from './to-tag-map.js';

/**
 * RDS DB instance status → normalized state. Statuses during which the database keeps serving
 * (backups, modifications, upgrades, maintenance…) count as `available`; the native status is
 * always kept in `native_state`. See
 * https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/accessing-monitoring.html#Overview.DBInstance.Status
 */
const DATABASE_STATES: Readonly<Record<string, NormalizedState>> = {
  available: 'available',
  'backing-up': 'available',
  'configuring-enhanced-monitoring': 'available',
  'configuring-iam-database-auth': 'available',
  'configuring-log-exports': 'available',
  'converting-to-vpc': 'available',
  maintenance: 'available',
  modifying: 'available',
  'moving-to-vpc': 'available',
  renaming: 'available',
  'resetting-master-credentials': 'available',
  'storage-optimization': 'available',
  'storage-config-upgrade': 'available',
  upgrading: 'available',
  creating: 'pending',
  starting: 'pending',
  rebooting: 'pending',
  stopping: 'stopping',
  stopped: 'stopped',
  deleting: 'terminated',
  failed: 'failed',
  'inaccessible-encryption-credentials': 'failed',
  'inaccessible-encryption-credentials-recoverable': 'failed',
  'incompatible-network': 'failed',
  'incompatible-option-group': 'failed',
  'incompatible-parameters': 'failed',
  'incompatible-restore': 'failed',
  'insufficient-capacity': 'failed',
  'restore-error': 'failed',
  'storage-full': 'failed',
};

/** Normalizes an RDS DB instance status (`unknown` for anything else). */
export function toDatabaseState(nativeState: string | undefined): NormalizedState {
  return nativeState === undefined ? 'unknown' : (DATABASE_STATES[nativeState] ?? 'unknown');
}

/**
 * Normalizes an RDS engine name to its family: `aurora` (Aurora MySQL 1) and `aurora-mysql` →
 * `aurora-mysql`; `sqlserver-ee|se|ex|web` (and `custom-sqlserver-*`) → `sqlserver`; `oracle-*`
 * (and `custom-oracle-*`) → `oracle`; `db2-*` → `db2`; others unchanged (lower case).
 */
export function normalizeRdsEngine(engine: string | undefined): string | undefined {
  if (engine === undefined || engine === '') return undefined;
  const lower = engine.toLowerCase();
  if (lower === 'aurora' || lower === 'aurora-mysql') return 'aurora-mysql';
  const plain = lower.startsWith('custom-') ? lower.slice('custom-'.length) : lower;
  if (plain.startsWith('sqlserver')) return 'sqlserver';
  if (plain.startsWith('oracle')) return 'oracle';
  if (plain.startsWith('db2')) return 'db2';
  return lower;
}

/** Normalizes an RDS DB instance (DescribeDBInstances). The id and name are the DBInstanceIdentifier. */
export function toDatabaseRecord(
  instance: DBInstance,
  scope: Pick<ScopeTarget, 'account' | 'region'>,
): ResourceRecord {
  const id = instance.DBInstanceIdentifier ?? '';
  return {
    provider: 'aws',
    kind: 'database',
    id,
    name: id,
    account: scope.account,
    region: scope.region,
    tags: toTagMap(instance.TagList),
    fields: compactFields({
      engine: normalizeRdsEngine(instance.Engine),
      engine_version: instance.EngineVersion,
      state: toDatabaseState(instance.DBInstanceStatus),
      native_state: instance.DBInstanceStatus,
      type: instance.DBInstanceClass,
      multi_az: instance.MultiAZ,
      public: instance.PubliclyAccessible,
      size_gb: instance.AllocatedStorage,
      encrypted: instance.StorageEncrypted,
      zone: instance.AvailabilityZone,
      created_time: toIsoTime(instance.InstanceCreateTime),
    }),
  };
}
