import type { Disk } from '@azure/arm-compute';
import type { NormalizedState, ResourceRecord } from '../../core/ports/cloud-port.js';
import { compactFields } from '../shared/compact-fields.js';
import { parseArmId } from './parse-arm-id.js';
import { toIsoTime } from './to-iso-time.js';
import { toLocationName } from './to-location-name.js';

/**
 * Managed disk `diskState` → normalized state. `Reserved` is a disk attached to a deallocated VM,
 * so it is still in use; the SAS and upload states are unattached disks being exported or filled.
 * See https://learn.microsoft.com/rest/api/compute/disks/get#diskstate
 */
const DISK_STATES: Readonly<Record<string, NormalizedState>> = {
  attached: 'in_use',
  reserved: 'in_use',
  unattached: 'available',
  activesas: 'available',
  activesasfrozen: 'available',
  frozen: 'available',
  readytoupload: 'available',
  activeupload: 'pending',
};

/** Normalizes a managed disk state (`unknown` for anything else). */
export function toDiskState(diskState: string | undefined): NormalizedState {
  return diskState === undefined ? 'unknown' : (DISK_STATES[diskState.toLowerCase()] ?? 'unknown');
}

/**
 * Normalizes a managed disk (`Disks_List`). `attached` is true when the disk is `Attached` or
 * `Reserved`, or names its VM in `managedBy`; `attached_to` is that VM's ARM id. Azure encrypts
 * every managed disk at rest, so `encrypted` is always true and `encryption_type` keeps the
 * native type (`EncryptionAtRestWithPlatformKey`, `EncryptionAtRestWithCustomerKey`…) for
 * questions about customer-managed keys.
 */
export function toVolumeRecord(disk: Disk, account: string): ResourceRecord {
  const id = disk.id ?? '';
  const nativeState = disk.diskState;
  const state = toDiskState(nativeState);
  const attachedTo = disk.managedBy === undefined || disk.managedBy === '' ? undefined : disk.managedBy;
  return {
    provider: 'azure',
    kind: 'volume',
    id,
    name: disk.name ?? parseArmId(id).name,
    account,
    region: toLocationName(disk.location),
    tags: { ...(disk.tags ?? {}) },
    fields: compactFields({
      state,
      native_state: nativeState,
      size_gb: disk.diskSizeGB,
      volume_type: disk.sku?.name,
      attached: state === 'in_use' || attachedTo !== undefined,
      attached_to: attachedTo,
      encrypted: true,
      encryption_type: disk.encryption?.type ?? 'EncryptionAtRestWithPlatformKey',
      zone: disk.zones?.[0] ?? '',
      created_time: toIsoTime(disk.timeCreated),
      iops: disk.diskIopsReadWrite,
      resource_group: parseArmId(id).resourceGroup,
    }),
  };
}
