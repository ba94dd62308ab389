import { describe, expect, it } from 'vitest';
import { normalizeRdsEngine, toDatabaseRecord, toDatabaseState } from './to-database-record.js';

describe('normalizeRdsEngine', () => {
  it.each([
    ['mysql', 'mysql'],
    ['postgres', 'postgres'],
    ['mariadb', 'mariadb'],
    ['aurora', 'aurora-mysql'],
    ['aurora-mysql', 'aurora-mysql'],
    ['aurora-postgresql', 'aurora-postgresql'],
    ['sqlserver-ee', 'sqlserver'],
    ['sqlserver-web', 'sqlserver'],
    ['custom-sqlserver-se', 'sqlserver'],
    ['oracle-ee', 'oracle'],
    ['oracle-se2-cdb', 'oracle'],
    ['custom-oracle-ee', 'oracle'],
    ['db2-se', 'db2'],
    [undefined, undefined],
  ] as const)('maps %s to %s', (engine, expected) => {
    expect(normalizeRdsEngine(engine)).toBe(expected);
  });
});

describe('toDatabaseState', () => {
  it.each([
    ['available', 'available'],
    ['backing-up', 'available'],
    ['modifying', 'available'],
    ['creating', 'pending'],
    ['starting', 'pending'],
    ['rebooting', 'pending'],
    ['stopping', 'stopping'],
    ['stopped', 'stopped'],
    ['deleting', 'terminated'],
    ['failed', 'failed'],
    ['storage-full', 'failed'],
    ['something-new', 'unknown'],
  ] as const)('maps %s to %s', (native, expected) => {
    expect(toDatabaseState(native)).toBe(expected);
  });
});

describe('toDatabaseRecord', () => {
  it('normalizes an RDS instance', () => {
    const instance = {
      DBInstanceIdentifier: 'orders-db',
      Engine: 'aurora-postgresql',
      EngineVersion: '15.4',
      DBInstanceStatus: 'stopped',
      DBInstanceClass: 'db.r6g.large',
      MultiAZ: false,
      PubliclyAccessible: true,
      AllocatedStorage: 20,
      StorageEncrypted: true,
      AvailabilityZone: 'eu-west-1c',
      InstanceCreateTime: new Date('2024-02-03T04:05:06Z'),
      TagList: [{ Key: 'team', Value: 'orders' }],
    };

    const record = toDatabaseRecord(instance, { account: '1', region: 'eu-west-1' });

    expect(record).toEqual({
      provider: 'aws',
      kind: 'database',
      id: 'orders-db',
      name: 'orders-db',
      account: '1',
      region: 'eu-west-1',
      tags: { team: 'orders' },
      fields: {
        engine: 'aurora-postgresql',
        engine_version: '15.4',
        state: 'stopped',
        native_state: 'stopped',
        type: 'db.r6g.large',
        multi_az: false,
        public: true,
        size_gb: 20,
        encrypted: true,
        zone: 'eu-west-1c',
        created_time: '2024-02-03T04:05:06.000Z',
      },
    });
  });
});
