import type { TokenCredential } from '@azure/identity';
import type {
  CloudProvider,
  ResourceKind,
  ResourceRecord,
  ScopeTarget,
  ServiceName,
} from '../../core/ports/cloud-port.js';
import type { AzureAdapterContext } from './azure-adapter-context.js';
import { createAzureClientFactory, type AzureClientFactory } from './azure-client-factory.js';
import { createAzureClientPool } from './azure-client-pool.js';
import type { CloudProviderDeps } from '../shared/cloud-provider-deps.js';
import { distinctTrimmed } from '../shared/distinct-trimmed.js';
import { emitWarningAs } from '../shared/emit-warning-as.js';
import { inRegion } from '../shared/in-region.js';
import { memoizeRetryable } from '../shared/memoize-retryable.js';
import { getAzureMetrics } from './get-azure-metrics.js';
import { listBuckets } from './list-buckets.js';
import { listDatabases } from './list-databases.js';
import { listFunctions } from './list-functions.js';
import { listInstances } from './list-instances.js';
import { listLogGroups } from './list-log-groups.js';
import { listSubscriptions } from './list-subscriptions.js';
import { listVolumes } from './list-volumes.js';
import { lookupAzureAudit } from './lookup-azure-audit.js';
import { resolveAzureEndpoints } from './resolve-azure-endpoints.js';
import { searchAzureLogs } from './search-azure-logs.js';

/** Default cap on log events returned per scope. */
export const AZURE_DEFAULT_LOG_EVENT_LIMIT = 1000;
/**
 * Default look-back of the workspace scan that finds log groups: 24 hours. A source silent for
 * longer is not listed (raise `logSourceLookbackHours` to widen the scan; its cost grows with it).
 */
export const AZURE_DEFAULT_LOG_SOURCE_LOOKBACK_HOURS = 24;
/** Default number of per-resource calls in flight (instance views, site configurations, databases, metrics). */
export const AZURE_DEFAULT_CONCURRENCY = 8;
/** The public ARM endpoint, used when no override is configured. */
export const AZURE_PUBLIC_ARM_ENDPOINT = 'https://management.azure.com';

/** Caller knobs of {@link createAzureProvider}; the app fills them from validated configuration. */
export interface AzureProviderSettings {
  /**
   * Subscriptions to read (`SRE_AZURE_SUBSCRIPTIONS`, else `AZURE_SUBSCRIPTION_ID`, resolved by the
   * app). Empty or absent: every subscription the credential can see (`Subscriptions_List`).
   */
  readonly subscriptions?: readonly string[];
  /**
   * ARM endpoint override (`SRE_AZURE_ENDPOINT`), e.g. the emulator. Plain `http` is accepted only
   * on a loopback host (127.0.0.0/8, localhost, ::1), and then no token is ever requested.
   */
  readonly endpoint?: string;
  /** Log Analytics query endpoint override; default: `endpoint` when set, else the public service. */
  readonly logsEndpoint?: string;
  /**
   * Azure Monitor metrics batch endpoint override, used for every region; default: `endpoint` when
   * set, else `https://{region}.metrics.monitor.azure.com`.
   */
  readonly metricsEndpoint?: string;
  /** Credential for https endpoints; default: `DefaultAzureCredential`, created on first use. */
  readonly credential?: TokenCredential;
  /** Cap on log events returned per scope by `searchLogs` (default 1000). */
  readonly logEventLimit?: number;
  /** How far back workspaces are scanned for log sources when listing log groups, hours (default 24). */
  readonly logSourceLookbackHours?: number;
  /** Per-resource calls in flight within one scope (default 8). */
  readonly concurrency?: number;
}

/**
 * Collaborators of {@link createAzureProvider}: the runner, the Azure SDK client factory, the
 * clock (runtime support, the Activity Log's retention, log-source scans) and `warn` (clamped
 * audit window, unknown runtime…).
 */
export type AzureProviderDeps = CloudProviderDeps<AzureClientFactory>;

const SERVICES: Readonly<Record<ResourceKind | 'metrics' | 'logs' | 'audit', ServiceName>> = {
  instance: 'Microsoft.Compute',
  volume: 'Microsoft.Compute',
  function: 'Microsoft.Web',
  database: 'Microsoft.Sql',
  bucket: 'Microsoft.Storage',
  log_group: 'Microsoft.OperationalInsights',
  metrics: 'Microsoft.Insights',
  logs: 'loganalytics',
  audit: 'Microsoft.Insights',
};

function positiveOr(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}

/**
 * Creates the Azure adapter of the cloud port, built on the official Azure SDKs
 * (`@azure/arm-compute`, `arm-appservice`, `arm-sql`, `arm-storage`, `arm-monitor`,
 * `arm-resources-subscriptions`, `monitor-query-logs`).
 *
 * - Clients are created lazily, one per (service, subscription), each package imported on first
 *   use, with SDK retries off: every page is one `deps.runner` call (key: provider `azure`, the
 *   subscription, the region, the resource provider namespace, the REST operation id), so
 *   retries, breakers and rate limits live in one place.
 * - `listScopes` returns one scope per subscription with region `global`: Azure lists are
 *   subscription-wide, so every kind is "global" and the executor filters by location. Called
 *   with a regional scope, `listResources` keeps only that location's records.
 * - Records are normalized by the `to-*-record.ts` files and sorted by id (ARM ids).
 * - All methods throw `SreError`s with `CLOUD_*` codes (see {@link mapAzureError}).
 * @throws SreError `CONFIG_INVALID` when an endpoint is malformed or plain http on a non-loopback host.
 */
export function createAzureProvider(settings: AzureProviderSettings, deps: AzureProviderDeps): CloudProvider {
  const endpoints = resolveAzureEndpoints(settings);
  const factory =
    deps.clientFactory ??
    createAzureClientFactory({
      endpoints,
      ...(settings.credential === undefined ? {} : { credential: settings.credential }),
    });
  const warn = deps.warn ?? emitWarningAs('AzureProviderWarning');
  const pool = createAzureClientPool(factory);
  const context: AzureAdapterContext = {
    pool,
    runner: deps.runner,
    armEndpoint: endpoints.arm?.url ?? AZURE_PUBLIC_ARM_ENDPOINT,
    metricsBatch: endpoints.metricsThroughArm !== true,
    logEventLimit: positiveOr(settings.logEventLimit, AZURE_DEFAULT_LOG_EVENT_LIMIT),
    logSourceLookbackMs:
      positiveOr(settings.logSourceLookbackHours, AZURE_DEFAULT_LOG_SOURCE_LOOKBACK_HOURS) * 3_600_000,
    concurrency: Math.floor(positiveOr(settings.concurrency, AZURE_DEFAULT_CONCURRENCY)),
    now: deps.now ?? (() => new Date()),
    warn,
  };
  const configured = distinctTrimmed(settings.subscriptions).sort();
  const subscriptions = memoizeRetryable(
    async (signal: AbortSignal | undefined): Promise<readonly string[]> =>
      configured.length > 0 ? configured : listSubscriptions(pool, deps.runner, signal),
  );

  const list = (
    kind: ResourceKind,
    scope: ScopeTarget,
    signal: AbortSignal | undefined,
  ): Promise<ResourceRecord[]> => {
    switch (kind) {
      case 'instance':
        return listInstances(context, scope, signal);
      case 'volume':
        return listVolumes(context, scope, signal);
      case 'function':
        return listFunctions(context, scope, signal);
      case 'database':
        return listDatabases(context, scope, signal);
      case 'bucket':
        return listBuckets(context, scope, signal);
      case 'log_group':
        return listLogGroups(context, scope, signal);
    }
  };

  return {
    provider: 'azure',
    async listScopes(callContext): Promise<readonly ScopeTarget[]> {
      const ids = await subscriptions(callContext.signal);
      return ids.map((account) => ({ provider: 'azure', account, region: 'global' }));
    },
    serviceFor: (kind) => SERVICES[kind],
    isGlobal: () => true,
    async listResources(kind, scope, _hints, callContext) {
      return inRegion(await list(kind, scope, callContext.signal), scope);
    },
    getMetrics: (request, scope, callContext) => getAzureMetrics(context, request, scope, callContext.signal),
    searchLogs: (request, scope, callContext) => searchAzureLogs(context, request, scope, callContext.signal),
    lookupAudit: (request, scope, callContext) =>
      lookupAzureAudit(
        context,
        request,
        scope,
        (kind, target, signal) => list(kind, target, signal),
        callContext.signal,
      ),
  };
}
