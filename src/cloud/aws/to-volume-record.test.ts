import { describe, expect, it } from 'vitest';
import { toVolumeRecord, toVolumeState } from './to-volume-record.js';

const scope = { account: '123456789012', region: 'us-east-1' };

describe('toVolumeState', () => {
  it.each([
    ['creating', 'pending'],
    ['available', 'available'],
    ['in-use', 'in_use'],
    ['deleting', 'terminated'],
    ['deleted', 'terminated'],
    ['error', 'failed'],
    ['odd', 'unknown'],
  ] as const)('maps %s to %s', (native, expected) => {
    expect(toVolumeState(native)).toBe(expected);
  });
});

describe('toVolumeRecord', () => {
  it('reports an attached volume with its instance', () => {
    const volume = {
      VolumeId: 'vol-1',
      State: 'in-use' as const,
      Size: 100,
      VolumeType: 'gp3' as const,
      Encrypted: true,
      AvailabilityZone: 'us-east-1a',
      CreateTime: new Date('2025-05-05T05:05:05Z'),
      Iops: 3000,
      Attachments: [{ InstanceId: 'i-9', State: 'attached' as const, Device: '/dev/xvda' }],
      Tags: [{ Key: 'Name', Value: 'root' }],
    };

    const record = toVolumeRecord(volume, scope);

    expect(record.name).toBe('root');
    expect(record.fields).toEqual({
      state: 'in_use',
      size_gb: 100,
      volume_type: 'gp3',
      attached: true,
      attached_to: 'i-9',
      encrypted: true,
      zone: 'us-east-1a',
      created_time: '2025-05-05T05:05:05.000Z',
      iops: 3000,
    });
  });

  it.each([
    [[], false],
    [[{ InstanceId: 'i-1', State: 'detached' as const }], false],
    [[{ InstanceId: 'i-1', State: 'attaching' as const }], true],
  ])('attachments %o → attached %s', (attachments, expected) => {
    const record = toVolumeRecord({ VolumeId: 'vol-2', State: 'available', Attachments: attachments }, scope);

    expect(record.fields.attached).toBe(expected);
  });
});
