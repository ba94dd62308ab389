import { describe, expect, it } from 'vitest';
import {
  hasOpsAgentLabel,
  toInstanceRecord,
  toInstanceState,
  toMachineFamily,
} from './to-instance-record.js';

const BASE = 'https://www.googleapis.com/compute/v1/projects/p1';

describe('toInstanceState', () => {
  it.each([
    ['PROVISIONING', 'pending'],
    ['STAGING', 'pending'],
    ['RUNNING', 'running'],
    ['PENDING_STOP', 'stopping'],
    ['STOPPING', 'stopping'],
    ['SUSPENDING', 'stopping'],
    ['SUSPENDED', 'stopped'],
    ['TERMINATED', 'stopped'],
    ['REPAIRING', 'unknown'],
    ['SOMETHING_NEW', 'unknown'],
    [undefined, 'unknown'],
  ] as const)('%s → %s', (native, expected) => {
    expect(toInstanceState(native)).toBe(expected);
  });
});

describe('toMachineFamily', () => {
  it.each([
    ['e2-medium', 'e2'],
    ['n2d-standard-4', 'n2d'],
    ['c3-highcpu-22', 'c3'],
    ['custom-4-16384', 'custom'],
    ['f1', 'f1'],
    [undefined, undefined],
  ] as const)('%s → %s', (type, expected) => {
    expect(toMachineFamily(type)).toBe(expected);
  });
});

describe('hasOpsAgentLabel', () => {
  it.each([
    [{ 'goog-ops-agent-policy': 'v2-x86-template-1-4-0' }, true],
    [{ env: 'prod' }, false],
    [{}, false],
  ])('%j → %s', (labels, expected) => {
    expect(hasOpsAgentLabel(labels)).toBe(expected);
  });
});

describe('toInstanceRecord', () => {
  it('normalizes a Compute instance', () => {
    const record = toInstanceRecord(
      {
        id: '8604761143269900492',
        name: 'web-1',
        status: 'TERMINATED',
        zone: `${BASE}/zones/europe-west1-d`,
        machineType: `${BASE}/zones/europe-west1-d/machineTypes/n2d-standard-4`,
        creationTimestamp: '2026-01-19T04:41:57.000-08:00',
        lastStartTimestamp: '2026-03-01T10:00:00.123-08:00',
        labels: { env: 'prod', 'goog-ops-agent-policy': 'v2' },
        networkInterfaces: [
          { networkIP: '10.0.0.5', accessConfigs: [{ natIP: '' }] },
          { networkIP: '10.1.0.5', accessConfigs: [{ natIP: '34.1.2.3' }] },
        ],
        disks: [{ boot: true, guestOsFeatures: [{ type: 'UEFI_COMPATIBLE' }, { type: 'WINDOWS' }] }],
      },
      'p1',
    );

    expect(record).toEqual({
      provider: 'gcp',
      kind: 'instance',
      id: '8604761143269900492',
      name: 'web-1',
      account: 'p1',
      region: 'europe-west1',
      tags: { env: 'prod', 'goog-ops-agent-policy': 'v2' },
      fields: {
        state: 'stopped',
        native_state: 'TERMINATED',
        type: 'n2d-standard-4',
        family: 'n2d',
        zone: 'europe-west1-d',
        platform: 'windows',
        private_ip: '10.0.0.5',
        public_ip: '34.1.2.3',
        created_time: '2026-01-19T12:41:57.000Z',
        launch_time: '2026-03-01T18:00:00.123Z',
        monitoring: true,
      },
    });
  });

  it('leaves unknown fields absent', () => {
    const record = toInstanceRecord({ id: '1', name: 'bare' }, 'p1');

    expect(record.region).toBe('global');
    expect(record.fields).toEqual({ state: 'unknown', platform: 'linux', monitoring: false });
  });
});
