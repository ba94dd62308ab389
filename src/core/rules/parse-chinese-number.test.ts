import { describe, expect, it } from 'vitest';

import { parseChineseNumber } from './parse-chinese-number.js';

describe('parseChineseNumber', () => {
  it.each([
    ['一', 1],
    ['两', 2],
    ['十', 10],
    ['十五', 15],
    ['三十', 30],
    ['二十四', 24],
    ['一百', 100],
    ['一百零五', 105],
    ['一百二十', 120],
    ['两千', 2000],
    ['一万', 10_000],
    ['一零二四', 1024],
    ['八十', 80],
  ])('reads %s as %i', (text, value) => {
    expect(parseChineseNumber(text)).toBe(value);
  });

  it.each(['', 'abc', '十x'])('rejects %j', (text) => {
    expect(parseChineseNumber(text)).toBeUndefined();
  });
});
