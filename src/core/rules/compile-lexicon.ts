import type { AtomValue, Captures, LexiconEntry } from './lexicon-entry.js';

/** One precompiled regex of a table row. Compiled once at module load, never per question. */
export interface CompiledPattern {
  readonly entryId: string;
  /** Position of the row across all tables; a lower rank wins ties between equally long matches. */
  readonly rank: number;
  readonly regex: RegExp;
  /**
   * For a row with several patterns: each pattern alone, sticky. JS alternation takes the first
   * alternative that matches, not the longest; the scanner tries these at each match position.
   */
  readonly alternatives?: readonly RegExp[];
  readonly value?: AtomValue;
  readonly build?: (captures: Captures) => AtomValue | undefined;
}

// A hyphen joins words into one identifier ("payments-api", "rg-web"): no match may start or end inside one.
const WORD_BEFORE = '(?<![a-z0-9_-])';
const WORD_AFTER = '(?![a-z0-9_]|-[a-z0-9])';
const LEADING_GROUPS_RE = /^(?:\((?:\?:)?)+/;
const LATIN_START_RE = /^[a-z0-9]/;

/**
 * Compiles table rows into regexes. Rows with a fixed value get one alternation per language;
 * rows with a `build` function get one regex per pattern so capture groups keep their numbers.
 * English patterns are wrapped in ASCII word boundaries (which also hold next to Chinese text).
 *
 * @param startRank rank of the first row, so ranks are unique across tables.
 * @throws SyntaxError when a pattern is not a valid regex (at module load, caught by tests).
 */
export function compileLexicon(entries: readonly LexiconEntry[], startRank = 0): CompiledPattern[] {
  const compiled: CompiledPattern[] = [];
  entries.forEach((entry, index) => {
    const rank = startRank + index;
    const english = (entry.en ?? []).map((source) => `${WORD_BEFORE}(?:${source})${WORD_AFTER}`);
    // Chinese patterns that begin with a Latin word still need a boundary before it ("sql" in "mysql").
    const chinese = (entry.zh ?? []).map((source) =>
      LATIN_START_RE.test(source.replace(LEADING_GROUPS_RE, ''))
        ? `${WORD_BEFORE}(?:${source})`
        : `(?:${source})`,
    );
    const base = { entryId: entry.id, rank, value: entry.value, build: entry.build };
    if (entry.build === undefined) {
      for (const group of [english, chinese]) {
        if (group.length === 1) {
          compiled.push({ ...base, regex: new RegExp(group.join('|'), 'g') });
        } else if (group.length > 1) {
          const alternatives = group.map((source) => new RegExp(source, 'y'));
          compiled.push({ ...base, regex: new RegExp(group.join('|'), 'g'), alternatives });
        }
      }
      return;
    }
    for (const source of [...english, ...chinese]) {
      compiled.push({ ...base, regex: new RegExp(source, 'gd') });
    }
  });
  return compiled;
}
