import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import type { Answer } from '../core/answer/answer.js';
import { hashResult } from '../core/answer/hash-result.js';
import { ERROR_CATALOGUE } from '../core/errors/error-catalogue.js';
import { SreError, toSreError } from '../core/errors/sre-error.js';
import { executePlan, type ExecutionResult } from '../core/execute/execute-plan.js';
import type { CloudProvider, Provider } from '../core/ports/cloud-port.js';
import { fingerprintPlan, type QueryPlan } from '../core/plan/query-plan.js';
import { parseQuestion } from '../core/rules/parse-question.js';
import { createTrace } from '../core/trace/create-trace.js';

/** Longest question accepted, in characters (MISSION: input length limit). */
export const MAX_QUESTION_LENGTH = 1000;

/** Collaborators of {@link askQuestion}. */
export interface AskDeps {
  readonly providers: ReadonlyMap<Provider, CloudProvider>;
  readonly defaultProviders: readonly Provider[];
  readonly concurrency: number;
  readonly logEventLimit: number;
  /** Wall clock. */
  readonly now: () => Date;
  /** Monotonic milliseconds, for spans. */
  readonly monotonicNow?: () => number;
  readonly requestId?: () => string;
  /** Deadline of the whole question (`requestTimeoutSeconds`), ms; scopes not read by then are reported, not waited for. */
  readonly deadlineMs?: number;
  readonly onProgress?: (stage: string, done: number, total: number) => void;
}

/** Per-question knobs. */
export interface AskOptions {
  /** Regions that replace the plan's and the configuration's (`--region`). */
  readonly regions?: readonly string[];
  /** Treat a partial answer as a failure (`--strict`). */
  readonly strict?: boolean;
  readonly signal?: AbortSignal;
}

function failure(
  question: string,
  error: SreError,
  base: Pick<Answer, 'provenance' | 'trace'> & Partial<Answer>,
): Answer {
  return {
    ok: false,
    question,
    answeredBy: base.answeredBy ?? 'rules',
    deterministic: true,
    plan: base.plan ?? null,
    explanation: base.explanation ?? [],
    rows: [],
    count: 0,
    partial: false,
    coverage: base.coverage ?? [],
    warnings: base.warnings ?? [],
    caveats: base.caveats ?? [],
    provenance: base.provenance,
    trace: base.trace,
    error: { code: error.code, message: error.message, category: ERROR_CATALOGUE[error.code].category },
    ...(error.suggestions.length > 0 ? { suggestions: error.suggestions } : {}),
  };
}

/**
 * Answers one question on the deterministic path: guard → rules → plan → executor → answer.
 * Never throws for bad input or cloud failures: the answer carries `ok: false` and a coded error.
 */
export async function askQuestion(
  question: string,
  deps: AskDeps,
  options: AskOptions = {},
): Promise<Answer> {
  const requestId = deps.requestId?.() ?? randomUUID();
  const trace = createTrace({ now: deps.monotonicNow ?? (() => performance.now()), requestId });
  const asOf = deps.now();
  const provenance = { asOf: asOf.toISOString() };
  const traceOut = (): Answer['trace'] => ({ requestId, spans: trace.spans() });

  const text = question
    .normalize('NFKC')
    .replace(/[\u200B-\u200D\uFEFF]/g, '')
    .trim();
  if (text.length === 0) {
    return failure(question, new SreError('INPUT_INVALID', 'The question is empty.'), {
      provenance,
      trace: traceOut(),
    });
  }
  if (text.length > MAX_QUESTION_LENGTH) {
    return failure(
      question,
      new SreError(
        'INPUT_INVALID',
        `The question is ${text.length} characters long; the limit is ${MAX_QUESTION_LENGTH}.`,
      ),
      { provenance, trace: traceOut() },
    );
  }

  const parsed = await trace.span('plan', () => parseQuestion(text));
  if (parsed.kind === 'refusal') {
    return failure(
      question,
      new SreError('POLICY_READ_ONLY', parsed.message, {
        suggestions: [
          'Ask a read-only question instead, e.g. "list stopped instances" or "列出已停止的实例".',
        ],
      }),
      { provenance, trace: traceOut() },
    );
  }
  if (parsed.kind === 'unrecognized') {
    return failure(question, new SreError(parsed.code, parsed.message, { suggestions: parsed.suggestions }), {
      provenance,
      trace: traceOut(),
    });
  }

  let plan: QueryPlan = parsed.plan;
  if (options.regions !== undefined && options.regions.length > 0) {
    plan = { ...plan, scope: { ...plan.scope, regions: [...options.regions], regionGroups: [] } };
  }
  const planFingerprint = fingerprintPlan(plan);
  const understood = {
    answeredBy: 'rules' as const,
    plan,
    explanation: parsed.explanation,
    provenance: { ...provenance, ruleId: parsed.ruleId, planFingerprint },
  };

  let result: ExecutionResult;
  const signal = questionSignal(options.signal, deps.deadlineMs);
  try {
    result = await trace.span('execute', () =>
      executePlan(plan, {
        providers: deps.providers,
        defaultProviders: deps.defaultProviders,
        now: asOf,
        concurrency: deps.concurrency,
        logEventLimit: deps.logEventLimit,
        trace,
        ...(signal === undefined ? {} : { signal: signal.signal }),
        ...(deps.onProgress === undefined ? {} : { onProgress: deps.onProgress }),
      }),
    );
  } catch (error) {
    return failure(question, toSreError(error), { ...understood, trace: traceOut() });
  } finally {
    signal?.dispose();
  }

  const partial = result.coverage.some((c) => c.status !== 'ok' && c.status !== 'skipped');
  const readable = result.coverage.some((c) => c.status === 'ok');
  const resultHash = hashResult(result);
  const caveats = [...parsed.caveats.filter((c) => !result.caveats.includes(c)), ...result.caveats];
  const answer: Answer = {
    ok: true,
    question,
    answeredBy: 'rules',
    deterministic: true,
    plan,
    explanation: parsed.explanation,
    rows: result.rows,
    count: result.count,
    ...(result.groups === undefined ? {} : { groups: result.groups }),
    partial,
    coverage: result.coverage,
    warnings: result.warnings,
    caveats,
    ...(result.metricWindow === undefined ? {} : { metricWindow: result.metricWindow }),
    ...(result.window === undefined ? {} : { window: result.window }),
    provenance: { ...understood.provenance, resultHash },
    trace: traceOut(),
  };
  if (!readable && result.coverage.length > 0) {
    const first = result.coverage.find((c) => c.errorCode !== undefined);
    return {
      ...answer,
      ok: false,
      error: {
        code: first?.errorCode ?? 'ANSWER_PARTIAL',
        message: `No scope could be read: ${first?.reason ?? 'see coverage'}`,
        category: ERROR_CATALOGUE[first?.errorCode ?? 'ANSWER_PARTIAL'].category,
      },
    };
  }
  if (partial && options.strict === true) {
    const failed = result.coverage.filter((c) => c.status !== 'ok' && c.status !== 'skipped');
    return {
      ...answer,
      ok: false,
      error: {
        code: 'ANSWER_PARTIAL',
        message: `--strict: ${failed.length} scope(s) could not be read (${failed.map((c) => `${c.provider}/${c.account}/${c.region}/${c.service}: ${c.status}`).join('; ')}).`,
        category: ERROR_CATALOGUE.ANSWER_PARTIAL.category,
      },
    };
  }
  return answer;
}

/**
 * The question's own signal: aborted by the caller's signal or at the deadline, whichever comes first.
 * Every cloud call in flight links to it (dozens at once), so it has no listener limit; a signal we
 * do not own gets only one listener.
 */
function questionSignal(
  caller: AbortSignal | undefined,
  deadlineMs: number | undefined,
): { signal: AbortSignal; dispose(): void } | undefined {
  if (caller === undefined && deadlineMs === undefined) return undefined;
  const controller = new AbortController();
  setMaxListeners(0, controller.signal);
  const relay = (): void => {
    controller.abort(caller?.reason);
  };
  if (caller?.aborted === true) relay();
  else caller?.addEventListener('abort', relay, { once: true });
  const timer =
    deadlineMs === undefined
      ? undefined
      : setTimeout(() => {
          const seconds = Math.round(deadlineMs / 100) / 10;
          controller.abort(
            new SreError(
              'QUESTION_DEADLINE_EXCEEDED',
              `not read within the question's deadline of ${String(seconds)} s (requestTimeoutSeconds)`,
              { retryable: true },
            ),
          );
        }, deadlineMs);
  timer?.unref();
  return {
    signal: controller.signal,
    dispose: () => {
      clearTimeout(timer);
      caller?.removeEventListener('abort', relay);
    },
  };
}
