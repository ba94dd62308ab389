/**
 * The QueryPlan: a typed, validated, serializable description of what to fetch. Rules and the LLM
 * both produce it; the executor alone consumes it. Its canonical JSON is what gets fingerprinted,
 * logged, cached and replayed, so everything that changes the answer must be in it and nothing else.
 *
 * Field and value vocabularies are normalized across AWS, Azure and GCP; adapters map native values
 * onto them (see docs/rules.md, "Plan schema").
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';

/** Cloud providers a plan can target. */
export const PROVIDERS = ['aws', 'azure', 'gcp'] as const;
/** A cloud provider. */
export type PlanProvider = (typeof PROVIDERS)[number];

/** What the plan asks for. */
export const PLAN_ACTIONS = ['list', 'count', 'group', 'metrics', 'logs', 'audit'] as const;
/** What the plan asks for: rows, a count, counts per group, metric values, log events or audit events. */
export type PlanAction = (typeof PLAN_ACTIONS)[number];

/** Resource kinds a plan can be about. */
export const RESOURCE_KINDS = ['instance', 'volume', 'function', 'database', 'bucket', 'log_group'] as const;
/** A resource kind. */
export type PlanResourceKind = (typeof RESOURCE_KINDS)[number];

/** Provider-neutral region groups (`scope.regionGroups`), resolved by the executor to each provider's codes. */
export const REGION_GROUPS = ['eu', 'us', 'asia'] as const;
/** A provider-neutral region group. */
export type RegionGroup = (typeof REGION_GROUPS)[number];

/**
 * Normalized record fields shared by all clouds. `tags` is the whole tag map (`exists` = has at least
 * one tag); `tag:<KEY>` (see {@link FilterField}) is one tag; `provider` is the record's cloud.
 */
export const BASE_FILTER_FIELDS = [
  'id',
  'name',
  'state',
  'type',
  'family',
  'size',
  'region',
  'zone',
  'account',
  'resource_group',
  'provider',
  'tags',
  'platform',
  'monitoring',
  'public_ip',
  'encrypted',
  'attached',
  'volume_type',
  'size_gb',
  'runtime',
  'runtime_deprecated',
  'memory_mb',
  'engine',
  'engine_version',
  'multi_az',
  'public',
  'storage_class',
  'versioning',
  'created_time',
  'launch_time',
  'retention_days',
] as const;
/** A normalized field without a parameter. */
export type BaseFilterField = (typeof BASE_FILTER_FIELDS)[number];
/** A normalized field: a base field or one tag, `tag:<KEY>` (key case as typed by the user). */
export type FilterField = BaseFilterField | `tag:${string}`;

/** Filter operators. `exists`/`not_exists` take no value; `in`/`not_in` take a string array. */
export const FILTER_OPS = [
  'eq',
  'ne',
  'in',
  'not_in',
  'gt',
  'gte',
  'lt',
  'lte',
  'exists',
  'not_exists',
  'contains',
  'prefix',
] as const;
/** A filter operator. */
export type FilterOp = (typeof FILTER_OPS)[number];

/** Metric names, normalized. */
export const METRIC_NAMES = [
  'cpu',
  'memory',
  'network_in',
  'network_out',
  'disk_read',
  'disk_write',
] as const;
/** A normalized metric name. */
export type MetricName = (typeof METRIC_NAMES)[number];

/** Metric statistics over the time window. */
export const METRIC_STATISTICS = ['avg', 'max', 'min', 'sum', 'p50', 'p90', 'p95', 'p99'] as const;
/** A metric statistic. */
export type PlanMetricStatistic = (typeof METRIC_STATISTICS)[number];

/** Comparison operators usable in a metric condition. */
export const COMPARISON_OPS = ['gt', 'gte', 'lt', 'lte'] as const;
/** A comparison operator. */
export type ComparisonOp = (typeof COMPARISON_OPS)[number];

/** Units of a metric threshold. */
export const METRIC_UNITS = ['percent', 'bytes', 'bytes_per_second'] as const;
/** The unit of a metric threshold. */
export type MetricUnit = (typeof METRIC_UNITS)[number];

/** Relative time units. A month is a calendar month (see `resolveTimeRange`). */
export const TIME_UNITS = ['minute', 'hour', 'day', 'week', 'month'] as const;
/** A relative time unit. */
export type TimeUnit = (typeof TIME_UNITS)[number];

/** Named calendar windows, resolved in UTC. */
export const CALENDAR_WINDOWS = [
  'today',
  'yesterday',
  'since_yesterday',
  'this_week',
  'last_week',
  'this_month',
] as const;
/** A named calendar window. */
export type CalendarWindow = (typeof CALENDAR_WINDOWS)[number];

/** Audit event kinds, normalized (EC2 RunInstances = create, TerminateInstances = delete…). */
export const AUDIT_ACTIONS = ['create', 'start', 'stop', 'delete', 'modify'] as const;
/** A normalized audit event kind. */
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Schema of a {@link FilterField}. */
export const FilterFieldSchema = z.union([
  z.enum(BASE_FILTER_FIELDS),
  z.templateLiteral(['tag:', z.string().min(1)]),
]);

/** Schema of one filter; `value` presence is checked against the operator. */
export const PlanFilterSchema = z
  .object({
    field: FilterFieldSchema,
    op: z.enum(FILTER_OPS),
    value: z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]).optional(),
  })
  .superRefine((filter, context) => {
    const needsNoValue = filter.op === 'exists' || filter.op === 'not_exists';
    const needsList = filter.op === 'in' || filter.op === 'not_in';
    if (needsNoValue && filter.value !== undefined) {
      context.addIssue({ code: 'custom', message: `operator ${filter.op} takes no value` });
    } else if (!needsNoValue && filter.value === undefined) {
      context.addIssue({ code: 'custom', message: `operator ${filter.op} needs a value` });
    } else if (needsList !== Array.isArray(filter.value) && !needsNoValue) {
      context.addIssue({
        code: 'custom',
        message: `operator ${filter.op} ${needsList ? 'needs' : 'takes no'} list`,
      });
    }
  });
/** One filter on a normalized field. Relative times in values are written `now-90d` (see docs/rules.md). */
export type PlanFilter = z.infer<typeof PlanFilterSchema>;

/** Schema of the metric condition. */
export const PlanMetricSchema = z.object({
  name: z.enum(METRIC_NAMES),
  statistic: z.enum(METRIC_STATISTICS),
  op: z.enum(COMPARISON_OPS).optional(),
  threshold: z.number().optional(),
  unit: z.enum(METRIC_UNITS),
});
/** A metric condition: `statistic(name) op threshold` over the plan's time range, or just the values. */
export type PlanMetric = z.infer<typeof PlanMetricSchema>;

/** Schema of the time range. */
export const TimeRangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('relative'), amount: z.number().int().positive(), unit: z.enum(TIME_UNITS) }),
  z.object({ kind: z.literal('calendar'), value: z.enum(CALENDAR_WINDOWS) }),
]);
/** A time range, kept relative so the plan's fingerprint does not change with the clock. */
export type TimeRange = z.infer<typeof TimeRangeSchema>;

/** Schema of a sort key: a filter field or `metric` (the metric value). */
export const PlanSortSchema = z.object({
  field: z.union([FilterFieldSchema, z.literal('metric')]),
  direction: z.enum(['asc', 'desc']),
});
/** One sort key. */
export type PlanSort = z.infer<typeof PlanSortSchema>;

/** Schema of the scope; every list empty = everything configured. */
export const PlanScopeSchema = z.object({
  /** Providers to read; [] = every configured provider. */
  providers: z.array(z.enum(PROVIDERS)).default([]),
  /** AWS account ids/aliases, Azure subscription ids/names, GCP project ids; [] = all configured. */
  accounts: z.array(z.string().min(1)).default([]),
  /** Region codes of the providers (`us-east-1`, `westeurope`, `europe-west1`); [] = all configured. */
  regions: z.array(z.string().min(1)).default([]),
  /** Azure resource groups; [] = all. */
  resourceGroups: z.array(z.string().min(1)).default([]),
  /** Provider-neutral region groups (EU, US, Asia), added to `regions` by the executor; [] = none. */
  regionGroups: z.array(z.enum(REGION_GROUPS)).default([]),
});
/** Where to look. */
export type PlanScope = z.infer<typeof PlanScopeSchema>;

/** Schema of the log query (action `logs`). */
export const LogQuerySchema = z.object({
  pattern: z.string().min(1).optional(),
  level: z.enum(['error', 'warn']).optional(),
  /** Function, log group or service name the user mentioned. */
  target: z.string().min(1).optional(),
});
/** What to search in logs. */
export type LogQuery = z.infer<typeof LogQuerySchema>;

/** The QueryPlan schema (version 1). Defaults fill empty scope lists, filters, groupBy and sort. */
export const QueryPlanSchema = z.object({
  version: z.literal(1),
  action: z.enum(PLAN_ACTIONS),
  resource: z.enum(RESOURCE_KINDS),
  scope: PlanScopeSchema.default({
    providers: [],
    accounts: [],
    regions: [],
    resourceGroups: [],
    regionGroups: [],
  }),
  filters: z.array(PlanFilterSchema).default([]),
  metric: PlanMetricSchema.optional(),
  timeRange: TimeRangeSchema.optional(),
  groupBy: z.array(FilterFieldSchema).default([]),
  sort: z.array(PlanSortSchema).default([]),
  limit: z.number().int().positive().optional(),
  logQuery: LogQuerySchema.optional(),
  audit: z.object({ actions: z.array(z.enum(AUDIT_ACTIONS)).min(1) }).optional(),
});
/** A validated QueryPlan (defaults filled). */
export type QueryPlan = z.infer<typeof QueryPlanSchema>;
/** A QueryPlan as written by a producer, before defaults are filled. */
export type QueryPlanInput = z.input<typeof QueryPlanSchema>;

type JsonValue =
  string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

function sortKeys(value: unknown): JsonValue {
  if (Array.isArray(value)) {
    return value.map((item: unknown) => sortKeys(item));
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, JsonValue> = {};
    for (const key of Object.keys(value).sort()) {
      const item = (value as Record<string, unknown>)[key];
      if (item !== undefined) {
        out[key] = sortKeys(item);
      }
    }
    return out;
  }
  if (
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean' ||
    value === null
  ) {
    return value;
  }
  throw new TypeError(`not serializable in a plan: ${typeof value}`);
}

/**
 * The canonical JSON of a plan: validated, defaults filled, object keys sorted recursively,
 * arrays kept in their given order, no whitespace. Two plans that mean the same thing to the
 * executor and were produced the same way have the same canonical JSON.
 *
 * @throws ZodError when the plan is not valid.
 */
export function canonicalizePlan(plan: QueryPlanInput): string {
  return JSON.stringify(sortKeys(QueryPlanSchema.parse(plan)));
}

/**
 * The plan's fingerprint: the SHA-256 hex digest of {@link canonicalizePlan}. Stable across runs
 * and processes; relative time ranges keep it independent of the clock.
 *
 * @throws ZodError when the plan is not valid.
 */
export function fingerprintPlan(plan: QueryPlanInput): string {
  return createHash('sha256').update(canonicalizePlan(plan)).digest('hex');
}
