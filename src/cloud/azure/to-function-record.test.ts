import type { Site } from '@azure/arm-appservice';
import { describe, expect, it } from 'vitest';
import { isFunctionRuntimeDeprecated, toRuntimeKey } from './function-runtime-deprecations.js';
import { isFunctionApp, runtimeOf, toFunctionRecord, toSiteState } from './to-function-record.js';

const NOW = new Date('2026-11-25T00:00:00Z');

function site(overrides: Partial<Site> = {}): Site {
  return {
    id: '/subscriptions/sub-1/resourceGroups/rg-fn/providers/Microsoft.Web/sites/func-orders',
    name: 'func-orders',
    location: 'West Europe',
    kind: 'functionapp,linux',
    state: 'Running',
    siteConfig: { linuxFxVersion: 'PYTHON|3.11' },
    containerSize: 1536,
    lastModifiedTimeUtc: new Date('2026-06-10T09:19:01Z'),
    resourceGroup: 'rg-fn',
    ...overrides,
  };
}

describe('isFunctionApp', () => {
  it.each([
    ['functionapp', true],
    ['functionapp,linux', true],
    ['functionapp,linux,container', true],
    ['app,linux', false],
    ['app', false],
    [undefined, false],
  ])('%s → %s', (kind, expected) => {
    expect(isFunctionApp({ kind })).toBe(expected);
  });
});

describe('runtimes', () => {
  it.each([
    ['PYTHON|3.7', true],
    ['PYTHON|3.8', true],
    ['Python|3.11', false],
    ['PYTHON|3.12', false],
    ['NODE|14', true],
    ['NODE|16', true],
    ['NODE|20', true],
    ['NODE|22', false],
    ['NODE|22-lts', false],
    ['DOTNETCORE|3.1', true],
    ['DOTNET-ISOLATED|8.0', true],
    ['DOTNET-ISOLATED|10', false],
    ['JAVA|17', false],
    ['POWERSHELL|7.2', true],
    ['PYTHON|2.7', undefined],
    ['DOCKER|nginx:latest', undefined],
    ['', undefined],
  ])('%s deprecated at 2026-11-25: %s', (runtime, deprecated) => {
    expect(isFunctionRuntimeDeprecated(runtime, NOW)).toBe(deprecated);
  });

  it('normalizes stack keys', () => {
    expect(toRuntimeKey('dotnet-isolated|8')).toBe('DOTNET-ISOLATED|8.0');
    expect(toRuntimeKey('Node|20-LTS')).toBe('NODE|20');
    expect(toRuntimeKey('no-bar')).toBeUndefined();
  });

  it('reads Flex Consumption runtimes when linuxFxVersion is empty', () => {
    expect(
      runtimeOf({
        siteConfig: { linuxFxVersion: '' },
        functionAppConfig: { runtime: { name: 'python', version: '3.11' } },
      }),
    ).toBe('PYTHON|3.11');
    expect(runtimeOf({ siteConfig: { linuxFxVersion: '' } })).toBeUndefined();
  });
});

describe('toFunctionRecord', () => {
  it('normalizes a function app', () => {
    const record = toFunctionRecord(site(), 'sub-1', NOW);

    expect(record).toMatchObject({
      provider: 'azure',
      kind: 'function',
      name: 'func-orders',
      region: 'westeurope',
    });
    expect(record.fields).toEqual({
      runtime: 'PYTHON|3.11',
      runtime_deprecated: false,
      memory_mb: 1536,
      state: 'active',
      native_state: 'Running',
      last_modified: '2026-06-10T09:19:01.000Z',
      log_group: 'AppTraces/func-orders',
      resource_group: 'rg-fn',
    });
  });

  it.each([
    ['Running', 'active'],
    ['Stopped', 'inactive'],
    ['Unknown', 'unknown'],
    [undefined, undefined],
  ])('state %s → %s', (native, state) => {
    expect(toSiteState(native)).toBe(state);
  });

  it('prefers the configuration fetched separately', () => {
    const record = toFunctionRecord(site({ siteConfig: {} }), 'sub-1', NOW, 'NODE|14');

    expect(record.fields).toMatchObject({ runtime: 'NODE|14', runtime_deprecated: true });
  });
});
