import type { Volume } from '@aws-sdk/client-ec2';
import type { NormalizedState, ResourceRecord, ScopeTarget } from '../../core/ports/cloud-port.js';
import { compactFields } from '../shared/compact-fields.js';
import { toIsoTime } from './to-iso-time.js';
import { toTagMap } from './to-tag-map.js';

/** EBS volume state → normalized state (`deleting` is on its way to `deleted`, so `terminated`). */
const VOLUME_STATES: Readonly<Record<string, NormalizedState>> = {
  creating: 'pending',
  available: 'available',
  'in-use': 'in_use',
  deleting: 'terminated',
  deleted: 'terminated',
  error: 'failed',
};

/** Normalizes an EBS volume state (`unknown` for anything else). */
export function toVolumeState(nativeState: string | undefined): NormalizedState {
  return nativeState === undefined ? 'unknown' : (VOLUME_STATES[nativeState] ?? 'unknown');
}

/** Normalizes an EBS volume (DescribeVolumes). `attached` is true while an attachment is attaching or attached. */
export function toVolumeRecord(
  volume: Volume,
  scope: Pick<ScopeTarget, 'account' | 'region'>,
): ResourceRecord {
  const tags = toTagMap(volume.Tags);
  const attachment = (volume.Attachments ?? []).find(
    (a) => a.State === 'attached' || a.State === 'attaching',
  );
  return {
    provider: 'aws',
    kind: 'volume',
    id: volume.VolumeId ?? '',
    name: tags.Name ?? '',
    account: scope.account,
    region: scope.region,
    tags,
    fields: compactFields({
      state: toVolumeState(volume.State),
      size_gb: volume.Size,
      volume_type: volume.VolumeType,
      attached: attachment !== undefined,
      attached_to: attachment?.InstanceId,
      encrypted: volume.Encrypted,
      zone: volume.AvailabilityZone,
      created_time: toIsoTime(volume.CreateTime),
      iops: volume.Iops,
    }),
  };
}
