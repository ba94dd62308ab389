import type { EstateBucket } from '../estate/model.js';
import { findAzureLocation } from './azure-locations.js';
import { tagsMember, type JsonObject } from './json-value.js';

function endpoints(name: string, secondary: boolean): JsonObject {
  const suffix = secondary ? '-secondary' : '';
  return {
    dfs: `https://${name}${suffix}.dfs.core.windows.net/`,
    web: `https://${name}${suffix}.z6.web.core.windows.net/`,
    blob: `https://${name}${suffix}.blob.core.windows.net/`,
    queue: `https://${name}${suffix}.queue.core.windows.net/`,
    table: `https://${name}${suffix}.table.core.windows.net/`,
    file: secondary ? undefined : `https://${name}.file.core.windows.net/`,
  };
}

/**
 * A storage account as `StorageAccounts_List` returns it: kind `StorageV2`, the SKU from the
 * estate's storage class, `allowBlobPublicAccess` from `publicAccess`, blob/file encryption from
 * `encrypted` (Microsoft-managed keys), endpoints, and a secondary location for geo-redundant SKUs.
 */
export function toStorageAccountJson(bucket: EstateBucket): JsonObject {
  const sku = bucket.storageClass;
  const geo = /GRS$/.test(sku);
  const readAccess = sku.includes('RAGRS') || sku.includes('RAGZRS');
  const secondaryLocation = geo
    ? (findAzureLocation(bucket.region).pairedRegion ?? bucket.region)
    : undefined;
  return {
    sku: { name: sku, tier: sku.startsWith('Premium') ? 'Premium' : 'Standard' },
    kind: 'StorageV2',
    id: bucket.id,
    name: bucket.name,
    type: 'Microsoft.Storage/storageAccounts',
    location: bucket.region,
    tags: tagsMember(bucket.tags),
    properties: {
      keyCreationTime: { key1: bucket.createdTime, key2: bucket.createdTime },
      privateEndpointConnections: [],
      minimumTlsVersion: 'TLS1_2',
      allowBlobPublicAccess: bucket.publicAccess,
      allowSharedKeyAccess: true,
      isHnsEnabled: false,
      networkAcls: { bypass: 'AzureServices', virtualNetworkRules: [], ipRules: [], defaultAction: 'Allow' },
      supportsHttpsTrafficOnly: true,
      encryption: {
        services: {
          file: { keyType: 'Account', enabled: bucket.encrypted, lastEnabledTime: bucket.createdTime },
          blob: { keyType: 'Account', enabled: bucket.encrypted, lastEnabledTime: bucket.createdTime },
        },
        keySource: 'Microsoft.Storage',
      },
      accessTier: sku.startsWith('Premium') ? undefined : 'Hot',
      provisioningState: 'Succeeded',
      creationTime: bucket.createdTime,
      primaryEndpoints: endpoints(bucket.name, false),
      primaryLocation: bucket.region,
      statusOfPrimary: 'available',
      secondaryLocation,
      statusOfSecondary: geo ? 'available' : undefined,
      secondaryEndpoints: readAccess ? endpoints(bucket.name, true) : undefined,
    },
  };
}
