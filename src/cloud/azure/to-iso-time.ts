/**
 * An ISO-8601 UTC string from an SDK time: a `Date` (what the SDKs deserialize `date-time` into)
 * or a string as raw JSON carries it. `undefined` when absent or unparseable.
 */
export function toIsoTime(value: Date | string | undefined | null): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const date = value instanceof Date ? value : new Date(value);
  const time = date.getTime();
  return Number.isNaN(time) ? undefined : date.toISOString();
}
