import { AsyncLocalStorage } from 'node:async_hooks';
import type * as Compute from '@azure/arm-compute';
import type * as AppService from '@azure/arm-appservice';
import type * as Monitor from '@azure/arm-monitor';
import type * as Subscriptions from '@azure/arm-resources-subscriptions';
import type * as Sql from '@azure/arm-sql';
import type * as Storage from '@azure/arm-storage';
import type { Pipeline, PipelinePolicy } from '@azure/core-rest-pipeline';
import type { TokenCredential } from '@azure/identity';
import type * as LogsQuery from '@azure/monitor-query-logs';
import type * as MetricsQuery from '@azure/monitor-query-metrics';
import type { AzureEndpoint, AzureEndpoints } from './resolve-azure-endpoints.js';
import { isLoopbackHost, publicMetricsEndpoint } from './resolve-azure-endpoints.js';

/**
 * The SDK packages the adapter uses, by service. Only *types* are imported here: each package is
 * loaded with a dynamic `import()` the first time its service is needed (`@azure/arm-compute` and
 * `@azure/arm-sql` each take over half a second to load, and the CLI's cold start matters).
 */
export interface AzureSdkModules {
  readonly compute: typeof Compute;
  readonly web: typeof AppService;
  readonly sql: typeof Sql;
  readonly storage: typeof Storage;
  readonly monitor: typeof Monitor;
  readonly subscriptions: typeof Subscriptions;
  readonly logs: typeof LogsQuery;
  readonly metrics: typeof MetricsQuery;
}

/**
 * The Log Analytics query client, with the caller's abort signal honoured.
 * `LogsQueryClient.queryWorkspace` drops `abortSignal` from its options (monitor-query-logs 1.0
 * copies only `requestOptions` and the `Prefer` header), so the factory adds a pipeline policy
 * that attaches the signal of the current call to the outgoing request.
 */
export interface AzureLogsQueryClient {
  readonly client: LogsQuery.LogsQueryClient;
  queryWorkspace(
    workspaceId: string,
    query: string,
    timespan: LogsQuery.QueryTimeInterval,
    signal: AbortSignal,
  ): Promise<LogsQuery.LogsQueryResult>;
}

/** What a metrics batch call asks for besides the resources, the metric names and the namespace. */
export interface AzureMetricsBatchQuery {
  readonly startTime: Date;
  readonly endTime: Date;
  /** ISO-8601 time grain (`PT5M`). */
  readonly interval: string;
  /** Comma-separated aggregation types (`Average,Count`). */
  readonly aggregation: string;
}

/**
 * Azure Monitor's metrics batch client (`metrics:getBatch`) of one region, with the caller's abort
 * signal passed to the request (`MetricsClient.queryResources` forwards it, but its options type
 * does not declare it).
 */
export interface AzureMetricsBatchClient {
  readonly client: MetricsQuery.MetricsClient;
  queryResources(
    resourceIds: readonly string[],
    metricNames: readonly string[],
    metricNamespace: string,
    query: AzureMetricsBatchQuery,
    signal: AbortSignal,
  ): Promise<MetricsQuery.MetricsQueryResult[]>;
}

/** The client of each service. */
export interface AzureSdkClients {
  readonly compute: Compute.ComputeManagementClient;
  readonly web: AppService.WebSiteManagementClient;
  readonly sql: Sql.SqlManagementClient;
  readonly storage: Storage.StorageManagementClient;
  readonly monitor: Monitor.MonitorClient;
  readonly subscriptions: Subscriptions.SubscriptionClient;
  readonly logs: AzureLogsQueryClient;
  readonly metrics: AzureMetricsBatchClient;
}

/** A service the adapter talks to (one SDK client class each). */
export type AzureService = keyof AzureSdkModules;

/** A client and the package it came from (the package supplies helpers such as `getContinuationToken`). */
export interface AzureSdkHandle<S extends AzureService> {
  readonly module: AzureSdkModules[S];
  readonly client: AzureSdkClients[S];
}

/** Builds SDK clients. Injected so tests can replace the SDKs with fakes. */
export interface AzureClientFactory {
  /**
   * Loads the service's package (lazily) and builds a client for a subscription (ignored by the
   * subscription and Log Analytics clients; for `metrics`, the region whose data-plane host it
   * calls), with SDK retries off.
   */
  createClient<S extends AzureService>(service: S, subscriptionId: string): Promise<AzureSdkHandle<S>>;
}

/** Options of {@link createAzureClientFactory}. */
export interface AzureClientFactoryOptions {
  readonly endpoints: AzureEndpoints;
  /** Credential for https endpoints; default: `DefaultAzureCredential`, created on first need. */
  readonly credential?: TokenCredential;
  /** Prefix of the `User-Agent` header. */
  readonly userAgentPrefix?: string;
}

/**
 * `@azure/identity` is loaded through a constant specifier: eslint-plugin-import-x's resolver
 * crashes on that package's `exports` map ("node with invalid interface loaded as resolver")
 * when `import-x/no-cycle` follows a literal `import('@azure/identity')`. The type stays exact.
 */
const IDENTITY_PACKAGE = '@azure/identity';

/** Name of the policy that lets requests to loopback `http` URLs through (and nothing else). */
export const LOOPBACK_HTTP_POLICY_NAME = 'sreLoopbackHttpPolicy';
/** Name of the policy that attaches the current call's abort signal (Log Analytics client). */
export const CALL_SIGNAL_POLICY_NAME = 'sreCallSignalPolicy';
/**
 * The name `@azure/core-rest-pipeline` gives its bearer-token policy (`bearerTokenAuthenticationPolicyName`);
 * a test checks that it still matches the SDK's constant.
 */
export const BEARER_TOKEN_POLICY_NAME = 'bearerTokenAuthenticationPolicy';
/** The token scope of Azure Monitor's metrics data plane (`metrics:getBatch`). */
export const METRICS_TOKEN_SCOPE = 'https://metrics.monitor.azure.com/.default';

/**
 * Marks requests to loopback `http` URLs as allowed (the SDK's HTTP client refuses plain http
 * unless `allowInsecureConnection` is set). A `nextLink` pointing anywhere else keeps the default
 * and is refused, so the emulator mode can never send a request off the machine in clear text.
 */
export function createLoopbackHttpPolicy(): PipelinePolicy {
  return {
    name: LOOPBACK_HTTP_POLICY_NAME,
    sendRequest(request, next) {
      const url = new URL(request.url);
      if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) request.allowInsecureConnection = true;
      return next(request);
    },
  };
}

/**
 * A credential for loopback endpoints. Their clients have no bearer-token policy, so it is never
 * asked for a token; if it were, failing loudly beats sending a real token to the emulator.
 */
const NO_TOKEN_CREDENTIAL: TokenCredential = {
  getToken: () => Promise.reject(new Error('No Azure token is requested for a loopback emulator endpoint.')),
};

/** SDK options common to every client: our resilience layer owns retries, so the SDK makes one attempt. */
function baseOptions(
  endpoint: AzureEndpoint | undefined,
  userAgentPrefix: string,
): {
  endpoint?: string;
  retryOptions: { maxRetries: number };
  userAgentOptions: { userAgentPrefix: string };
} {
  return {
    ...(endpoint === undefined ? {} : { endpoint: endpoint.url }),
    // One attempt per call: the CallRunner retries one page at a time, so retries never multiply.
    retryOptions: { maxRetries: 0 },
    userAgentOptions: { userAgentPrefix },
  };
}

/** For a loopback endpoint: no token, and plain http allowed to loopback hosts only. */
function prepareForLoopback(pipeline: Pipeline, endpoint: AzureEndpoint | undefined): void {
  if (endpoint?.insecureLoopback !== true) return;
  pipeline.removePolicy({ name: BEARER_TOKEN_POLICY_NAME });
  pipeline.addPolicy(createLoopbackHttpPolicy());
}

type Loader<S extends AzureService> = (
  subscriptionId: string,
  credential: TokenCredential,
) => Promise<AzureSdkHandle<S>>;

/**
 * The production client factory: the official Azure SDK clients, each package imported on first
 * use, SDK retries off (`retryOptions.maxRetries: 0`), credentials from `DefaultAzureCredential`
 * (created once, on the first client that needs it) unless one is given. Clients of a loopback
 * `http` endpoint get no credential at all: the SDK's `bearerTokenAuthenticationPolicy` is removed
 * from their pipeline and no token is ever requested.
 */
export function createAzureClientFactory(options: AzureClientFactoryOptions): AzureClientFactory {
  const { endpoints } = options;
  const userAgentPrefix = options.userAgentPrefix ?? 'multicloud-sre-agent';
  let defaultCredential: Promise<TokenCredential> | undefined;
  const credentialFor = (endpoint: AzureEndpoint | undefined): Promise<TokenCredential> => {
    if (endpoint?.insecureLoopback === true) return Promise.resolve(NO_TOKEN_CREDENTIAL);
    if (options.credential !== undefined) return Promise.resolve(options.credential);
    defaultCredential ??= (import(IDENTITY_PACKAGE) as Promise<typeof import('@azure/identity')>).then(
      (identity) => new identity.DefaultAzureCredential(),
    );
    return defaultCredential;
  };
  const arm = (): ReturnType<typeof baseOptions> => baseOptions(endpoints.arm, userAgentPrefix);

  const loaders: { readonly [S in AzureService]: Loader<S> } = {
    compute: async (subscriptionId, credential) => {
      const module = await import('@azure/arm-compute');
      const client = new module.ComputeManagementClient(credential, subscriptionId, arm());
      prepareForLoopback(client.pipeline, endpoints.arm);
      return { module, client };
    },
    web: async (subscriptionId, credential) => {
      const module = await import('@azure/arm-appservice');
      const client = new module.WebSiteManagementClient(credential, subscriptionId, arm());
      prepareForLoopback(client.pipeline, endpoints.arm);
      return { module, client };
    },
    sql: async (subscriptionId, credential) => {
      const module = await import('@azure/arm-sql');
      const client = new module.SqlManagementClient(credential, subscriptionId, arm());
      prepareForLoopback(client.pipeline, endpoints.arm);
      return { module, client };
    },
    storage: async (subscriptionId, credential) => {
      const module = await import('@azure/arm-storage');
      const client = new module.StorageManagementClient(credential, subscriptionId, arm());
      prepareForLoopback(client.pipeline, endpoints.arm);
      return { module, client };
    },
    monitor: async (subscriptionId, credential) => {
      const module = await import('@azure/arm-monitor');
      const client = new module.MonitorClient(credential, subscriptionId, arm());
      prepareForLoopback(client.pipeline, endpoints.arm);
      return { module, client };
    },
    subscriptions: async (_subscriptionId, credential) => {
      const module = await import('@azure/arm-resources-subscriptions');
      const client = new module.SubscriptionClient(credential, arm());
      prepareForLoopback(client.pipeline, endpoints.arm);
      return { module, client };
    },
    logs: async (_subscriptionId, credential) => {
      const module = await import('@azure/monitor-query-logs');
      const client = new module.LogsQueryClient(credential, baseOptions(endpoints.logs, userAgentPrefix));
      prepareForLoopback(client.pipeline, endpoints.logs);
      // One store per client (no module state): the policy reads the signal of the call in flight.
      const signals = new AsyncLocalStorage<AbortSignal>();
      client.pipeline.addPolicy({
        name: CALL_SIGNAL_POLICY_NAME,
        sendRequest(request, next) {
          const signal = signals.getStore();
          if (signal !== undefined) {
            const own = request.abortSignal;
            // The SDK sets none today; should it start to, both must be able to cancel.
            request.abortSignal = own instanceof AbortSignal ? AbortSignal.any([own, signal]) : signal;
          }
          return next(request);
        },
      });
      return {
        module,
        client: {
          client,
          queryWorkspace: (workspaceId, query, timespan, signal) =>
            signals.run(signal, () => client.queryWorkspace(workspaceId, query, timespan)),
        },
      };
    },
    metrics: async (region, credential) => {
      const module = await import('@azure/monitor-query-metrics');
      const endpoint = endpoints.metrics?.url ?? publicMetricsEndpoint(region);
      const client = new module.MetricsClient(endpoint, credential, {
        ...baseOptions(undefined, userAgentPrefix),
        credentials: { scopes: [METRICS_TOKEN_SCOPE] },
      });
      prepareForLoopback(client.pipeline, endpoints.metrics);
      return {
        module,
        client: {
          client,
          queryResources: (resourceIds, metricNames, metricNamespace, query, signal) => {
            // `queryResources` spreads its options into the request's, so the signal reaches the request.
            const options: MetricsQuery.MetricsQueryResourcesOptions & { abortSignal: AbortSignal } = {
              ...query,
              abortSignal: signal,
            };
            return client.queryResources([...resourceIds], [...metricNames], metricNamespace, options);
          },
        },
      };
    },
  };

  return {
    async createClient<S extends AzureService>(
      service: S,
      subscriptionId: string,
    ): Promise<AzureSdkHandle<S>> {
      const credential = await credentialFor(
        service === 'logs' ? endpoints.logs : service === 'metrics' ? endpoints.metrics : endpoints.arm,
      );
      // The table is keyed by service; TypeScript cannot narrow a generic key's value type.
      const loader = loaders[service] as Loader<S>;
      return loader(subscriptionId, credential);
    },
  };
}
