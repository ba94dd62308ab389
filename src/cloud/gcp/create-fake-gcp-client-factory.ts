import type { GcpClientFactory, GcpService, GcpServiceClients } from './gcp-client-factory.js';

/** One call made to a fake client. */
export interface FakeGcpCall {
  readonly service: GcpService;
  /** Client method (`aggregatedListInstances`, `listLogEntries`, `getBucketIamPolicy`…). */
  readonly method: string;
  /** The request (for `getBucketIamPolicy`: `{ bucket }`). */
  readonly request: Readonly<Record<string, unknown>>;
}

/** Answers a call: return the page, or throw (a library-shaped error) to fail the call. */
export type FakeGcpResponder = (call: FakeGcpCall) => unknown;

/** A client factory for tests: clients that record calls and answer through `respond`. */
export interface FakeGcpClientFactory extends GcpClientFactory {
  /** Every call made, in order. */
  readonly calls: FakeGcpCall[];
  /** Every client created, in order. */
  readonly created: GcpService[];
}

const METHODS: { readonly [S in GcpService]: readonly (keyof GcpServiceClients[S])[] } = {
  compute: ['aggregatedListInstances', 'aggregatedListDisks'],
  cloudfunctions: ['listFunctions'],
  sqladmin: ['listInstances'],
  storage: ['listBuckets', 'getBucketIamPolicy'],
  monitoring: ['listTimeSeries'],
  logging: ['listLogEntries', 'listLogs'],
};

/**
 * Creates a fake {@link GcpClientFactory}: every client method records its call and returns what
 * `respond` returns (or rejects with what it throws). A call whose signal is already aborted
 * rejects without being recorded.
 * @param respond - answers each call.
 * @param defaultProject - what `resolveDefaultProject` returns (default: none).
 */
export function createFakeGcpClientFactory(
  respond: FakeGcpResponder,
  defaultProject?: string,
): FakeGcpClientFactory {
  const calls: FakeGcpCall[] = [];
  const created: GcpService[] = [];
  return {
    calls,
    created,
    createClient<S extends GcpService>(service: S): Promise<GcpServiceClients[S]> {
      created.push(service);
      const client: Record<string, unknown> = { close: () => Promise.resolve() };
      for (const method of METHODS[service]) {
        client[method as string] = (first: unknown, options?: { signal?: AbortSignal }): Promise<unknown> => {
          if (options?.signal?.aborted === true) return Promise.reject(new Error('aborted before send'));
          const request = (typeof first === 'string' ? { bucket: first } : first) as Record<string, unknown>;
          const call: FakeGcpCall = { service, method: method as string, request };
          calls.push(call);
          try {
            return Promise.resolve(respond(call));
          } catch (error) {
            return Promise.reject(error instanceof Error ? error : new Error(String(error)));
          }
        };
      }
      // Tests only use the listed methods; the cast stands in for the full client surface.
      return Promise.resolve(client as unknown as GcpServiceClients[S]);
    },
    resolveDefaultProject: () => Promise.resolve(defaultProject),
  };
}

/**
 * An error shaped like the ones gax's REST transport throws for an HTTP error (a gaxios error:
 * HTTP `status`, the JSON error body as the message).
 */
export function fakeGcpHttpError(
  httpStatus: number,
  status: string,
  options: { readonly message?: string; readonly reason?: string; readonly retryDelay?: string } = {},
): Error {
  const details: Record<string, unknown>[] = [];
  if (options.reason !== undefined) {
    details.push({
      '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
      reason: options.reason,
      domain: 'googleapis.com',
    });
  }
  if (options.retryDelay !== undefined) {
    details.push({ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: options.retryDelay });
  }
  const body = {
    error: { code: httpStatus, message: options.message ?? `${status} (fake)`, status, details },
  };
  const error = new Error(JSON.stringify(body));
  error.name = 'GaxiosError';
  return Object.assign(error, {
    status: httpStatus,
    code: httpStatus,
    response: { status: httpStatus, headers: {} },
  });
}
