import type { LogSearchRequest } from '../../core/ports/cloud-port.js';

/** The terms that mark a log level, in the spellings applications use. */
const LEVEL_TERMS: Readonly<Record<NonNullable<LogSearchRequest['level']>, readonly string[]>> = {
  error: ['ERROR', 'Error', 'error'],
  warn: ['WARN', 'Warn', 'warn', 'WARNING', 'Warning', 'warning'],
};

/** A CloudWatch Logs filter: the server-side pattern and, when needed, a client-side check. */
export interface LogFilter {
  /** `filterPattern` for FilterLogEvents; absent = every event. */
  readonly filterPattern: string | undefined;
  /** A check applied to each returned message (only when the server pattern cannot express everything). */
  readonly matches: ((message: string) => boolean) | undefined;
}

/**
 * Quotes a term for a CloudWatch Logs filter pattern. A bare word (letters, digits, `_`) stays as
 * is; anything else (spaces, `-` which would mean "exclude", `?` which would mean "or", `{`/`[`
 * which start JSON/space-delimited patterns, `%` which starts a regex, `:`…) is wrapped in double
 * quotes as an exact phrase, with `\` and `"` escaped.
 */
export function quoteFilterTerm(term: string): string {
  if (/^[A-Za-z0-9_]+$/.test(term)) return term;
  return `"${term.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/**
 * Builds the FilterLogEvents filter for a pattern and/or a level.
 *
 * - pattern only → the pattern as one quoted term (`"connection reset"`);
 * - level only → the level terms OR-ed: error → `?ERROR ?Error ?error`, warn → `?WARN ?Warn ?warn
 *   ?WARNING ?Warning ?warning`;
 * - both → the server pattern is the user's pattern (usually the more selective one) and the level
 *   is checked on the returned messages. CloudWatch's unstructured syntax has no grouping, so
 *   "pattern AND (ERROR OR Error OR error)" cannot be written as one pattern: `?` applies to the
 *   whole pattern, and a regex term cannot hold the alternation with the phrase portably.
 *   The client check is the level-only server pattern applied locally: one of the level terms
 *   occurs in the message (case-sensitive substring, as CloudWatch matches terms).
 */
export function buildFilterPattern(request: Pick<LogSearchRequest, 'pattern' | 'level'>): LogFilter {
  const pattern = request.pattern?.trim();
  const levelTerms = request.level === undefined ? undefined : LEVEL_TERMS[request.level];
  const hasPattern = pattern !== undefined && pattern !== '';
  if (!hasPattern && levelTerms === undefined) return { filterPattern: undefined, matches: undefined };
  if (!hasPattern && levelTerms !== undefined) {
    return { filterPattern: levelTerms.map((term) => `?${term}`).join(' '), matches: undefined };
  }
  if (levelTerms === undefined) return { filterPattern: quoteFilterTerm(pattern ?? ''), matches: undefined };
  return {
    filterPattern: quoteFilterTerm(pattern ?? ''),
    matches: (message) => levelTerms.some((term) => message.includes(term)),
  };
}
