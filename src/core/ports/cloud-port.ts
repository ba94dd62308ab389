/**
 * The port every cloud adapter implements (`src/cloud/aws`, later `azure`, `gcp`). The executor
 * in `core` talks only to this interface; adapters translate SDK errors into `SreError`s with
 * `CLOUD_*` codes at their edge and return normalized records.
 */

/** A cloud provider. */
export type Provider = 'aws' | 'azure' | 'gcp';

/** Resource kinds the product can answer about. */
export type ResourceKind = 'instance' | 'volume' | 'function' | 'database' | 'bucket' | 'log_group';

/** Normalized instance state vocabulary shared by the three clouds. */
export type NormalizedState =
  | 'pending'
  | 'running'
  | 'stopping'
  | 'stopped'
  | 'deallocated'
  | 'terminated'
  | 'available'
  | 'in_use'
  | 'active'
  | 'inactive'
  | 'failed'
  | 'unknown';

/**
 * A scalar field value of a normalized record. `null` means the adapter tried to read the field and
 * could not (access denied, operation not supported): the executor then neither matches nor groups
 * the record on it as if it were absent, and says so in a warning (see {@link ListHints.fields}).
 */
export type FieldValue = string | number | boolean | null;

/**
 * One normalized resource. Field names are shared by the three clouds:
 * - all kinds: `provider`, `kind`, `id` (the provider's native id: instance id, volume id, function
 *   name, DB identifier, bucket name, log group name), `name`, `account`, `region`, `tags`;
 * - `fields` holds kind-specific values with these names (absent when unknown):
 *   instance: `state`, `native_state`, `type`, `family`, `zone`, `platform`, `private_ip`,
 *   `public_ip`, `launch_time`, `created_time`, `monitoring`, `image_id`, `resource_group`;
 *   volume: `state`, `size_gb`, `volume_type`, `attached` (boolean), `attached_to`, `encrypted`,
 *   `zone`, `created_time`, `iops`;
 *   function: `runtime`, `runtime_deprecated`, `memory_mb`, `timeout_s`, `state`, `last_modified`,
 *   `handler`, `log_group`;
 *   database: `engine`, `engine_version`, `state`, `native_state`, `type` (instance class),
 *   `multi_az`, `public`, `size_gb`, `encrypted`, `zone`, `created_time`;
 *   bucket: `created_time`, `public`, `encrypted`, `versioning`, `storage_class`;
 *   log_group: `created_time`, `retention_days`, `stored_bytes`.
 * Times are ISO-8601 UTC strings.
 *
 * Absent and unreadable are different: a field is absent when the resource has no such value (or
 * the plan did not ask for it, see {@link ListHints.fields}); it is `null` when the adapter could
 * not read it. Tags follow the same rule through {@link ResourceRecord.tagsUnknown}.
 */
export interface ResourceRecord {
  readonly provider: Provider;
  readonly kind: ResourceKind;
  readonly id: string;
  readonly name: string;
  readonly account: string;
  readonly region: string;
  /** The resource's tags (labels); `{}` = no tags, unless {@link ResourceRecord.tagsUnknown} is set. */
  readonly tags: Readonly<Record<string, string>>;
  readonly fields: Readonly<Record<string, FieldValue>>;
  /**
   * True when `tags` was not read (the list API returns no tags and the plan did not ask for them,
   * or the per-resource tag call was denied): `tags` is then `{}` but means "unknown", and the
   * executor excludes the record from any `tags` / `tag:KEY` filter instead of treating it as
   * untagged. Absent = `tags` is complete.
   */
  readonly tagsUnknown?: boolean;
}

/** One place to read: a provider, an account (AWS account / Azure subscription / GCP project) and a region. */
export interface ScopeTarget {
  readonly provider: Provider;
  readonly account: string;
  /** Region code; `global` for account-wide services (S3 ListBuckets, Azure subscriptions). */
  readonly region: string;
}

/** Server-side hints an adapter may push down to the API (it must still return only exact matches or a superset). */
export interface ListHints {
  /** Native-state values to ask the API for (e.g. EC2 `instance-state-name`), when the plan filters on state. */
  readonly states?: readonly string[];
  /**
   * The normalized fields the plan reads (filters, group-by and sort keys; never `metric`), sorted
   * and without duplicates; every `tag:KEY` and `tags` field is listed as `tags`. Fields derived
   * from another one bring it along (`family` and `size` bring `type`).
   *
   * Some list APIs omit fields that need one more call per resource (Lambda and S3 tags, S3
   * public access, encryption, versioning). For cost control adapters make such calls only for
   * the fields listed here; absent = none are needed. Adapters must fill every listed field they
   * can read; a listed field they cannot read (denied, unsupported) is set to `null` (for tags:
   * `tagsUnknown: true`), and the executor leaves such records out of the answer with a warning
   * rather than treating the value as missing. Fields not listed may stay absent (tags: set
   * `tagsUnknown`).
   */
  readonly fields?: readonly string[];
}

/** A metric statistic. */
export type MetricStatistic = 'avg' | 'max' | 'min' | 'sum' | 'p50' | 'p90' | 'p95' | 'p99';

/** A metric request for many resources of one scope. */
export interface MetricRequest {
  readonly metric: 'cpu' | 'memory' | 'network_in' | 'network_out' | 'disk_read' | 'disk_write';
  readonly statistic: MetricStatistic;
  /** Aligned window (start inclusive, end exclusive), multiples of `periodSeconds`. */
  readonly start: Date;
  readonly end: Date;
  /** Aggregation period; the whole window is one period unless the caller says otherwise. */
  readonly periodSeconds: number;
  readonly resourceIds: readonly string[];
}

/** The value of a metric per resource id over the whole window (`null`: no data). */
export type MetricValues = ReadonlyMap<string, number | null>;

/** A log search over one or more log groups of one scope. */
export interface LogSearchRequest {
  readonly logGroups: readonly string[];
  readonly start: Date;
  readonly end: Date;
  /** Substring/term pattern; absent = any message. */
  readonly pattern?: string;
  readonly level?: 'error' | 'warn';
  /** Cap on events returned per scope; reaching it is reported, not silent. */
  readonly limit: number;
}

/** One log event. */
export interface LogRecord {
  readonly provider: Provider;
  readonly account: string;
  readonly region: string;
  readonly logGroup: string;
  readonly stream: string;
  readonly timestamp: string;
  readonly message: string;
  readonly eventId: string;
}

/** Result of a log search in one scope. */
export interface LogSearchResult {
  readonly events: readonly LogRecord[];
  /** True when `limit` was reached and more events exist. */
  readonly truncated: boolean;
}

/** An audit request for one scope. */
export interface AuditRequest {
  readonly resource: ResourceKind;
  readonly actions: readonly ('create' | 'start' | 'stop' | 'delete' | 'modify')[];
  readonly start: Date;
  readonly end: Date;
}

/** One audit event, normalized. */
export interface AuditRecord {
  readonly provider: Provider;
  readonly account: string;
  readonly region: string;
  readonly eventId: string;
  readonly time: string;
  readonly action: 'create' | 'start' | 'stop' | 'delete' | 'modify';
  /** Native operation (`RunInstances`, `Microsoft.Compute/virtualMachines/write`…). */
  readonly operation: string;
  readonly actor: string;
  readonly resourceId: string;
  readonly resourceType: string;
  readonly resourceName: string;
}

/** Which cloud service a call goes to, for coverage (`ec2`, `cloudwatch`, `logs`, `lambda`, `rds`, `s3`, `cloudtrail`…). */
export type ServiceName = string;

/** Per-call context: cancellation and a trace hook. */
export interface CallContext {
  readonly signal?: AbortSignal;
}

/** A cloud adapter. All methods throw `SreError` with `CLOUD_*` codes. */
export interface CloudProvider {
  readonly provider: Provider;
  /** The accounts and regions to read, from configuration and discovery (e.g. STS, DescribeRegions). */
  listScopes(context: CallContext): Promise<readonly ScopeTarget[]>;
  /** The service that serves a resource kind (for coverage entries). */
  serviceFor(kind: ResourceKind | 'metrics' | 'logs' | 'audit'): ServiceName;
  /** True when the kind is listed once per account (not per region), e.g. S3 buckets. */
  isGlobal(kind: ResourceKind): boolean;
  /** Every resource of a kind in a scope, all pages read. */
  listResources(
    kind: ResourceKind,
    scope: ScopeTarget,
    hints: ListHints,
    context: CallContext,
  ): Promise<readonly ResourceRecord[]>;
  /** Metric values per resource over an aligned window, batched as the API allows. */
  getMetrics(request: MetricRequest, scope: ScopeTarget, context: CallContext): Promise<MetricValues>;
  searchLogs(request: LogSearchRequest, scope: ScopeTarget, context: CallContext): Promise<LogSearchResult>;
  lookupAudit(
    request: AuditRequest,
    scope: ScopeTarget,
    context: CallContext,
  ): Promise<readonly AuditRecord[]>;
}
