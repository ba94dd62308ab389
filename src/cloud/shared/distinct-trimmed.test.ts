import { describe, expect, it } from 'vitest';
import { distinctTrimmed } from './distinct-trimmed.js';

describe('distinctTrimmed', () => {
  it('trims, drops blanks and duplicates, and keeps the first-seen order', () => {
    expect(distinctTrimmed([' p2', 'p1', '', '  ', 'p2 ', 'p1'])).toEqual(['p2', 'p1']);
  });

  it('is empty for nothing configured', () => {
    expect(distinctTrimmed(undefined)).toEqual([]);
  });
});
