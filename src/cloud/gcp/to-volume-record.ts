import type { NormalizedState, ResourceRecord } from '../../core/ports/cloud-port.js';
import { compactFields } from '../shared/compact-fields.js';
import { toShortName } from './to-short-name.js';
import { toRegionOfZone } from './to-region-of-zone.js';
import type { ComputeDisk } from './gcp-sdk-types.js';
import { toIsoTime } from './to-iso-time.js';
import { toNumber } from './to-number.js';

/** How a disk (or database, or bucket) is encrypted at rest. */
export type GcpEncryptionType = 'google-managed' | 'customer-managed' | 'customer-supplied';

/**
 * The encryption of a Compute disk: a Cloud KMS key (`kmsKeyName`) is customer-managed (CMEK), a
 * key hash without KMS (`sha256`) is customer-supplied (CSEK), anything else Google-managed.
 */
export function toDiskEncryptionType(
  key: { readonly kmsKeyName?: string | null; readonly sha256?: string | null } | null | undefined,
): GcpEncryptionType {
  if (key?.kmsKeyName !== undefined && key.kmsKeyName !== null && key.kmsKeyName !== '')
    return 'customer-managed';
  if (key?.sha256 !== undefined && key.sha256 !== null && key.sha256 !== '') return 'customer-supplied';
  return 'google-managed';
}

/**
 * Normalizes a disk status. `READY` becomes `in_use` when the disk has users and `available` when
 * it has none (the EBS vocabulary); `DELETING` is on its way out (`terminated`).
 */
export function toVolumeState(status: string | null | undefined, attached: boolean): NormalizedState {
  switch (status) {
    case 'READY':
      return attached ? 'in_use' : 'available';
    case 'CREATING':
    case 'RESTORING':
      return 'pending';
    case 'FAILED':
      return 'failed';
    case 'DELETING':
      return 'terminated';
    case 'UNAVAILABLE':
    case null:
    case undefined:
      return 'unknown';
    default:
      return 'unknown';
  }
}

/**
 * Normalizes a Compute Engine persistent disk (`disks.aggregatedList`). The id is the numeric id;
 * a zonal disk's region comes from its zone, a regional disk's from its `region`. `attached_to`
 * is the first user's instance name. `encrypted` is always true (Compute encrypts every disk at
 * rest); `encryption_type` says with whose key.
 */
export function toVolumeRecord(disk: ComputeDisk, project: string): ResourceRecord {
  const zone = toShortName(disk.zone);
  const region = zone === undefined ? (toShortName(disk.region) ?? 'global') : toRegionOfZone(zone);
  const users = disk.users ?? [];
  const attached = users.length > 0;
  return {
    provider: 'gcp',
    kind: 'volume',
    id: String(disk.id ?? ''),
    name: disk.name ?? '',
    account: project,
    region,
    tags: { ...(disk.labels ?? {}) },
    fields: compactFields({
      state: toVolumeState(disk.status, attached),
      size_gb: toNumber(disk.sizeGb),
      volume_type: toShortName(disk.type),
      attached,
      attached_to: toShortName(users[0]),
      encrypted: true,
      encryption_type: toDiskEncryptionType(disk.diskEncryptionKey),
      zone,
      created_time: toIsoTime(disk.creationTimestamp),
      iops: toNumber(disk.provisionedIops),
    }),
  };
}
