import { describe, expect, it } from 'vitest';
import { toMetricSlots } from './metric-slots.js';

const start = new Date('2026-01-01T00:00:00Z');
const end = new Date('2026-01-01T01:00:00Z');

describe('toMetricSlots', () => {
  it('gives one null slot per distinct id, in request order', () => {
    const slots = toMetricSlots({ resourceIds: ['i-2', 'i-1', 'i-2'], start, end });

    expect(slots.ids).toEqual(['i-2', 'i-1']);
    expect([...slots.values]).toEqual([
      ['i-2', null],
      ['i-1', null],
    ]);
    expect(slots.nothingToRead).toBe(false);
  });

  it('has nothing to read without ids or with an empty window', () => {
    expect(toMetricSlots({ resourceIds: [], start, end }).nothingToRead).toBe(true);
    expect(toMetricSlots({ resourceIds: ['i-1'], start: end, end }).nothingToRead).toBe(true);
    expect(toMetricSlots({ resourceIds: ['i-1'], start: end, end: start }).nothingToRead).toBe(true);
  });
});
