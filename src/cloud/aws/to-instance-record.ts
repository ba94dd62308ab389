import type { Instance } from '@aws-sdk/client-ec2';
import type { NormalizedState, ResourceRecord, ScopeTarget } from '../../core/ports/cloud-port.js';
import { compactFields } from '../shared/compact-fields.js';
import { toIsoTime } from './to-iso-time.js';
import { toTagMap } from './to-tag-map.js';

/**
 * EC2 instance state name → normalized state. `shutting-down` is the first step of termination
 * (it never comes back), so it counts as `terminated`; the native value stays in `native_state`.
 */
const INSTANCE_STATES: Readonly<Record<string, NormalizedState>> = {
  pending: 'pending',
  running: 'running',
  stopping: 'stopping',
  stopped: 'stopped',
  'shutting-down': 'terminated',
  terminated: 'terminated',
};

/** Normalizes an EC2 instance state name (`unknown` for anything else). */
export function toInstanceState(nativeState: string | undefined): NormalizedState {
  return nativeState === undefined ? 'unknown' : (INSTANCE_STATES[nativeState] ?? 'unknown');
}

/** The instance family: the part of the instance type before the dot (`t3` of `t3.micro`). */
export function toInstanceFamily(instanceType: string | undefined): string | undefined {
  if (instanceType === undefined || instanceType === '') return undefined;
  const dot = instanceType.indexOf('.');
  return dot < 0 ? instanceType : instanceType.slice(0, dot);
}

/**
 * Normalizes an EC2 instance (DescribeInstances). `launch_time` is EC2's `LaunchTime`, the time
 * of the last start; `created_time` stays absent because EC2 does not expose creation time (only
 * CloudTrail's RunInstances event does).
 */
export function toInstanceRecord(
  instance: Instance,
  scope: Pick<ScopeTarget, 'account' | 'region'>,
): ResourceRecord {
  const tags = toTagMap(instance.Tags);
  const nativeState = instance.State?.Name;
  return {
    provider: 'aws',
    kind: 'instance',
    id: instance.InstanceId ?? '',
    name: tags.Name ?? '',
    account: scope.account,
    region: scope.region,
    tags,
    fields: compactFields({
      state: toInstanceState(nativeState),
      native_state: nativeState,
      type: instance.InstanceType,
      family: toInstanceFamily(instance.InstanceType),
      zone: instance.Placement?.AvailabilityZone,
      // EC2 sets `Platform` only for Windows (`windows` on the wire, `Windows` in the SDK enum); its absence means Linux/UNIX.
      platform: instance.Platform?.toLowerCase() === 'windows' ? 'windows' : 'linux',
      private_ip: instance.PrivateIpAddress,
      public_ip: instance.PublicIpAddress,
      launch_time: toIsoTime(instance.LaunchTime),
      monitoring:
        instance.Monitoring?.State === undefined ? undefined : instance.Monitoring.State === 'enabled',
      image_id: instance.ImageId,
    }),
  };
}
