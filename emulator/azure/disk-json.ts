import type { EstateInstance, EstateVolume } from '../estate/model.js';
import { deterministicGuid } from './deterministic-guid.js';
import { tagsMember, type JsonObject } from './json-value.js';
import { parseImageReference } from './parse-image-reference.js';

const GIB = 1024 ** 3;

/** Performance tiers of Premium SSD (P), Standard SSD (E) and Standard HDD (S) disks by size. */
const TIER_SIZES: readonly (readonly [
  suffix: string,
  maxGb: number,
  premiumIops: number,
  premiumMbps: number,
])[] = [
  ['1', 4, 120, 25],
  ['2', 8, 120, 25],
  ['3', 16, 120, 25],
  ['4', 32, 120, 25],
  ['6', 64, 240, 50],
  ['10', 128, 500, 100],
  ['15', 256, 1100, 125],
  ['20', 512, 2300, 150],
  ['30', 1024, 5000, 200],
  ['40', 2048, 7500, 250],
  ['50', 4096, 7500, 250],
  ['60', 8192, 16000, 500],
  ['70', 16384, 18000, 750],
  ['80', 32767, 20000, 900],
];

function skuTier(volumeType: string): string {
  if (volumeType.startsWith('UltraSSD')) return 'Ultra';
  if (volumeType.startsWith('Premium')) return 'Premium';
  return 'Standard';
}

function performance(volume: EstateVolume): { tier?: string; iops: number; mbps: number } {
  const row = TIER_SIZES.find(([, maxGb]) => volume.sizeGb <= maxGb) ?? TIER_SIZES[TIER_SIZES.length - 1]!;
  const [suffix, , premiumIops, premiumMbps] = row;
  switch (volume.volumeType) {
    case 'Premium_LRS':
    case 'Premium_ZRS':
      return { tier: `P${suffix}`, iops: volume.iops ?? premiumIops, mbps: premiumMbps };
    case 'StandardSSD_LRS':
    case 'StandardSSD_ZRS':
      return { tier: `E${suffix}`, iops: volume.iops ?? 500, mbps: 60 };
    case 'Standard_LRS':
      return { tier: `S${suffix}`, iops: volume.iops ?? 500, mbps: 60 };
    default:
      // Premium SSD v2 and Ultra disks have no tier: IOPS and throughput are provisioned.
      return { iops: volume.iops ?? 3000, mbps: 125 };
  }
}

/** Azure Disk Encryption settings: the BitLocker/dm-crypt key kept as a Key Vault secret. */
function diskEncryptionSettings(volume: EstateVolume): JsonObject {
  const vault = `kv-ade-${deterministicGuid(`vault/${volume.account}/${volume.region}`).slice(0, 8)}`;
  const resourceGroup = volume.resourceGroup ?? 'rg-security';
  return {
    enabled: true,
    encryptionSettings: [
      {
        diskEncryptionKey: {
          sourceVault: {
            id: `/subscriptions/${volume.account}/resourceGroups/${resourceGroup}/providers/Microsoft.KeyVault/vaults/${vault}`,
          },
          secretUrl: `https://${vault}.vault.azure.net/secrets/${deterministicGuid(`ade/${volume.id.toLowerCase()}`)}/${deterministicGuid(`ade-version/${volume.id.toLowerCase()}`).replace(/-/g, '')}`,
        },
      },
    ],
    encryptionSettingsVersion: '1.1',
  };
}

/**
 * The `diskState` ARM reports: `Attached` to a VM, `Reserved` when that VM is deallocated (its
 * disks stay reserved), `Unattached` otherwise.
 */
export function diskStateOf(
  volume: EstateVolume,
  owner: EstateInstance | undefined,
): 'Attached' | 'Reserved' | 'Unattached' {
  if (volume.attachedTo === undefined) return 'Unattached';
  return owner?.state === 'deallocated' ? 'Reserved' : 'Attached';
}

/**
 * A managed disk as `Disks_List` / `Disks_Get` return it. The OS disk (the first of its VM's
 * volumes) carries `osType` and is created from the VM's image; data disks are created empty.
 * Encryption: Azure encrypts every managed disk at rest (`encryption.type`), so the estate's
 * `encrypted` flag is expressed the way Azure tells customer-controlled encryption apart:
 * - `kmsKeyId` (a disk encryption set) → `EncryptionAtRestWithCustomerKey` with `diskEncryptionSetId`;
 * - encrypted without one → platform key plus Azure Disk Encryption (`encryptionSettingsCollection.enabled`);
 * - not encrypted → `EncryptionAtRestWithPlatformKey` only, no `encryptionSettingsCollection`.
 * A consumer therefore reads "encrypted" as customer key or `encryptionSettingsCollection.enabled`.
 */
export function toDiskJson(volume: EstateVolume, owner: EstateInstance | undefined): JsonObject {
  const isOsDisk = owner !== undefined && owner.volumeIds[0]?.toLowerCase() === volume.id.toLowerCase();
  const image = owner === undefined ? undefined : parseImageReference(owner.imageId);
  const subscription = volume.account;
  const { tier, iops, mbps } = performance(volume);
  const customerKey = volume.kmsKeyId !== undefined && volume.kmsKeyId !== '';
  return {
    name: volume.name,
    id: volume.id,
    type: 'Microsoft.Compute/disks',
    location: volume.region,
    tags: tagsMember(volume.tags),
    managedBy: volume.attachedTo,
    sku: { name: volume.volumeType, tier: skuTier(volume.volumeType) },
    zones: volume.zone === '' ? undefined : [volume.zone],
    properties: {
      osType: isOsDisk ? (owner.platform === 'windows' ? 'Windows' : 'Linux') : undefined,
      hyperVGeneration: isOsDisk ? 'V2' : undefined,
      creationData:
        isOsDisk && image
          ? {
              createOption: 'FromImage',
              imageReference: {
                id:
                  `/Subscriptions/${subscription}/Providers/Microsoft.Compute/Locations/${volume.region}` +
                  `/Publishers/${image.publisher}/ArtifactTypes/VMImage/Offers/${image.offer}/Skus/${image.sku}/Versions/${image.version}`,
              },
            }
          : { createOption: 'Empty' },
      diskSizeGB: volume.sizeGb,
      diskIOPSReadWrite: iops,
      diskMBpsReadWrite: mbps,
      encryption: customerKey
        ? { type: 'EncryptionAtRestWithCustomerKey', diskEncryptionSetId: volume.kmsKeyId }
        : { type: 'EncryptionAtRestWithPlatformKey' },
      encryptionSettingsCollection:
        volume.encrypted && !customerKey ? diskEncryptionSettings(volume) : undefined,
      networkAccessPolicy: 'AllowAll',
      publicNetworkAccess: 'Enabled',
      timeCreated: volume.createdTime,
      provisioningState: 'Succeeded',
      diskState: diskStateOf(volume, owner),
      diskSizeBytes: volume.sizeGb * GIB,
      uniqueId: deterministicGuid(`disk/${volume.id.toLowerCase()}`),
      tier,
    },
  };
}
