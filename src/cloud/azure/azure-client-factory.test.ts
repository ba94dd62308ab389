import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  bearerTokenAuthenticationPolicyName,
  createEmptyPipeline,
  createHttpHeaders,
  createPipelineRequest,
  type PipelineResponse,
} from '@azure/core-rest-pipeline';
import type { AccessToken, TokenCredential } from '@azure/identity';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BEARER_TOKEN_POLICY_NAME,
  createAzureClientFactory,
  createLoopbackHttpPolicy,
} from './azure-client-factory.js';
import { resolveAzureEndpoints } from './resolve-azure-endpoints.js';

interface Seen {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
}

const seen: Seen[] = [];
let server: Server;
let endpoint: string;

/** A credential that counts the tokens asked of it. */
function countingCredential(): TokenCredential & { calls: number } {
  const credential = {
    calls: 0,
    getToken(): Promise<AccessToken> {
      credential.calls += 1;
      return Promise.resolve({ token: 'secret-token', expiresOnTimestamp: Date.now() + 3_600_000 });
    },
  };
  return credential;
}

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    if (req.url?.includes('/slow')) return; // never answers: only an abort ends the request
    res.setHeader('content-type', 'application/json');
    if (req.url?.includes('/workspaces/')) {
      res.end(
        JSON.stringify({
          tables: [{ name: 'PrimaryResult', columns: [{ name: 'n', type: 'long' }], rows: [[1]] }],
        }),
      );
      return;
    }
    res.statusCode = req.url?.includes('/disks') === true ? 503 : 200;
    res.end(
      JSON.stringify(
        res.statusCode === 503 ? { error: { code: 'ServiceUnavailable', message: 'down' } } : { value: [] },
      ),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) =>
    server.close(() => {
      resolve();
    }),
  );
});

describe('createAzureClientFactory', () => {
  it('names the bearer-token policy as the SDK does', () => {
    expect(BEARER_TOKEN_POLICY_NAME).toBe(bearerTokenAuthenticationPolicyName);
  });

  it('sends no token to a loopback endpoint and never asks the credential', async () => {
    const credential = countingCredential();
    const factory = createAzureClientFactory({ endpoints: resolveAzureEndpoints({ endpoint }), credential });
    seen.length = 0;

    const { client: compute } = await factory.createClient('compute', 'sub-1');
    const { client: subscriptions } = await factory.createClient('subscriptions', '');
    await compute.virtualMachines.listAll().byPage().next();
    await subscriptions.subscriptions.list().byPage().next();
    const { client: logs } = await factory.createClient('logs', '');
    await logs.queryWorkspace(
      '8dd7c787-e562-4827-899c-6ccdfb233ab5',
      'AppTraces | take 1',
      { duration: 'PT1H' },
      new AbortController().signal,
    );

    expect(seen.map((r) => r.url.split('?')[0])).toEqual([
      '/subscriptions/sub-1/providers/Microsoft.Compute/virtualMachines',
      '/subscriptions',
      '/workspaces/8dd7c787-e562-4827-899c-6ccdfb233ab5/query',
    ]);
    expect(seen.every((r) => r.headers.authorization === undefined)).toBe(true);
    expect(credential.calls).toBe(0);
    expect(
      compute.pipeline.getOrderedPolicies().some((p) => p.name === bearerTokenAuthenticationPolicyName),
    ).toBe(false);
  });

  it('keeps the bearer-token policy for https endpoints', async () => {
    const factory = createAzureClientFactory({
      endpoints: resolveAzureEndpoints({}),
      credential: countingCredential(),
    });

    const { client } = await factory.createClient('sql', 'sub-1');

    expect(
      client.pipeline.getOrderedPolicies().some((p) => p.name === bearerTokenAuthenticationPolicyName),
    ).toBe(true);
  });

  it('makes one attempt per call: the SDK does not retry', async () => {
    const factory = createAzureClientFactory({ endpoints: resolveAzureEndpoints({ endpoint }) });
    const { client } = await factory.createClient('compute', 'sub-1');
    seen.length = 0;

    const failure = await client.disks
      .list()
      .byPage()
      .next()
      .catch((error: unknown) => error);

    expect(failure).toMatchObject({ statusCode: 503 });
    expect(seen).toHaveLength(1);
  });

  it('honours the abort signal of a Log Analytics query', async () => {
    const factory = createAzureClientFactory({
      endpoints: resolveAzureEndpoints({ endpoint: `${endpoint}/slow` }),
    });
    const { client } = await factory.createClient('logs', '');
    const controller = new AbortController();

    const query = client.queryWorkspace(
      '8dd7c787-e562-4827-899c-6ccdfb233ab5',
      'AppTraces',
      { duration: 'PT1H' },
      controller.signal,
    );
    setTimeout(() => {
      controller.abort();
    }, 50);

    await expect(query).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('the metrics batch client', () => {
  const query = {
    startTime: new Date('2026-11-20T09:00:00Z'),
    endTime: new Date('2026-11-20T10:00:00Z'),
    interval: 'PT1H',
    aggregation: 'Average,Count',
  };

  it('posts metrics:getBatch to a loopback endpoint without a token', async () => {
    const credential = countingCredential();
    const factory = createAzureClientFactory({ endpoints: resolveAzureEndpoints({ endpoint }), credential });
    seen.length = 0;

    const { client } = await factory.createClient('metrics', 'eastus');
    await client.queryResources(
      ['/subscriptions/sub-1/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm-1'],
      ['Percentage CPU'],
      'Microsoft.Compute/virtualMachines',
      query,
      new AbortController().signal,
    );

    expect(seen).toHaveLength(1);
    const url = new URL(seen[0]!.url, endpoint);
    expect(seen[0]!.method).toBe('POST');
    expect(url.pathname).toBe('/subscriptions/sub-1/metrics:getBatch');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      metricnamespace: 'Microsoft.Compute/virtualMachines',
      metricnames: 'Percentage CPU',
      starttime: '2026-11-20T09:00:00.000Z',
      endtime: '2026-11-20T10:00:00.000Z',
      interval: 'PT1H',
      aggregation: 'Average,Count',
      'api-version': '2024-02-01',
    });
    expect(seen[0]!.headers.authorization).toBeUndefined();
    expect(credential.calls).toBe(0);
  });

  it('keeps the bearer-token policy for the public regional host', async () => {
    const factory = createAzureClientFactory({
      endpoints: resolveAzureEndpoints({}),
      credential: countingCredential(),
    });

    const { client } = await factory.createClient('metrics', 'eastus');

    expect(
      client.client.pipeline.getOrderedPolicies().some((p) => p.name === bearerTokenAuthenticationPolicyName),
    ).toBe(true);
  });

  it('honours the abort signal of a batch call', async () => {
    const factory = createAzureClientFactory({
      endpoints: resolveAzureEndpoints({ endpoint: `${endpoint}/slow` }),
    });
    const { client } = await factory.createClient('metrics', 'eastus');
    const controller = new AbortController();

    const call = client.queryResources(
      ['/subscriptions/sub-1/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm-1'],
      ['Percentage CPU'],
      'Microsoft.Compute/virtualMachines',
      query,
      controller.signal,
    );
    setTimeout(() => {
      controller.abort();
    }, 50);

    await expect(call).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('createLoopbackHttpPolicy', () => {
  it.each([
    ['http://127.0.0.1:8080/x', true],
    ['http://localhost/x', true],
    ['http://[::1]:9/x', true],
    ['http://management.example.com/x', false],
    ['https://management.azure.com/x', false],
  ])('%s may go out in clear text: %s', async (url, allowed) => {
    const pipeline = createEmptyPipeline();
    pipeline.addPolicy(createLoopbackHttpPolicy());
    const request = createPipelineRequest({ url });
    let insecure: boolean | undefined;

    await pipeline.sendRequest(
      {
        sendRequest: (sent): Promise<PipelineResponse> => {
          insecure = sent.allowInsecureConnection;
          return Promise.resolve({ request: sent, status: 200, headers: createHttpHeaders() });
        },
      },
      request,
    );

    expect(insecure === true).toBe(allowed);
  });
});
