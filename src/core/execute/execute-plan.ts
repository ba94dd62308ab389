import { SreError, toSreError } from '../errors/sre-error.js';
import type { ErrorCode } from '../errors/error-catalogue.js';
import type {
  AuditRecord,
  CloudProvider,
  FieldValue,
  LogRecord,
  Provider,
  ResourceKind,
  ResourceRecord,
  ScopeTarget,
} from '../ports/cloud-port.js';
import type { PlanFilter, QueryPlan } from '../plan/query-plan.js';
import { resolveTimeRange } from '../plan/resolve-time-range.js';
import type { Trace } from '../trace/create-trace.js';
import { matchesFilters, readField } from './evaluate-filter.js';
import { listPlanFields, toHintField } from './list-plan-fields.js';
import { mapWithConcurrency } from './map-with-concurrency.js';
import { isInRegionGroup } from './region-groups.js';

/** Status of one (provider, account, region, service) scope in an answer. */
export type CoverageStatus = 'ok' | 'denied' | 'throttled' | 'error' | 'skipped';

/** One scope the answer covered (or could not). */
export interface CoverageEntry {
  readonly provider: Provider;
  readonly account: string;
  readonly region: string;
  readonly service: string;
  readonly status: CoverageStatus;
  /** Why the scope is not `ok`. */
  readonly reason?: string;
  /** The error code when the scope failed. */
  readonly errorCode?: ErrorCode;
}

/** A row of the answer: a flattened normalized record (or log/audit event). */
export type AnswerRow = Readonly<Record<string, FieldValue | Readonly<Record<string, string>>>>;

/** One group of a count-by answer. */
export interface AnswerGroup {
  readonly key: string;
  readonly count: number;
}

/** The aligned metric window actually queried. */
export interface MetricWindow {
  readonly metric: string;
  readonly statistic: string;
  readonly unit: string;
  readonly start: string;
  readonly end: string;
  readonly periodSeconds: number;
}

/** What the executor produced. */
export interface ExecutionResult {
  readonly rows: readonly AnswerRow[];
  /** Number of matching items (before `limit`). */
  readonly count: number;
  readonly groups?: readonly AnswerGroup[];
  readonly coverage: readonly CoverageEntry[];
  readonly warnings: readonly string[];
  readonly caveats: readonly string[];
  readonly metricWindow?: MetricWindow;
  /** The absolute time window used, when the plan has one. */
  readonly window?: { readonly start: string; readonly end: string };
}

/** Collaborators of {@link executePlan}. */
export interface ExecuteDeps {
  /** Adapters of the configured providers. */
  readonly providers: ReadonlyMap<Provider, CloudProvider>;
  /** Providers asked when the plan names none. */
  readonly defaultProviders: readonly Provider[];
  readonly now: Date;
  /** Scopes read in parallel. */
  readonly concurrency: number;
  /** Most log events per scope. */
  readonly logEventLimit: number;
  readonly trace: Trace;
  readonly signal?: AbortSignal;
  /** Progress callback: stage name, scopes done, scopes total. */
  readonly onProgress?: (stage: string, done: number, total: number) => void;
}

const REGION_FORMAT: Record<Provider, RegExp> = {
  aws: /^[a-z]{2}(-gov)?-[a-z]+-\d$/,
  gcp: /^[a-z]+-[a-z]+\d+$/,
  azure: /^[a-z]+\d?$/,
};

/** Alignment of metric windows: the same question within one 5-minute slot reads the same data. */
const METRIC_ALIGN_SECONDS = 300;
const DEFAULT_METRIC_WINDOW_SECONDS = 3600;
const DEFAULT_LOG_WINDOW_MS = 3_600_000;
const DEFAULT_AUDIT_WINDOW_MS = 7 * 86_400_000;
/** Log groups that belong to functions: Lambda's `/aws/lambda/…`, Azure function apps, Cloud Functions. */
const FUNCTION_LOG_GROUP = /lambda|function|cloudfunctions/i;

function coverageStatusOf(code: ErrorCode): CoverageStatus {
  if (code === 'CLOUD_AUTHORIZATION' || code === 'CLOUD_AUTHENTICATION') return 'denied';
  return code === 'CLOUD_THROTTLED' ? 'throttled' : 'error';
}

function regionOfZone(provider: Provider, zone: string): string | undefined {
  if (provider === 'aws' && /^[a-z]{2}-[a-z]+-\d[a-z]$/.test(zone)) return zone.slice(0, -1);
  if (provider === 'gcp' && /^[a-z]+-[a-z]+\d+-[a-z]$/.test(zone))
    return zone.slice(0, zone.lastIndexOf('-'));
  return undefined;
}

/** The regions a plan names for a provider: explicit codes in that provider's format plus zones' regions. */
function plannedRegions(plan: QueryPlan, provider: Provider): string[] {
  const regions = plan.scope.regions.filter((r) => REGION_FORMAT[provider].test(r));
  for (const filter of plan.filters) {
    if (filter.field !== 'zone' || (filter.op !== 'eq' && filter.op !== 'in')) continue;
    const zones = Array.isArray(filter.value) ? filter.value : [String(filter.value)];
    for (const zone of zones) {
      const region = regionOfZone(provider, zone);
      if (region !== undefined) regions.push(region);
    }
  }
  return [...new Set(regions)].sort();
}

function flattenRecord(
  record: ResourceRecord,
): Record<string, FieldValue | Readonly<Record<string, string>>> {
  return {
    provider: record.provider,
    kind: record.kind,
    id: record.id,
    name: record.name,
    account: record.account,
    region: record.region,
    ...record.fields,
    tags: record.tags,
  };
}

function compareValues(a: FieldValue | undefined, b: FieldValue | undefined): number {
  // Missing values sort last in either direction (handled by the caller).
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return String(a).localeCompare(String(b), 'en');
}

const IDENTITY_KEYS = ['provider', 'account', 'region', 'id'] as const;

function compareIdentity(a: ResourceRecord, b: ResourceRecord): number {
  for (const key of IDENTITY_KEYS) {
    const c = a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : 0;
    if (c !== 0) return c;
  }
  return 0;
}

interface ScopeRead<T> {
  readonly scope: ScopeTarget;
  readonly service: string;
  readonly value?: T;
  readonly error?: SreError;
}

/**
 * Executes a validated plan against the configured cloud adapters: resolves the scopes
 * (providers × accounts × regions), reads every scope with bounded concurrency, isolates
 * failures into `coverage`, applies filters, metric conditions, grouping, sorting and limits,
 * and returns rows in a deterministic order.
 * @throws SreError PROVIDER_NOT_CONFIGURED when no requested provider is configured;
 *   PLAN_UNSUPPORTED for a metric question about a kind without metrics.
 */
export async function executePlan(plan: QueryPlan, deps: ExecuteDeps): Promise<ExecutionResult> {
  const coverage: CoverageEntry[] = [];
  const warnings: string[] = [];
  const caveats = new Set<string>();
  const requested = plan.scope.providers.length > 0 ? plan.scope.providers : deps.defaultProviders;
  const adapters: CloudProvider[] = [];
  for (const provider of [...new Set(requested)].sort()) {
    const adapter = deps.providers.get(provider);
    if (adapter === undefined) {
      coverage.push({
        provider,
        account: '*',
        region: '*',
        service: '*',
        status: 'skipped',
        reason: `${provider} is not configured (see docs/configuration.md)`,
      });
    } else {
      adapters.push(adapter);
    }
  }
  if (adapters.length === 0) {
    const configured = [...deps.providers.keys()];
    throw new SreError(
      'PROVIDER_NOT_CONFIGURED',
      requested.length === 0
        ? 'No cloud provider is configured: set AWS credentials (AWS_PROFILE, AWS_ACCESS_KEY_ID…), Azure (AZURE_SUBSCRIPTION_ID) or GCP (GOOGLE_CLOUD_PROJECT), or try the built-in emulator with --demo. `sre doctor` shows what is found.'
        : `The question asks for ${requested.join(', ')}, which is not configured (configured: ${configured.join(', ') || 'none'}). \`sre doctor\` shows what is found.`,
    );
  }
  if (plan.action === 'metrics' && plan.resource !== 'instance') {
    throw new SreError(
      'PLAN_UNSUPPORTED',
      `Metric questions are supported for instances, not for ${plan.resource}s yet.`,
    );
  }

  const scopes = await deps.trace.span('scopes', async () => resolveScopes(plan, adapters, deps, coverage));
  const context = deps.signal === undefined ? {} : { signal: deps.signal };

  switch (plan.action) {
    case 'list':
    case 'count':
    case 'group':
    case 'metrics': {
      const records = await listRecords(plan, adapters, scopes, deps, coverage, warnings);
      let rows: { record: ResourceRecord; metric?: number | null }[] = records.map((record) => ({ record }));
      let metricWindow: MetricWindow | undefined;
      if (plan.metric !== undefined) {
        const metric = plan.metric;
        const window = alignMetricWindow(plan, deps.now);
        metricWindow = {
          metric: metric.name,
          statistic: metric.statistic,
          unit: metric.unit,
          start: window.start.toISOString(),
          end: window.end.toISOString(),
          periodSeconds: window.periodSeconds,
        };
        const values = await readMetrics(plan, adapters, records, window, deps, coverage, context);
        rows = rows.map((row) => ({ record: row.record, metric: values.get(row.record) ?? null }));
        if (metric.op !== undefined && metric.threshold !== undefined) {
          const threshold = metric.threshold;
          const op = metric.op;
          rows = rows.filter(
            (r) =>
              typeof r.metric === 'number' &&
              (op === 'gt'
                ? r.metric > threshold
                : op === 'gte'
                  ? r.metric >= threshold
                  : op === 'lt'
                    ? r.metric < threshold
                    : r.metric <= threshold),
          );
        }
        if (records.some((r) => r.provider === 'aws') && metric.name === 'memory') {
          caveats.add(
            'AWS publishes no memory metric by default; memory values come from the CloudWatch agent (CWAgent mem_used_percent) where it is installed.',
          );
        }
      }
      addStateCaveats(plan, records, caveats);
      const sorted = sortRows(rows, plan);
      const count = sorted.length;
      const limited = plan.limit === undefined ? sorted : sorted.slice(0, plan.limit);
      if (plan.limit !== undefined && count > plan.limit) {
        warnings.push(`Showing the first ${plan.limit} of ${count} matching ${plan.resource}s.`);
      }
      const outRows = plan.action === 'count' ? [] : limited.map((r) => toRow(r.record, r.metric));
      const groups =
        plan.action === 'group' || plan.groupBy.length > 0
          ? groupRows(
              sorted.map((r) => r.record),
              plan,
            )
          : undefined;
      return {
        rows: plan.action === 'group' ? [] : outRows,
        count,
        ...(groups === undefined ? {} : { groups }),
        coverage: sortCoverage(coverage),
        warnings,
        caveats: [...caveats],
        ...(metricWindow === undefined
          ? {}
          : { metricWindow, window: { start: metricWindow.start, end: metricWindow.end } }),
      };
    }
    case 'logs':
      return searchLogs(plan, adapters, scopes, deps, coverage, warnings, context);
    case 'audit':
      return lookupAudit(plan, adapters, scopes, deps, coverage, warnings, caveats, context);
  }
}

async function resolveScopes(
  plan: QueryPlan,
  adapters: readonly CloudProvider[],
  deps: ExecuteDeps,
  coverage: CoverageEntry[],
): Promise<Map<Provider, ScopeTarget[]>> {
  const result = new Map<Provider, ScopeTarget[]>();
  const context = deps.signal === undefined ? {} : { signal: deps.signal };
  for (const adapter of adapters) {
    let scopes: readonly ScopeTarget[];
    try {
      scopes = await adapter.listScopes(context);
    } catch (error) {
      const e = toSreError(error);
      coverage.push({
        provider: adapter.provider,
        account: '*',
        region: '*',
        service: 'identity',
        status: coverageStatusOf(e.code),
        reason: e.message,
        errorCode: e.code,
      });
      continue;
    }
    const accountsWanted = plan.scope.accounts.map((a) => a.toLowerCase());
    const accounts = [...new Set(scopes.map((s) => s.account))]
      .filter((a) => accountsWanted.length === 0 || accountsWanted.includes(a.toLowerCase()))
      .sort();
    if (accounts.length === 0) {
      coverage.push({
        provider: adapter.provider,
        account: plan.scope.accounts.join(',') || '*',
        region: '*',
        service: '*',
        status: 'skipped',
        reason: `none of the requested accounts (${plan.scope.accounts.join(', ')}) is configured for ${adapter.provider}`,
      });
      continue;
    }
    const explicit = plannedRegions(plan, adapter.provider);
    const regionsNamedForOthers = explicit.length === 0 && plan.scope.regions.length > 0;
    if (regionsNamedForOthers) {
      coverage.push({
        provider: adapter.provider,
        account: '*',
        region: plan.scope.regions.join(','),
        service: '*',
        status: 'skipped',
        reason: `the requested regions are not ${adapter.provider} regions`,
      });
      continue;
    }
    const targets: ScopeTarget[] = [];
    for (const account of accounts) {
      const configured = scopes.filter((s) => s.account === account).map((s) => s.region);
      let regions = explicit.length > 0 ? explicit : configured;
      if (plan.scope.regionGroups.length > 0) {
        regions = regions.filter((r) =>
          plan.scope.regionGroups.some((g) => isInRegionGroup(adapter.provider, r, g)),
        );
      }
      for (const region of [...new Set(regions)].sort())
        targets.push({ provider: adapter.provider, account, region });
    }
    if (targets.length === 0) {
      coverage.push({
        provider: adapter.provider,
        account: '*',
        region: '*',
        service: '*',
        status: 'skipped',
        reason: `no configured ${adapter.provider} region is in ${plan.scope.regionGroups.join(', ')}`,
      });
    }
    result.set(adapter.provider, targets);
  }
  return result;
}

/** Reads `read(scope)` for every scope with bounded concurrency, recording coverage. */
async function readScopes<T>(
  stage: string,
  targets: readonly { scope: ScopeTarget; service: string }[],
  deps: ExecuteDeps,
  coverage: CoverageEntry[],
  read: (scope: ScopeTarget) => Promise<T>,
): Promise<ScopeRead<T>[]> {
  let done = 0;
  deps.onProgress?.(stage, 0, targets.length);
  const results = await mapWithConcurrency(targets, deps.concurrency, async ({ scope, service }) => {
    try {
      const value = await deps.trace.span(
        `${stage} ${scope.provider}/${scope.account}/${scope.region}/${service}`,
        () => read(scope),
      );
      return { scope, service, value };
    } catch (error) {
      return { scope, service, error: toSreError(error) };
    } finally {
      done += 1;
      deps.onProgress?.(stage, done, targets.length);
    }
  });
  for (const r of results) {
    coverage.push({
      provider: r.scope.provider,
      account: r.scope.account,
      region: r.scope.region,
      service: r.service,
      status: r.error === undefined ? 'ok' : coverageStatusOf(r.error.code),
      ...(r.error === undefined ? {} : { reason: r.error.message, errorCode: r.error.code }),
    });
  }
  return results;
}

function kindTargets(
  kind: ResourceKind,
  adapters: readonly CloudProvider[],
  scopes: ReadonlyMap<Provider, ScopeTarget[]>,
): { scope: ScopeTarget; service: string }[] {
  const targets: { scope: ScopeTarget; service: string }[] = [];
  for (const adapter of adapters) {
    const list = scopes.get(adapter.provider) ?? [];
    const service = adapter.serviceFor(kind);
    if (adapter.isGlobal(kind)) {
      for (const account of [...new Set(list.map((s) => s.account))]) {
        targets.push({ scope: { provider: adapter.provider, account, region: 'global' }, service });
      }
    } else {
      for (const scope of list) targets.push({ scope, service });
    }
  }
  return targets;
}

async function listRecords(
  plan: QueryPlan,
  adapters: readonly CloudProvider[],
  scopes: ReadonlyMap<Provider, ScopeTarget[]>,
  deps: ExecuteDeps,
  coverage: CoverageEntry[],
  warnings: string[],
): Promise<ResourceRecord[]> {
  const byProvider = new Map(adapters.map((a) => [a.provider, a]));
  const context = deps.signal === undefined ? {} : { signal: deps.signal };
  const fields = listPlanFields(plan);
  const reads = await readScopes(
    'list',
    kindTargets(plan.resource, adapters, scopes),
    deps,
    coverage,
    (scope) => byProvider.get(scope.provider)!.listResources(plan.resource, scope, { fields }, context),
  );
  const filters: PlanFilter[] = [...plan.filters];
  if (plan.scope.resourceGroups.length > 0) {
    filters.push({ field: 'resource_group', op: 'in', value: [...plan.scope.resourceGroups] });
  }
  const regionalFilter = (record: ResourceRecord): boolean => {
    // Account-wide listings (buckets) still honour the regions the plan names.
    if (!byProvider.get(record.provider)?.isGlobal(plan.resource)) return true;
    const explicit = plannedRegions(plan, record.provider);
    if (explicit.length > 0 && !explicit.includes(record.region)) return false;
    return (
      plan.scope.regionGroups.length === 0 ||
      plan.scope.regionGroups.some((g) => isInRegionGroup(record.provider, record.region, g))
    );
  };
  const out: ResourceRecord[] = [];
  const read: ResourceRecord[] = [];
  for (const scopeRead of reads) {
    for (const record of scopeRead.value ?? []) {
      if (!regionalFilter(record)) continue;
      read.push(record);
      if (matchesFilters(record, filters, deps.now)) out.push(record);
    }
  }
  warnings.push(...describeUnreadableFields(plan, read));
  return out.sort(compareIdentity);
}

const PROVIDER_LABELS: Readonly<Record<Provider, string>> = { aws: 'AWS', azure: 'Azure', gcp: 'GCP' };

/**
 * One warning per (provider, kind, field) the plan reads and an adapter could not read for some
 * records (a `null` value, or `tagsUnknown` for tag fields), so the user knows those records were
 * left out (or grouped as "(unknown)", or sorted last) instead of being counted as lacking it.
 */
function describeUnreadableFields(plan: QueryPlan, records: readonly ResourceRecord[]): string[] {
  const filtered = new Set(plan.filters.map((f) => toHintField(f.field)));
  if (plan.scope.resourceGroups.length > 0) filtered.add('resource_group');
  const grouped = new Set(plan.groupBy.map(toHintField));
  const sorted = plan.sort.filter((k) => k.field !== 'metric').map((k) => toHintField(k.field));
  // The fields the plan names (not the sources hints add for derived ones, which would warn twice).
  const fields = [...new Set([...filtered, ...grouped, ...sorted])].sort();
  const tally = new Map<
    string,
    { provider: Provider; kind: ResourceKind; field: string; unreadable: number; total: number }
  >();
  for (const record of records) {
    for (const field of fields) {
      const key = `${record.provider}\u0000${record.kind}\u0000${field}`;
      let entry = tally.get(key);
      if (entry === undefined) {
        entry = { provider: record.provider, kind: record.kind, field, unreadable: 0, total: 0 };
        tally.set(key, entry);
      }
      entry.total += 1;
      if (readField(record, field) === null) entry.unreadable += 1;
    }
  }
  return [...tally.values()]
    .filter((e) => e.unreadable > 0)
    .sort(
      (a, b) =>
        a.provider.localeCompare(b.provider) ||
        a.kind.localeCompare(b.kind) ||
        a.field.localeCompare(b.field),
    )
    .map((e) => {
      const effect = filtered.has(e.field)
        ? 'they are left out of the answer rather than guessed'
        : grouped.has(e.field)
          ? 'they are grouped as "(unknown)"'
          : 'they are sorted last';
      return `${PROVIDER_LABELS[e.provider]}: ${e.field} could not be read for ${e.unreadable} of ${e.total} ${e.kind}s (access denied or not supported); ${effect}.`;
    });
}

function alignMetricWindow(plan: QueryPlan, now: Date): { start: Date; end: Date; periodSeconds: number } {
  const endSec = Math.floor(now.getTime() / 1000 / METRIC_ALIGN_SECONDS) * METRIC_ALIGN_SECONDS;
  let durationSec = DEFAULT_METRIC_WINDOW_SECONDS;
  if (plan.timeRange !== undefined) {
    const range = resolveTimeRange(plan.timeRange, new Date(endSec * 1000));
    durationSec = Math.max(
      METRIC_ALIGN_SECONDS,
      Math.round((range.end.getTime() - range.start.getTime()) / 1000 / METRIC_ALIGN_SECONDS) *
        METRIC_ALIGN_SECONDS,
    );
  }
  return {
    start: new Date((endSec - durationSec) * 1000),
    end: new Date(endSec * 1000),
    periodSeconds: durationSec,
  };
}

async function readMetrics(
  plan: QueryPlan,
  adapters: readonly CloudProvider[],
  records: readonly ResourceRecord[],
  window: { start: Date; end: Date; periodSeconds: number },
  deps: ExecuteDeps,
  coverage: CoverageEntry[],
  context: { signal?: AbortSignal },
): Promise<Map<ResourceRecord, number | null>> {
  const metric = plan.metric!;
  const byScope = new Map<string, { scope: ScopeTarget; records: ResourceRecord[] }>();
  for (const record of records) {
    const key = `${record.provider}\u0000${record.account}\u0000${record.region}`;
    let entry = byScope.get(key);
    if (entry === undefined) {
      entry = {
        scope: { provider: record.provider, account: record.account, region: record.region },
        records: [],
      };
      byScope.set(key, entry);
    }
    entry.records.push(record);
  }
  const byProvider = new Map(adapters.map((a) => [a.provider, a]));
  const groups = [...byScope.values()];
  const reads = await readScopes(
    'metrics',
    groups.map((g) => ({ scope: g.scope, service: byProvider.get(g.scope.provider)!.serviceFor('metrics') })),
    deps,
    coverage,
    (scope) => {
      const group = byScope.get(`${scope.provider}\u0000${scope.account}\u0000${scope.region}`)!;
      return byProvider.get(scope.provider)!.getMetrics(
        {
          metric: metric.name,
          statistic: metric.statistic,
          start: window.start,
          end: window.end,
          periodSeconds: window.periodSeconds,
          resourceIds: group.records.map((r) => r.id),
        },
        scope,
        context,
      );
    },
  );
  const values = new Map<ResourceRecord, number | null>();
  reads.forEach((read, i) => {
    for (const record of groups[i]?.records ?? []) values.set(record, read.value?.get(record.id) ?? null);
  });
  return values;
}

function sortRows<T extends { record: ResourceRecord; metric?: number | null }>(
  rows: T[],
  plan: QueryPlan,
): T[] {
  const keys = [...plan.sort];
  if (keys.length === 0 && plan.metric !== undefined) keys.push({ field: 'metric', direction: 'desc' });
  return [...rows].sort((a, b) => {
    for (const key of keys) {
      // Unreadable values (null) sort last, like missing ones.
      const va =
        key.field === 'metric' ? (a.metric ?? undefined) : (readField(a.record, key.field) ?? undefined);
      const vb =
        key.field === 'metric' ? (b.metric ?? undefined) : (readField(b.record, key.field) ?? undefined);
      if (va === undefined && vb === undefined) continue;
      if (va === undefined) return 1;
      if (vb === undefined) return -1;
      const c = compareValues(va, vb);
      if (c !== 0) return key.direction === 'asc' ? c : -c;
    }
    return compareIdentity(a.record, b.record);
  });
}

function toRow(record: ResourceRecord, metric: number | null | undefined): AnswerRow {
  const row = flattenRecord(record);
  if (metric !== undefined) row.metric = metric === null ? null : Math.round(metric * 1000) / 1000;
  return row;
}

function groupRows(records: readonly ResourceRecord[], plan: QueryPlan): AnswerGroup[] {
  const fields = plan.groupBy.length > 0 ? plan.groupBy : ['provider'];
  const counts = new Map<string, number>();
  for (const record of records) {
    const key = fields
      .map((f) => {
        const v = readField(record, f);
        if (v === null) return '(unknown)';
        return v === undefined || v === '' ? '(none)' : String(v);
      })
      .join(' / ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function addStateCaveats(plan: QueryPlan, records: readonly ResourceRecord[], caveats: Set<string>): void {
  if (plan.resource !== 'instance') return;
  const providers = new Set(records.map((r) => r.provider));
  const touchesState = plan.filters.some((f) => f.field === 'state') || plan.groupBy.includes('state');
  if (providers.has('azure') && touchesState) {
    caveats.add('Azure: a "stopped" VM still bills for compute; only "deallocated" VMs do not.');
  }
  if (providers.has('gcp') && touchesState) {
    caveats.add('GCP: TERMINATED means the instance is stopped (it can be started again), not deleted.');
  }
  if (
    providers.has('aws') &&
    plan.filters.some((f) => f.field === 'launch_time' || f.field === 'created_time')
  ) {
    caveats.add(
      'EC2 LaunchTime is the last start time, not the creation time; creation comes from CloudTrail (90 days).',
    );
  }
}

async function searchLogs(
  plan: QueryPlan,
  adapters: readonly CloudProvider[],
  scopes: ReadonlyMap<Provider, ScopeTarget[]>,
  deps: ExecuteDeps,
  coverage: CoverageEntry[],
  warnings: string[],
  context: { signal?: AbortSignal },
): Promise<ExecutionResult> {
  const range =
    plan.timeRange === undefined
      ? { start: new Date(deps.now.getTime() - DEFAULT_LOG_WINDOW_MS), end: deps.now }
      : resolveTimeRange(plan.timeRange, deps.now);
  const byProvider = new Map(adapters.map((a) => [a.provider, a]));
  const target = plan.logQuery?.target?.toLowerCase();
  const groupReads = await readScopes(
    'log-groups',
    kindTargets('log_group', adapters, scopes),
    deps,
    coverage,
    (scope) => byProvider.get(scope.provider)!.listResources('log_group', scope, {}, context),
  );
  const searches: { scope: ScopeTarget; service: string; groups: string[] }[] = [];
  for (const read of groupReads) {
    let groups = (read.value ?? [])
      .filter(
        (g) =>
          target === undefined ||
          g.id.toLowerCase().includes(target) ||
          g.name.toLowerCase().includes(target),
      )
      .map((g) => g.id)
      .sort();
    if (plan.resource === 'function' && target !== undefined) {
      // "logs of the payments lambda": prefer the function's own log groups over an app log group of the same name.
      const functionGroups = groups.filter((id) => FUNCTION_LOG_GROUP.test(id));
      if (functionGroups.length > 0) groups = functionGroups;
    }
    if (groups.length > 0) {
      searches.push({
        scope: read.scope,
        service: byProvider.get(read.scope.provider)!.serviceFor('logs'),
        groups,
      });
    }
  }
  if (searches.length === 0 && groupReads.some((r) => r.error === undefined)) {
    warnings.push(
      target === undefined
        ? 'No log groups exist in the scopes read.'
        : `No log group matches "${plan.logQuery?.target ?? ''}".`,
    );
  }
  const groupsByScope = new Map(
    searches.map((s) => [`${s.scope.provider}/${s.scope.account}/${s.scope.region}`, s.groups]),
  );
  const reads = await readScopes('logs', searches, deps, coverage, (scope) =>
    byProvider.get(scope.provider)!.searchLogs(
      {
        logGroups: groupsByScope.get(`${scope.provider}/${scope.account}/${scope.region}`) ?? [],
        start: range.start,
        end: range.end,
        ...(plan.logQuery?.pattern === undefined ? {} : { pattern: plan.logQuery.pattern }),
        ...(plan.logQuery?.level === undefined ? {} : { level: plan.logQuery.level }),
        limit: deps.logEventLimit,
      },
      scope,
      context,
    ),
  );
  const events: LogRecord[] = [];
  for (const read of reads) {
    if (read.value === undefined) continue;
    events.push(...read.value.events);
    if (read.value.truncated) {
      warnings.push(
        `Log results for ${read.scope.provider}/${read.scope.account}/${read.scope.region} were capped at ${deps.logEventLimit} events; narrow the window or the pattern to see the rest.`,
      );
    }
  }
  events.sort(
    (a, b) =>
      a.timestamp.localeCompare(b.timestamp) ||
      a.provider.localeCompare(b.provider) ||
      a.account.localeCompare(b.account) ||
      a.region.localeCompare(b.region) ||
      a.logGroup.localeCompare(b.logGroup) ||
      a.eventId.localeCompare(b.eventId),
  );
  const count = events.length;
  const limited = plan.limit === undefined ? events : events.slice(-plan.limit);
  return {
    rows: limited.map((e) => ({
      provider: e.provider,
      kind: 'log_event',
      id: e.eventId,
      account: e.account,
      region: e.region,
      log_group: e.logGroup,
      stream: e.stream,
      timestamp: e.timestamp,
      message: e.message,
    })),
    count,
    coverage: sortCoverage(coverage),
    warnings,
    caveats: [],
    window: { start: range.start.toISOString(), end: range.end.toISOString() },
  };
}

async function lookupAudit(
  plan: QueryPlan,
  adapters: readonly CloudProvider[],
  scopes: ReadonlyMap<Provider, ScopeTarget[]>,
  deps: ExecuteDeps,
  coverage: CoverageEntry[],
  warnings: string[],
  caveats: Set<string>,
  context: { signal?: AbortSignal },
): Promise<ExecutionResult> {
  const range =
    plan.timeRange === undefined
      ? { start: new Date(deps.now.getTime() - DEFAULT_AUDIT_WINDOW_MS), end: deps.now }
      : resolveTimeRange(plan.timeRange, deps.now);
  if (plan.timeRange === undefined)
    warnings.push('No time window given: audit events of the last 7 days are shown.');
  const actions = plan.audit?.actions ?? ['create', 'start', 'stop', 'delete', 'modify'];
  const byProvider = new Map(adapters.map((a) => [a.provider, a]));
  const targets = [...scopes.entries()].flatMap(([provider, list]) =>
    list.map((scope) => ({ scope, service: byProvider.get(provider)!.serviceFor('audit') })),
  );
  if (adapters.some((a) => a.provider === 'aws')) {
    if (plan.resource === 'instance' && actions.includes('create')) {
      caveats.add(
        'EC2 LaunchTime is the last start time, not the creation time; creation comes from CloudTrail (90 days).',
      );
    }
    if (range.end.getTime() - range.start.getTime() > 90 * 86_400_000) {
      warnings.push('CloudTrail event history keeps 90 days; older events are not included.');
    }
  }
  const reads = await readScopes('audit', targets, deps, coverage, (scope) =>
    byProvider
      .get(scope.provider)!
      .lookupAudit({ resource: plan.resource, actions, start: range.start, end: range.end }, scope, context),
  );
  const events: AuditRecord[] = reads.flatMap((r) => [...(r.value ?? [])]);
  events.sort(
    (a, b) =>
      b.time.localeCompare(a.time) ||
      a.provider.localeCompare(b.provider) ||
      a.account.localeCompare(b.account) ||
      a.region.localeCompare(b.region) ||
      a.eventId.localeCompare(b.eventId),
  );
  const count = events.length;
  const limited = plan.limit === undefined ? events : events.slice(0, plan.limit);
  return {
    rows: limited.map((e) => ({
      provider: e.provider,
      kind: 'audit_event',
      id: e.resourceId,
      name: e.resourceName,
      account: e.account,
      region: e.region,
      event_id: e.eventId,
      time: e.time,
      action: e.action,
      operation: e.operation,
      actor: e.actor,
      resource_type: e.resourceType,
    })),
    count,
    coverage: sortCoverage(coverage),
    warnings,
    caveats: [...caveats],
    window: { start: range.start.toISOString(), end: range.end.toISOString() },
  };
}

function sortCoverage(coverage: readonly CoverageEntry[]): CoverageEntry[] {
  return [...coverage].sort(
    (a, b) =>
      a.provider.localeCompare(b.provider) ||
      a.account.localeCompare(b.account) ||
      a.region.localeCompare(b.region) ||
      a.service.localeCompare(b.service),
  );
}
