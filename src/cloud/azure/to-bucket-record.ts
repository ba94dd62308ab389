import type { StorageAccount } from '@azure/arm-storage';
import type { ResourceRecord } from '../../core/ports/cloud-port.js';
import { compactFields } from '../shared/compact-fields.js';
import { parseArmId } from './parse-arm-id.js';
import { toIsoTime } from './to-iso-time.js';
import { toLocationName } from './to-location-name.js';

/**
 * Normalizes a storage account (`StorageAccounts_List`), the Azure counterpart of a bucket.
 * `public` is `allowBlobPublicAccess` (whether containers may allow anonymous reads; absent when
 * Azure did not say); storage service encryption cannot be turned off, so `encrypted` is always
 * true and `encryption_type` keeps the key source (`Microsoft.Storage` or `Microsoft.Keyvault`
 * for customer-managed keys); `storage_class` is the SKU (`Standard_GRS`). Blob versioning is a
 * setting of the blob service (another call per account) and stays absent.
 */
export function toBucketRecord(account: StorageAccount, subscription: string): ResourceRecord {
  const id = account.id ?? '';
  return {
    provider: 'azure',
    kind: 'bucket',
    id,
    name: account.name ?? parseArmId(id).name,
    account: subscription,
    region: toLocationName(account.location),
    tags: { ...(account.tags ?? {}) },
    fields: compactFields({
      created_time: toIsoTime(account.creationTime),
      public: account.allowBlobPublicAccess,
      encrypted: true,
      encryption_type: account.encryption?.keySource ?? 'Microsoft.Storage',
      storage_class: account.sku?.name,
      access_tier: account.accessTier,
      storage_kind: account.kind,
      resource_group: parseArmId(id).resourceGroup,
    }),
  };
}
