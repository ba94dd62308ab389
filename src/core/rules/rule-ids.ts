/**
 * The plan rules: which action a question becomes. Every ParseResult of kind `plan` carries one
 * of these ids; they are stable (docs, audit records and regression tests refer to them).
 */
export const RULE_IDS = {
  /** Rows of resources, filtered. */
  list: 'R-LIST',
  /** Rows of resources ordered and/or limited ("10 largest volumes", "oldest instances"). */
  top: 'R-TOP',
  /** How many resources ("how many", "多少台"). */
  count: 'R-COUNT',
  /** Counts per group ("by region", "每个区域"). */
  group: 'R-GROUP',
  /** Resources whose metric statistic crosses a threshold ("avg cpu > 80% in the last hour"). */
  metricThreshold: 'R-METRIC-THRESHOLD',
  /** Resources ranked by a metric ("top 5 by cpu", "CPU最高的10台"). */
  metricTop: 'R-METRIC-TOP',
  /** Metric values of named resources ("avg cpu of i-0abc last hour") or, highest first, of all matching ones ("average memory of my Azure VMs"). */
  metricValue: 'R-METRIC-VALUE',
  /** Idle instances: average CPU below 5% over 7 days unless told otherwise. */
  metricIdle: 'R-METRIC-IDLE',
  /** Log search ("errors in the payments lambda logs"). */
  logs: 'R-LOGS',
  /** Audit events ("instances created in the last 30 days", "谁停止了实例"). */
  audit: 'R-AUDIT',
} as const;

/** A plan rule id. */
export type RuleId = (typeof RULE_IDS)[keyof typeof RULE_IDS];

/** Refusal rule: a command to change the cloud. */
export const MUTATION_RULE_ID = 'R-MUTATION';
/** Unrecognized: injection text or low confidence. */
export const UNRECOGNIZED_RULE_ID = 'R-UNRECOGNIZED';
