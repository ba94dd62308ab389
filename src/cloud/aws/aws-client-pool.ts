import type { AwsClientFactory, AwsClientOptions, AwsSdkHandle, AwsService } from './aws-client-factory.js';

/** Client options shared by every client of a provider (the region is chosen per call). */
export type AwsSharedClientOptions = Omit<AwsClientOptions, 'region' | 'forcePathStyle'> & {
  /** Applied to S3 clients only. */
  readonly forcePathStyle?: boolean;
};

/** One SDK client per (service, region), created on first use and reused. */
export interface AwsClientPool {
  get<S extends AwsService>(service: S, region: string): Promise<AwsSdkHandle<S>>;
  /** Closes the clients' sockets. The pool stays usable (clients are re-created on demand). */
  destroy(): void;
}

/**
 * Creates a client pool. Creation is memoized as a promise so that concurrent first uses share one
 * client; a failed creation is forgotten so that a later call can try again.
 */
export function createAwsClientPool(
  factory: AwsClientFactory,
  shared: AwsSharedClientOptions,
): AwsClientPool {
  const clients = new Map<string, Promise<AwsSdkHandle<AwsService>>>();
  return {
    get<S extends AwsService>(service: S, region: string): Promise<AwsSdkHandle<S>> {
      const key = `${service}\u0000${region}`;
      let handle = clients.get(key);
      if (handle === undefined) {
        handle = factory.createClient(service, {
          region,
          ...(shared.endpoint === undefined ? {} : { endpoint: shared.endpoint }),
          ...(shared.profile === undefined ? {} : { profile: shared.profile }),
          ...(shared.credentials === undefined ? {} : { credentials: shared.credentials }),
          ...(service === 's3' && shared.forcePathStyle !== undefined
            ? { forcePathStyle: shared.forcePathStyle }
            : {}),
        });
        const created = handle;
        clients.set(key, created);
        created.catch(() => {
          if (clients.get(key) === created) clients.delete(key);
        });
      }
      // The map holds handles of many services; the key ties each entry to the service it was built for.
      return handle as Promise<AwsSdkHandle<S>>;
    },
    destroy() {
      const pending = [...clients.values()];
      clients.clear();
      for (const handle of pending) {
        handle.then(
          ({ client }) => {
            client.destroy();
          },
          () => undefined,
        );
      }
    },
  };
}
