import { describe, expect, it } from 'vitest';

import { normalizeQuestion } from './normalize-question.js';

describe('normalizeQuestion', () => {
  it.each([
    ['full-width letters and digits', 'ＥＣ２　ｕｓ－ｅａｓｔ－１', 'ec2 us-east-1'],
    ['zero-width characters', 'ec\u200b2 run\u200dning\ufeff', 'ec2 running'],
    ['Chinese punctuation', '列出实例，谢谢。', '列出实例,谢谢.'],
    ['full-width comparison signs', 'cpu＞８０％', 'cpu>80%'],
    ['a space before %', 'cpu over 80 %', 'cpu over 80%'],
    ['百分之八十', 'cpu超过百分之八十', 'cpu超过80%'],
    ['百分之 with digits', 'cpu超过百分之90', 'cpu超过90%'],
    ['三十', '过去三十天', '过去30天'],
    ['十五', '最近十五分钟', '最近15分钟'],
    ['两', '两台实例', '2台实例'],
    ['一百', '一百GB', '100gb'],
    ['一小时', '最近一小时', '最近1小时'],
    ['二十四', '近二十四小时', '近24小时'],
    ['一百零五', '一百零五', '105'],
    ['digit by digit', '一零二四MB', '1024mb'],
    ['words that only contain numerals', '查一下一些实例', '查一下一些实例'],
    ['十分 (very) but not 十分钟', '十分重要 十分钟', '十分重要 10分钟'],
    ['thousands separators', 'volumes over 1,000 GB', 'volumes over 1000 gb'],
    ['runs of whitespace', '  ec2\t\n running  ', 'ec2 running'],
  ])('handles %s', (_name, input, expected) => {
    const normalized = normalizeQuestion(input);

    expect(normalized.lower).toBe(expected);
  });

  it('keeps the case of the original in a parallel string of the same length', () => {
    const normalized = normalizeQuestion('Instances without an Owner tag');

    expect(normalized.cased).toBe('Instances without an Owner tag');
    expect(normalized.cased.length).toBe(normalized.lower.length);
  });
});
