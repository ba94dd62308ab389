import { describe, expect, it } from 'vitest';
import { KqlError } from './kql-syntax.js';
import { parseKql } from './parse-kql.js';

const NOW = Date.parse('2026-11-20T00:00:00.000Z');

function parse(text: string): ReturnType<typeof parseKql> {
  return parseKql(text, { nowMs: NOW });
}

function syntaxErrorOf(text: string): KqlError {
  try {
    parse(text);
  } catch (error) {
    if (error instanceof KqlError) return error;
    throw error;
  }
  throw new Error(`expected '${text}' to be rejected`);
}

describe('parseKql', () => {
  it('parses a pipeline of where, project, order and take', () => {
    const query = parse(
      'AppTraces | where TimeGenerated > ago(1h) and Message has "timeout" | project TimeGenerated, Text = Message | order by TimeGenerated asc | take 10',
    );

    expect(query).toEqual({
      table: 'AppTraces',
      operators: [
        {
          kind: 'where',
          predicate: {
            kind: 'and',
            left: {
              kind: 'compare',
              column: 'TimeGenerated',
              operator: '>',
              value: { kind: 'datetime', value: NOW - 3_600_000 },
            },
            right: {
              kind: 'compare',
              column: 'Message',
              operator: 'has',
              value: { kind: 'string', value: 'timeout' },
            },
          },
        },
        {
          kind: 'project',
          columns: [
            { name: 'TimeGenerated', source: 'TimeGenerated' },
            { name: 'Text', source: 'Message' },
          ],
        },
        { kind: 'sort', keys: [{ column: 'TimeGenerated', direction: 'asc' }] },
        { kind: 'take', count: 10 },
      ],
    });
  });

  it.each([
    [
      'between datetimes',
      'T | where TimeGenerated between (datetime(2026-11-19) .. datetime(2026-11-19T12:00:00Z))',
      {
        kind: 'between',
        column: 'TimeGenerated',
        low: { kind: 'datetime', value: Date.parse('2026-11-19T00:00:00Z') },
        high: { kind: 'datetime', value: Date.parse('2026-11-19T12:00:00Z') },
        negated: false,
      },
    ],
    [
      'case-insensitive equality',
      'T | where _ResourceId =~ "/SUBSCRIPTIONS/X"',
      {
        kind: 'compare',
        column: '_ResourceId',
        operator: '=~',
        value: { kind: 'string', value: '/SUBSCRIPTIONS/X' },
      },
    ],
    [
      'a negated string operator',
      "T | where Message !contains 'debug'",
      {
        kind: 'compare',
        column: 'Message',
        operator: '!contains',
        value: { kind: 'string', value: 'debug' },
      },
    ],
    [
      'in~ with several values',
      'T | where Level in~ ("error", "warning")',
      {
        kind: 'in',
        column: 'Level',
        values: [
          { kind: 'string', value: 'error' },
          { kind: 'string', value: 'warning' },
        ],
        caseInsensitive: true,
        negated: false,
      },
    ],
    [
      'a number comparison',
      'T | where SeverityLevel >= 3',
      {
        kind: 'compare',
        column: 'SeverityLevel',
        operator: '>=',
        value: { kind: 'number', value: 3 },
      },
    ],
  ])('parses %s', (_name, text, predicate) => {
    expect(parse(text).operators[0]).toEqual({ kind: 'where', predicate });
  });

  it('parses summarize with count(), a named aggregate and bin()', () => {
    const query = parse(
      'Syslog | summarize count(), errors = countif(SeverityLevel == "err") by Computer, bin(TimeGenerated, 1h)',
    );

    expect(query.operators[0]).toEqual({
      kind: 'summarize',
      aggregates: [
        { kind: 'count', name: 'count_' },
        {
          kind: 'countif',
          name: 'errors',
          predicate: {
            kind: 'compare',
            column: 'SeverityLevel',
            operator: '==',
            value: { kind: 'string', value: 'err' },
          },
        },
      ],
      by: [
        { name: 'Computer', column: 'Computer' },
        { name: 'TimeGenerated', column: 'TimeGenerated', bin: 3_600_000 },
      ],
    });
  });

  it('defaults order by to descending and reads top, limit and count', () => {
    expect(parse('T | sort by TimeGenerated | limit 5 | top 3 by SeverityLevel | count').operators).toEqual([
      { kind: 'sort', keys: [{ column: 'TimeGenerated', direction: 'desc' }] },
      { kind: 'take', count: 5 },
      { kind: 'top', count: 3, key: { column: 'SeverityLevel', direction: 'desc' } },
      { kind: 'count' },
    ]);
  });

  it.each([
    ['an unsupported operator', 'AppTraces | extend x = 1', 'extend', 1, 12],
    ['a join', 'AppTraces\n| join kind=inner (Syslog) on Computer', 'join', 2, 2],
    ['a dangling pipe', 'AppTraces |', '<EOF>', 1, 11],
    ['an unknown function', 'AppTraces | where TimeGenerated > yesterday()', 'yesterday', 1, 34],
    ['an unterminated string', 'AppTraces | where Message has "oops', '"oops', 1, 30],
  ])('rejects %s with the offending token and its position', (_name, text, token, line, pos) => {
    const error = syntaxErrorOf(text);

    expect(error.kind).toBe('SyntaxError');
    expect(error.location).toEqual({ token, line, pos });
    expect(error.message).toBe(`Query could not be parsed at '${token}' on line [${line},${pos}]`);
  });
});
