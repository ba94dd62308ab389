import { describe, expect, it } from 'vitest';
import { createRandom, hashIntegers, hashString, hashToUnit } from './random.js';

describe('createRandom', () => {
  it('repeats the same sequence for the same seed', () => {
    const first = createRandom(42);
    const second = createRandom('42');

    const a = Array.from({ length: 20 }, () => first.next());
    const b = Array.from({ length: 20 }, () => second.next());

    expect(a).toEqual(b);
  });

  it('gives different sequences for different seeds', () => {
    const one = createRandom(1);
    const two = createRandom(2);

    const a = Array.from({ length: 5 }, () => one.next());
    const b = Array.from({ length: 5 }, () => two.next());

    expect(a).not.toEqual(b);
  });

  it('keeps int() within its inclusive bounds and reaches both ends', () => {
    const random = createRandom('bounds');

    const values = Array.from({ length: 2000 }, () => random.int(3, 7));

    expect(Math.min(...values)).toBe(3);
    expect(Math.max(...values)).toBe(7);
    expect(values.every(Number.isInteger)).toBe(true);
  });

  it('follows the weights in weighted()', () => {
    const random = createRandom('weights');

    const picks = Array.from({ length: 10_000 }, () =>
      random.weighted([
        ['a', 1],
        ['b', 3],
        ['never', 0],
      ]),
    );

    const share = picks.filter((pick) => pick === 'b').length / picks.length;
    expect(share).toBeGreaterThan(0.72);
    expect(share).toBeLessThan(0.78);
    expect(picks).not.toContain('never');
  });

  it.each([
    ['pick from an empty array', () => createRandom(1).pick([])],
    ['weighted without a positive weight', () => createRandom(1).weighted([['a', 0]])],
    ['int with max below min', () => createRandom(1).int(2, 1)],
  ])('throws a RangeError on %s', (_name, act) => {
    expect(act).toThrow(RangeError);
  });

  it('formats hex, digits and uuids', () => {
    const random = createRandom('formats');

    const hex = random.hex(17);
    const digits = random.digits(12);
    const uuid = random.uuid();

    expect(hex).toMatch(/^[0-9a-f]{17}$/);
    expect(digits).toMatch(/^[1-9]\d{11}$/);
    expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('forks without advancing the parent', () => {
    const parent = createRandom('parent');
    const untouched = createRandom('parent');

    const child = parent.fork('child');

    expect(parent.next()).toBe(untouched.next());
    expect(child.next()).toBe(createRandom('parent/child').next());
  });
});

describe('hashes', () => {
  it('hash strings stably to unsigned 32-bit integers', () => {
    expect(hashString('i-0abc')).toBe(hashString('i-0abc'));
    expect(hashString('i-0abc')).not.toBe(hashString('i-0abd'));
    expect(hashString('')).toBeGreaterThanOrEqual(0);
    expect(hashString('x')).toBeLessThan(2 ** 32);
  });

  it('hash integers evenly into [0, 1)', () => {
    const units = Array.from({ length: 10_000 }, (_, minute) => hashToUnit(hashIntegers(7, minute)));

    const mean = units.reduce((sum, unit) => sum + unit, 0) / units.length;

    expect(Math.min(...units)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...units)).toBeLessThan(1);
    expect(mean).toBeGreaterThan(0.48);
    expect(mean).toBeLessThan(0.52);
  });
});
