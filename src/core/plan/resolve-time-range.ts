import type { TimeRange } from './query-plan.js';

const DAY_MS = 86_400_000;

function startOfUtcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

/** Monday 00:00 UTC of the ISO week that contains `date`. */
function startOfUtcWeek(date: Date): Date {
  const day = startOfUtcDay(date);
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - sinceMonday * DAY_MS);
}

/**
 * Resolves a plan's time range to absolute instants at `now`. Start is inclusive, end exclusive.
 *
 * - relative: `[now - amount·unit, now)`; a month is a calendar month (`setUTCMonth`), so
 *   "last 1 month" on 31 March starts on 3 March when February has 28 days (JS date rollover).
 * - calendar windows are UTC days; weeks start on Monday (ISO 8601):
 *   `today` = [00:00 today, now), `yesterday` = [00:00 yesterday, 00:00 today),
 *   `since_yesterday` = [00:00 yesterday, now), `this_week` = [Monday 00:00, now),
 *   `last_week` = [previous Monday 00:00, this Monday 00:00), `this_month` = [1st 00:00, now).
 *
 * Aligning to metric periods is the executor's job, not this function's.
 */
export function resolveTimeRange(range: TimeRange, now: Date): { start: Date; end: Date } {
  const end = new Date(now.getTime());
  if (range.kind === 'relative') {
    switch (range.unit) {
      case 'minute':
        return { start: new Date(now.getTime() - range.amount * 60_000), end };
      case 'hour':
        return { start: new Date(now.getTime() - range.amount * 3_600_000), end };
      case 'day':
        return { start: new Date(now.getTime() - range.amount * DAY_MS), end };
      case 'week':
        return { start: new Date(now.getTime() - range.amount * 7 * DAY_MS), end };
      case 'month': {
        const start = new Date(now.getTime());
        start.setUTCMonth(start.getUTCMonth() - range.amount);
        return { start, end };
      }
    }
  }
  const today = startOfUtcDay(now);
  switch (range.value) {
    case 'today':
      return { start: today, end };
    case 'yesterday':
      return { start: new Date(today.getTime() - DAY_MS), end: today };
    case 'since_yesterday':
      return { start: new Date(today.getTime() - DAY_MS), end };
    case 'this_week':
      return { start: startOfUtcWeek(now), end };
    case 'last_week': {
      const thisWeek = startOfUtcWeek(now);
      return { start: new Date(thisWeek.getTime() - 7 * DAY_MS), end: thisWeek };
    }
    case 'this_month':
      return { start: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)), end };
  }
}
