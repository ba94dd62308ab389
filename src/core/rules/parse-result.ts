import type { PlanProvider, QueryPlan } from '../plan/query-plan.js';
import type { QuestionLanguage } from './detect-language.js';

/** The question was understood: a plan, how sure the rules are, and why. */
export interface PlanParseResult {
  readonly kind: 'plan';
  readonly plan: QueryPlan;
  /** Plan rule id (`R-LIST`, `R-METRIC-THRESHOLD`…), see rule-ids.ts. */
  readonly ruleId: string;
  /** 0..1; plans are returned only above {@link ACCEPT_CONFIDENCE}. */
  readonly confidence: number;
  readonly language: QuestionLanguage;
  /** How it was understood, one decision per line, defaults included. */
  readonly explanation: readonly string[];
  /** Every phrase the tables understood, with its meaning and table row id. */
  readonly matched: readonly { readonly text: string; readonly meaning: string }[];
  /** Things the user should know about the answer (ignored words, data limits). */
  readonly caveats: readonly string[];
}

/** The question asks to change the cloud; the agent is read-only. */
export interface RefusalParseResult {
  readonly kind: 'refusal';
  readonly code: 'POLICY_READ_ONLY';
  /** In the question's language. */
  readonly message: string;
  /** Canonical English verb (`stop`, `delete`, `terminate`, `create`, `modify`…). */
  readonly verb: string;
}

/** The rules could not understand the question confidently; nothing was guessed. */
export interface UnrecognizedParseResult {
  readonly kind: 'unrecognized';
  /** `PLAN_UNSUPPORTED` when the question is about a cloud or resource kind the agent does not cover. */
  readonly code: 'PLAN_UNRECOGNIZED' | 'PLAN_UNSUPPORTED';
  /** In the question's language, with the reason. */
  readonly message: string;
  /** Three supported phrasings close to the question, in its language. */
  readonly suggestions: readonly string[];
}

/** What the rule engine made of a question. */
export type ParseResult = PlanParseResult | RefusalParseResult | UnrecognizedParseResult;

/** Caller knobs of `parseQuestion`. */
export interface ParseQuestionOptions {
  /** Provider to scope to when the question names none and nothing implies one. */
  readonly defaultProvider?: PlanProvider;
}

/** Plans at or below this confidence are not returned (MISSION: "accept at confidence > 0.7"). */
export const ACCEPT_CONFIDENCE = 0.7;

/** Longest question accepted, in characters (the guard's limit). */
export const MAX_QUESTION_LENGTH = 1000;
