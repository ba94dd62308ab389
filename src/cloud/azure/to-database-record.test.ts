import type { Database, Server } from '@azure/arm-sql';
import { describe, expect, it } from 'vitest';
import { isSystemDatabase, toDatabaseRecord, toDatabaseState } from './to-database-record.js';

const SERVER: Server = {
  id: '/subscriptions/sub-1/resourceGroups/rg-data/providers/Microsoft.Sql/servers/sql-1',
  name: 'sql-1',
  location: 'westeurope',
  version: '12.0',
  publicNetworkAccess: 'Enabled',
};

describe('toDatabaseState', () => {
  it.each([
    ['Online', 'available'],
    ['Scaling', 'available'],
    ['Paused', 'stopped'],
    ['Pausing', 'stopping'],
    ['Resuming', 'pending'],
    ['Creating', 'pending'],
    ['Offline', 'inactive'],
    ['Disabled', 'inactive'],
    ['Inaccessible', 'failed'],
    ['Suspect', 'failed'],
    ['Whatever', 'unknown'],
    [undefined, 'unknown'],
  ])('%s → %s', (native, state) => {
    expect(toDatabaseState(native)).toBe(state);
  });
});

describe('isSystemDatabase', () => {
  it.each([
    [{ name: 'master' }, true],
    [{ name: 'db', kind: 'v12.0,system' }, true],
    [{ name: 'db', sku: { name: 'System', tier: 'System' } }, true],
    [{ name: 'orders', kind: 'v12.0,user,vcore' }, false],
  ])('%j → %s', (database, system) => {
    expect(isSystemDatabase(database)).toBe(system);
  });
});

describe('toDatabaseRecord', () => {
  it('normalizes a database with its server', () => {
    const database: Database = {
      id: `${SERVER.id!}/databases/orders`,
      name: 'orders',
      location: 'westeurope',
      sku: { name: 'GP_S_Gen5', tier: 'GeneralPurpose', capacity: 2 },
      status: 'Paused',
      zoneRedundant: true,
      maxSizeBytes: 200 * 1024 ** 3,
      currentServiceObjectiveName: 'GP_S_Gen5_2',
      creationDate: new Date('2025-08-01T15:45:48Z'),
      tags: { app: 'orders' },
    };

    const record = toDatabaseRecord(database, SERVER, 'sub-1');

    expect(record).toMatchObject({
      id: database.id,
      name: 'orders',
      region: 'westeurope',
      tags: { app: 'orders' },
    });
    expect(record.fields).toEqual({
      engine: 'sqlserver',
      engine_version: '12.0',
      state: 'stopped',
      native_state: 'Paused',
      type: 'GP_S_Gen5',
      service_objective: 'GP_S_Gen5_2',
      tier: 'GeneralPurpose',
      multi_az: true,
      public: true,
      size_gb: 200,
      created_time: '2025-08-01T15:45:48.000Z',
      server: 'sql-1',
      resource_group: 'rg-data',
    });
  });
});
