import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isRestError, type RestError } from '@azure/core-rest-pipeline';
import { generateEstate } from '../estate/generate-estate.js';
import type { Estate, EstateInstance } from '../estate/model.js';
import { startEmulator, type RunningEmulator } from '../server/start-emulator.js';
import { createAzureTestClients, type AzureTestClients } from './create-azure-test-clients.js';

const ANCHOR = '2026-11-20T00:00:00.000Z';

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

async function failure(promise: Promise<unknown>): Promise<RestError> {
  try {
    await promise;
  } catch (error) {
    if (isRestError(error)) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('Azure fault injection surfaced through the official SDKs', () => {
  let estate: Estate;
  let emulator: RunningEmulator;
  let clients: AzureTestClients;
  let vm: EstateInstance;

  beforeAll(async () => {
    estate = generateEstate({ seed: 7, size: 'small', anchorTime: ANCHOR });
    emulator = await startEmulator({ estate });
    clients = createAzureTestClients(emulator.endpoints.azure);
    vm = estate.instances.find((instance) => instance.provider === 'azure')!;
  });

  afterEach(() => {
    emulator.faults.clear();
  });

  afterAll(async () => {
    await emulator.close();
  });

  it('throttles with 429 TooManyRequests, Retry-After and exhausted read counters', async () => {
    emulator.faults.add({
      kind: 'throttle',
      provider: 'azure',
      operation: 'VirtualMachines_ListAll',
      retryAfterSeconds: 7,
    });

    const error = await failure(collect(clients.compute(vm.account).virtualMachines.listAll()));

    expect(error.statusCode).toBe(429);
    expect(error.code).toBe('TooManyRequests');
    expect(error.response?.headers.get('retry-after')).toBe('7');
    expect(error.response?.headers.get('x-ms-ratelimit-remaining-subscription-reads')).toBe('0');
    expect(error.response?.headers.get('x-ms-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(emulator.journal.query({ operation: 'VirtualMachines_ListAll' }).at(-1)).toMatchObject({
      status: 429,
      fault: 'throttle',
    });
  });

  it.each([
    ['unavailable', 503, 'ServiceUnavailable'],
    ['denied', 403, 'AuthorizationFailed'],
  ] as const)('renders %s as %i %s', async (kind, status, code) => {
    emulator.faults.add({ kind, provider: 'azure', service: 'Microsoft.Sql' });

    const error = await failure(collect(clients.sql(vm.account).servers.list()));

    expect(error.statusCode).toBe(status);
    expect(error.code).toBe(code);
    if (kind === 'unavailable') expect(error.response?.headers.get('retry-after')).toBe('1');
    if (kind === 'denied') expect(error.message).toContain("perform action 'Microsoft.Sql/servers/read'");
  });

  it('takes a region down for calls on resources in that region only', async () => {
    const other = estate.instances.find(
      (instance) => instance.provider === 'azure' && instance.region !== vm.region,
    )!;
    emulator.faults.add({ kind: 'region_down', provider: 'azure', region: vm.region });
    const compute = clients.compute(vm.account);

    const down = await failure(compute.virtualMachines.get(vm.resourceGroup!, vm.name));
    const up = await clients.compute(other.account).virtualMachines.get(other.resourceGroup!, other.name);

    expect(down.statusCode).toBe(503);
    expect(down.code).toBe('ServiceUnavailable');
    expect(up.name).toBe(other.name);
  });

  it('sends a truncated JSON body for malformed', async () => {
    emulator.faults.add({ kind: 'malformed', provider: 'azure', operation: 'Servers_List' });

    const error = await failure(collect(clients.sql(vm.account).servers.list()));
    const raw = await fetch(
      `${emulator.endpoints.azure}/subscriptions/${vm.account}/providers/Microsoft.Sql/servers?api-version=2022-08-01-preview`,
    );
    const text = await raw.text();

    expect(error.code).toBe('PARSE_ERROR');
    expect(raw.status).toBe(200);
    expect(raw.headers.get('content-type')).toContain('application/json');
    expect(() => JSON.parse(text) as unknown).toThrow();
  });

  it('throttles Log Analytics queries in the query API shape', async () => {
    const group = estate.logGroups.find((candidate) => candidate.provider === 'azure')!;
    const workspaceId = group.id.split('/')[0]!;
    emulator.faults.add({
      kind: 'throttle',
      provider: 'azure',
      service: 'loganalytics',
      retryAfterSeconds: 3,
    });

    const error = await failure(
      clients.logs.queryWorkspace(workspaceId, 'AppTraces | take 1', { duration: 'PT1H' }),
    );

    expect(error.statusCode).toBe(429);
    expect(error.code).toBe('ThrottledError');
    expect(error.response?.headers.get('retry-after')).toBe('3');
  });
});

describe('Azure determinism', () => {
  let first: RunningEmulator;
  let second: RunningEmulator;
  let estate: Estate;

  beforeAll(async () => {
    estate = generateEstate({ seed: 7, size: 'small', anchorTime: ANCHOR });
    first = await startEmulator({
      estate: generateEstate({ seed: 7, size: 'small', anchorTime: ANCHOR }),
      pageSizeCaps: { azure: 10 },
    });
    second = await startEmulator({
      estate: generateEstate({ seed: 7, size: 'small', anchorTime: ANCHOR }),
      pageSizeCaps: { azure: 10 },
    });
  });

  afterAll(async () => {
    await Promise.all([first.close(), second.close()]);
  });

  it('serves byte-identical bodies from two emulators of the same seed', async () => {
    const vm = estate.instances.find((instance) => instance.provider === 'azure')!;
    const workspaceId = estate.logGroups.find((group) => group.provider === 'azure')!.id.split('/')[0]!;
    const paths = [
      '/subscriptions?api-version=2022-12-01',
      `/subscriptions/${vm.account}/providers/Microsoft.Compute/virtualMachines?api-version=2024-07-01&statusOnly=true`,
      `/subscriptions/${vm.account}/providers/Microsoft.Compute/disks?api-version=2024-03-02`,
      `${vm.id}/instanceView?api-version=2024-07-01`,
      `${vm.id}/providers/Microsoft.Insights/metrics?api-version=2018-01-01&metricnames=Percentage%20CPU&timespan=2026-11-19T00:00:00Z/2026-11-20T00:00:00Z&interval=PT1H&aggregation=Average,Maximum`,
      `/subscriptions/${vm.account}/providers/Microsoft.Insights/eventtypes/management/values?api-version=2015-04-01&$filter=eventTimestamp ge '2026-10-01T00:00:00Z'`,
    ];

    for (const path of paths) {
      const [a, b] = await Promise.all([
        fetch(`${first.endpoints.azure}${path}`),
        fetch(`${second.endpoints.azure}${path}`),
      ]);
      const [textA, textB] = await Promise.all([a.text(), b.text()]);
      expect(a.status).toBe(200);
      expect(textA.replaceAll(first.endpoints.azure, 'ORIGIN')).toBe(
        textB.replaceAll(second.endpoints.azure, 'ORIGIN'),
      );
    }
    const query = JSON.stringify({ query: 'Syslog | summarize count() by Computer', timespan: 'P1D' });
    const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: query };
    const [a, b] = await Promise.all([
      fetch(`${first.endpoints.azure}/v1/workspaces/${workspaceId}/query`, init),
      fetch(`${second.endpoints.azure}/v1/workspaces/${workspaceId}/query`, init),
    ]);
    expect(a.status).toBe(200);
    expect(await a.text()).toBe(await b.text());
  });
});
