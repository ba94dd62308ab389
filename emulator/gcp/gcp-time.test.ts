import { describe, expect, it } from 'vitest';
import { pacificOffsetMinutes, parseRfc3339, toComputeTimestamp } from './gcp-time.js';

describe('toComputeTimestamp', () => {
  it.each([
    ['2026-11-20T00:00:00.000Z', '2026-11-19T16:00:00.000-08:00'],
    ['2026-07-01T12:34:56.789Z', '2026-07-01T05:34:56.789-07:00'],
    // DST starts on the second Sunday of March at 02:00 PST (10:00 UTC)…
    ['2026-03-08T09:59:59.999Z', '2026-03-08T01:59:59.999-08:00'],
    ['2026-03-08T10:00:00.000Z', '2026-03-08T03:00:00.000-07:00'],
    // …and ends on the first Sunday of November at 02:00 PDT (09:00 UTC).
    ['2026-11-01T08:59:59.999Z', '2026-11-01T01:59:59.999-07:00'],
    ['2026-11-01T09:00:00.000Z', '2026-11-01T01:00:00.000-08:00'],
  ])('renders %s as %s, the same instant', (utc, pacific) => {
    expect(toComputeTimestamp(utc)).toBe(pacific);
    expect(Date.parse(pacific)).toBe(Date.parse(utc));
  });

  it('uses -480 minutes in winter and -420 in summer', () => {
    expect(pacificOffsetMinutes(Date.parse('2025-01-15T00:00:00Z'))).toBe(-480);
    expect(pacificOffsetMinutes(Date.parse('2025-08-15T00:00:00Z'))).toBe(-420);
  });
});

describe('parseRfc3339', () => {
  it.each<[string, number | undefined]>([
    ['2026-11-19T10:00:00Z', Date.parse('2026-11-19T10:00:00Z')],
    ['2026-11-19T10:00:00.123456789Z', Date.parse('2026-11-19T10:00:00.123Z')],
    ['2026-11-19T02:00:00-08:00', Date.parse('2026-11-19T10:00:00Z')],
    ['2026-11-19', Date.parse('2026-11-19T00:00:00Z')],
    ['yesterday', undefined],
    ['2026-11-19 10:00:00', undefined],
  ])('parses %j', (text, expected) => {
    expect(parseRfc3339(text)).toBe(expected);
  });
});
