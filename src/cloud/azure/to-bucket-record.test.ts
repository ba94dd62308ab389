import type { StorageAccount } from '@azure/arm-storage';
import { describe, expect, it } from 'vitest';
import { toBucketRecord } from './to-bucket-record.js';

describe('toBucketRecord', () => {
  it('normalizes a storage account', () => {
    const account = {
      id: '/subscriptions/sub-1/resourceGroups/rg-st/providers/Microsoft.Storage/storageAccounts/stlogs01',
      name: 'stlogs01',
      location: 'northeurope',
      kind: 'StorageV2',
      sku: { name: 'Standard_GRS', tier: 'Standard' },
      allowBlobPublicAccess: false,
      creationTime: new Date('2025-01-01T00:00:00Z'),
      encryption: { keySource: 'Microsoft.Keyvault' },
      accessTier: 'Hot',
    } as StorageAccount;

    const record = toBucketRecord(account, 'sub-1');

    expect(record).toMatchObject({
      kind: 'bucket',
      id: account.id,
      name: 'stlogs01',
      region: 'northeurope',
      account: 'sub-1',
    });
    expect(record.fields).toEqual({
      created_time: '2025-01-01T00:00:00.000Z',
      public: false,
      encrypted: true,
      encryption_type: 'Microsoft.Keyvault',
      storage_class: 'Standard_GRS',
      access_tier: 'Hot',
      storage_kind: 'StorageV2',
      resource_group: 'rg-st',
    });
  });

  it('leaves public access unknown when Azure does not say', () => {
    const record = toBucketRecord({ id: 'x', name: 'x', location: 'eastus' }, 'sub-1');

    expect(record.fields.public).toBeUndefined();
    expect(record.fields.encryption_type).toBe('Microsoft.Storage');
  });
});
