import { describe, expect, it } from 'vitest';

import type { TimeRange } from './query-plan.js';
import { resolveTimeRange } from './resolve-time-range.js';

// Wednesday 2024-05-15 13:45:30 UTC
const NOW = new Date('2024-05-15T13:45:30.000Z');

describe('resolveTimeRange', () => {
  it.each<[string, TimeRange, string, string]>([
    [
      '15 minutes',
      { kind: 'relative', amount: 15, unit: 'minute' },
      '2024-05-15T13:30:30.000Z',
      '2024-05-15T13:45:30.000Z',
    ],
    [
      '1 hour',
      { kind: 'relative', amount: 1, unit: 'hour' },
      '2024-05-15T12:45:30.000Z',
      '2024-05-15T13:45:30.000Z',
    ],
    [
      '7 days',
      { kind: 'relative', amount: 7, unit: 'day' },
      '2024-05-08T13:45:30.000Z',
      '2024-05-15T13:45:30.000Z',
    ],
    [
      '2 weeks',
      { kind: 'relative', amount: 2, unit: 'week' },
      '2024-05-01T13:45:30.000Z',
      '2024-05-15T13:45:30.000Z',
    ],
    [
      '1 month',
      { kind: 'relative', amount: 1, unit: 'month' },
      '2024-04-15T13:45:30.000Z',
      '2024-05-15T13:45:30.000Z',
    ],
    ['today', { kind: 'calendar', value: 'today' }, '2024-05-15T00:00:00.000Z', '2024-05-15T13:45:30.000Z'],
    [
      'yesterday',
      { kind: 'calendar', value: 'yesterday' },
      '2024-05-14T00:00:00.000Z',
      '2024-05-15T00:00:00.000Z',
    ],
    [
      'since yesterday',
      { kind: 'calendar', value: 'since_yesterday' },
      '2024-05-14T00:00:00.000Z',
      '2024-05-15T13:45:30.000Z',
    ],
    [
      'this week (Monday start)',
      { kind: 'calendar', value: 'this_week' },
      '2024-05-13T00:00:00.000Z',
      '2024-05-15T13:45:30.000Z',
    ],
    [
      'last week',
      { kind: 'calendar', value: 'last_week' },
      '2024-05-06T00:00:00.000Z',
      '2024-05-13T00:00:00.000Z',
    ],
    [
      'this month',
      { kind: 'calendar', value: 'this_month' },
      '2024-05-01T00:00:00.000Z',
      '2024-05-15T13:45:30.000Z',
    ],
  ])('resolves %s in UTC', (_name, range, start, end) => {
    const resolved = resolveTimeRange(range, NOW);

    expect(resolved.start.toISOString()).toBe(start);
    expect(resolved.end.toISOString()).toBe(end);
  });

  it('treats Sunday as the last day of the ISO week', () => {
    const sunday = new Date('2024-05-19T08:00:00.000Z');

    const resolved = resolveTimeRange({ kind: 'calendar', value: 'this_week' }, sunday);

    expect(resolved.start.toISOString()).toBe('2024-05-13T00:00:00.000Z');
  });

  it('does not mutate now', () => {
    const now = new Date(NOW.getTime());

    resolveTimeRange({ kind: 'relative', amount: 1, unit: 'month' }, now);

    expect(now.toISOString()).toBe(NOW.toISOString());
  });
});
