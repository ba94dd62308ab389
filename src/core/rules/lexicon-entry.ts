/**
 * The shape of the rule engine's tables. Every table row is a {@link LexiconEntry}: a stable id,
 * English patterns (matched with word boundaries), Chinese/raw patterns (matched anywhere) and the
 * meaning they produce, an {@link AtomValue}. The scanner turns matches into atoms; the planner
 * combines atoms into a QueryPlan.
 */
import type {
  AuditAction,
  ComparisonOp,
  FilterField,
  MetricName,
  PlanFilter,
  PlanMetricStatistic,
  PlanProvider,
  PlanResourceKind,
  RegionGroup,
  TimeRange,
  TimeUnit,
} from '../plan/query-plan.js';

/** A state word as the user said it; the planner maps it per resource kind. */
export type StateWord =
  | 'running'
  | 'stopped'
  | 'stopping'
  | 'pending'
  | 'terminated'
  | 'deallocated'
  | 'available'
  | 'in_use'
  | 'active'
  | 'inactive'
  | 'failed';

/** Units a number can carry. `none` = a bare number. */
export type QuantityUnit = 'none' | 'percent' | 'kb' | 'mb' | 'gb' | 'tb' | 'bytes' | 'mb_per_second';

/** Fields a comparison can be about, besides metrics. `age` = how long ago a resource was created/launched. */
export type SubjectField = 'memory_mb' | 'size_gb' | 'retention_days' | 'age';

/** What a sort or superlative orders by; `age` becomes `launch_time`/`created_time` per kind. */
export type SortSense = 'metric' | 'size' | 'age' | 'name' | 'memory' | 'field';

/** The meaning of one matched phrase. */
export type AtomValue =
  | { readonly type: 'resource'; readonly resource: PlanResourceKind; readonly provider?: PlanProvider }
  | { readonly type: 'provider'; readonly providers: readonly PlanProvider[] }
  | {
      readonly type: 'region';
      readonly codes: Readonly<Partial<Record<PlanProvider, string>>>;
      readonly named: boolean;
    }
  | { readonly type: 'region_group'; readonly group: RegionGroup }
  | { readonly type: 'zone'; readonly zone: string; readonly region: string; readonly provider: PlanProvider }
  | { readonly type: 'state'; readonly states: readonly StateWord[]; readonly audit?: AuditAction }
  | {
      readonly type: 'filter';
      readonly filters: readonly PlanFilter[];
      /** The resource kind the filter implies when the question names none. */
      readonly implies?: PlanResourceKind;
      readonly provider?: PlanProvider;
    }
  | { readonly type: 'public'; readonly value: boolean }
  | { readonly type: 'idle' }
  /** "high CPU" with no number: never guessed. */
  | { readonly type: 'vague' }
  /** A cloud or resource kind the agent does not cover ("阿里云", "GKE clusters"): refused, never widened. */
  | { readonly type: 'unsupported'; readonly what: string }
  | { readonly type: 'metric'; readonly metric: MetricName }
  | { readonly type: 'statistic'; readonly statistic: PlanMetricStatistic }
  | {
      readonly type: 'superlative';
      readonly direction: 'asc' | 'desc';
      readonly sense: SortSense;
      /** Statistic meant when the superlative qualifies a metric condition ("最高CPU超过90%"). */
      readonly statistic?: PlanMetricStatistic;
      readonly limit?: number;
      readonly timeField?: 'created_time' | 'launch_time';
    }
  | {
      readonly type: 'comparator';
      readonly op: ComparisonOp;
      /** True for comparators written after the number (以上, or more). */
      readonly after: boolean;
      readonly sense?: 'size' | 'age';
      readonly timeField?: 'created_time' | 'launch_time';
    }
  | {
      readonly type: 'quantity';
      readonly value: number;
      readonly unit: QuantityUnit;
      readonly fraction: boolean;
    }
  | {
      readonly type: 'time';
      readonly range: TimeRange;
      /** Set when written as a bare duration ("90 days"), which can also be an age or a retention. */
      readonly bare?: { readonly amount: number; readonly unit: TimeUnit };
      /** "90天前", "30 days ago". */
      readonly ago?: boolean;
    }
  | {
      readonly type: 'subject';
      readonly field: SubjectField;
      readonly timeField?: 'created_time' | 'launch_time';
    }
  | { readonly type: 'count' }
  | { readonly type: 'group'; readonly field: FilterField }
  | { readonly type: 'limit'; readonly limit?: number; readonly top: boolean }
  | {
      readonly type: 'sort';
      readonly sense: SortSense;
      readonly field?: FilterField;
      /** The metric a sort names ("sort by cpu"). */
      readonly metric?: MetricName;
      readonly direction?: 'asc' | 'desc';
    }
  | { readonly type: 'direction'; readonly direction: 'asc' | 'desc' }
  | { readonly type: 'logs' }
  | { readonly type: 'level'; readonly level: 'error' | 'warn' }
  | { readonly type: 'pattern'; readonly pattern: string; readonly impliesLogs?: boolean }
  | { readonly type: 'target'; readonly target: string; readonly resource?: PlanResourceKind }
  | { readonly type: 'anchor' }
  | {
      readonly type: 'audit';
      readonly action: AuditAction;
      readonly strong: boolean;
      readonly states?: readonly StateWord[];
    }
  | { readonly type: 'audit_cue' }
  | { readonly type: 'account'; readonly account: string; readonly provider?: PlanProvider }
  | { readonly type: 'resource_group'; readonly resourceGroup: string }
  | { readonly type: 'mutation_word'; readonly verb: string }
  | { readonly type: 'negation' }
  /** "prod", "生产" on their own: an account or a tag? Never guessed. */
  | { readonly type: 'environment'; readonly word: string }
  | { readonly type: 'stop' };

/** Capture groups of a match: `[0]` is the whole match, lowercased and as typed (case kept). */
export interface Captures {
  readonly lower: readonly (string | undefined)[];
  readonly cased: readonly (string | undefined)[];
  /** True for words the tables already give a meaning (and stop words): not usable as a name or key. */
  readonly isReserved: (word: string) => boolean;
}

/** One row of a table. */
export interface LexiconEntry {
  /** Stable id, carried into explanations (`RES-EC2`, `ST-RUNNING`…). Never reuse an id for another meaning. */
  readonly id: string;
  /** English regex sources over lowercased text; wrapped in ASCII word boundaries. */
  readonly en?: readonly string[];
  /** Chinese or symbol regex sources; matched anywhere, no boundaries. */
  readonly zh?: readonly string[];
  /** Fixed meaning. Exactly one of `value` and `build` is set. */
  readonly value?: AtomValue;
  /** Meaning computed from capture groups; `undefined` rejects the match. */
  readonly build?: (captures: Captures) => AtomValue | undefined;
}
