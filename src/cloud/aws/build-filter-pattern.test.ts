import { describe, expect, it } from 'vitest';
import { buildFilterPattern, quoteFilterTerm } from './build-filter-pattern.js';

describe('quoteFilterTerm', () => {
  it.each([
    ['timeout', 'timeout'],
    ['Order_42', 'Order_42'],
    ['connection reset', '"connection reset"'],
    ['-v', '"-v"'],
    ['?x', '"?x"'],
    ['{"a":1}', '"{\\"a\\":1}"'],
    ['100%', '"100%"'],
    ['C:\\temp', '"C:\\\\temp"'],
  ])('quotes %s as %s', (term, expected) => {
    expect(quoteFilterTerm(term)).toBe(expected);
  });
});

describe('buildFilterPattern', () => {
  it.each([
    [{}, undefined],
    [{ pattern: '  ' }, undefined],
    [{ pattern: 'timeout' }, 'timeout'],
    [{ pattern: 'out of memory' }, '"out of memory"'],
    [{ level: 'error' as const }, '?ERROR ?Error ?error'],
    [{ level: 'warn' as const }, '?WARN ?Warn ?warn ?WARNING ?Warning ?warning'],
    [{ pattern: 'db timeout', level: 'error' as const }, '"db timeout"'],
  ])('builds the server pattern for %o', (request, expected) => {
    expect(buildFilterPattern(request).filterPattern).toBe(expected);
  });

  it('checks the level on the client when a pattern is also given', () => {
    const filter = buildFilterPattern({ pattern: 'timeout', level: 'error' });

    expect(filter.matches).toBeDefined();
    expect(filter.matches?.('[ERROR] db timeout')).toBe(true);
    expect(filter.matches?.('error: timeout')).toBe(true);
    expect(filter.matches?.('WARN timeout ERR')).toBe(false);
    expect(filter.matches?.('INFO timeout')).toBe(false);
  });

  it('needs no client check without a level', () => {
    expect(buildFilterPattern({ pattern: 'x' }).matches).toBeUndefined();
    expect(buildFilterPattern({ level: 'error' }).matches).toBeUndefined();
  });
});
