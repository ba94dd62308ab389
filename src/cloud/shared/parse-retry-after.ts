/**
 * Seconds to wait from a `Retry-After` header value: delay seconds (`"7"`, `"1.5"`) or an HTTP
 * date (seconds from `now`, rounded up, never negative). `undefined` when absent or unreadable.
 */
export function parseRetryAfter(value: string | undefined, now: () => number): number | undefined {
  const trimmed = value?.trim();
  if (trimmed === undefined || trimmed === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now()) / 1000));
}
