const DURATION =
  /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i;

/**
 * Milliseconds in an ISO-8601 duration of days, hours, minutes and seconds (`PT5M`, `P1D`,
 * `P1DT12H`, `PT0.5S`); `undefined` for anything else (years, months and weeks are not fixed
 * lengths, so Azure's time grains never use them).
 */
export function parseIsoDuration(text: string): number | undefined {
  const match = DURATION.exec(text.trim());
  if (!match || text.trim().toUpperCase() === 'P' || text.trim().toUpperCase().endsWith('T'))
    return undefined;
  const [, days, hours, minutes, seconds] = match;
  const ms =
    Number(days ?? 0) * 86_400_000 +
    Number(hours ?? 0) * 3_600_000 +
    Number(minutes ?? 0) * 60_000 +
    Number(seconds ?? 0) * 1000;
  return Number.isFinite(ms) ? Math.round(ms) : undefined;
}

/** A time span `start/end` in epoch milliseconds. */
export interface TimeWindow {
  readonly startMs: number;
  readonly endMs: number;
}

/**
 * Parses an ISO-8601 interval as Azure Monitor and Log Analytics accept it: `start/end`,
 * `start/duration`, `duration/end`, or a bare `duration` ending at `nowMs`. Returns `undefined`
 * when it is malformed or when the end is not after the start.
 */
export function parseIsoInterval(text: string, nowMs: number): TimeWindow | undefined {
  const parts = text.trim().split('/');
  let window: TimeWindow | undefined;
  if (parts.length === 1) {
    const duration = parseIsoDuration(parts[0]!);
    if (duration !== undefined) window = { startMs: nowMs - duration, endMs: nowMs };
  } else if (parts.length === 2) {
    const [left, right] = parts as [string, string];
    const leftDuration = parseIsoDuration(left);
    const rightDuration = parseIsoDuration(right);
    const leftTime = leftDuration === undefined ? parseTimestamp(left) : undefined;
    const rightTime = rightDuration === undefined ? parseTimestamp(right) : undefined;
    if (leftTime !== undefined && rightTime !== undefined) window = { startMs: leftTime, endMs: rightTime };
    else if (leftTime !== undefined && rightDuration !== undefined)
      window = { startMs: leftTime, endMs: leftTime + rightDuration };
    else if (leftDuration !== undefined && rightTime !== undefined)
      window = { startMs: rightTime - leftDuration, endMs: rightTime };
  }
  return window !== undefined && window.endMs > window.startMs ? window : undefined;
}

/** Epoch milliseconds of an ISO-8601 timestamp (a date alone means midnight UTC); `undefined` when invalid. */
export function parseTimestamp(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}/.test(trimmed)) return undefined;
  const withZone =
    /(?:Z|[+-]\d{2}:?\d{2})$/i.test(trimmed) || trimmed.length === 10 ? trimmed : `${trimmed}Z`;
  const ms = Date.parse(withZone);
  return Number.isFinite(ms) ? ms : undefined;
}
