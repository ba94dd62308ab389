import { describe, expect, it } from 'vitest';
import { parseArmId } from './parse-arm-id.js';
import { toLocationName } from './to-location-name.js';

describe('parseArmId', () => {
  it.each([
    [
      '/subscriptions/s1/resourceGroups/rg-1/providers/Microsoft.Compute/virtualMachines/vm-1',
      {
        subscription: 's1',
        resourceGroup: 'rg-1',
        namespace: 'Microsoft.Compute',
        type: 'Microsoft.Compute/virtualMachines',
        name: 'vm-1',
      },
    ],
    [
      '/SUBSCRIPTIONS/s1/RESOURCEGROUPS/rg-1/PROVIDERS/Microsoft.Sql/servers/sql-1/databases/db-1',
      {
        subscription: 's1',
        resourceGroup: 'rg-1',
        namespace: 'Microsoft.Sql',
        type: 'Microsoft.Sql/servers/databases',
        name: 'db-1',
      },
    ],
    ['/subscriptions/s1/resourceGroups/rg-1', { subscription: 's1', resourceGroup: 'rg-1', name: 'rg-1' }],
    ['/subscriptions/s1', { subscription: 's1', name: 's1' }],
    ['not-an-id', { name: 'not-an-id' }],
    ['', { name: '' }],
  ])('%s', (id, parts) => {
    expect(parseArmId(id)).toEqual(parts);
  });
});

describe('toLocationName', () => {
  it.each([
    ['westeurope', 'westeurope'],
    ['West Europe', 'westeurope'],
    ['East US 2', 'eastus2'],
    [undefined, ''],
  ])('%s → %s', (location, name) => {
    expect(toLocationName(location)).toBe(name);
  });
});
