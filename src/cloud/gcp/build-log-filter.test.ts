import { describe, expect, it } from 'vitest';
import { buildLogFilter, buildLogNameTerm, chunkLogNames, quoteLoggingString } from './build-log-filter.js';

const window = { start: new Date('2026-11-19T23:00:00.000Z'), end: new Date('2026-11-20T00:00:00.000Z') };

describe('quoteLoggingString', () => {
  it.each([
    ['timeout', '"timeout"'],
    ['say "hi"', '"say \\"hi\\""'],
    ['C:\\temp', '"C:\\\\temp"'],
    ['a\\"b', '"a\\\\\\"b"'],
    ['line\nbreak\ttab', '"line\\nbreak\\ttab"'],
    ['nul\u0000bell\u0007cr\r', '"nul bell cr "'],
    ['日本語 ✓', '"日本語 ✓"'],
  ])('%j → %s', (text, expected) => {
    expect(quoteLoggingString(text)).toBe(expected);
  });

  it.each(['" OR severity>=DEFAULT OR "', '\\" OR logName:"x', '")) OR ((', '\\\\"'])(
    'never lets %j close the literal',
    (text) => {
      const quoted = quoteLoggingString(text);
      // Walk the literal as the Logging parser does: it must end exactly at the last character.
      let index = 1;
      while (index < quoted.length && quoted[index] !== '"') index += quoted[index] === '\\' ? 2 : 1;

      expect(index).toBe(quoted.length - 1);
    },
  );
});

describe('buildLogFilter', () => {
  it.each([
    [{}, 'timestamp >= "2026-11-19T23:00:00.000Z" AND timestamp < "2026-11-20T00:00:00.000Z"'],
    [
      { level: 'error' as const },
      'timestamp >= "2026-11-19T23:00:00.000Z" AND timestamp < "2026-11-20T00:00:00.000Z" AND severity >= ERROR',
    ],
    [
      { level: 'warn' as const },
      'timestamp >= "2026-11-19T23:00:00.000Z" AND timestamp < "2026-11-20T00:00:00.000Z" AND severity = WARNING',
    ],
    [
      { level: 'error' as const, pattern: ' timeout ' },
      'timestamp >= "2026-11-19T23:00:00.000Z" AND timestamp < "2026-11-20T00:00:00.000Z" AND severity >= ERROR AND (textPayload:"timeout" OR jsonPayload.message:"timeout")',
    ],
    [
      { pattern: 'x" OR "' },
      'timestamp >= "2026-11-19T23:00:00.000Z" AND timestamp < "2026-11-20T00:00:00.000Z" AND (textPayload:"x\\" OR \\"" OR jsonPayload.message:"x\\" OR \\"")',
    ],
    [
      { pattern: '   ' },
      'timestamp >= "2026-11-19T23:00:00.000Z" AND timestamp < "2026-11-20T00:00:00.000Z"',
    ],
  ])('builds %j', (options, expected) => {
    expect(buildLogFilter({ ...window, ...options })).toBe(expected);
  });
});

describe('log name terms', () => {
  it('ORs log names, each quoted', () => {
    expect(buildLogNameTerm(['projects/p/logs/a'])).toBe('logName = "projects/p/logs/a"');
    expect(buildLogNameTerm(['projects/p/logs/a', 'projects/p/logs/b%2Fc'])).toBe(
      '(logName = "projects/p/logs/a" OR logName = "projects/p/logs/b%2Fc")',
    );
  });

  it('splits many names so that every filter stays within the limit', () => {
    const names = Array.from({ length: 500 }, (_, i) => `projects/payments-prod-123/logs/app%2Fservice-${i}`);
    const base = buildLogFilter({ ...window, level: 'error', pattern: 'timeout' });

    const chunks = chunkLogNames(names, base.length);

    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.flat()).toEqual(names);
    for (const chunk of chunks)
      expect(`${base} AND ${buildLogNameTerm(chunk)}`.length).toBeLessThanOrEqual(18_000);
  });
});
