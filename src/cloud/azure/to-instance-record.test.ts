import type { VirtualMachine } from '@azure/arm-compute';
import { describe, expect, it } from 'vitest';
import { toInstanceRecord, toPowerState } from './to-instance-record.js';

const ID = '/subscriptions/sub-1/resourceGroups/rg-api/providers/Microsoft.Compute/virtualMachines/vm-api-1';

function vm(overrides: Partial<VirtualMachine> = {}, powerState = 'running'): VirtualMachine {
  return {
    id: ID,
    name: 'vm-api-1',
    location: 'westeurope',
    tags: { team: 'api' },
    zones: ['2'],
    hardwareProfile: { vmSize: 'Standard_D2s_v3' },
    storageProfile: {
      osDisk: { osType: 'Linux', createOption: 'FromImage' },
      imageReference: { publisher: 'Canonical', offer: 'ubuntu-24_04-lts', sku: 'server', version: 'latest' },
    },
    diagnosticsProfile: { bootDiagnostics: { enabled: true } },
    timeCreated: new Date('2026-01-02T03:04:05Z'),
    instanceView: {
      statuses: [
        { code: 'ProvisioningState/succeeded', time: new Date('2026-11-19T10:00:00Z') },
        { code: `PowerState/${powerState}` },
      ],
    },
    ...overrides,
  };
}

describe('toPowerState', () => {
  it.each([
    ['running', 'running'],
    ['stopped', 'stopped'],
    ['deallocated', 'deallocated'],
    ['starting', 'pending'],
    ['stopping', 'stopping'],
    ['deallocating', 'stopping'],
    ['unknown', 'unknown'],
    ['Running', 'running'],
    ['hibernated', 'unknown'],
    [undefined, 'unknown'],
  ])('%s → %s', (native, state) => {
    expect(toPowerState(native)).toBe(state);
  });
});

describe('toInstanceRecord', () => {
  it('normalizes a VM with its instance view', () => {
    const record = toInstanceRecord(vm({}, 'deallocated'), 'sub-1');

    expect(record).toEqual({
      provider: 'azure',
      kind: 'instance',
      id: ID,
      name: 'vm-api-1',
      account: 'sub-1',
      region: 'westeurope',
      tags: { team: 'api' },
      fields: {
        state: 'deallocated',
        native_state: 'deallocated',
        type: 'Standard_D2s_v3',
        family: 'dsv3',
        zone: '2',
        platform: 'linux',
        launch_time: '2026-11-19T10:00:00.000Z',
        created_time: '2026-01-02T03:04:05.000Z',
        monitoring: true,
        image_id: 'Canonical:ubuntu-24_04-lts:server:latest',
        resource_group: 'rg-api',
      },
    });
  });

  it.each([
    ['Standard_B2ms', 'bms'],
    ['Standard_E16s_v3', 'esv3'],
    ['Standard_NC4as_T4_v3', 'ncas'],
    ['Standard_F8s_v2', 'fsv2'],
  ])('family of %s is %s', (size, family) => {
    const record = toInstanceRecord(vm({ hardwareProfile: { vmSize: size } }), 'sub-1');

    expect(record.fields.family).toBe(family);
  });

  it('leaves state unknown and zone empty when Azure gives neither', () => {
    const record = toInstanceRecord(vm({ instanceView: undefined, zones: undefined }), 'sub-1');

    expect(record.fields.state).toBe('unknown');
    expect(record.fields.native_state).toBeUndefined();
    expect(record.fields.launch_time).toBeUndefined();
    expect(record.fields.zone).toBe('');
  });

  it('takes the platform from the OS profile and the image from its id when needed', () => {
    const record = toInstanceRecord(
      vm({
        storageProfile: {
          imageReference: {
            id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/images/golden',
          },
        },
        osProfile: { windowsConfiguration: {} },
      }),
      'sub-1',
    );

    expect(record.fields.platform).toBe('windows');
    expect(record.fields.image_id).toBe(
      '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/images/golden',
    );
  });

  it('uses the statuses fetched separately when given', () => {
    const record = toInstanceRecord(vm({ instanceView: undefined }), 'sub-1', [
      { code: 'PowerState/stopped' },
    ]);

    expect(record.fields.state).toBe('stopped');
  });
});
