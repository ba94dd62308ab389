import { hashString } from '../estate/random.js';
import { invalidArgument } from './render-gcp-error.js';

/**
 * Opaque, deterministic page tokens. A token carries the position of the next page and a
 * fingerprint of the query that produced it, so a token replayed with other arguments is refused
 * (as Google does: "page token does not match the request").
 */

/** A fingerprint of the arguments that define a result set (filter, order, scope…). */
export function queryFingerprint(...parts: readonly (string | number | boolean | undefined)[]): string {
  return hashString(parts.map((part) => (part === undefined ? '\u0001' : String(part))).join('\u0000'))
    .toString(16)
    .padStart(8, '0');
}

/** Encodes a page position (an offset or a cursor string) with the query fingerprint. */
export function encodePageToken(fingerprint: string, position: number | string): string {
  return Buffer.from(JSON.stringify({ q: fingerprint, p: position }), 'utf8').toString('base64url');
}

/**
 * Decodes a page token made by {@link encodePageToken} for the same query.
 * @returns the position, or `undefined` when there is no token (first page).
 * @throws GcpRequestError (400 INVALID_ARGUMENT) when the token is malformed or belongs to another query.
 */
export function decodePageToken(
  token: string | null | undefined,
  fingerprint: string,
  field = 'pageToken',
): number | string | undefined {
  if (token === null || token === undefined || token === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (typeof parsed === 'object' && parsed !== null && 'q' in parsed && 'p' in parsed) {
    const { q, p } = parsed;
    if (
      q === fingerprint &&
      ((typeof p === 'number' && Number.isInteger(p) && p >= 0) || typeof p === 'string')
    )
      return p;
  }
  return invalidArgument(`Invalid value for field '${field}': '${token}'. Invalid page token.`, field);
}

/** {@link decodePageToken} for offset tokens: the offset of the page, 0 for the first one. */
export function decodeOffsetToken(
  token: string | null | undefined,
  fingerprint: string,
  field = 'pageToken',
): number {
  const position = decodePageToken(token, fingerprint, field);
  if (position === undefined) return 0;
  if (typeof position !== 'number') {
    return invalidArgument(
      `Invalid value for field '${field}': '${token ?? ''}'. Invalid page token.`,
      field,
    );
  }
  return position;
}

/**
 * The page size in force: the client's request (or the API default when absent or 0), never more
 * than the API maximum nor the emulator's cap.
 */
export function resolvePageSize(
  requested: number | undefined,
  apiDefault: number,
  apiMaximum: number,
  cap: number,
): number {
  const wanted = requested === undefined || requested <= 0 ? apiDefault : requested;
  return Math.max(1, Math.min(wanted, apiMaximum, cap));
}

/**
 * Parses an integer query parameter.
 * @returns `undefined` when absent.
 * @throws GcpRequestError (400) when not a non-negative integer.
 */
export function parseIntegerParameter(value: string | null | undefined, field: string): number | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (!/^-?\d+$/.test(value.trim())) {
    return invalidArgument(`Invalid value for field '${field}': '${value}'. Expected an integer.`, field);
  }
  const number = Number(value);
  if (number < 0)
    return invalidArgument(`Invalid value for field '${field}': '${value}'. Must be non-negative.`, field);
  return number;
}

/** Parses a boolean query parameter (`true`/`false`, case-insensitive); `undefined` when absent. */
export function parseBooleanParameter(value: string | null | undefined, field: string): boolean | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const lower = value.toLowerCase();
  if (lower === 'true' || lower === '1') return true;
  if (lower === 'false' || lower === '0') return false;
  return invalidArgument(`Invalid value for field '${field}': '${value}'. Expected a boolean.`, field);
}

/** One page of an already ordered list. */
export interface PageSlice<T> {
  readonly items: readonly T[];
  /** Offset of the next page, `undefined` on the last page. */
  readonly nextOffset?: number;
}

/** Cuts one page out of an ordered list. */
export function slicePage<T>(items: readonly T[], offset: number, size: number): PageSlice<T> {
  const page = items.slice(offset, offset + size);
  const next = offset + size;
  return next < items.length ? { items: page, nextOffset: next } : { items: page };
}
