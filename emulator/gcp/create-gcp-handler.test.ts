import { describe, expect, it } from 'vitest';
import { createEstateIndex } from '../estate/estate-index.js';
import { generateEstate } from '../estate/generate-estate.js';
import type { WireRequest } from '../server/wire.js';
import { createGcpHandler } from './create-gcp-handler.js';

const estate = generateEstate({ seed: 7, size: 'tiny', anchorTime: '2026-11-20T00:00:00.000Z' });
const handler = createGcpHandler({ estate, index: createEstateIndex(estate), pageSizeCaps: {} });

function request(method: string, path: string, body = ''): WireRequest {
  return { method, url: new URL(`http://127.0.0.1:1${path}`), headers: {}, body: Buffer.from(body) };
}

describe('route', () => {
  it.each([
    [
      'GET',
      '/compute/v1/projects/p/aggregated/instances',
      'compute',
      'instances.aggregatedList',
      false,
      undefined,
    ],
    [
      'GET',
      '/compute/v1/projects/p/zones/europe-west1-b/instances',
      'compute',
      'instances.list',
      false,
      'europe-west1',
    ],
    [
      'GET',
      '/compute/v1/projects/p/zones/europe-west1-b/instances/vm-1',
      'compute',
      'instances.get',
      false,
      'europe-west1',
    ],
    ['GET', '/compute/v1/projects/p/aggregated/disks', 'compute', 'disks.aggregatedList', false, undefined],
    ['GET', '/compute/v1/projects/p/zones', 'compute', 'zones.list', false, undefined],
    ['GET', '/compute/v1/projects/p/regions', 'compute', 'regions.list', false, undefined],
    ['GET', '/compute/v1/projects/p', 'compute', 'projects.get', false, undefined],
    [
      'POST',
      '/compute/v1/projects/p/zones/us-east1-b/instances',
      'compute',
      'instances.insert',
      true,
      'us-east1',
    ],
    [
      'POST',
      '/compute/v1/projects/p/zones/us-east1-b/instances/vm-1/stop',
      'compute',
      'instances.stop',
      true,
      'us-east1',
    ],
    [
      'POST',
      '/compute/v1/projects/p/zones/us-east1-b/instances/vm-1/start',
      'compute',
      'instances.start',
      true,
      'us-east1',
    ],
    [
      'POST',
      '/compute/v1/projects/p/zones/us-east1-b/instances/vm-1/reset',
      'compute',
      'instances.reset',
      true,
      'us-east1',
    ],
    [
      'POST',
      '/compute/v1/projects/p/zones/us-east1-b/instances/vm-1/setLabels',
      'compute',
      'instances.setLabels',
      true,
      'us-east1',
    ],
    [
      'DELETE',
      '/compute/v1/projects/p/zones/us-east1-b/instances/vm-1',
      'compute',
      'instances.delete',
      true,
      'us-east1',
    ],
    [
      'DELETE',
      '/compute/v1/projects/p/zones/us-east1-b/disks/d-1',
      'compute',
      'disks.delete',
      true,
      'us-east1',
    ],
    ['POST', '/compute/v1/projects/p/global/firewalls', 'compute', 'firewalls.insert', true, undefined],
    ['GET', '/v2/projects/p/locations/-/functions', 'cloudfunctions', 'functions.list', false, undefined],
    [
      'GET',
      '/v2/projects/p/locations/us-central1/functions/f',
      'cloudfunctions',
      'functions.get',
      false,
      'us-central1',
    ],
    [
      'POST',
      '/v2/projects/p/locations/us-central1/functions',
      'cloudfunctions',
      'functions.create',
      true,
      'us-central1',
    ],
    [
      'DELETE',
      '/v2/projects/p/locations/us-central1/functions/f',
      'cloudfunctions',
      'functions.delete',
      true,
      'us-central1',
    ],
    ['GET', '/v1/projects/p/instances', 'sqladmin', 'instances.list', false, undefined],
    ['GET', '/sql/v1beta4/projects/p/instances', 'sqladmin', 'instances.list', false, undefined],
    ['POST', '/v1/projects/p/instances/db/restart', 'sqladmin', 'instances.restart', true, undefined],
    ['PATCH', '/v1/projects/p/instances/db', 'sqladmin', 'instances.patch', true, undefined],
    ['GET', '/storage/v1/b', 'storage', 'buckets.list', false, undefined],
    ['GET', '/storage/v1/b/bucket-1', 'storage', 'buckets.get', false, undefined],
    ['GET', '/storage/v1/b/bucket-1/iam', 'storage', 'buckets.getIamPolicy', false, undefined],
    ['DELETE', '/storage/v1/b/bucket-1', 'storage', 'buckets.delete', true, undefined],
    ['POST', '/upload/storage/v1/b/bucket-1/o', 'storage', 'objects.insert', true, undefined],
    ['GET', '/v3/projects/p/timeSeries', 'monitoring', 'timeSeries.list', false, undefined],
    ['POST', '/v3/projects/p/timeSeries', 'monitoring', 'timeSeries.create', true, undefined],
    ['GET', '/v3/projects/p', 'cloudresourcemanager', 'projects.get', false, undefined],
    ['POST', '/v2/entries:list', 'logging', 'entries.list', false, undefined],
    ['POST', '/v2/entries:write', 'logging', 'entries.write', true, undefined],
    ['GET', '/v2/projects/p/logs', 'logging', 'logs.list', false, undefined],
    ['DELETE', '/v2/projects/p/logs/x', 'logging', 'logs.delete', true, undefined],
  ])('%s %s is %s %s', (method, path, service, operation, mutating, region) => {
    const route = handler.route(request(method, path));

    expect(route).toMatchObject({ service, operation, mutating });
    expect(route?.region).toBe(region);
  });

  it.each([
    ['GET', '/compute/beta/projects/p/aggregated/instances'],
    ['GET', '/v9/anything'],
    ['GET', '/compute/v1/projects/p/zones/z/instances/vm/serialPort'],
    ['PUT', '/v2/entries:list'],
  ])('does not know %s %s', (method, path) => {
    expect(handler.route(request(method, path))).toBeUndefined();
  });

  it('takes the journal account of entries.list from the body', () => {
    const route = handler.route(
      request('POST', '/v2/entries:list', JSON.stringify({ resourceNames: ['projects/shop-prod-1'] })),
    );

    expect(route?.account).toBe('shop-prod-1');
  });
});

describe('renderError and renderMalformed', () => {
  it.each([
    ['/compute/v1/projects/p/aggregated/instances', 'compute', true],
    ['/storage/v1/b', 'storage', false],
    ['/v3/projects/p/timeSeries', 'monitoring', true],
  ])('renders an unknown path under %s in its API shape', (path, _service, hasStatus) => {
    const response = handler.renderError(
      { kind: 'unknown_operation', message: 'nope' },
      request('GET', path),
      undefined,
    );

    const body = JSON.parse(String(response.body)) as { error: Record<string, unknown> };
    expect(response.status).toBe(404);
    expect(body.error.code).toBe(404);
    expect('status' in body.error).toBe(hasStatus);
  });

  it('sends truncated JSON with a JSON content type for the malformed fault', () => {
    const incoming = request('GET', '/compute/v1/projects/p/aggregated/instances');
    const response = handler.renderMalformed(incoming, handler.route(incoming)!);

    expect(response.status).toBe(200);
    expect(response.headers?.['content-type']).toContain('application/json');
    expect(() => {
      JSON.parse(String(response.body));
    }).toThrow(SyntaxError);
  });
});
