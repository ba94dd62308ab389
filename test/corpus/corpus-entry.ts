/**
 * The question corpus format and builders. Each table file exports an array of
 * {@link CorpusEntry}; `corpus.test.ts` runs them all. A plan expectation is checked on the keys
 * it lists only (filters order-insensitive, scope lists order-insensitive).
 */
import type {
  AuditAction,
  FilterField,
  LogQuery,
  PlanFilter,
  PlanMetric,
  PlanProvider,
  PlanResourceKind,
  PlanScope,
  PlanSort,
  QueryPlan,
  RegionGroup,
  TimeRange,
  TimeUnit,
} from '../../src/core/plan/query-plan.js';

/** The parts of a plan a corpus entry checks. */
export interface PlanShape {
  readonly action?: QueryPlan['action'];
  readonly resource?: PlanResourceKind;
  readonly scope?: Partial<PlanScope>;
  readonly filters?: readonly PlanFilter[];
  readonly metric?: Partial<PlanMetric>;
  readonly timeRange?: TimeRange;
  readonly groupBy?: readonly FilterField[];
  readonly sort?: readonly PlanSort[];
  readonly limit?: number;
  readonly logQuery?: LogQuery;
  readonly audit?: { readonly actions: readonly AuditAction[] };
}

/** What the rule engine must answer. */
export type Expectation =
  | { readonly kind: 'plan'; readonly plan: PlanShape }
  | { readonly kind: 'refusal' }
  | { readonly kind: 'unrecognized' }
  /** Understood as a cloud or resource kind the agent does not cover: `PLAN_UNSUPPORTED`, nothing run. */
  | { readonly kind: 'unsupported' };

/** One corpus question. */
export interface CorpusEntry {
  readonly question: string;
  readonly expect: Expectation;
}

/** Plan options of the builders (flattened scope). */
export interface PlanOptions {
  readonly providers?: readonly PlanProvider[];
  readonly accounts?: readonly string[];
  readonly regions?: readonly string[];
  readonly resourceGroups?: readonly string[];
  readonly regionGroups?: readonly RegionGroup[];
  readonly filters?: readonly PlanFilter[];
  readonly metric?: Partial<PlanMetric>;
  readonly timeRange?: TimeRange;
  readonly groupBy?: readonly FilterField[];
  readonly sort?: readonly PlanSort[];
  readonly limit?: number;
  readonly logQuery?: LogQuery;
  readonly audit?: readonly AuditAction[];
}

/** A question that must become a plan. */
export function plan(
  question: string,
  action: QueryPlan['action'],
  resource: PlanResourceKind,
  options: PlanOptions = {},
): CorpusEntry {
  const scope: Partial<PlanScope> = {};
  const mutableScope = scope as Record<string, unknown>;
  for (const key of ['providers', 'accounts', 'regions', 'resourceGroups', 'regionGroups'] as const) {
    if (options[key] !== undefined) {
      mutableScope[key] = options[key];
    }
  }
  const shape: PlanShape = {
    action,
    resource,
    ...(Object.keys(scope).length > 0 ? { scope } : {}),
    ...(options.filters === undefined ? {} : { filters: options.filters }),
    ...(options.metric === undefined ? {} : { metric: options.metric }),
    ...(options.timeRange === undefined ? {} : { timeRange: options.timeRange }),
    ...(options.groupBy === undefined ? {} : { groupBy: options.groupBy }),
    ...(options.sort === undefined ? {} : { sort: options.sort }),
    ...(options.limit === undefined ? {} : { limit: options.limit }),
    ...(options.logQuery === undefined ? {} : { logQuery: options.logQuery }),
    ...(options.audit === undefined ? {} : { audit: { actions: options.audit } }),
  };
  return { question, expect: { kind: 'plan', plan: shape } };
}

/** A command to change the cloud: must be refused. */
export function refuse(question: string): CorpusEntry {
  return { question, expect: { kind: 'refusal' } };
}

/** A question the rules must not guess at. */
export function unknown(question: string): CorpusEntry {
  return { question, expect: { kind: 'unrecognized' } };
}

/** A question about a cloud or resource kind the agent does not cover. */
export function unsupported(question: string): CorpusEntry {
  return { question, expect: { kind: 'unsupported' } };
}

/** A filter. */
export function f(field: FilterField, op: PlanFilter['op'], value?: PlanFilter['value']): PlanFilter {
  return value === undefined ? { field, op } : { field, op, value };
}

/** A relative window. */
export function last(amount: number, unit: TimeUnit): TimeRange {
  return { kind: 'relative', amount, unit };
}

/** A calendar window. */
export function cal(
  value: 'today' | 'yesterday' | 'since_yesterday' | 'this_week' | 'last_week' | 'this_month',
): TimeRange {
  return { kind: 'calendar', value };
}

/** A percentage metric condition. */
export function pct(
  name: 'cpu' | 'memory',
  op: 'gt' | 'gte' | 'lt' | 'lte',
  threshold: number,
  statistic: PlanMetric['statistic'] = 'avg',
): Partial<PlanMetric> {
  return { name, statistic, op, threshold, unit: 'percent' };
}

/** A metric without threshold (top lists). */
export function top(
  name: PlanMetric['name'],
  statistic: PlanMetric['statistic'] = 'avg',
): Partial<PlanMetric> {
  return { name, statistic, op: undefined, threshold: undefined };
}

/** Provider lists for `providers` expectations (NONE = nothing named, nothing implied). */
export const AWS: readonly PlanProvider[] = ['aws'];
export const AZURE: readonly PlanProvider[] = ['azure'];
export const GCP: readonly PlanProvider[] = ['gcp'];
export const ALL: readonly PlanProvider[] = ['aws', 'azure', 'gcp'];
export const NONE: readonly PlanProvider[] = [];

/** Frequent filters, spelled once. */
export const RUNNING = f('state', 'eq', 'running');
export const STOPPED = f('state', 'in', ['stopped', 'deallocated']);
export const DEALLOCATED = f('state', 'eq', 'deallocated');
export const TERMINATED = f('state', 'eq', 'terminated');
export const PENDING = f('state', 'eq', 'pending');
export const UNATTACHED = f('attached', 'eq', false);
export const ATTACHED = f('attached', 'eq', true);
export const UNENCRYPTED = f('encrypted', 'eq', false);
export const ENCRYPTED = f('encrypted', 'eq', true);
export const PUBLIC_IP = f('public_ip', 'exists');
export const NO_PUBLIC_IP = f('public_ip', 'not_exists');
export const PUBLIC = f('public', 'eq', true);
export const PRIVATE = f('public', 'eq', false);
export const MULTI_AZ = f('multi_az', 'eq', true);
export const SINGLE_AZ = f('multi_az', 'eq', false);
export const DEPRECATED = f('runtime_deprecated', 'eq', true);
export const MONITORING_ON = f('monitoring', 'eq', true);
export const MONITORING_OFF = f('monitoring', 'eq', false);
export const UNTAGGED = f('tags', 'not_exists');
export const VERSIONING_ON = f('versioning', 'eq', true);
export const VERSIONING_OFF = f('versioning', 'eq', false);
export const NO_RETENTION = f('retention_days', 'not_exists');
export const WINDOWS = f('platform', 'eq', 'windows');
export const LINUX = f('platform', 'eq', 'linux');
export const DB_AVAILABLE = f('state', 'eq', 'available');

/** Filter builders. */
export const tagMissing = (key: string): PlanFilter => f(`tag:${key}`, 'not_exists');
export const tagHas = (key: string): PlanFilter => f(`tag:${key}`, 'exists');
export const tagEq = (key: string, value: string): PlanFilter => f(`tag:${key}`, 'eq', value);
export const family = (value: string): PlanFilter => f('family', 'eq', value);
export const type = (value: string): PlanFilter => f('type', 'eq', value);
export const engine = (value: string): PlanFilter => f('engine', 'eq', value);
/** "python 3.7" → both spellings (Lambda python3.7, Cloud Functions python37); "node 14" → prefix nodejs14. */
export const runtime = (value: string): PlanFilter =>
  value.includes('.') ? f('runtime', 'in', [value, value.replace('.', '')]) : f('runtime', 'prefix', value);
export const named = (value: string): PlanFilter => f('name', 'eq', value);
export const zone = (value: string): PlanFilter => f('zone', 'eq', value);
