import { SreError } from '../../core/errors/sre-error.js';
import type { CloudProvider, ResourceKind, ScopeTarget, ServiceName } from '../../core/ports/cloud-port.js';
import type { GcpAdapterContext } from './gcp-adapter-context.js';
import { createGcpClientFactory, type GcpClientFactory } from './gcp-client-factory.js';
import { createGcpClientPool } from './gcp-client-pool.js';
import type { CloudProviderDeps } from '../shared/cloud-provider-deps.js';
import { distinctTrimmed } from '../shared/distinct-trimmed.js';
import { emitWarningAs } from '../shared/emit-warning-as.js';
import { memoizeRetryable } from '../shared/memoize-retryable.js';
import { getGcpMetrics } from './get-gcp-metrics.js';
import { listBuckets } from './list-buckets.js';
import { listDatabases } from './list-databases.js';
import { listFunctions } from './list-functions.js';
import { listInstances } from './list-instances.js';
import { listLogGroups } from './list-log-groups.js';
import { listVolumes } from './list-volumes.js';
import { lookupGcpAudit } from './lookup-gcp-audit.js';
import { parseGcpEndpoint } from './parse-gcp-endpoint.js';
import { createProjectMetricCache } from './project-metric-cache.js';
import { searchGcpLogs } from './search-gcp-logs.js';

/** Default cap on log events returned per scope. */
export const GCP_DEFAULT_LOG_EVENT_LIMIT = 1000;

/** Caller knobs of {@link createGcpProvider}; the app fills them from validated configuration. */
export interface GcpProviderSettings {
  /**
   * Project ids to read (`GOOGLE_CLOUD_PROJECT` or `SRE_GCP_PROJECTS`, resolved by the app). Empty:
   * the project of Application Default Credentials (google-auth-library `getProjectId`), except
   * for a loopback endpoint, where nothing is discovered and a project must be given.
   */
  readonly projects?: readonly string[];
  /**
   * Endpoint override for every API (`SRE_GCP_ENDPOINT`), e.g. the emulator
   * `http://127.0.0.1:PORT`. Plain http, and a fixed dummy token instead of credentials, only for
   * loopback hosts (127.0.0.0/8, `localhost`, `::1`).
   */
  readonly endpoint?: string;
  /** Cap on log events returned per scope by `searchLogs` (default 1000). */
  readonly logEventLimit?: number;
  /** Page size asked of every list API (clamped to each API's bounds); for tests that force paging. */
  readonly pageSize?: number;
}

/**
 * Collaborators of {@link createGcpProvider}: the runner, the client-library factory, the clock
 * (runtime deprecation, audit retention, the metric cache) and `warn` (unknown runtimes, clamped
 * audit window…).
 */
export type GcpProviderDeps = CloudProviderDeps<GcpClientFactory>;

/** The GCP cloud provider, with a way to close its clients. */
export interface GcpProvider extends CloudProvider {
  readonly provider: 'gcp';
  /** Closes the client-library clients. The provider can still be used afterwards. */
  dispose(): void;
}

const SERVICES: Readonly<Record<ResourceKind | 'metrics' | 'logs' | 'audit', ServiceName>> = {
  instance: 'compute',
  volume: 'compute',
  function: 'cloudfunctions',
  database: 'sqladmin',
  bucket: 'storage',
  log_group: 'logging',
  metrics: 'monitoring',
  logs: 'logging',
  audit: 'logging',
};

/**
 * Creates the GCP adapter of the cloud port, built on the official Google Cloud client libraries
 * (Compute, Cloud Functions v2, Cloud SQL Admin, Storage, Monitoring, Logging) in REST mode.
 *
 * - Every GCP list is project-wide (aggregated lists, location `-`), so `listScopes` returns one
 *   scope per project with region `global` and `isGlobal` is true for every kind; the executor
 *   then filters records by region. A regional scope, if one is passed, keeps only that region.
 * - Clients are created lazily, one per service, with the libraries' retries off: every page is
 *   one `deps.runner` call, so retries, breakers and rate limits live in one place.
 * - All methods throw `SreError`s with `CLOUD_*` codes (see `mapGcpError`).
 * @throws SreError CONFIG_INVALID when `settings.endpoint` is malformed or plain http to a
 *   non-loopback host.
 */
export function createGcpProvider(settings: GcpProviderSettings, deps: GcpProviderDeps): GcpProvider {
  const endpoint = parseGcpEndpoint(settings.endpoint);
  const factory = deps.clientFactory ?? createGcpClientFactory(endpoint === undefined ? {} : { endpoint });
  const now = deps.now ?? (() => new Date());
  const warn = deps.warn ?? emitWarningAs('GcpProviderWarning');
  const pool = createGcpClientPool(factory);
  const context: GcpAdapterContext = {
    pool,
    runner: deps.runner,
    pageSize: settings.pageSize,
    logEventLimit: settings.logEventLimit ?? GCP_DEFAULT_LOG_EVENT_LIMIT,
    now,
    warn,
  };
  const metricCache = createProjectMetricCache({ now: () => now().getTime() });

  const projects = memoizeRetryable(async (): Promise<readonly string[]> => {
    const configured = distinctTrimmed(settings.projects);
    if (configured.length > 0) return configured;
    if (endpoint?.loopback === true) {
      throw new SreError(
        'PROVIDER_NOT_CONFIGURED',
        `No GCP project is configured for the endpoint ${endpoint.origin}: set GOOGLE_CLOUD_PROJECT or SRE_GCP_PROJECTS (credentials are not consulted for a local endpoint).`,
        { details: { provider: 'gcp' } },
      );
    }
    const discovered = await factory.resolveDefaultProject();
    if (discovered === undefined) {
      throw new SreError(
        'PROVIDER_NOT_CONFIGURED',
        'No GCP project is configured and Application Default Credentials name none: set GOOGLE_CLOUD_PROJECT or SRE_GCP_PROJECTS.',
        {
          details: { provider: 'gcp' },
          suggestions: [
            'Run `gcloud auth application-default login` and `gcloud config set project PROJECT`, or set SRE_GCP_PROJECTS.',
          ],
        },
      );
    }
    return [discovered];
  });

  return {
    provider: 'gcp',
    async listScopes(): Promise<readonly ScopeTarget[]> {
      return (await projects()).map((account) => ({ provider: 'gcp', account, region: 'global' }));
    },
    serviceFor: (kind) => SERVICES[kind],
    isGlobal: () => true,
    async listResources(kind, scope, _hints, callContext) {
      const signal = callContext.signal;
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
    },
    getMetrics: (request, scope, callContext) =>
      getGcpMetrics(context, metricCache, request, scope, callContext.signal),
    searchLogs: (request, scope, callContext) => searchGcpLogs(context, request, scope, callContext.signal),
    lookupAudit: (request, scope, callContext) => lookupGcpAudit(context, request, scope, callContext.signal),
    dispose: () => {
      pool.destroy();
    },
  };
}
