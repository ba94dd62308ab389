import type { BucketMetadata, StorageOptions } from '@google-cloud/storage';
import type { CallOptions, ClientOptions, GoogleAuth as GaxGoogleAuth } from 'google-gax';
import type {
  GoogleAuth as StorageGoogleAuth,
  OAuth2Client as StorageOAuth2Client,
} from 'google-auth-library';
import {
  decodeAuditLog,
  isProtoRootLike,
  registerAuditLogType,
  type ProtoRootLike,
} from './audit-log-proto.js';
import type {
  AggregatedListDisksRequest,
  AggregatedListInstancesRequest,
  DiskAggregatedList,
  InstanceAggregatedList,
  ListFunctionsRequest,
  ListFunctionsResponse,
  ListLogEntriesRequest,
  ListLogsRequest,
  ListLogsResponse,
  ListTimeSeriesRequest,
  ListTimeSeriesResponse,
  SqlInstancesListRequest,
  SqlInstancesListResponse,
} from './gcp-sdk-types.js';
import { loadComputeReadClients } from './compute-protos/load-compute-read-clients.js';
import type { GcpEndpoint } from './parse-gcp-endpoint.js';
import { toGcpLogEntry, type GcpLogEntry } from './to-gcp-log-entry.js';

/** A Google API the adapter calls; also the `service` of its call keys. */
export type GcpService = 'compute' | 'cloudfunctions' | 'sqladmin' | 'storage' | 'monitoring' | 'logging';

/** Per-call options: the runner's per-attempt signal (aborting it cancels the HTTP request). */
export interface GcpCallOptions {
  readonly signal: AbortSignal;
}

/** Compute Engine: one `aggregatedList` page per call. */
export interface GcpComputeClient {
  aggregatedListInstances(
    request: AggregatedListInstancesRequest,
    options: GcpCallOptions,
  ): Promise<InstanceAggregatedList>;
  aggregatedListDisks(
    request: AggregatedListDisksRequest,
    options: GcpCallOptions,
  ): Promise<DiskAggregatedList>;
  close(): Promise<void>;
}

/** Cloud Functions v2: one `functions.list` page per call. */
export interface GcpFunctionsClient {
  listFunctions(request: ListFunctionsRequest, options: GcpCallOptions): Promise<ListFunctionsResponse>;
  close(): Promise<void>;
}

/** Cloud SQL Admin v1: one `instances.list` page per call. */
export interface GcpSqlClient {
  listInstances(request: SqlInstancesListRequest, options: GcpCallOptions): Promise<SqlInstancesListResponse>;
  close(): Promise<void>;
}

/** One `buckets.list` page. */
export interface GcpBucketPage {
  readonly buckets: readonly BucketMetadata[];
  readonly nextPageToken?: string;
}

/** A bucket IAM policy, reduced to its bindings. */
export interface GcpBucketPolicy {
  readonly bindings: readonly { readonly role: string; readonly members: readonly string[] }[];
}

/** Cloud Storage JSON API. */
export interface GcpStorageClient {
  listBuckets(
    request: { readonly project: string; readonly maxResults: number; readonly pageToken?: string },
    options: GcpCallOptions,
  ): Promise<GcpBucketPage>;
  getBucketIamPolicy(bucket: string, options: GcpCallOptions): Promise<GcpBucketPolicy>;
  close(): Promise<void>;
}

/** Cloud Monitoring v3: one `timeSeries.list` page per call. */
export interface GcpMonitoringClient {
  listTimeSeries(request: ListTimeSeriesRequest, options: GcpCallOptions): Promise<ListTimeSeriesResponse>;
  close(): Promise<void>;
}

/** One `entries.list` page, entries converted (audit payloads decoded). */
export interface GcpLogEntryPage {
  readonly entries: readonly GcpLogEntry[];
  readonly nextPageToken?: string;
}

/** Cloud Logging v2: one `entries.list` or `logs.list` page per call. */
export interface GcpLoggingClient {
  listLogEntries(request: ListLogEntriesRequest, options: GcpCallOptions): Promise<GcpLogEntryPage>;
  listLogs(request: ListLogsRequest, options: GcpCallOptions): Promise<ListLogsResponse>;
  close(): Promise<void>;
}

/** The client of each service. */
export interface GcpServiceClients {
  readonly compute: GcpComputeClient;
  readonly cloudfunctions: GcpFunctionsClient;
  readonly sqladmin: GcpSqlClient;
  readonly storage: GcpStorageClient;
  readonly monitoring: GcpMonitoringClient;
  readonly logging: GcpLoggingClient;
}

/** Builds service clients. Injected so tests can replace the client libraries with fakes. */
export interface GcpClientFactory {
  /** Loads the service's library (lazily) and builds a client with the library's own retries off. */
  createClient<S extends GcpService>(service: S): Promise<GcpServiceClients[S]>;
  /**
   * The project Application Default Credentials point at (google-auth-library `getProjectId`:
   * `GOOGLE_CLOUD_PROJECT`, the credentials file, gcloud's config, the metadata server), or
   * `undefined` when none is found. Never asks anything for a loopback endpoint.
   */
  resolveDefaultProject(): Promise<string | undefined>;
}

/** Options of {@link createGcpClientFactory}. */
export interface GcpClientFactoryOptions {
  /** Endpoint override; absent = Google's endpoints. */
  readonly endpoint?: GcpEndpoint;
}

/** The fixed bearer token sent to loopback endpoints (emulators do not check it). */
export const GCP_EMULATOR_TOKEN = 'sre-emulator-token';
/** OAuth scope of every client: read-only use is enforced by the callers, not the scope. */
const CLOUD_PLATFORM_SCOPE = 'https://www.googleapis.com/auth/cloud-platform';
/** A token expiry far in the future (2100-01-01T00:00:00Z): the fixed token is never refreshed. */
const FAR_EXPIRY_MS = 4_102_444_800_000;

/** gax's per-call options: one attempt (our runner owns retries), one page (we page by hand). */
function pageCallOptions(): CallOptions {
  // A fresh object per call: gax writes into the options it is given.
  return { retry: null, autoPaginate: false };
}

/** A promise with gax's `cancel()` (every GAPIC call returns one). */
type Cancellable<T> = Promise<T> & { cancel?: () => void };

/**
 * Runs `start` under `signal`: an abort cancels the request (gax's `cancel()`, which aborts the
 * underlying fetch) and rejects with the signal's reason at once. Storage calls cannot be
 * cancelled; they are abandoned (the reply is ignored).
 */
function withSignal<T>(signal: AbortSignal, start: () => Cancellable<T>): Promise<T> {
  signal.throwIfAborted();
  const call = start();
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => {
      call.cancel?.();
      reject(
        signal.reason instanceof Error
          ? signal.reason
          : new DOMException('The call was aborted.', 'AbortError'),
      );
    };
    signal.addEventListener('abort', onAbort, { once: true });
    call.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** The error of a Storage reply whose JSON body the library could not parse (it does not throw itself). */
function unparseable(operation: string): SyntaxError {
  return new SyntaxError(`Cloud Storage ${operation} returned a body that is not valid JSON.`);
}

/** How the gax clients authenticate: a shared ADC `GoogleAuth`, or a fixed-token client for loopback. */
type GaxAuthOptions = Pick<ClientOptions, 'auth' | 'authClient'>;

/**
 * The production client factory: the official Google Cloud client libraries, each imported on
 * first use, in REST mode (`fallback: true`, HTTP/1.1 JSON: works against real Google APIs and
 * local emulators alike), with their retries off (`retry: null` per call; Storage
 * `autoRetry: false`).
 *
 * Credentials:
 * - default: Application Default Credentials, created lazily, once per factory: one google-gax
 *   `GoogleAuth` (google-auth-library 10, whose `fetch` gax's REST transport needs) shared by the
 *   GAPIC clients, and one google-auth-library 9 `GoogleAuth` for Storage (which requires its own
 *   major) and the project lookup;
 * - loopback endpoint: an `OAuth2Client` already holding a fixed token valid until 2100, so no
 *   ADC lookup, metadata-server probe or token request ever happens.
 *
 * Compute is imported from its per-client modules: the package entry point loads ~100 clients and
 * takes about 10 s to import, the two we use about 2 s.
 */
export function createGcpClientFactory(options: GcpClientFactoryOptions = {}): GcpClientFactory {
  const endpoint = options.endpoint;
  const loopback = endpoint?.loopback === true;

  let gaxAuth: Promise<GaxAuthOptions> | undefined;
  const gaxAuthOptions = (): Promise<GaxAuthOptions> => {
    gaxAuth ??= (async (): Promise<GaxAuthOptions> => {
      const { googleAuthLibrary, GoogleAuth } = await import('google-gax');
      if (loopback) {
        const authClient = new googleAuthLibrary.OAuth2Client();
        authClient.setCredentials({
          access_token: GCP_EMULATOR_TOKEN,
          token_type: 'Bearer',
          expiry_date: FAR_EXPIRY_MS,
        });
        return { authClient };
      }
      const auth: GaxGoogleAuth = new GoogleAuth({ scopes: [CLOUD_PLATFORM_SCOPE] });
      return { auth };
    })();
    return gaxAuth;
  };

  // google-auth-library 9 (the major Storage depends on): ADC for Storage and the project lookup.
  let adc: Promise<StorageGoogleAuth> | undefined;
  const adcAuth = (): Promise<StorageGoogleAuth> => {
    adc ??= import('google-auth-library').then(
      (library) => new library.GoogleAuth({ scopes: [CLOUD_PLATFORM_SCOPE] }),
    );
    return adc;
  };

  let storageAuth: Promise<StorageGoogleAuth | StorageOAuth2Client> | undefined;
  const storageAuthClient = (): Promise<StorageGoogleAuth | StorageOAuth2Client> => {
    storageAuth ??= loopback
      ? import('google-auth-library').then((library) => {
          const client = new library.OAuth2Client();
          client.setCredentials({
            access_token: GCP_EMULATOR_TOKEN,
            token_type: 'Bearer',
            expiry_date: FAR_EXPIRY_MS,
          });
          return client;
        })
      : adcAuth();
    return storageAuth;
  };

  const gaxOptions = async (): Promise<ClientOptions> => ({
    ...(await gaxAuthOptions()),
    fallback: true,
    ...(endpoint === undefined
      ? {}
      : { apiEndpoint: endpoint.host, port: endpoint.port, protocol: endpoint.protocol }),
  });

  const loaders: { readonly [S in GcpService]: () => Promise<GcpServiceClients[S]> } = {
    compute: async () => {
      const clientOptions = await gaxOptions();
      const { InstancesClient, DisksClient } = loadComputeReadClients();
      const instances = new InstancesClient(clientOptions);
      const disks = new DisksClient(clientOptions);
      // Compute exposes aggregatedList only as an auto-paging iterator; its page call is the
      // GAPIC's own `innerApiCalls.aggregatedList` (what the iterator calls once per page), which
      // returns [items, nextRequest, rawResponse] when `autoPaginate` is off.
      const pageOf = async <R>(
        client: { initialize(): Promise<unknown>; innerApiCalls: Record<string, unknown> },
        request: unknown,
        signal: AbortSignal,
      ): Promise<R> => {
        await client.initialize();
        const call = client.innerApiCalls.aggregatedList as (
          request: unknown,
          options: CallOptions,
        ) => Cancellable<unknown[]>;
        const tuple = await withSignal(signal, () => call(request, pageCallOptions()));
        // The raw response is the third element; gax always sets it for a page call.
        return (tuple[2] ?? {}) as R;
      };
      return {
        aggregatedListInstances: (request, { signal }) =>
          pageOf<InstanceAggregatedList>(instances, request, signal),
        aggregatedListDisks: (request, { signal }) => pageOf<DiskAggregatedList>(disks, request, signal),
        close: async () => {
          await Promise.all([instances.close(), disks.close()]);
        },
      };
    },
    cloudfunctions: async () => {
      const [{ v2 }, clientOptions] = await Promise.all([import('@google-cloud/functions'), gaxOptions()]);
      const client = new v2.FunctionServiceClient(clientOptions);
      return {
        listFunctions: async (request, { signal }) => {
          const tuple = await withSignal(signal, () => client.listFunctions(request, pageCallOptions()));
          return tuple[2] ?? {};
        },
        close: () => client.close(),
      };
    },
    sqladmin: async () => {
      const [{ SqlInstancesServiceClient }, clientOptions] = await Promise.all([
        import('@google-cloud/sql'),
        gaxOptions(),
      ]);
      const client = new SqlInstancesServiceClient(clientOptions);
      return {
        listInstances: async (request, { signal }) => {
          const [response] = await withSignal(signal, () => client.list(request, { retry: null }));
          return response;
        },
        close: () => client.close(),
      };
    },
    storage: async () => {
      const [{ Storage }, authClient] = await Promise.all([
        import('@google-cloud/storage'),
        storageAuthClient(),
      ]);
      const storageOptions: StorageOptions = {
        authClient,
        // Custom endpoints skip authentication unless told otherwise; a non-loopback endpoint
        // (a proxy, Private Service Connect) needs the real credentials, a loopback one gets the token.
        useAuthWithCustomEndpoint: true,
        retryOptions: { autoRetry: false, maxRetries: 0 },
        ...(endpoint === undefined ? {} : { apiEndpoint: endpoint.origin }),
      };
      const storage = new Storage(storageOptions);
      return {
        listBuckets: async (request, { signal }) => {
          const [buckets, , apiResponse] = await withSignal(signal, () =>
            storage.getBuckets({
              project: request.project,
              autoPaginate: false,
              maxResults: request.maxResults,
              ...(request.pageToken === undefined ? {} : { pageToken: request.pageToken }),
            }),
          );
          // Storage keeps a body it cannot parse as a string (and then lists nothing): never an empty success.
          if (typeof apiResponse !== 'object' || apiResponse === null) throw unparseable('buckets.list');
          const token = (apiResponse as { nextPageToken?: unknown }).nextPageToken;
          return {
            buckets: buckets.map((bucket) => bucket.metadata),
            ...(typeof token === 'string' && token !== '' ? { nextPageToken: token } : {}),
          };
        },
        getBucketIamPolicy: async (bucket, { signal }) => {
          const [policy] = await withSignal(signal, () =>
            storage.bucket(bucket).iam.getPolicy({ requestedPolicyVersion: 3 }),
          );
          if (typeof policy !== 'object' || (policy as unknown) === null)
            throw unparseable('buckets.getIamPolicy');
          return {
            bindings: ((policy.bindings as { role?: unknown; members?: unknown }[] | undefined) ?? []).map(
              (binding) => ({
                role: typeof binding.role === 'string' ? binding.role : '',
                members: Array.isArray(binding.members)
                  ? binding.members.filter((member): member is string => typeof member === 'string')
                  : [],
              }),
            ),
          };
        },
        close: () => Promise.resolve(),
      };
    },
    monitoring: async () => {
      const [{ MetricServiceClient }, clientOptions] = await Promise.all([
        import('@google-cloud/monitoring'),
        gaxOptions(),
      ]);
      const client = new MetricServiceClient(clientOptions);
      return {
        listTimeSeries: async (request, { signal }) => {
          const tuple = await withSignal(signal, () => client.listTimeSeries(request, pageCallOptions()));
          return tuple[2] ?? {};
        },
        close: () => client.close(),
      };
    },
    logging: async () => {
      // `@google-cloud/logging` re-exports this package as its (untyped) `v2`; importing it
      // directly is typed and skips loading the high-level Logging class and gRPC (~1.3 s).
      const [{ LoggingServiceV2Client }, clientOptions] = await Promise.all([
        import('@google-cloud/logging-api'),
        gaxOptions(),
      ]);
      const client = new LoggingServiceV2Client(clientOptions);
      let root: ProtoRootLike | undefined;
      const protoRoot = async (): Promise<ProtoRootLike | undefined> => {
        if (root !== undefined) return root;
        await client.initialize();
        // The GAPIC keeps its proto root in a private field; it is where the REST decoder looks
        // `protoPayload` types up (see audit-log-proto.ts for why AuditLog must be added).
        const candidate: unknown = Reflect.get(client, '_protos');
        if (isProtoRootLike(candidate)) {
          registerAuditLogType(candidate);
          root = candidate;
        }
        return root;
      };
      return {
        listLogEntries: async (request, { signal }) => {
          const types = await protoRoot();
          const tuple = await withSignal(signal, () => client.listLogEntries(request, pageCallOptions()));
          const raw = tuple[2] ?? {};
          const decode = (payload: unknown) =>
            types === undefined ? undefined : decodeAuditLog(types, payload);
          return {
            entries: (raw.entries ?? []).map((entry) => toGcpLogEntry(entry, decode)),
            ...(raw.nextPageToken === undefined || raw.nextPageToken === null || raw.nextPageToken === ''
              ? {}
              : { nextPageToken: raw.nextPageToken }),
          };
        },
        listLogs: async (request, { signal }) => {
          const tuple = await withSignal(signal, () => client.listLogs(request, pageCallOptions()));
          return tuple[2] ?? {};
        },
        close: () => client.close(),
      };
    },
  };

  return {
    createClient: (service) => loaders[service](),
    async resolveDefaultProject() {
      if (loopback) return undefined;
      const auth = await adcAuth();
      try {
        const project = await auth.getProjectId();
        return project === '' ? undefined : project;
      } catch {
        return undefined;
      }
    },
  };
}
