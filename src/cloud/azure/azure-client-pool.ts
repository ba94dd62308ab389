import type { AzureClientFactory, AzureSdkHandle, AzureService } from './azure-client-factory.js';

/** One SDK client per (service, subscription), created on first use and reused. */
export interface AzureClientPool {
  /** The client of a service for a subscription (`subscriptions` and `logs` clients are shared: pass any id). */
  get<S extends AzureService>(service: S, subscriptionId: string): Promise<AzureSdkHandle<S>>;
}

/** Services whose client does not depend on the subscription. */
const SHARED: ReadonlySet<AzureService> = new Set<AzureService>(['subscriptions', 'logs']);

/**
 * Creates a client pool. Creation is memoized as a promise so that concurrent first uses share one
 * client; a failed creation (a package that cannot load, a credential that cannot be built) is
 * forgotten so that a later call can try again.
 */
export function createAzureClientPool(factory: AzureClientFactory): AzureClientPool {
  const clients = new Map<string, Promise<AzureSdkHandle<AzureService>>>();
  return {
    get<S extends AzureService>(service: S, subscriptionId: string): Promise<AzureSdkHandle<S>> {
      const subscription = SHARED.has(service) ? '' : subscriptionId.toLowerCase();
      const key = `${service}\u0000${subscription}`;
      let handle = clients.get(key);
      if (handle === undefined) {
        handle = factory.createClient(service, subscriptionId);
        clients.set(key, handle);
        handle.catch(() => clients.delete(key));
      }
      // The map holds handles of many services; the key ties each entry to the service it was built for.
      return handle as Promise<AzureSdkHandle<S>>;
    },
  };
}
