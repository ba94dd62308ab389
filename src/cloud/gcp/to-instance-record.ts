import type { NormalizedState, ResourceRecord } from '../../core/ports/cloud-port.js';
import { compactFields } from '../shared/compact-fields.js';
import { toShortName } from './to-short-name.js';
import { toRegionOfZone } from './to-region-of-zone.js';
import type { ComputeInstance } from './gcp-sdk-types.js';
import { toIsoTime } from './to-iso-time.js';

/**
 * Compute Engine instance status → normalized state
 * (https://cloud.google.com/compute/docs/instances/instance-life-cycle). `TERMINATED` means the
 * instance is stopped (it can be started again, unlike AWS's terminated), and so is `SUSPENDED`;
 * `REPAIRING` (Google is recovering the host) is neither up nor down for the user. The native
 * status is always kept in `native_state`.
 */
const INSTANCE_STATES: Readonly<Record<string, NormalizedState>> = {
  PROVISIONING: 'pending',
  STAGING: 'pending',
  RUNNING: 'running',
  PENDING_STOP: 'stopping',
  STOPPING: 'stopping',
  SUSPENDING: 'stopping',
  SUSPENDED: 'stopped',
  TERMINATED: 'stopped',
  REPAIRING: 'unknown',
};

/** Normalizes a Compute Engine instance status (`unknown` for anything else). */
export function toInstanceState(nativeState: string | null | undefined): NormalizedState {
  return nativeState === null || nativeState === undefined
    ? 'unknown'
    : (INSTANCE_STATES[nativeState] ?? 'unknown');
}

/** The machine family: the part of the machine type before the first `-` (`n2d` of `n2d-standard-4`). */
export function toMachineFamily(machineType: string | undefined): string | undefined {
  if (machineType === undefined || machineType === '') return undefined;
  const dash = machineType.indexOf('-');
  return dash < 0 ? machineType : machineType.slice(0, dash);
}

/**
 * Label keys that mark an instance monitored by the Ops Agent: Google's Ops Agent policies (and
 * the console's "Install Ops Agent" option) label the VM `goog-ops-agent-policy`. An agent
 * installed by hand leaves no trace in the Compute API, so such instances read as unmonitored.
 */
export function hasOpsAgentLabel(labels: Readonly<Record<string, string>>): boolean {
  return Object.keys(labels).some((key) => key.startsWith('goog-ops-agent'));
}

function isWindows(instance: ComputeInstance): boolean {
  return (instance.disks ?? []).some(
    (disk) =>
      (disk.guestOsFeatures ?? []).some((feature) => feature.type === 'WINDOWS') ||
      (disk.licenses ?? []).some((license) => license.includes('/windows-cloud/')),
  );
}

function labelsOf(labels: Readonly<Record<string, string>> | null | undefined): Record<string, string> {
  return { ...(labels ?? {}) };
}

/**
 * Normalizes a Compute Engine instance (`instances.aggregatedList`). The id is the numeric id
 * (stable across renames), the region comes from the zone (`us-central1-a` → `us-central1`).
 * `created_time` is `creationTimestamp`, `launch_time` is `lastStartTimestamp`, `type` the machine
 * type's short name, `private_ip` the first interface's address and `public_ip` the first external
 * NAT address. `monitoring` is {@link hasOpsAgentLabel}.
 */
export function toInstanceRecord(instance: ComputeInstance, project: string): ResourceRecord {
  const zone = toShortName(instance.zone);
  const labels = labelsOf(instance.labels);
  const nativeState = instance.status ?? undefined;
  const type = toShortName(instance.machineType);
  const interfaces = instance.networkInterfaces ?? [];
  const publicIp = interfaces
    .flatMap((nic) => nic.accessConfigs ?? [])
    .map((config) => config.natIP)
    .find((ip): ip is string => typeof ip === 'string' && ip !== '');
  return {
    provider: 'gcp',
    kind: 'instance',
    id: String(instance.id ?? ''),
    name: instance.name ?? '',
    account: project,
    region: zone === undefined ? 'global' : toRegionOfZone(zone),
    tags: labels,
    fields: compactFields({
      state: toInstanceState(nativeState),
      native_state: nativeState,
      type,
      family: toMachineFamily(type),
      zone,
      platform: isWindows(instance) ? 'windows' : 'linux',
      private_ip: interfaces[0]?.networkIP ?? undefined,
      public_ip: publicIp,
      created_time: toIsoTime(instance.creationTimestamp),
      launch_time: toIsoTime(instance.lastStartTimestamp),
      monitoring: hasOpsAgentLabel(labels),
    }),
  };
}
