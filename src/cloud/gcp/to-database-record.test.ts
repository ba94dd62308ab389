import { describe, expect, it } from 'vitest';
import {
  toDatabaseRecord,
  toDatabaseState,
  toNativeDatabaseState,
  toSqlEngine,
  toSqlEngineVersion,
} from './to-database-record.js';

describe('toDatabaseState', () => {
  it.each([
    ['RUNNABLE', 'available'],
    ['MAINTENANCE', 'available'],
    ['STOPPED', 'stopped'],
    ['SUSPENDED', 'stopped'],
    ['PENDING_CREATE', 'pending'],
    ['PENDING_DELETE', 'terminated'],
    ['FAILED', 'failed'],
    ['REPAIRING', 'unknown'],
    [undefined, 'unknown'],
  ] as const)('%s → %s', (native, expected) => {
    expect(toDatabaseState(native)).toBe(expected);
  });
});

describe('toNativeDatabaseState', () => {
  it.each([
    [{ state: 'RUNNABLE', settings: { activationPolicy: 'ALWAYS' } }, 'RUNNABLE'],
    [{ state: 'RUNNABLE', settings: { activationPolicy: 'NEVER' } }, 'STOPPED'],
    [{ state: 'SUSPENDED' }, 'SUSPENDED'],
    [{ state: 'SQL_INSTANCE_STATE_UNSPECIFIED' }, undefined],
  ] as const)('%j → %s', (instance, expected) => {
    expect(toNativeDatabaseState(instance)).toBe(expected);
  });
});

describe('toSqlEngine and toSqlEngineVersion', () => {
  it.each([
    ['POSTGRES_16', 'POSTGRES_16_4', 'postgres', '16.4'],
    ['POSTGRES_15', undefined, 'postgres', '15'],
    ['MYSQL_8_0', 'MYSQL_8_0_36', 'mysql', '8.0.36'],
    ['MYSQL_5_7', undefined, 'mysql', '5.7'],
    ['SQLSERVER_2022_STANDARD', undefined, 'sqlserver', '2022_STANDARD'],
    [undefined, undefined, undefined, undefined],
  ] as const)('%s / %s → %s %s', (version, installed, engine, engineVersion) => {
    expect(toSqlEngine(version)).toBe(engine);
    expect(toSqlEngineVersion(version, installed)).toBe(engineVersion);
  });
});

describe('toDatabaseRecord', () => {
  it('normalizes a Cloud SQL instance (wrapped values as the REST decoder gives them)', () => {
    const record = toDatabaseRecord(
      {
        name: 'orders-pg',
        state: 'RUNNABLE',
        databaseVersion: 'POSTGRES_16',
        databaseInstalledVersion: 'POSTGRES_16_4',
        region: 'europe-west1',
        gceZone: 'europe-west1-d',
        createTime: { seconds: '1726238222', nanos: 0 },
        diskEncryptionConfiguration: {
          kmsKeyName: 'projects/p1/locations/europe-west1/keyRings/r/cryptoKeys/k',
        },
        settings: {
          tier: 'db-custom-2-7680',
          availabilityType: 'REGIONAL',
          activationPolicy: 'ALWAYS',
          ipConfiguration: { ipv4Enabled: { value: true } },
          dataDiskSizeGb: { value: '500' },
          userLabels: { app: 'orders' },
        },
      },
      'p1',
    );

    expect(record).toEqual({
      provider: 'gcp',
      kind: 'database',
      id: 'orders-pg',
      name: 'orders-pg',
      account: 'p1',
      region: 'europe-west1',
      tags: { app: 'orders' },
      fields: {
        engine: 'postgres',
        engine_version: '16.4',
        state: 'available',
        native_state: 'RUNNABLE',
        type: 'db-custom-2-7680',
        multi_az: true,
        public: true,
        size_gb: 500,
        encrypted: true,
        encryption_type: 'customer-managed',
        zone: 'europe-west1-d',
        created_time: '2024-09-13T14:37:02.000Z',
      },
    });
  });

  it('reports a stopped zonal private instance', () => {
    const record = toDatabaseRecord(
      {
        name: 'db',
        state: 'RUNNABLE',
        databaseVersion: 'MYSQL_8_0',
        settings: {
          activationPolicy: 'NEVER',
          availabilityType: 'ZONAL',
          ipConfiguration: { ipv4Enabled: { value: false } },
        },
      },
      'p1',
    );

    expect(record.fields).toMatchObject({
      state: 'stopped',
      native_state: 'STOPPED',
      multi_az: false,
      public: false,
      encryption_type: 'google-managed',
    });
  });
});
