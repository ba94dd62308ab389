import { describe, expect, it } from 'vitest';
import { sortById } from './sort-by-id.js';

describe('sortById', () => {
  it('sorts by code unit, not by locale, and leaves the input alone', () => {
    const records = [{ id: 'b' }, { id: 'B' }, { id: 'a-2' }, { id: 'a-10' }, { id: 'é' }, { id: 'a' }];

    const sorted = sortById(records);

    expect(sorted.map((r) => r.id)).toEqual(['B', 'a', 'a-10', 'a-2', 'b', 'é']);
    expect(records.map((r) => r.id)).toEqual(['b', 'B', 'a-2', 'a-10', 'é', 'a']);
  });

  it('keeps the other fields and the order of equal ids', () => {
    const sorted = sortById([
      { id: 'x', n: 1 },
      { id: 'w', n: 2 },
      { id: 'x', n: 3 },
    ]);

    expect(sorted).toEqual([
      { id: 'w', n: 2 },
      { id: 'x', n: 1 },
      { id: 'x', n: 3 },
    ]);
  });
});
