import { describe, expect, it } from 'vitest';
import { pageSizeFor } from './page-size-for.js';

describe('pageSizeFor', () => {
  it.each([
    [undefined, 50],
    [20, 20],
    [0, 5],
    [-3, 5],
    [7.9, 7],
    [10_000, 50],
  ])('pageSize %j within 5–50 → %d', (pageSize, expected) => {
    expect(pageSizeFor({ pageSize }, 5, 50)).toBe(expected);
  });
});
