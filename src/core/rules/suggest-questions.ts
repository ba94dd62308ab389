import type { QuestionLanguage } from './detect-language.js';
import { EXAMPLE_QUESTIONS } from './example-questions.js';
import { STOPWORD_LEXICON } from './stopword-lexicon.js';

/** Filler words carry no similarity ("that", "are", "的"): plain-word stop words from the table. */
const FILLER = new Set(
  STOPWORD_LEXICON.flatMap((entry) => [...(entry.en ?? []), ...(entry.zh ?? [])]).filter((word) =>
    /^[\p{L}' ]+$/u.test(word),
  ),
);

const CJK_RUN_RE = /[\u3400-\u9fff\uf900-\ufaff]+/g;
const LATIN_WORD_RE = /[a-z0-9][a-z0-9.-]*/g;

function tokenize(text: string): Set<string> {
  const lower = text.toLowerCase();
  const tokens = new Set<string>((lower.match(LATIN_WORD_RE) ?? []).filter((word) => !FILLER.has(word)));
  for (const run of lower.match(CJK_RUN_RE) ?? []) {
    const chars = Array.from(run);
    if (chars.length === 1) {
      tokens.add(run);
    }
    for (let index = 0; index + 1 < chars.length; index += 1) {
      tokens.add(`${chars[index] ?? ''}${chars[index + 1] ?? ''}`);
    }
  }
  return tokens;
}

interface TokenizedExample {
  readonly text: string;
  readonly tokens: ReadonlySet<string>;
}

const TOKENIZED: Record<'en' | 'zh', readonly TokenizedExample[]> = {
  en: EXAMPLE_QUESTIONS.en.map((text) => ({ text, tokens: tokenize(text) })),
  zh: EXAMPLE_QUESTIONS.zh.map((text) => ({ text, tokens: tokenize(text) })),
};

/**
 * The `count` supported phrasings closest to a question (token overlap: words, and character
 * pairs for Chinese), in the question's language (Chinese for mixed questions). Deterministic:
 * ties keep the table order.
 */
export function suggestQuestions(lowerQuestion: string, language: QuestionLanguage, count = 3): string[] {
  const examples = TOKENIZED[language === 'en' ? 'en' : 'zh'];
  const tokens = tokenize(lowerQuestion);
  const scored = examples.map((example, index) => {
    let shared = 0;
    for (const token of tokens) {
      if (example.tokens.has(token)) {
        shared += 1;
      }
    }
    // Share of the example the question covers, then of both: long questions are not penalized.
    const union = tokens.size + example.tokens.size - shared;
    const coverage = example.tokens.size === 0 ? 0 : shared / example.tokens.size;
    return { text: example.text, index, score: coverage + (union === 0 ? 0 : shared / union) };
  });
  scored.sort((left, right) => right.score - left.score || left.index - right.index);
  return scored.slice(0, count).map((entry) => entry.text);
}
