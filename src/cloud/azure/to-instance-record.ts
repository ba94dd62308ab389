import type { InstanceViewStatus, VirtualMachine } from '@azure/arm-compute';
import { familyOf } from '../../core/execute/evaluate-filter.js';
import type { NormalizedState, ResourceRecord } from '../../core/ports/cloud-port.js';
import { compactFields } from '../shared/compact-fields.js';
import { parseArmId } from './parse-arm-id.js';
import { toIsoTime } from './to-iso-time.js';
import { toLocationName } from './to-location-name.js';

/**
 * VM power state (the suffix of the instance view's `PowerState/…` status code) → normalized
 * state. `deallocating` is on its way to `deallocated`, so it counts as `stopping`; a `stopped`
 * VM still holds (and bills) its compute, a `deallocated` one does not, so the two stay apart.
 * See https://learn.microsoft.com/azure/virtual-machines/states-billing
 */
const POWER_STATES: Readonly<Record<string, NormalizedState>> = {
  starting: 'pending',
  running: 'running',
  stopping: 'stopping',
  stopped: 'stopped',
  deallocating: 'stopping',
  deallocated: 'deallocated',
  unknown: 'unknown',
};

/** Normalizes a VM power state (`unknown` for anything else, or when Azure did not say). */
export function toPowerState(nativeState: string | undefined): NormalizedState {
  return nativeState === undefined ? 'unknown' : (POWER_STATES[nativeState.toLowerCase()] ?? 'unknown');
}

/** The power state of an instance view (`running` of `PowerState/running`), when it has one. */
export function powerStateOf(statuses: readonly InstanceViewStatus[] | undefined): string | undefined {
  const status = statuses?.find((s) => s.code?.toLowerCase().startsWith('powerstate/') === true);
  return status?.code?.slice('PowerState/'.length);
}

/**
 * The time of the VM's last provisioning operation (a start, a resize, a redeploy), from the
 * instance view's `ProvisioningState/…` status: the closest Azure comes to EC2's `LaunchTime`.
 * Any other timed status is used when that one has no time.
 */
function launchTimeOf(statuses: readonly InstanceViewStatus[] | undefined): string | undefined {
  const timed = (statuses ?? []).filter((s) => s.time !== undefined);
  const provisioning = timed.find((s) => s.code?.toLowerCase().startsWith('provisioningstate/') === true);
  return toIsoTime((provisioning ?? timed[0])?.time);
}

/** `Linux` / `Windows` from the OS disk, else from the OS profile (`linux` when unknown: Windows VMs always say so). */
function platformOf(vm: VirtualMachine): string | undefined {
  const osType = vm.storageProfile?.osDisk?.osType;
  if (osType !== undefined) return osType.toLowerCase();
  if (vm.osProfile?.windowsConfiguration !== undefined) return 'windows';
  if (vm.osProfile?.linuxConfiguration !== undefined) return 'linux';
  return undefined;
}

/** `publisher:offer:sku:version` of a marketplace image (the URN `az vm create --image` takes), else the image's resource id. */
function imageOf(vm: VirtualMachine): string | undefined {
  const image = vm.storageProfile?.imageReference;
  if (image === undefined) return undefined;
  if (image.publisher !== undefined && image.offer !== undefined && image.sku !== undefined) {
    return `${image.publisher}:${image.offer}:${image.sku}:${image.version ?? 'latest'}`;
  }
  return image.id ?? image.sharedGalleryImageId ?? image.communityGalleryImageId;
}

/**
 * Normalizes an Azure VM (`VirtualMachines_ListAll` with `statusOnly=true`, whose items carry the
 * instance view's statuses). The id is the ARM resource id; `native_state` is the power state
 * code suffix (`deallocated`); `family` follows the product's `familyOf` (`dsv3` of
 * `Standard_D2s_v3`); `zone` is the logical zone (`1`) or `''` for a regional VM; `monitoring`
 * is boot diagnostics. `private_ip`/`public_ip` stay absent: they live on the network interfaces
 * and public IP resources (`Microsoft.Network`), which this adapter does not read.
 * @param statuses the instance view statuses when fetched separately (`VirtualMachines_InstanceView`).
 */
export function toInstanceRecord(
  vm: VirtualMachine,
  account: string,
  statuses: readonly InstanceViewStatus[] | undefined = vm.instanceView?.statuses,
): ResourceRecord {
  const id = vm.id ?? '';
  const nativeState = powerStateOf(statuses);
  const vmSize = vm.hardwareProfile?.vmSize;
  return {
    provider: 'azure',
    kind: 'instance',
    id,
    name: vm.name ?? parseArmId(id).name,
    account,
    region: toLocationName(vm.location),
    tags: { ...(vm.tags ?? {}) },
    fields: compactFields({
      state: toPowerState(nativeState),
      native_state: nativeState,
      type: vmSize,
      family: vmSize === undefined || vmSize === '' ? undefined : familyOf(vmSize),
      zone: vm.zones?.[0] ?? '',
      platform: platformOf(vm),
      launch_time: launchTimeOf(statuses),
      created_time: toIsoTime(vm.timeCreated),
      monitoring: vm.diagnosticsProfile?.bootDiagnostics?.enabled,
      image_id: imageOf(vm),
      resource_group: parseArmId(id).resourceGroup,
    }),
  };
}
