import type { CloudProvider, ResourceKind, ScopeTarget, ServiceName } from '../../core/ports/cloud-port.js';
import type { AwsAdapterContext } from './aws-adapter-context.js';
import {
  type AwsClientFactory,
  type AwsStaticCredentials,
  createAwsClientFactory,
} from './aws-client-factory.js';
import { createAwsClientPool } from './aws-client-pool.js';
import type { CloudProviderDeps } from '../shared/cloud-provider-deps.js';
import { emitWarningAs } from '../shared/emit-warning-as.js';
import { memoizeRetryable } from '../shared/memoize-retryable.js';
import { getAwsMetrics } from './get-aws-metrics.js';
import { listBuckets } from './list-buckets.js';
import { listDatabases } from './list-databases.js';
import { listFunctions } from './list-functions.js';
import { listInstances } from './list-instances.js';
import { listLogGroups } from './list-log-groups.js';
import { listVolumes } from './list-volumes.js';
import { lookupAwsAudit } from './lookup-aws-audit.js';
import { runAwsCall } from './run-aws-call.js';
import { searchAwsLogs } from './search-aws-logs.js';

/** Region used when neither the settings nor the SDK's own chain name one. */
export const AWS_FALLBACK_REGION = 'us-east-1';
/** Default cap on log events returned per scope. */
export const AWS_DEFAULT_LOG_EVENT_LIMIT = 1000;

/** Caller knobs of {@link createAwsProvider}; the app fills them from validated configuration. */
export interface AwsProviderSettings {
  /**
   * Regions to scan. Default: the SDK's configured region (`AWS_REGION`, `AWS_DEFAULT_REGION`,
   * the profile's `region`), else `us-east-1` with a warning.
   */
  readonly regions?: readonly string[];
  /**
   * Endpoint override for every service (emulator, proxy). Absent: the SDK resolves endpoints
   * itself and honours `AWS_ENDPOINT_URL` / `AWS_ENDPOINT_URL_<SERVICE>`.
   */
  readonly endpoint?: string;
  /** Shared-config profile; absent: the SDK default (`AWS_PROFILE`, else `default`). */
  readonly profile?: string;
  /** Static credentials (e.g. `emulator`/`emulator`); absent: the SDK's default provider chain. */
  readonly credentials?: AwsStaticCredentials;
  /**
   * S3 path-style addressing. Default: true when `endpoint` is set. The app should also set it
   * when `AWS_ENDPOINT_URL` or `AWS_ENDPOINT_URL_S3` points the SDK at an emulator, since only the
   * app reads the environment.
   */
  readonly forcePathStyle?: boolean;
  /** Page size asked of every list API (clamped to each API's bounds); for tests that force paging. */
  readonly pageSize?: number;
  /** Cap on log events returned per scope by `searchLogs` (default 1000). */
  readonly logEventLimit?: number;
}

/**
 * Collaborators of {@link createAwsProvider}: the runner, the SDK v3 client factory, the clock
 * (runtime deprecation, CloudTrail's retention window) and `warn` (default region fallback,
 * clamped audit window…).
 */
export type AwsProviderDeps = CloudProviderDeps<AwsClientFactory>;

/** The AWS cloud provider, with a way to release its SDK clients' sockets. */
export interface AwsProvider extends CloudProvider {
  readonly provider: 'aws';
  /** Destroys the SDK clients (their keep-alive sockets). The provider can still be used afterwards. */
  dispose(): void;
}

const SERVICES: Readonly<Record<ResourceKind | 'metrics' | 'logs' | 'audit', ServiceName>> = {
  instance: 'ec2',
  volume: 'ec2',
  function: 'lambda',
  database: 'rds',
  bucket: 's3',
  log_group: 'logs',
  metrics: 'cloudwatch',
  logs: 'logs',
  audit: 'cloudtrail',
};

/**
 * Creates the AWS adapter of the cloud port, built on the official AWS SDK v3 clients.
 *
 * - Clients are created lazily, one per (service, region), with SDK retries off: every page is
 *   one `deps.runner` call, so retries, breakers and rate limits live in one place.
 * - `listScopes` reads the account once from STS GetCallerIdentity (cached) and returns one scope
 *   per configured region.
 * - Listing reads every page; records are normalized (see the `to-*-record.ts` files) and sorted by id.
 * - All methods throw `SreError`s with `CLOUD_*` codes (see `mapAwsError`).
 */
export function createAwsProvider(settings: AwsProviderSettings, deps: AwsProviderDeps): AwsProvider {
  const factory = deps.clientFactory ?? createAwsClientFactory();
  const warn = deps.warn ?? emitWarningAs('AwsProviderWarning');
  const pool = createAwsClientPool(factory, {
    ...(settings.endpoint === undefined ? {} : { endpoint: settings.endpoint }),
    ...(settings.profile === undefined ? {} : { profile: settings.profile }),
    ...(settings.credentials === undefined ? {} : { credentials: settings.credentials }),
    forcePathStyle: settings.forcePathStyle ?? settings.endpoint !== undefined,
  });

  const regions = memoizeRetryable(async (): Promise<readonly string[]> => {
    const configured = [...new Set((settings.regions ?? []).filter((region) => region !== ''))];
    if (configured.length > 0) return configured;
    const resolved = await factory.resolveDefaultRegion(
      settings.profile === undefined ? {} : { profile: settings.profile },
    );
    if (resolved !== undefined) return [resolved];
    warn(`No AWS region is configured (settings, AWS_REGION or the profile); using ${AWS_FALLBACK_REGION}.`);
    return [AWS_FALLBACK_REGION];
  });

  const context: AwsAdapterContext = {
    pool,
    runner: deps.runner,
    pageSize: settings.pageSize,
    logEventLimit: settings.logEventLimit ?? AWS_DEFAULT_LOG_EVENT_LIMIT,
    regions,
    now: deps.now ?? (() => new Date()),
    warn,
  };

  const account = memoizeRetryable(async (signal: AbortSignal | undefined): Promise<string> => {
    const [region = AWS_FALLBACK_REGION] = await regions();
    const { client, module } = await pool.get('sts', region);
    const output = await runAwsCall(
      deps.runner,
      // The account is what this call discovers, so its key cannot name it yet.
      { provider: 'aws', account: 'unknown', region, service: 'sts', operation: 'GetCallerIdentity' },
      (abortSignal) => client.send(new module.GetCallerIdentityCommand({}), { abortSignal }),
      signal === undefined ? {} : { signal },
    );
    return output.Account ?? 'unknown';
  });

  return {
    provider: 'aws',
    async listScopes(callContext): Promise<readonly ScopeTarget[]> {
      const [accountId, regionList] = await Promise.all([account(callContext.signal), regions()]);
      return regionList.map((region) => ({ provider: 'aws', account: accountId, region }));
    },
    serviceFor: (kind) => SERVICES[kind],
    isGlobal: (kind) => kind === 'bucket',
    async listResources(kind, scope, hints, callContext) {
      const signal = callContext.signal;
      switch (kind) {
        case 'instance':
          return listInstances(context, scope, hints, signal);
        case 'volume':
          return listVolumes(context, scope, hints, signal);
        case 'function':
          return listFunctions(context, scope, hints, signal);
        case 'database':
          return listDatabases(context, scope, signal);
        case 'bucket':
          return listBuckets(context, scope, hints, signal);
        case 'log_group':
          return listLogGroups(context, scope, signal);
      }
    },
    getMetrics: (request, scope, callContext) => getAwsMetrics(context, request, scope, callContext.signal),
    searchLogs: (request, scope, callContext) => searchAwsLogs(context, request, scope, callContext.signal),
    lookupAudit: (request, scope, callContext) => lookupAwsAudit(context, request, scope, callContext.signal),
    dispose: () => {
      pool.destroy();
    },
  };
}
