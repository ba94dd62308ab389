import type { ErrorCategory, ErrorCode } from '../errors/error-catalogue.js';
import type { AnswerGroup, AnswerRow, CoverageEntry, MetricWindow } from '../execute/execute-plan.js';
import type { QueryPlan } from '../plan/query-plan.js';
import type { TraceSpan } from '../trace/create-trace.js';

/** Who produced the plan or the answer. */
export type AnsweredBy = 'rules' | 'llm-plan' | 'codegen' | 'cache' | 'fallback';

/** Where an answer comes from and how to prove it is reproducible. */
export interface Provenance {
  /** Id of the rule that produced the plan (`R-LIST`…), when the rules did. */
  readonly ruleId?: string;
  /** SHA-256 of the plan's canonical JSON. */
  readonly planFingerprint?: string;
  /** SHA-256 of the canonical JSON of rows, count and groups: same estate + same question ⇒ same hash. */
  readonly resultHash?: string;
  /** When the answer was computed (ISO-8601). */
  readonly asOf: string;
}

/** The answer to one question: the public `sre ask --json` contract (see docs/output.md). */
export interface Answer {
  readonly ok: boolean;
  readonly question: string;
  readonly answeredBy: AnsweredBy;
  readonly deterministic: boolean;
  readonly plan: QueryPlan | null;
  /** How the question was understood, one line per decision. */
  readonly explanation: readonly string[];
  readonly rows: readonly AnswerRow[];
  readonly count: number;
  readonly groups?: readonly AnswerGroup[];
  /** True when some scope could not be read (see coverage). */
  readonly partial: boolean;
  readonly coverage: readonly CoverageEntry[];
  readonly warnings: readonly string[];
  readonly caveats: readonly string[];
  readonly metricWindow?: MetricWindow;
  readonly window?: { readonly start: string; readonly end: string };
  readonly provenance: Provenance;
  readonly trace: { readonly requestId: string; readonly spans: readonly TraceSpan[] };
  readonly error?: { readonly code: ErrorCode; readonly message: string; readonly category: ErrorCategory };
  readonly suggestions?: readonly string[];
}
