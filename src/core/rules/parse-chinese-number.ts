const DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
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

const UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/**
 * Parses a Chinese numeral written with the characters 零〇一二两三四五六七八九十百千万:
 * positional ("三十" → 30, "十五" → 15, "一百零五" → 105, "两千" → 2000, "一万二" is read as 10002)
 * or digit by digit ("一零二四" → 1024). Returns `undefined` for anything else.
 */
export function parseChineseNumber(text: string): number | undefined {
  if (text.length === 0) {
    return undefined;
  }
  const chars = Array.from(text);
  if (chars.every((char) => DIGITS[char] !== undefined)) {
    return Number(chars.map((char) => String(DIGITS[char])).join(''));
  }
  let total = 0;
  let section = 0;
  let current = 0;
  for (const char of chars) {
    const digit = DIGITS[char];
    const unit = UNITS[char];
    if (digit !== undefined) {
      current = digit;
    } else if (unit !== undefined) {
      section += (current === 0 ? 1 : current) * unit;
      current = 0;
    } else if (char === '万') {
      total += (section + current) * 10_000;
      section = 0;
      current = 0;
    } else {
      return undefined;
    }
  }
  return total + section + current;
}
