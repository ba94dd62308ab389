import type { GcpClientFactory, GcpService, GcpServiceClients } from './gcp-client-factory.js';

/** One client per service, created on first use and reused (Google clients are not regional). */
export interface GcpClientPool {
  get<S extends GcpService>(service: S): Promise<GcpServiceClients[S]>;
  /** Closes the clients. The pool stays usable (clients are re-created on demand). */
  destroy(): void;
}

/**
 * Creates a client pool. Creation is memoized as a promise so that concurrent first uses share one
 * client; a failed creation is forgotten so that a later call can try again.
 */
export function createGcpClientPool(factory: GcpClientFactory): GcpClientPool {
  const clients = new Map<GcpService, Promise<GcpServiceClients[GcpService]>>();
  return {
    get<S extends GcpService>(service: S): Promise<GcpServiceClients[S]> {
      let handle = clients.get(service);
      if (handle === undefined) {
        const created: Promise<GcpServiceClients[GcpService]> = factory.createClient(service);
        handle = created;
        clients.set(service, created);
        created.catch(() => {
          if (clients.get(service) === created) clients.delete(service);
        });
      }
      // The map holds clients of many services; the key ties each entry to the service it was built for.
      return handle as Promise<GcpServiceClients[S]>;
    },
    destroy() {
      const pending = [...clients.values()];
      clients.clear();
      for (const handle of pending) {
        handle.then(
          (client) => client.close().catch(() => undefined),
          () => undefined,
        );
      }
    },
  };
}
