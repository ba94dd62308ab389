import { describe, expect, it } from 'vitest';
import { apportion, planEstate } from './plan-estate.js';
import { SIZE_PRESETS, isSizePreset, type SizePreset } from './presets.js';

const ANCHOR_MS = Date.parse('2026-11-25T00:00:00.000Z');

describe('apportion', () => {
  it.each([
    { total: 10, weights: [1, 1], minimum: 0, expected: [5, 5] },
    { total: 10, weights: [0.45, 0.3, 0.25], minimum: 0, expected: [5, 3, 2] },
    { total: 36, weights: [0.45, 0.3, 0.25], minimum: 0, expected: [16, 11, 9] },
    { total: 3, weights: [5, 1, 1], minimum: 1, expected: [1, 1, 1] },
    { total: 2, weights: [5, 1, 1], minimum: 1, expected: [2, 0, 0] },
    { total: 0, weights: [1, 2], minimum: 0, expected: [0, 0] },
  ])(
    'splits $total by $weights (minimum $minimum) into $expected',
    ({ total, weights, minimum, expected }) => {
      const shares = apportion(total, weights, minimum);

      expect(shares).toEqual(expected);
    },
  );
});

describe('planEstate', () => {
  it.each(Object.keys(SIZE_PRESETS) as SizePreset[])('plans exactly the %s instance count', (size) => {
    const plan = planEstate(7, size, ANCHOR_MS);

    const instances = plan.cells.reduce((sum, cell) => sum + cell.instances, 0);

    expect(instances).toBe(SIZE_PRESETS[size].instances);
  });

  it.each(Object.keys(SIZE_PRESETS) as SizePreset[])(
    'splits %s 45/30/25 across AWS, Azure and GCP',
    (size) => {
      const plan = planEstate(7, size, ANCHOR_MS);
      const total = SIZE_PRESETS[size].instances;

      const share = (provider: string): number =>
        plan.cells
          .filter((cell) => cell.provider === provider)
          .reduce((sum, cell) => sum + cell.instances, 0) / total;

      expect(share('aws')).toBeCloseTo(0.45, 1);
      expect(share('azure')).toBeCloseTo(0.3, 1);
      expect(share('gcp')).toBeCloseTo(0.25, 1);
    },
  );

  it('draws account ids in each cloud’s format', () => {
    const plan = planEstate(7, 'tiny', ANCHOR_MS);

    const ids = (provider: string): string[] =>
      plan.accounts.filter((a) => a.provider === provider).map((a) => a.id);

    expect(ids('aws')).toHaveLength(3);
    for (const id of ids('aws')) expect(id).toMatch(/^\d{12}$/);
    for (const id of ids('azure'))
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    for (const id of ids('gcp')) expect(id).toMatch(/^[a-z]+(-[a-z]+)*-\d{4}$/);
  });
});

describe('isSizePreset', () => {
  it.each([
    ['tiny', true],
    ['xl', true],
    ['huge', false],
    ['toString', false],
  ])('%s → %s', (text, expected) => {
    expect(isSizePreset(text)).toBe(expected);
  });
});
