import { describe, expect, it } from 'vitest';
import { toInstanceFamily, toInstanceRecord, toInstanceState } from './to-instance-record.js';

const scope = { account: '123456789012', region: 'eu-west-1' };

describe('toInstanceState', () => {
  it.each([
    ['pending', 'pending'],
    ['running', 'running'],
    ['stopping', 'stopping'],
    ['stopped', 'stopped'],
    ['shutting-down', 'terminated'],
    ['terminated', 'terminated'],
    ['rebooting', 'unknown'],
    [undefined, 'unknown'],
  ] as const)('maps %s to %s', (native, expected) => {
    expect(toInstanceState(native)).toBe(expected);
  });
});

describe('toInstanceFamily', () => {
  it.each([
    ['t3.micro', 't3'],
    ['m7g.metal-48xl', 'm7g'],
    ['u-6tb1.112xlarge', 'u-6tb1'],
    ['weird', 'weird'],
    [undefined, undefined],
  ] as const)('takes %s to %s', (type, expected) => {
    expect(toInstanceFamily(type)).toBe(expected);
  });
});

describe('toInstanceRecord', () => {
  it('normalizes every documented field', () => {
    const instance = {
      InstanceId: 'i-0123456789abcdef0',
      InstanceType: 'c5.xlarge' as const,
      State: { Name: 'shutting-down' as const, Code: 32 },
      Placement: { AvailabilityZone: 'eu-west-1b' },
      Platform: 'Windows' as const,
      PrivateIpAddress: '10.0.0.5',
      PublicIpAddress: '54.1.2.3',
      LaunchTime: new Date('2026-11-01T10:00:00Z'),
      Monitoring: { State: 'enabled' as const },
      ImageId: 'ami-123',
      Tags: [
        { Key: 'Name', Value: 'web-1' },
        { Key: 'env', Value: 'prod' },
      ],
    };

    const record = toInstanceRecord(instance, scope);

    expect(record).toEqual({
      provider: 'aws',
      kind: 'instance',
      id: 'i-0123456789abcdef0',
      name: 'web-1',
      account: '123456789012',
      region: 'eu-west-1',
      tags: { Name: 'web-1', env: 'prod' },
      fields: {
        state: 'terminated',
        native_state: 'shutting-down',
        type: 'c5.xlarge',
        family: 'c5',
        zone: 'eu-west-1b',
        platform: 'windows',
        private_ip: '10.0.0.5',
        public_ip: '54.1.2.3',
        launch_time: '2026-11-01T10:00:00.000Z',
        monitoring: true,
        image_id: 'ami-123',
      },
    });
  });

  it('leaves unknown fields absent, never puts LaunchTime in created_time, and names untagged instances ""', () => {
    const instance = {
      InstanceId: 'i-1',
      State: { Name: 'running' as const },
      LaunchTime: new Date('2026-01-01T00:00:00Z'),
    };

    const record = toInstanceRecord(instance, scope);

    expect(record.name).toBe('');
    expect(record.fields).toEqual({
      state: 'running',
      native_state: 'running',
      platform: 'linux',
      launch_time: '2026-01-01T00:00:00.000Z',
    });
    expect(record.fields).not.toHaveProperty('created_time');
  });
});
