/**
 * Time formats on the GCP wire.
 *
 * Compute Engine writes its timestamps in US Pacific time with a numeric offset
 * (`2026-10-01T02:03:04.567-07:00`), the newer APIs write Z-normalized RFC 3339.
 */

/** Day of the month of the `nth` Sunday (1-based) of a UTC month. */
function nthSunday(year: number, month: number, nth: number): number {
  const firstWeekday = new Date(Date.UTC(year, month, 1)).getUTCDay();
  return 1 + ((7 - firstWeekday) % 7) + 7 * (nth - 1);
}

/**
 * The US Pacific UTC offset in minutes at an instant: -420 (PDT) from the second Sunday of March
 * 02:00 PST to the first Sunday of November 02:00 PDT, else -480 (PST). Rules in force since 2007.
 */
export function pacificOffsetMinutes(epochMs: number): number {
  const year = new Date(epochMs).getUTCFullYear();
  const dstStart = Date.UTC(year, 2, nthSunday(year, 2, 2), 10);
  const dstEnd = Date.UTC(year, 10, nthSunday(year, 10, 1), 9);
  return epochMs >= dstStart && epochMs < dstEnd ? -420 : -480;
}

/** A Compute Engine timestamp: Pacific local time, milliseconds, numeric offset. */
export function toComputeTimestamp(time: string | number): string {
  const epochMs = typeof time === 'number' ? time : Date.parse(time);
  const offset = pacificOffsetMinutes(epochMs);
  const local = new Date(epochMs + offset * 60_000).toISOString().slice(0, -1);
  const hours = Math.floor(Math.abs(offset) / 60);
  const minutes = Math.abs(offset) % 60;
  return `${local}${offset < 0 ? '-' : '+'}${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/** A Z-normalized RFC 3339 timestamp with milliseconds. */
export function toRfc3339(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Parses an RFC 3339 timestamp (any offset, any fraction) or a plain date (midnight UTC) to epoch
 * milliseconds; `undefined` when the text is neither.
 */
export function parseRfc3339(text: string): number | undefined {
  const trimmed = text.trim();
  if (DATE_ONLY.test(trimmed)) {
    const value = Date.parse(`${trimmed}T00:00:00Z`);
    return Number.isNaN(value) ? undefined : value;
  }
  if (!RFC3339.test(trimmed)) return undefined;
  const value = Date.parse(trimmed);
  return Number.isNaN(value) ? undefined : value;
}
