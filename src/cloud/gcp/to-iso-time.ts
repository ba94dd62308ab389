import { toNumber } from './to-number.js';

/** A protobuf `Timestamp` as the GAPIC clients decode it (`seconds` is an int64, often a string). */
export interface ProtoTimestamp {
  readonly seconds?: unknown;
  readonly nanos?: number | null;
}

/**
 * An ISO-8601 UTC string from an API time: an RFC 3339 string (Compute's
 * `2026-01-19T04:41:57.000-08:00`, Storage's `timeCreated`), a `Date`, epoch milliseconds, or a
 * protobuf `Timestamp` object. `undefined` when absent or unparseable. Sub-millisecond digits are
 * dropped (JavaScript dates hold milliseconds).
 */
export function toIsoTime(
  value: string | number | Date | ProtoTimestamp | null | undefined,
): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  let ms: number;
  if (value instanceof Date) ms = value.getTime();
  else if (typeof value === 'number') ms = value;
  else if (typeof value === 'string') ms = Date.parse(value);
  else {
    if (value.seconds === null || value.seconds === undefined) return undefined;
    const seconds = toNumber(value.seconds);
    if (seconds === undefined) return undefined;
    ms = seconds * 1000 + Math.floor((value.nanos ?? 0) / 1_000_000);
  }
  return Number.isFinite(ms) ? new Date(ms).toISOString() : undefined;
}

/** A protobuf `Timestamp` (`{ seconds, nanos }`) for epoch milliseconds (negative values stay exact). */
export function toProtoTimestamp(epochMs: number): { seconds: number; nanos: number } {
  const seconds = Math.floor(epochMs / 1000);
  return { seconds, nanos: (epochMs - seconds * 1000) * 1_000_000 };
}
