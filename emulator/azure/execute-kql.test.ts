import { describe, expect, it } from 'vitest';
import {
  executeKql,
  type KqlColumn,
  type KqlRow,
  type KqlTableSource,
  type KqlWindow,
} from './execute-kql.js';
import { KqlError } from './kql-syntax.js';
import { parseKql } from './parse-kql.js';

const NOW = Date.parse('2026-11-20T00:00:00.000Z');
const MINUTE = 60_000;
const COLUMNS: readonly KqlColumn[] = [
  { name: 'TimeGenerated', type: 'datetime' },
  { name: 'Message', type: 'string' },
  { name: 'SeverityLevel', type: 'int' },
  { name: 'AppRoleName', type: 'string' },
];

/** Two streams of one row per minute over the last 24 hours; records every scan. */
function createFakeSource(): KqlTableSource & {
  readonly scans: { window: KqlWindow; limitPerStream?: number }[];
} {
  const streams: KqlRow[][] = ['orders', 'billing'].map((app, streamIndex) =>
    Array.from({ length: 24 * 60 }, (_, minute): KqlRow => [
      NOW - (24 * 60 - minute) * MINUTE + streamIndex,
      minute % 10 === 0 ? `ERROR timeout talking to db (${app})` : `INFO processed order ${minute}`,
      minute % 10 === 0 ? 3 : 1,
      app,
    ]),
  );
  const scans: { window: KqlWindow; limitPerStream?: number }[] = [];
  return {
    columns: COLUMNS,
    timeColumn: 'TimeGenerated',
    scans,
    scan(window, options, sink) {
      scans.push({
        window,
        ...(options.limitPerStream === undefined ? {} : { limitPerStream: options.limitPerStream }),
      });
      for (const stream of streams) {
        let rows = stream.filter(
          (row) => (row[0] as number) >= window.startMs && (row[0] as number) < window.endMs,
        );
        if (options.predicate) rows = rows.filter(options.predicate);
        if (options.limitPerStream !== undefined) rows = rows.slice(0, options.limitPerStream);
        if (!sink(rows)) return;
      }
    },
  };
}

function run(
  text: string,
  source = createFakeSource(),
  window: KqlWindow = { startMs: NOW - 86_400_000, endMs: NOW },
) {
  return executeKql(parseKql(text, { nowMs: NOW }), source, { window, maxRows: 500_000 });
}

describe('executeKql', () => {
  it('filters with has and a severity threshold, in ascending time order', () => {
    const result = run(
      'T | where SeverityLevel >= 3 and Message has "timeout" | where AppRoleName == "orders" | project TimeGenerated, Message',
    );

    expect(result.columns.map((column) => column.name)).toEqual(['TimeGenerated', 'Message']);
    expect(result.rows).toHaveLength(144);
    expect(result.rows.every((row) => row[1] === 'ERROR timeout talking to db (orders)')).toBe(true);
    const times = result.rows.map((row) => row[0] as number);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it.each([
    ['contains is case-insensitive', 'T | where Message contains "TIMEOUT" | count', 288],
    ['has needs whole terms', 'T | where Message has "time" | count', 0],
    ['has_cs is case-sensitive', 'T | where Message has_cs "error" | count', 0],
    ['!contains negates', 'T | where Message !contains "timeout" | count', 2 * 1440 - 288],
    ['in matches any value', 'T | where AppRoleName in ("orders", "nobody") | count', 1440],
    ['=~ ignores case', 'T | where AppRoleName =~ "BILLING" | count', 1440],
  ])('%s', (_name, text, count) => {
    expect(run(text).rows).toEqual([[count]]);
  });

  it('narrows the scanned window with the leading time conditions', () => {
    const source = createFakeSource();

    const result = run('T | where TimeGenerated >= ago(30m) | count', source);

    expect(source.scans).toEqual([{ window: { startMs: NOW - 30 * MINUTE, endMs: NOW } }]);
    expect(result.rows).toEqual([[60]]);
  });

  it('reads at most N rows per stream for take', () => {
    const source = createFakeSource();

    const result = run('T | project Message | take 3', source);

    expect(source.scans[0]?.limitPerStream).toBe(3);
    expect(result.rows).toHaveLength(3);
  });

  it('scans backwards in growing slices for the newest rows', () => {
    const source = createFakeSource();

    const result = run('T | where SeverityLevel == 3 | order by TimeGenerated desc | take 20', source);

    expect(result.rows).toHaveLength(20);
    expect(result.rows[0]?.[0]).toBe(NOW - 10 * MINUTE + 1);
    expect(source.scans[0]?.window).toEqual({ startMs: NOW - 60 * MINUTE, endMs: NOW });
    expect(source.scans.length).toBeGreaterThan(1);
  });

  it('summarizes counts by key and time bin, groups sorted by key', () => {
    const result = run(
      'T | where TimeGenerated > ago(2h) | summarize n = count(), errors = countif(SeverityLevel >= 3) by AppRoleName, bin(TimeGenerated, 1h)',
    );

    expect(result.columns).toEqual([
      { name: 'AppRoleName', type: 'string' },
      { name: 'TimeGenerated', type: 'datetime' },
      { name: 'n', type: 'long' },
      { name: 'errors', type: 'long' },
    ]);
    expect(result.rows).toEqual([
      // `> ago(2h)` excludes the orders row at exactly two hours ago (an error row); billing rows are 1 ms later.
      ['billing', NOW - 2 * 3_600_000, 60, 6],
      ['billing', NOW - 3_600_000, 60, 6],
      ['orders', NOW - 2 * 3_600_000, 59, 5],
      ['orders', NOW - 3_600_000, 60, 6],
    ]);
  });

  it.each([
    [
      'an unknown column',
      'T | where Level == "Error"',
      "'where' operator: Failed to resolve column or scalar expression named 'Level'",
    ],
    [
      'a type clash',
      'T | where SeverityLevel == "3"',
      "'where' operator: Cannot compare values of types int and string. Try adding explicit casts",
    ],
    [
      'a projected-away column',
      'T | project Message | order by TimeGenerated',
      "'sort' operator: Failed to resolve column or scalar expression named 'TimeGenerated'",
    ],
  ])('rejects %s as a semantic error', (_name, text, message) => {
    expect(() => run(text)).toThrow(new KqlError('SemanticError', message));
  });

  it('truncates results beyond the row limit', () => {
    const result = executeKql(parseKql('T', { nowMs: NOW }), createFakeSource(), {
      window: { startMs: NOW - 86_400_000, endMs: NOW },
      maxRows: 100,
    });

    expect(result.rows).toHaveLength(100);
    expect(result.truncated).toBe(true);
  });
});
