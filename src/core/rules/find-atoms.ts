import { ACTION_LEXICON } from './action-lexicon.js';
import { type CompiledPattern, compileLexicon } from './compile-lexicon.js';
import { FILTER_LEXICON } from './filter-lexicon.js';
import type { AtomValue, Captures, LexiconEntry } from './lexicon-entry.js';
import { METRIC_LEXICON } from './metric-lexicon.js';
import type { NormalizedQuestion } from './normalize-question.js';
import { PROVIDER_LEXICON } from './provider-lexicon.js';
import { REGION_LEXICON } from './region-lexicon.js';
import { RESOURCE_LEXICON } from './resource-lexicon.js';
import { SCOPE_LEXICON } from './scope-lexicon.js';
import { STOPWORD_LEXICON } from './stopword-lexicon.js';
import { TIME_LEXICON } from './time-lexicon.js';

/** One understood phrase of the question. */
export interface Atom {
  readonly start: number;
  readonly end: number;
  /** The phrase as the user typed it (case kept). */
  readonly text: string;
  /** Table row that matched. */
  readonly entryId: string;
  readonly value: AtomValue;
}

/** A run of letters/digits (or of Chinese characters) that no table understood. */
export interface UnknownWord {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly cjk: boolean;
}

/** Atoms (sorted by position) and the words nothing understood. */
export interface AtomScan {
  readonly atoms: readonly Atom[];
  readonly unknown: readonly UnknownWord[];
  /** Letters, digits and Chinese characters in the question. */
  readonly contentLength: number;
}

/**
 * The tables in priority order: when two matches are equally long, the earlier table wins
 * (region codes before numbers, resources before instance families…).
 */
export const MEANINGFUL_TABLES: readonly (readonly LexiconEntry[])[] = [
  REGION_LEXICON,
  RESOURCE_LEXICON,
  PROVIDER_LEXICON,
  SCOPE_LEXICON,
  FILTER_LEXICON,
  METRIC_LEXICON,
  TIME_LEXICON,
  ACTION_LEXICON,
];

function compileTables(tables: readonly (readonly LexiconEntry[])[], startRank: number): CompiledPattern[] {
  let rank = startRank;
  const compiled: CompiledPattern[] = [];
  for (const table of tables) {
    compiled.push(...compileLexicon(table, rank));
    rank += table.length;
  }
  return compiled;
}

const MEANINGFUL_PATTERNS = compileTables(MEANINGFUL_TABLES, 0);
const STOPWORD_PATTERNS = compileTables([STOPWORD_LEXICON], 100_000);

/** Words used in fixed-meaning English patterns and stop words: never a name, key or account. */
const RESERVED_WORDS: ReadonlySet<string> = (() => {
  const words = new Set<string>();
  for (const table of [...MEANINGFUL_TABLES, STOPWORD_LEXICON]) {
    for (const entry of table) {
      if (entry.value === undefined) {
        continue;
      }
      for (const source of entry.en ?? []) {
        // Only one-word phrases: "analytics" (from "log analytics") stays usable as a project name.
        const single = /^([a-z][a-z0-9-]*)(s\?)?$/.exec(source);
        if (single?.[1] !== undefined && single[1].length >= 2) {
          words.add(single[1]);
          words.add(`${single[1]}s`);
        }
      }
    }
  }
  return words;
})();

/** True when a word already means something to the tables (see RESERVED_WORDS). */
export function isReservedWord(word: string): boolean {
  return RESERVED_WORDS.has(word);
}

interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly rank: number;
  readonly entryId: string;
  readonly value: AtomValue;
}

/** Joiners that glue a name together (`web-01`, `api_prod`, `v1.2`); `/` and `:` separate words too. */
const NAME_JOINER_RE = /[-_.]/;
const NAME_CHAR_RE = /[a-z0-9]/;

/** True when [start, end) is a strict part of a joined token such as `web-01` or `payments-api`. */
function insideNamedToken(text: string, start: number, end: number): boolean {
  const gluedBefore =
    start >= 2 && NAME_JOINER_RE.test(text.charAt(start - 1)) && NAME_CHAR_RE.test(text.charAt(start - 2));
  const gluedAfter = NAME_JOINER_RE.test(text.charAt(end)) && NAME_CHAR_RE.test(text.charAt(end + 1));
  const wordBefore =
    start >= 1 && NAME_CHAR_RE.test(text.charAt(start - 1)) && NAME_CHAR_RE.test(text.charAt(start));
  return gluedBefore || gluedAfter || wordBefore;
}

function collect(patterns: readonly CompiledPattern[], question: NormalizedQuestion): Candidate[] {
  const { lower, cased } = question;
  const candidates: Candidate[] = [];
  for (const pattern of patterns) {
    const regex = pattern.regex;
    // Shared compiled regexes: parsing is synchronous, so resetting lastIndex is enough.
    regex.lastIndex = 0;
    for (let match = regex.exec(lower); match !== null; match = regex.exec(lower)) {
      if (match[0].length === 0) {
        regex.lastIndex += 1;
        continue;
      }
      const start = match.index;
      let end = start + match[0].length;
      for (const alternative of pattern.alternatives ?? []) {
        alternative.lastIndex = start;
        const longer = alternative.exec(lower);
        if (longer !== null && start + longer[0].length > end) {
          end = start + longer[0].length;
        }
      }
      if (insideNamedToken(lower, start, end)) {
        // "01" of "web-01", "prod" of "api-prod-euw1": part of a name, not a word of its own.
        regex.lastIndex = start + 1;
        continue;
      }
      let value = pattern.value;
      if (pattern.build !== undefined) {
        const indices = match.indices;
        const casedGroups = match.map((group, index) => {
          const span = indices?.[index];
          return group === undefined || span === undefined ? undefined : cased.slice(span[0], span[1]);
        });
        const captures: Captures = { lower: [...match], cased: casedGroups, isReserved: isReservedWord };
        value = pattern.build(captures);
        if (value === undefined) {
          // A rejected capture must not hide a shorter match starting later inside it.
          regex.lastIndex = start + 1;
          continue;
        }
      }
      if (value !== undefined) {
        candidates.push({ start, end, rank: pattern.rank, entryId: pattern.entryId, value });
      }
      // Also look for matches that start inside this one: a shorter phrase may be the one that fits.
      regex.lastIndex = start + 1;
    }
  }
  return candidates;
}

function accept(
  candidates: Candidate[],
  covered: Uint8Array,
  question: NormalizedQuestion,
  atoms: Atom[],
): void {
  candidates.sort((left, right) => {
    const byLength = right.end - right.start - (left.end - left.start);
    return byLength !== 0
      ? byLength
      : left.rank !== right.rank
        ? left.rank - right.rank
        : left.start - right.start;
  });
  for (const candidate of candidates) {
    let free = true;
    for (let index = candidate.start; index < candidate.end; index += 1) {
      if (covered[index] === 1) {
        free = false;
        break;
      }
    }
    if (!free) {
      continue;
    }
    covered.fill(1, candidate.start, candidate.end);
    atoms.push({
      start: candidate.start,
      end: candidate.end,
      text: question.cased.slice(candidate.start, candidate.end).trim(),
      entryId: candidate.entryId,
      value: candidate.value,
    });
  }
}

const CJK_RE = /[\u3400-\u9fff\uf900-\ufaff]/;
const LATIN_OR_DIGIT_RE = /[a-z0-9]/;

const JOINER_RE = /[-_./:]/;

function charClass(text: string, index: number): 'cjk' | 'latin' | 'other' {
  const char = text.charAt(index);
  if (CJK_RE.test(char)) {
    return 'cjk';
  }
  if (LATIN_OR_DIGIT_RE.test(char)) {
    return 'latin';
  }
  // "payments-api", "/aws/lambda/x": joiners between letters belong to the word.
  const joined =
    JOINER_RE.test(char) &&
    LATIN_OR_DIGIT_RE.test(text.charAt(index - 1)) &&
    LATIN_OR_DIGIT_RE.test(text.charAt(index + 1));
  return joined ? 'latin' : 'other';
}

function findUnknown(
  question: NormalizedQuestion,
  covered: Uint8Array,
): { unknown: UnknownWord[]; contentLength: number } {
  const unknown: UnknownWord[] = [];
  let contentLength = 0;
  let runStart = -1;
  let runClass: 'cjk' | 'latin' | 'other' = 'other';
  const close = (end: number): void => {
    if (runStart >= 0) {
      unknown.push({
        start: runStart,
        end,
        text: question.cased.slice(runStart, end),
        cjk: runClass === 'cjk',
      });
      runStart = -1;
    }
  };
  const text = question.lower;
  for (let index = 0; index < text.length; index += 1) {
    const kind = charClass(text, index);
    if (kind !== 'other') {
      contentLength += 1;
    }
    const isUnknown = kind !== 'other' && covered[index] !== 1;
    if (!isUnknown || (runStart >= 0 && kind !== runClass)) {
      close(index);
    }
    if (isUnknown && runStart < 0) {
      runStart = index;
      runClass = kind;
    }
  }
  close(text.length);
  return { unknown, contentLength };
}

/**
 * Matches every table against a normalized question. Longer matches win over shorter ones,
 * then earlier tables over later ones; stop words fill only what is left. Returns the accepted
 * atoms in question order and the words nothing understood.
 */
export function findAtoms(question: NormalizedQuestion): AtomScan {
  const covered = new Uint8Array(question.lower.length);
  const atoms: Atom[] = [];
  accept(collect(MEANINGFUL_PATTERNS, question), covered, question, atoms);
  accept(collect(STOPWORD_PATTERNS, question), covered, question, atoms);
  atoms.sort((left, right) => left.start - right.start);
  return { atoms, ...findUnknown(question, covered) };
}
