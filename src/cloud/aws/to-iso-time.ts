/**
 * An ISO-8601 UTC string from an SDK time: a `Date`, epoch milliseconds, or a string such as
 * Lambda's `2024-01-02T03:04:05.678+0000`. `undefined` when absent or unparseable.
 */
export function toIsoTime(value: Date | number | string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const date = value instanceof Date ? value : new Date(value);
  const time = date.getTime();
  return Number.isNaN(time) ? undefined : date.toISOString();
}
