import type { EstateInstance, EstateVolume } from '../estate/model.js';
import { deterministicGuid } from './deterministic-guid.js';
import { tagsMember, type JsonObject } from './json-value.js';
import { guestOsOf, parseImageReference } from './parse-image-reference.js';

/** `VM running`, `VM deallocated`… — the `displayStatus` of a `PowerState/…` status. */
export function powerStateDisplay(state: string): string {
  return `VM ${state}`;
}

/** Name of the NIC the emulator pretends each VM has (ARM returns only its id on the VM). */
function nicId(instance: EstateInstance, subscription: string, resourceGroup: string): string {
  return `/subscriptions/${subscription}/resourceGroups/${resourceGroup}/providers/Microsoft.Network/networkInterfaces/${instance.name}-nic`;
}

function osDiskName(instance: EstateInstance): string {
  return `${instance.name}_OsDisk_1_${deterministicGuid(instance.id).replace(/-/g, '')}`;
}

/**
 * The model view of a VM (`VirtualMachines_Get` / `_List` / `_ListAll`), following the
 * Compute REST reference: storage profile from the estate's disks (boot disk first), OS profile
 * per platform, one NIC, boot diagnostics from `monitoring`.
 * @param disks the VM's disks in `volumeIds` order; ids the estate does not hold are skipped.
 */
export function toVirtualMachineModel(
  instance: EstateInstance,
  disks: readonly (EstateVolume | undefined)[],
  subscription: string,
  resourceGroup: string,
): JsonObject {
  const image = parseImageReference(instance.imageId);
  const isWindows = instance.platform === 'windows';
  const [bootDisk, ...dataDisks] = disks;
  const bootDiskId = instance.volumeIds[0];
  const osDisk: JsonObject = {
    osType: isWindows ? 'Windows' : 'Linux',
    name: bootDisk?.name ?? osDiskName(instance),
    createOption: 'FromImage',
    caching: 'ReadWrite',
    managedDisk: {
      storageAccountType: bootDisk?.volumeType ?? 'Premium_LRS',
      ...(bootDiskId === undefined ? {} : { id: bootDisk?.id ?? bootDiskId }),
    },
    deleteOption: 'Delete',
    diskSizeGB: bootDisk?.sizeGb ?? (isWindows ? 127 : 30),
  };
  const dataDiskEntries: JsonObject[] = [];
  dataDisks.forEach((disk, index) => {
    if (disk === undefined) return;
    dataDiskEntries.push({
      lun: index,
      name: disk.name,
      createOption: 'Attach',
      caching: 'None',
      managedDisk: { storageAccountType: disk.volumeType, id: disk.id },
      deleteOption: 'Detach',
      diskSizeGB: disk.sizeGb,
      toBeDetached: false,
    });
  });
  const osProfile: JsonObject = {
    computerName: instance.name,
    adminUsername: isWindows ? 'azureadmin' : 'azureuser',
    ...(isWindows
      ? {
          windowsConfiguration: {
            provisionVMAgent: true,
            enableAutomaticUpdates: true,
            patchSettings: {
              patchMode: 'AutomaticByOS',
              assessmentMode: 'ImageDefault',
              enableHotpatching: false,
            },
          },
        }
      : {
          linuxConfiguration: {
            disablePasswordAuthentication: true,
            provisionVMAgent: true,
            patchSettings: { patchMode: 'ImageDefault', assessmentMode: 'ImageDefault' },
            enableVMAgentPlatformUpdates: false,
          },
        }),
    secrets: [],
    allowExtensionOperations: true,
    requireGuestProvisionSignal: true,
  };
  return {
    name: instance.name,
    id: instance.id,
    type: 'Microsoft.Compute/virtualMachines',
    location: instance.region,
    tags: tagsMember(instance.tags),
    zones: instance.zone === '' ? undefined : [instance.zone],
    properties: {
      vmId: deterministicGuid(`vm/${instance.id.toLowerCase()}`),
      hardwareProfile: { vmSize: instance.type },
      storageProfile: {
        imageReference: image
          ? {
              publisher: image.publisher,
              offer: image.offer,
              sku: image.sku,
              version: image.version,
              exactVersion: exactImageVersion(image.version, instance.id),
            }
          : { id: instance.imageId },
        osDisk,
        dataDisks: dataDiskEntries,
        diskControllerType: 'SCSI',
      },
      osProfile,
      networkProfile: { networkInterfaces: [{ id: nicId(instance, subscription, resourceGroup) }] },
      diagnosticsProfile: { bootDiagnostics: { enabled: instance.monitoring } },
      provisioningState: 'Succeeded',
      timeCreated: instance.createdTime,
    },
  };
}

/** `latest` resolves to a concrete image version, as ARM reports in `exactVersion`. */
function exactImageVersion(version: string, seedText: string): string {
  if (version !== 'latest') return version;
  const day = 1 + (Number.parseInt(deterministicGuid(seedText).slice(0, 2), 16) % 28);
  return `1.0.2025${String(10 + (day % 3)).padStart(2, '0')}${String(day).padStart(2, '0')}`;
}

/**
 * The instance view (`VirtualMachines_InstanceView`, or `properties.instanceView` with
 * `$expand=instanceView` / `statusOnly=true`): `ProvisioningState/succeeded` (time = the estate's
 * `launchTime`) and `PowerState/{state}`. Guest details (computer name, OS, agent) appear only
 * while the VM runs, because the agent reports them.
 */
export function toVirtualMachineInstanceView(
  instance: EstateInstance,
  disks: readonly (EstateVolume | undefined)[],
): JsonObject {
  const running = instance.state === 'running';
  const guest = guestOsOf(parseImageReference(instance.imageId), instance.platform);
  const diskViews: JsonObject[] = [];
  disks.forEach((disk, index) => {
    const name = disk?.name ?? (index === 0 ? osDiskName(instance) : undefined);
    if (name === undefined) return;
    diskViews.push({
      name,
      statuses: [
        {
          code: 'ProvisioningState/succeeded',
          level: 'Info',
          displayStatus: 'Provisioning succeeded',
          time: disk?.createdTime ?? instance.createdTime,
        },
      ],
    });
  });
  return {
    computerName: running ? instance.name : undefined,
    osName: running ? guest.osName : undefined,
    osVersion: running ? guest.osVersion : undefined,
    vmAgent: running
      ? {
          vmAgentVersion: instance.platform === 'windows' ? '2.7.41491.1102' : '2.11.1.12',
          statuses: [
            {
              code: 'ProvisioningState/succeeded',
              level: 'Info',
              displayStatus: 'Ready',
              message: 'Guest Agent is running',
              time: instance.launchTime,
            },
          ],
        }
      : undefined,
    disks: diskViews,
    hyperVGeneration: 'V2',
    statuses: [
      {
        code: 'ProvisioningState/succeeded',
        level: 'Info',
        displayStatus: 'Provisioning succeeded',
        time: instance.launchTime,
      },
      {
        code: `PowerState/${instance.state}`,
        level: 'Info',
        displayStatus: powerStateDisplay(instance.state),
      },
    ],
  };
}

/** The model view with `properties.instanceView` added, as `$expand=instanceView` returns it. */
export function withInstanceView(model: JsonObject, instanceView: JsonObject): JsonObject {
  const properties = model.properties as JsonObject;
  return { ...model, properties: { ...properties, instanceView } };
}
