import { buildPlan, type PlanDraft } from './build-plan.js';
import { detectLanguage, type QuestionLanguage } from './detect-language.js';
import { detectMutation } from './detect-mutation.js';
import { findAtoms } from './find-atoms.js';
import { INJECTION_PATTERNS } from './injection-lexicon.js';
import { normalizeQuestion } from './normalize-question.js';
import {
  ACCEPT_CONFIDENCE,
  MAX_QUESTION_LENGTH,
  type ParseQuestionOptions,
  type ParseResult,
  type UnrecognizedParseResult,
} from './parse-result.js';
import { suggestQuestions } from './suggest-questions.js';

/** Starting confidence of a fully understood question. */
const BASE_CONFIDENCE = 0.97;
/** Deduction per unknown English word (single letters/digits: a quarter of it). */
const UNKNOWN_WORD_PENALTY = 0.12;
/** Deduction for an unknown Chinese run: base plus per extra character, capped. */
const UNKNOWN_CJK_BASE = 0.08;
const UNKNOWN_CJK_PER_CHAR = 0.04;
const UNKNOWN_CJK_CAP = 0.3;
/** Deduction proportional to the share of the question nothing understood. */
const UNKNOWN_SHARE_PENALTY = 0.3;

function unrecognized(
  lower: string,
  language: QuestionLanguage,
  reason: string,
  unsupported = false,
): UnrecognizedParseResult {
  const message = unsupported
    ? language === 'en'
      ? `This is not something the agent covers (${reason}); nothing was run. Try one of these phrasings.`
      : `这不在本助手的覆盖范围内（${reason}），没有执行任何查询。可以试试下面的问法。`
    : language === 'en'
      ? `The question was not understood confidently (${reason}); nothing was run. Try one of these phrasings.`
      : `未能可靠地理解这个问题（${reason}），没有执行任何查询。可以试试下面的问法。`;
  return {
    kind: 'unrecognized',
    code: unsupported ? 'PLAN_UNSUPPORTED' : 'PLAN_UNRECOGNIZED',
    message,
    suggestions: suggestQuestions(lower, language),
  };
}

function scoreConfidence(draft: PlanDraft, contentLength: number): { confidence: number; reasons: string[] } {
  let confidence = BASE_CONFIDENCE;
  const reasons: string[] = [];
  let unknownChars = 0;
  for (const word of draft.unknown) {
    const length = Array.from(word.text).length;
    unknownChars += length;
    confidence -= word.cjk
      ? Math.min(UNKNOWN_CJK_BASE + UNKNOWN_CJK_PER_CHAR * (length - 1), UNKNOWN_CJK_CAP)
      : length >= 2
        ? UNKNOWN_WORD_PENALTY
        : UNKNOWN_WORD_PENALTY / 4;
  }
  if (draft.unknown.length > 0) {
    reasons.push(`unknown words: ${draft.unknown.map((word) => `“${word.text}”`).join(', ')}`);
  }
  if (contentLength > 0) {
    confidence -= UNKNOWN_SHARE_PENALTY * (unknownChars / contentLength);
  }
  for (const penalty of draft.penalties) {
    confidence -= penalty.amount;
    reasons.push(penalty.reason);
  }
  return { confidence: Math.max(0, Math.min(1, Math.round(confidence * 100) / 100)), reasons };
}

/**
 * Turns an English or Chinese question into a QueryPlan with the deterministic rule engine
 * (no LLM): normalize → refuse commands that change the cloud → match the tables → combine
 * into a plan → score confidence. Same question, same options → same result, byte for byte.
 *
 * Returns a `plan` only when confidence > 0.7; a `refusal` (POLICY_READ_ONLY) for commands such
 * as "stop all idle instances" / "删除未挂载的磁盘"; otherwise `unrecognized` (PLAN_UNRECOGNIZED)
 * with three close supported phrasings. Never throws for any string input.
 */
export function parseQuestion(question: string, options: ParseQuestionOptions = {}): ParseResult {
  const normalized = normalizeQuestion(question);
  const { lower } = normalized;
  const language = detectLanguage(lower);
  if (lower.length === 0) {
    return unrecognized(lower, language, language === 'en' ? 'the question is empty' : '问题为空');
  }
  if (question.length > MAX_QUESTION_LENGTH) {
    return unrecognized(
      lower,
      language,
      language === 'en'
        ? `longer than ${String(MAX_QUESTION_LENGTH)} characters`
        : `超过 ${String(MAX_QUESTION_LENGTH)} 个字符`,
    );
  }
  const injection = INJECTION_PATTERNS.find(({ pattern }) => pattern.test(lower));
  if (injection !== undefined) {
    return unrecognized(
      lower,
      language,
      language === 'en' ? 'it contains instructions to the assistant' : '包含试图改变助手指令的内容',
    );
  }
  const mutation = detectMutation(lower);
  if (mutation !== undefined) {
    const message =
      language === 'en'
        ? `This agent is read-only: it will not ${mutation.verb} anything (“${mutation.text}”). Nothing was run. Ask a read question instead, e.g. “list stopped instances”.`
        : `本助手是只读的，不会执行“${mutation.text}”（${mutation.verb}）这类变更操作，也没有执行任何操作。可以改问只读问题，例如“列出已停止的实例”。`;
    return { kind: 'refusal', code: 'POLICY_READ_ONLY', message, verb: mutation.verb };
  }
  const scan = findAtoms(normalized);
  const draft = buildPlan(scan, lower, options);
  if (draft.plan === undefined || draft.ruleId === undefined) {
    return unrecognized(lower, language, draft.failure ?? 'no plan', draft.unsupported === true);
  }
  const { confidence, reasons } = scoreConfidence(draft, scan.contentLength);
  if (confidence <= ACCEPT_CONFIDENCE) {
    return unrecognized(lower, language, reasons.join('; ') || 'low confidence');
  }
  const caveats = [...draft.caveats];
  if (draft.unknown.length > 0) {
    caveats.push(`ignored: ${draft.unknown.map((word) => `“${word.text}”`).join(', ')}`);
  }
  return {
    kind: 'plan',
    plan: draft.plan,
    ruleId: draft.ruleId,
    confidence,
    language,
    explanation: draft.explanation,
    matched: draft.matched,
    caveats,
  };
}
