import { RestError } from '@azure/core-rest-pipeline';
import { describe, expect, it } from 'vitest';
import { directCallRunner } from '../../core/ports/call-runner.js';
import type { AzureClientFactory, AzureSdkHandle, AzureService } from './azure-client-factory.js';
import { createAzureProvider } from './create-azure-provider.js';

type Page<T> = T[] & { continuationToken?: string };

/** An SDK-like paged iterator over fixed pages, resumable from a continuation token (`p{index}`). */
function paged<T>(
  pages: readonly T[][],
  calls: (string | undefined)[],
): { byPage(settings?: { continuationToken?: string }): AsyncIterableIterator<Page<T>> } {
  return {
    byPage(settings) {
      const token = settings?.continuationToken;
      calls.push(token);
      let index = token === undefined ? 0 : Number(token.slice(1));
      const iterator: AsyncIterableIterator<Page<T>> = {
        next: () => {
          if (index >= pages.length) return Promise.resolve({ done: true, value: undefined });
          const page: Page<T> = Object.assign([...pages[index]!], {
            continuationToken: index + 1 < pages.length ? `p${index + 1}` : undefined,
          });
          index += 1;
          return Promise.resolve({ done: false, value: page });
        },
        return: () => Promise.resolve({ done: true, value: undefined }),
        [Symbol.asyncIterator]() {
          return iterator;
        },
      };
      return iterator;
    },
  };
}

/** A factory whose clients are the given fakes (only what a test calls needs to exist). */
function fakeFactory(
  clients: Partial<Record<AzureService, unknown>>,
  modules: Partial<Record<AzureService, unknown>> = {},
): AzureClientFactory & { created: string[] } {
  const created: string[] = [];
  return {
    created,
    createClient<S extends AzureService>(service: S, subscriptionId: string): Promise<AzureSdkHandle<S>> {
      created.push(`${service}/${subscriptionId}`);
      return Promise.resolve({
        client: clients[service],
        module: modules[service] ?? {},
      } as unknown as AzureSdkHandle<S>);
    },
  };
}

const vm = (id: string, location: string): Record<string, unknown> => ({
  id: `/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/${id}`,
  name: id,
  location,
  instanceView: { statuses: [{ code: 'PowerState/running' }] },
});

describe('createAzureProvider', () => {
  it.each(['http://management.example.com', 'http://10.0.0.5:8080', 'not a url'])(
    'refuses the endpoint %s',
    (endpoint) => {
      expect(() => createAzureProvider({ endpoint }, { runner: directCallRunner })).toThrow(
        expect.objectContaining({ code: 'CONFIG_INVALID' }),
      );
    },
  );

  it('names the service of each kind and treats every kind as subscription-wide', () => {
    const provider = createAzureProvider({}, { runner: directCallRunner, clientFactory: fakeFactory({}) });

    expect(
      (
        [
          'instance',
          'volume',
          'function',
          'database',
          'bucket',
          'log_group',
          'metrics',
          'logs',
          'audit',
        ] as const
      ).map((kind) => provider.serviceFor(kind)),
    ).toEqual([
      'Microsoft.Compute',
      'Microsoft.Compute',
      'Microsoft.Web',
      'Microsoft.Sql',
      'Microsoft.Storage',
      'Microsoft.OperationalInsights',
      'Microsoft.Insights',
      'loganalytics',
      'Microsoft.Insights',
    ]);
    expect(
      provider.isGlobal('instance') && provider.isGlobal('bucket') && provider.isGlobal('log_group'),
    ).toBe(true);
  });

  it('discovers readable subscriptions once, on every page', async () => {
    const calls: (string | undefined)[] = [];
    const subscriptions = paged(
      [
        [
          { subscriptionId: 'sub-b', state: 'Enabled' },
          { subscriptionId: 'sub-x', state: 'Disabled' },
        ],
        [{ subscriptionId: 'sub-a', state: 'Warned' }],
      ],
      calls,
    );
    const factory = fakeFactory(
      { subscriptions: { subscriptions: { list: () => subscriptions } } },
      { subscriptions: { getContinuationToken: (page: Page<unknown>) => page.continuationToken } },
    );
    const provider = createAzureProvider({}, { runner: directCallRunner, clientFactory: factory });

    const first = await provider.listScopes({});
    const second = await provider.listScopes({});

    expect(first).toEqual([
      { provider: 'azure', account: 'sub-a', region: 'global' },
      { provider: 'azure', account: 'sub-b', region: 'global' },
    ]);
    expect(second).toEqual(first);
    expect(calls).toEqual([undefined, 'p1']);
  });

  it('does not keep a failed discovery', async () => {
    let attempts = 0;
    const factory = fakeFactory(
      {
        subscriptions: {
          subscriptions: {
            list: () => ({
              byPage: () => {
                attempts += 1;
                if (attempts === 1)
                  throw new RestError('down', { statusCode: 503, code: 'ServiceUnavailable' });
                return paged([[{ subscriptionId: 'sub-a' }]], []).byPage();
              },
            }),
          },
        },
      },
      { subscriptions: { getContinuationToken: () => undefined } },
    );
    const provider = createAzureProvider({}, { runner: directCallRunner, clientFactory: factory });

    await expect(provider.listScopes({})).rejects.toMatchObject({ code: 'CLOUD_UNAVAILABLE' });
    await expect(provider.listScopes({})).resolves.toHaveLength(1);
  });

  it('keeps only the scope location when the scope names a region', async () => {
    const calls: (string | undefined)[] = [];
    const factory = fakeFactory({
      compute: {
        virtualMachines: {
          listAll: () => paged([[vm('a', 'westeurope'), vm('b', 'eastus')], [vm('c', 'westeurope')]], calls),
        },
      },
    });
    const provider = createAzureProvider(
      { subscriptions: ['s1'] },
      { runner: directCallRunner, clientFactory: factory },
    );

    const all = await provider.listResources(
      'instance',
      { provider: 'azure', account: 's1', region: 'global' },
      {},
      {},
    );
    const west = await provider.listResources(
      'instance',
      { provider: 'azure', account: 's1', region: 'westeurope' },
      {},
      {},
    );

    expect(all.map((r) => r.name)).toEqual(['a', 'b', 'c']);
    expect(west.map((r) => r.name)).toEqual(['a', 'c']);
    expect(factory.created).toEqual(['compute/s1']);
  });

  it('retries one page, resuming from its continuation token', async () => {
    const calls: (string | undefined)[] = [];
    let failed = false;
    const source = paged([[vm('a', 'eastus')], [vm('b', 'eastus')], [vm('c', 'eastus')]], calls);
    const factory = fakeFactory({
      compute: {
        virtualMachines: {
          listAll: () => ({
            byPage: (settings?: { continuationToken?: string }) => {
              if (settings?.continuationToken === 'p1' && !failed) {
                failed = true;
                calls.push('p1 (failed)');
                throw new RestError('busy', { statusCode: 429, code: 'TooManyRequests' });
              }
              return source.byPage(settings);
            },
          }),
        },
      },
    });
    const retryOnce = {
      async run<T>(_key: unknown, call: (signal: AbortSignal) => Promise<T>): Promise<T> {
        try {
          return await call(new AbortController().signal);
        } catch {
          return call(new AbortController().signal);
        }
      },
    };
    const provider = createAzureProvider(
      { subscriptions: ['s1'] },
      { runner: retryOnce, clientFactory: factory },
    );

    const records = await provider.listResources(
      'instance',
      { provider: 'azure', account: 's1', region: 'global' },
      {},
      {},
    );

    expect(records.map((r) => r.name)).toEqual(['a', 'b', 'c']);
    expect(calls).toEqual([undefined, 'p1 (failed)', 'p1', 'p2']);
  });
});
