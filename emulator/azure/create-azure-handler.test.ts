import { beforeAll, describe, expect, it } from 'vitest';
import { createEstateIndex } from '../estate/estate-index.js';
import { generateEstate } from '../estate/generate-estate.js';
import type { Estate, EstateInstance } from '../estate/model.js';
import type { EmulatedErrorKind, ProviderHandler, WireRequest } from '../server/wire.js';
import { createAzureHandler } from './create-azure-handler.js';

function wireRequest(method: string, path: string, body = ''): WireRequest {
  return {
    method,
    url: new URL(`http://127.0.0.1:5000${path}`),
    headers: { host: '127.0.0.1:5000' },
    body: Buffer.from(body),
  };
}

describe('createAzureHandler', () => {
  let estate: Estate;
  let handler: ProviderHandler;
  let vm: EstateInstance;

  beforeAll(() => {
    estate = generateEstate({ seed: 3, size: 'tiny', anchorTime: '2026-11-20T00:00:00.000Z' });
    handler = createAzureHandler({ estate, index: createEstateIndex(estate), pageSizeCaps: {} });
    vm = estate.instances.find((instance) => instance.provider === 'azure')!;
  });

  it.each([
    ['GET', '/subscriptions?api-version=2022-12-01', 'subscriptions', 'Subscriptions_List', false],
    [
      'GET',
      '/subscriptions/{sub}/locations?api-version=2022-12-01',
      'subscriptions',
      'Subscriptions_ListLocations',
      false,
    ],
    [
      'GET',
      '/subscriptions/{sub}/resourcegroups?api-version=2021-04-01',
      'Microsoft.Resources',
      'ResourceGroups_List',
      false,
    ],
    [
      'GET',
      '/subscriptions/{sub}/providers/microsoft.compute/VIRTUALMACHINES?api-version=1',
      'Microsoft.Compute',
      'VirtualMachines_ListAll',
      false,
    ],
    [
      'GET',
      '/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.Compute/virtualMachines?api-version=1',
      'Microsoft.Compute',
      'VirtualMachines_List',
      false,
    ],
    ['GET', '{vm}/instanceView?api-version=1', 'Microsoft.Compute', 'VirtualMachines_InstanceView', false],
    [
      'GET',
      '/subscriptions/{sub}/providers/Microsoft.Compute/disks?api-version=1',
      'Microsoft.Compute',
      'Disks_List',
      false,
    ],
    [
      'GET',
      '/subscriptions/{sub}/providers/Microsoft.Web/sites?api-version=1',
      'Microsoft.Web',
      'WebApps_List',
      false,
    ],
    [
      'GET',
      '/subscriptions/{sub}/providers/Microsoft.Sql/servers?api-version=1',
      'Microsoft.Sql',
      'Servers_List',
      false,
    ],
    [
      'GET',
      '/subscriptions/{sub}/providers/Microsoft.Storage/storageAccounts?api-version=1',
      'Microsoft.Storage',
      'StorageAccounts_List',
      false,
    ],
    [
      'GET',
      '/subscriptions/{sub}/providers/Microsoft.OperationalInsights/workspaces?api-version=1',
      'Microsoft.OperationalInsights',
      'Workspaces_List',
      false,
    ],
    [
      'GET',
      '{vm}/providers/Microsoft.Insights/metrics?api-version=2018-01-01',
      'Microsoft.Insights',
      'Metrics_List',
      false,
    ],
    [
      'GET',
      '/subscriptions/{sub}/providers/Microsoft.Insights/eventtypes/management/values?api-version=1',
      'Microsoft.Insights',
      'ActivityLogs_List',
      false,
    ],
    [
      'POST',
      '/v1/workspaces/00000000-0000-4000-8000-000000000000/query',
      'loganalytics',
      'Query_Execute',
      false,
    ],
    [
      'GET',
      '/workspaces/00000000-0000-4000-8000-000000000000/query?query=AppTraces',
      'loganalytics',
      'Query_Get',
      false,
    ],
    ['POST', '{vm}/start?api-version=1', 'Microsoft.Compute', 'VirtualMachines_Start', true],
    ['POST', '{vm}/powerOff?api-version=1', 'Microsoft.Compute', 'VirtualMachines_PowerOff', true],
    ['PUT', '{vm}?api-version=1', 'Microsoft.Compute', 'VirtualMachines_CreateOrUpdate', true],
    ['PATCH', '{vm}?api-version=1', 'Microsoft.Compute', 'VirtualMachines_Update', true],
    [
      'DELETE',
      '/subscriptions/{sub}/resourceGroups/{rg}?api-version=1',
      'Microsoft.Resources',
      'ResourceGroups_Delete',
      true,
    ],
    [
      'PUT',
      '/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.Storage/storageAccounts/x?api-version=1',
      'Microsoft.Storage',
      'StorageAccounts_Create',
      true,
    ],
  ])('routes %s %s to %s %s', (method, template, service, operation, mutating) => {
    const path = template
      .replace('{vm}', vm.id)
      .replace('{sub}', vm.account)
      .replace('{rg}', vm.resourceGroup!);

    const route = handler.route(wireRequest(method, path));

    expect(route).toMatchObject({ service, operation, mutating });
  });

  it('addresses single-resource calls to the subscription and the resource location', () => {
    const route = handler.route(wireRequest('GET', `${vm.id}?api-version=1`));
    const list = handler.route(
      wireRequest(
        'GET',
        `/subscriptions/${vm.account}/providers/Microsoft.Compute/virtualMachines?api-version=1`,
      ),
    );

    expect(route).toMatchObject({ operation: 'VirtualMachines_Get', account: vm.account, region: vm.region });
    expect(list?.region).toBeUndefined();
  });

  it.each([
    ['POST', '{vm}/listKeys?api-version=1'],
    ['GET', '/'],
    ['GET', '/subscriptions/{sub}/providers/Microsoft.Network/virtualNetworks?api-version=1'],
    ['HEAD', '/subscriptions/{sub}/resourceGroups/{rg}?api-version=1'],
  ])('does not route %s %s', (method, template) => {
    const path = template
      .replace('{vm}', vm.id)
      .replace('{sub}', vm.account)
      .replace('{rg}', vm.resourceGroup!);

    expect(handler.route(wireRequest(method, path))).toBeUndefined();
  });

  it.each<[EmulatedErrorKind, number, string, string | undefined]>([
    ['throttled', 429, 'TooManyRequests', '4'],
    ['unavailable', 503, 'ServiceUnavailable', '4'],
    ['region_down', 503, 'ServiceUnavailable', '4'],
    ['denied', 403, 'AuthorizationFailed', undefined],
    ['mutation_refused', 403, 'AuthorizationFailed', undefined],
    ['invalid', 400, 'InvalidParameter', undefined],
    ['not_found', 404, 'ResourceNotFound', undefined],
  ])('renders %s as ARM %i %s', (kind, status, code, retryAfter) => {
    const request = wireRequest('GET', `${vm.id}?api-version=1`);
    const route = handler.route(request);

    const response = handler.renderError({ kind, message: 'injected', retryAfterSeconds: 4 }, request, route);

    expect(response.status).toBe(status);
    expect(JSON.parse(String(response.body))).toMatchObject({ error: { code } });
    expect(response.headers?.['retry-after']).toBe(retryAfter);
    expect(response.headers?.['x-ms-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers?.['x-ms-correlation-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each([
    ['/subscriptions/{sub}/providers/Microsoft.Compute/galleries?api-version=1', 404, 'InvalidResourceType'],
    [
      '/subscriptions/{sub}/providers/Microsoft.Network/virtualNetworks?api-version=1',
      404,
      'InvalidResourceNamespace',
    ],
    ['/subscriptions/{sub}/providers/Microsoft.Network/virtualNetworks', 400, 'MissingApiVersionParameter'],
  ])('renders an unknown operation on %s as %i %s', (template, status, code) => {
    const request = wireRequest('GET', template.replace('{sub}', vm.account));

    const response = handler.renderError(
      { kind: 'unknown_operation', message: 'not emulated' },
      request,
      undefined,
    );

    expect(response.status).toBe(status);
    expect(JSON.parse(String(response.body))).toMatchObject({ error: { code } });
  });

  it('renders Log Analytics errors in the query API envelope', () => {
    const request = wireRequest(
      'POST',
      '/v1/workspaces/00000000-0000-4000-8000-000000000000/query',
      '{"query":"AppTraces"}',
    );
    const route = handler.route(request);

    const response = handler.renderError(
      { kind: 'throttled', message: 'slow down', retryAfterSeconds: 2 },
      request,
      route,
    );

    expect(response.status).toBe(429);
    expect(response.headers?.['retry-after']).toBe('2');
    const body = JSON.parse(String(response.body)) as { error: { code: string; correlationId: string } };
    expect(body.error.code).toBe('ThrottledError');
    expect(body.error.correlationId).toBe(response.headers?.['x-ms-correlation-request-id']);
  });

  it('renders malformed as a truncated JSON body with status 200', () => {
    const request = wireRequest('GET', `${vm.id}?api-version=1`);

    const response = handler.renderMalformed(request, handler.route(request)!);

    expect(response.status).toBe(200);
    expect(response.headers?.['content-type']).toContain('application/json');
    expect(() => JSON.parse(String(response.body)) as unknown).toThrow(SyntaxError);
    expect(String(response.body).startsWith(`{"name":"${vm.name}"`)).toBe(true);
  });
});
