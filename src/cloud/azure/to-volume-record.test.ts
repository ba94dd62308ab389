import type { Disk } from '@azure/arm-compute';
import { describe, expect, it } from 'vitest';
import { toDiskState, toVolumeRecord } from './to-volume-record.js';

const VM = '/subscriptions/sub-1/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm-1';

function disk(overrides: Partial<Disk> = {}): Disk {
  return {
    id: '/subscriptions/sub-1/resourceGroups/rg/providers/Microsoft.Compute/disks/vm-1_OsDisk',
    name: 'vm-1_OsDisk',
    location: 'eastus',
    sku: { name: 'Premium_LRS' },
    diskSizeGB: 128,
    diskState: 'Attached',
    managedBy: VM,
    timeCreated: new Date('2026-02-03T04:05:06Z'),
    zones: ['1'],
    ...overrides,
  };
}

describe('toDiskState', () => {
  it.each([
    ['Attached', 'in_use'],
    ['Reserved', 'in_use'],
    ['Unattached', 'available'],
    ['ActiveSAS', 'available'],
    ['ReadyToUpload', 'available'],
    ['ActiveUpload', 'pending'],
    ['Something', 'unknown'],
    [undefined, 'unknown'],
  ])('%s → %s', (native, state) => {
    expect(toDiskState(native)).toBe(state);
  });
});

describe('toVolumeRecord', () => {
  it.each([
    ['attached', disk(), true, VM],
    ['reserved by a deallocated VM', disk({ diskState: 'Reserved' }), true, VM],
    ['unattached', disk({ diskState: 'Unattached', managedBy: undefined }), false, undefined],
    ['attached per managedBy only', disk({ diskState: undefined }), true, VM],
  ])('%s', (_case, input, attached, attachedTo) => {
    const record = toVolumeRecord(input, 'sub-1');

    expect(record.fields.attached).toBe(attached);
    expect(record.fields.attached_to).toBe(attachedTo);
  });

  it('is always encrypted and keeps the key type', () => {
    const platform = toVolumeRecord(disk(), 'sub-1');
    const customer = toVolumeRecord(
      disk({ encryption: { type: 'EncryptionAtRestWithCustomerKey', diskEncryptionSetId: 'des' } }),
      'sub-1',
    );

    expect(platform.fields).toMatchObject({
      encrypted: true,
      encryption_type: 'EncryptionAtRestWithPlatformKey',
    });
    expect(customer.fields).toMatchObject({
      encrypted: true,
      encryption_type: 'EncryptionAtRestWithCustomerKey',
    });
    expect(platform.fields).toMatchObject({
      size_gb: 128,
      volume_type: 'Premium_LRS',
      zone: '1',
      created_time: '2026-02-03T04:05:06.000Z',
      resource_group: 'rg',
    });
  });
});
