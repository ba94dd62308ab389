import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from './parse-retry-after.js';

const now = (): number => Date.parse('2026-01-01T00:00:00Z');

describe('parseRetryAfter', () => {
  it.each([
    ['7', 7],
    [' 1.5 ', 1.5],
    ['0', 0],
    ['Thu, 01 Jan 2026 00:00:10 GMT', 10],
    ['Thu, 01 Jan 2026 00:00:09 GMT', 9],
    ['Wed, 31 Dec 2025 23:59:00 GMT', 0],
  ])('%j → %d seconds', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });

  it('rounds a date up to whole seconds', () => {
    expect(parseRetryAfter('2026-01-01T00:00:01.200Z', now)).toBe(2);
  });

  it.each([undefined, '', '  ', 'soon'])('%j → undefined', (value) => {
    expect(parseRetryAfter(value, now)).toBeUndefined();
  });
});
