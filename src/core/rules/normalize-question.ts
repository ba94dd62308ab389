import { parseChineseNumber } from './parse-chinese-number.js';

/** A question after normalization; `lower` and `cased` have the same length, index for index. */
export interface NormalizedQuestion {
  /** Lowercased text the tables are matched against. */
  readonly lower: string;
  /** The same text with the user's letter case, for values such as tag keys and names. */
  readonly cased: string;
}

const ZERO_WIDTH = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;

/** Punctuation NFKC leaves alone, mapped to ASCII. */
const PUNCTUATION: Readonly<Record<string, string>> = {
  '。': '.',
  '、': ',',
  '“': '"',
  '”': '"',
  '「': '"',
  '」': '"',
  '『': '"',
  '』': '"',
  '‘': "'",
  '’': "'",
  '《': '"',
  '》': '"',
  '【': '(',
  '】': ')',
  '〜': '~',
  '～': '~',
  '—': '-',
  '–': '-',
  '·': ' ',
};
const PUNCTUATION_RE = new RegExp(`[${Object.keys(PUNCTUATION).join('')}]`, 'g');

const NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万';
const PERCENT_RE = new RegExp(`百分之\\s*([${NUMERAL_CHARS}]+|\\d+(?:\\.\\d+)?)`, 'g');
const NUMERAL_RE = new RegExp(`[${NUMERAL_CHARS}]+`, 'g');
/** Words that contain numeral characters but are not numbers; they are left as written. */
const IDIOM_RE =
  /一下|一些|一点|一共|一起|一样|一直|一旦|一般|统一|唯一|同一|万一|一览|一概|十分(?!钟)|一律|逐一|一致|一切|一定|之一|一键|一并|一同|任一|每一|第一|一眼|一会|千万|百度|一百万/g;
/** "八成" = 80%: tenths written with 成 (not 成本 cost, 成功 success…). */
const TENTHS_RE = /([一二两三四五六七八九])成(?!本|功|员|立|为|熟|果|绩|分|型|长|交|品)/g;
const TENTH_DIGITS: Readonly<Record<string, number>> = {
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const SPACED_PERCENT_RE = /(\d)\s+(%)/g;
const THOUSANDS_RE = /(\d),(\d{3})(?!\d)/g;
const SPACES_RE = /\s+/g;
/** Chat abbreviations: "w/o" → "without", "w/" → "with". */
const WITHOUT_RE = /(?<![a-z0-9])w\/o(?![a-z0-9])/gi;
const WITH_RE = /(?<![a-z0-9])w\/(?=\s)/gi;

function convertNumerals(text: string): string {
  const protectedSpans: [number, number][] = [];
  IDIOM_RE.lastIndex = 0;
  for (let match = IDIOM_RE.exec(text); match !== null; match = IDIOM_RE.exec(text)) {
    protectedSpans.push([match.index, match.index + match[0].length]);
  }
  const withPercent = text.replace(PERCENT_RE, (_whole, numeral: string) => {
    const value = /^\d/.test(numeral) ? numeral : parseChineseNumber(numeral);
    return value === undefined ? _whole : `${String(value)}%`;
  });
  if (withPercent !== text) {
    return convertNumerals(withPercent);
  }
  return text.replace(NUMERAL_RE, (run: string, offset: number) => {
    const end = offset + run.length;
    if (protectedSpans.some(([start, stop]) => start < end && offset < stop)) {
      return run;
    }
    const value = parseChineseNumber(run);
    return value === undefined ? run : String(value);
  });
}

/**
 * Normalizes a question before matching: Unicode NFKC (full-width letters, digits and punctuation
 * become ASCII), zero-width and bidi characters removed, Chinese punctuation mapped to ASCII,
 * Chinese numerals turned into digits ("百分之八十" → "80%", "三十" → "30", "两" → "2"),
 * "80 %" → "80%", "1,000" → "1000", whitespace collapsed and trimmed.
 */
export function normalizeQuestion(question: string): NormalizedQuestion {
  let text = question.normalize('NFKC').replace(ZERO_WIDTH, '');
  text = text.replace(PUNCTUATION_RE, (char) => PUNCTUATION[char] ?? char);
  text = text.replace(TENTHS_RE, (whole, digit: string) => {
    const tenths = TENTH_DIGITS[digit];
    return tenths === undefined ? whole : `${String(tenths * 10)}%`;
  });
  text = convertNumerals(text);
  text = text.replace(SPACED_PERCENT_RE, '$1$2').replace(THOUSANDS_RE, '$1$2');
  text = text.replace(WITHOUT_RE, 'without').replace(WITH_RE, 'with');
  const cased = text.replace(SPACES_RE, ' ').trim();
  const lower = cased.toLowerCase();
  // Rare letters change length when lowercased (e.g. "İ"); then the case-kept copy cannot be indexed.
  return { lower, cased: lower.length === cased.length ? cased : lower };
}
