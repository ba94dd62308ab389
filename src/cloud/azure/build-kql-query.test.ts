import { describe, expect, it } from 'vitest';
import { parseKql } from '../../../emulator/azure/parse-kql.js';
import type { KqlExpression, KqlOperator } from '../../../emulator/azure/kql-syntax.js';
import {
  buildLogSearchQuery,
  buildSourceDiscoveryQuery,
  toKqlDatetime,
  toKqlString,
} from './build-kql-query.js';

const START = new Date('2026-11-20T09:00:00.000Z');
const END = new Date('2026-11-20T10:00:00.000Z');

/** Every `where` predicate of a query, flattened. */
function predicates(operators: readonly KqlOperator[]): KqlExpression[] {
  const out: KqlExpression[] = [];
  const walk = (expression: KqlExpression): void => {
    out.push(expression);
    if (expression.kind === 'and' || expression.kind === 'or') {
      walk(expression.left);
      walk(expression.right);
    } else if (expression.kind === 'not') walk(expression.operand);
  };
  for (const operator of operators) if (operator.kind === 'where') walk(operator.predicate);
  return out;
}

describe('toKqlString', () => {
  it.each([
    ['plain', 'timeout', '"timeout"'],
    ['double quote', 'say "hi"', '"say \\"hi\\""'],
    ['backslash', 'C:\\temp\\', '"C:\\\\temp\\\\"'],
    ['single quote', "field 'customer_id'", '"field \'customer_id\'"'],
    ['line breaks and tab', 'a\nb\r\tc', '"a\\nb\\r\\tc"'],
    ['other control characters are dropped', 'a\u0000b\u001bc\u2028d', '"abcd"'],
    ['unicode', '超时 ✓', '"超时 ✓"'],
  ])('%s', (_case, input, expected) => {
    expect(toKqlString(input)).toBe(expected);
  });
});

describe('buildLogSearchQuery', () => {
  it('selects the window, sources, level and pattern, oldest first, capped', () => {
    const query = buildLogSearchQuery({
      table: 'AppTraces',
      sources: ['func-a', 'func-b'],
      start: START,
      end: END,
      pattern: 'timeout',
      level: 'error',
      take: 101,
    });

    expect(query).toBe(
      [
        'AppTraces',
        `| where TimeGenerated >= ${toKqlDatetime(START)} and TimeGenerated < ${toKqlDatetime(END)}`,
        '| where AppRoleName in ("func-a", "func-b")',
        '| where SeverityLevel >= 3',
        '| where Message contains "timeout"',
        '| order by TimeGenerated asc',
        '| take 101',
        '| project TimeGenerated, Message, SeverityLevel, AppRoleName, OperationId',
      ].join('\n'),
    );
  });

  it.each([
    ['Syslog', 'error', 'SeverityLevel in ("emerg", "alert", "crit", "err")'],
    ['Syslog', 'warn', 'SeverityLevel == "warning"'],
    ['AppTraces', 'warn', 'SeverityLevel == 2'],
    ['ContainerLogV2', 'error', 'LogLevel in~ ("error", "critical", "fatal")'],
  ] as const)('%s level %s → %s', (table, level, condition) => {
    const query = buildLogSearchQuery({ table, sources: ['s'], start: START, end: END, level, take: 10 });

    expect(query).toContain(`| where ${condition}`);
  });

  it('matches VM sources case-insensitively (Log Analytics lower-cases _ResourceId)', () => {
    const query = buildLogSearchQuery({
      table: 'Syslog',
      sources: ['/subscriptions/S/resourceGroups/RG/providers/Microsoft.Compute/virtualMachines/VM'],
      start: START,
      end: END,
      take: 5,
    });

    expect(query).toContain(
      '| where _ResourceId in~ ("/subscriptions/S/resourceGroups/RG/providers/Microsoft.Compute/virtualMachines/VM")',
    );
  });

  it.each([
    'x" or SeverityLevel >= 0 | take 100000 //',
    'x" | project Message, _ResourceId //',
    '\\" | summarize count() by AppRoleName //',
    'a\\',
    'line one\n| take 1000000',
    '" ; drop table AppTraces',
    '@"verbatim" + "',
  ])('keeps user text a single literal: %j', (pattern) => {
    const text = buildLogSearchQuery({
      table: 'AppTraces',
      sources: ['func"a'],
      start: START,
      end: END,
      pattern,
      take: 11,
    });

    const parsed = parseKql(text, { nowMs: END.getTime() });

    expect(parsed.table).toBe('AppTraces');
    expect(parsed.operators.map((operator) => operator.kind)).toEqual([
      'where',
      'where',
      'where',
      'sort',
      'take',
      'project',
    ]);
    expect(parsed.operators[4]).toEqual({ kind: 'take', count: 11 });
    const compares = predicates(parsed.operators).filter(
      (p) => p.kind === 'compare' && p.operator === 'contains',
    );
    expect(compares).toEqual([
      {
        kind: 'compare',
        column: 'Message',
        operator: 'contains',
        value: { kind: 'string', value: pattern.trim() },
      },
    ]);
    const sources = predicates(parsed.operators).filter((p) => p.kind === 'in');
    expect(sources).toEqual([
      expect.objectContaining({ column: 'AppRoleName', values: [{ kind: 'string', value: 'func"a' }] }),
    ]);
  });
});

describe('buildSourceDiscoveryQuery', () => {
  it('counts rows per source over the window', () => {
    const text = buildSourceDiscoveryQuery('Syslog', START, END);

    const parsed = parseKql(text, { nowMs: END.getTime() });

    expect(parsed.table).toBe('Syslog');
    expect(parsed.operators.at(-1)).toMatchObject({
      kind: 'summarize',
      by: [{ name: 'Source', column: '_ResourceId' }],
    });
  });
});
