import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { COMPUTE_PROTOS_LIBRARY_VERSION, COMPUTE_READ_PROTOS_JSON } from './compute-read-protos.generated.js';
import { loadComputeReadClients } from './load-compute-read-clients.js';
import { COMPUTE_READ_METHODS, renderComputeReadProtosModule } from './trim-compute-protos.js';

const require = createRequire(import.meta.url);

describe('the Compute read-only protos subset', () => {
  it('is up to date with the installed @google-cloud/compute (run `npm run protos` after an upgrade)', () => {
    // Read, not required: requiring would put the full protos in the module cache for this process.
    const full = JSON.parse(
      readFileSync(require.resolve('@google-cloud/compute/build/protos/protos.json'), 'utf8'),
    ) as Parameters<typeof renderComputeReadProtosModule>[0];
    const { version } = require('@google-cloud/compute/package.json') as { version: string };
    const generated = readFileSync(new URL('./compute-read-protos.generated.ts', import.meta.url), 'utf8');

    expect(COMPUTE_PROTOS_LIBRARY_VERSION).toBe(version);
    expect(generated).toBe(renderComputeReadProtosModule(full, version));
  });

  it('holds only the read methods the adapter calls, and the messages they use', () => {
    const json = JSON.parse(COMPUTE_READ_PROTOS_JSON) as {
      nested: { google: { nested: { cloud: { nested: { compute: { nested: Record<string, unknown> } } } } } };
    };
    const compute = json.nested.google.nested.cloud.nested.compute.nested;
    const v1 = compute.v1 as { nested: Record<string, { methods?: Record<string, unknown> }> };
    const services = Object.entries(v1.nested).filter(([, entry]) => entry.methods !== undefined);

    expect(Object.keys(compute)).toEqual(['v1']);
    expect(
      Object.fromEntries(services.map(([name, entry]) => [name, Object.keys(entry.methods ?? {})])),
    ).toEqual(COMPUTE_READ_METHODS);
    expect(Object.keys(v1.nested)).toEqual(
      expect.arrayContaining([
        'AggregatedListInstancesRequest',
        'InstanceAggregatedList',
        'Instance',
        'Disk',
      ]),
    );
    expect(COMPUTE_READ_PROTOS_JSON.length).toBeLessThan(200_000);
  });

  it('loads clients that list but cannot even express a mutating call', async () => {
    const { InstancesClient, trimmed } = loadComputeReadClients();
    // The auth library as google-gax bundles it (its own copy of google-auth-library).
    const { googleAuthLibrary } = await import('google-gax');
    const client = new InstancesClient({
      fallback: true,
      authClient: new googleAuthLibrary.OAuth2Client(),
      apiEndpoint: '127.0.0.1',
      port: 9,
      protocol: 'http',
    });

    expect(trimmed).toBe(true);
    await client.initialize();
    const stub = (await client.instancesStub) as Record<string, unknown>;
    expect(typeof stub.aggregatedList).toBe('function');
    expect(stub.stop).toBeUndefined();
    expect(stub.delete).toBeUndefined();
    expect(stub.insert).toBeUndefined();
    await client.close();
  });
});
