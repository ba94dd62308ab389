import { createHash } from 'node:crypto';

/** What a page token carries: a cursor (offset, last id…) scoped to one operation and request. */
export type PageCursor = Readonly<Record<string, string | number>>;

function fingerprintOf(scope: string): string {
  return createHash('sha256').update(scope).digest('base64url').slice(0, 12);
}

/**
 * Encodes an opaque page token (base64 of JSON, as EC2 and many AWS APIs' tokens look). The token
 * is bound to `scope` (operation + the request parameters that shape the result), so a token
 * replayed with other parameters is rejected instead of silently returning a wrong page.
 */
export function encodePageToken(scope: string, cursor: PageCursor): string {
  return Buffer.from(JSON.stringify({ v: 1, s: fingerprintOf(scope), c: cursor })).toString('base64');
}

/**
 * Decodes a token made by {@link encodePageToken} for the same scope.
 * @returns the cursor, or `undefined` when the token is malformed or was issued for another request.
 */
export function decodePageToken(scope: string, token: string): PageCursor | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64').toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const { v, s, c } = parsed as { v?: unknown; s?: unknown; c?: unknown };
    if (v !== 1 || s !== fingerprintOf(scope) || typeof c !== 'object' || c === null) return undefined;
    for (const value of Object.values(c))
      if (typeof value !== 'string' && typeof value !== 'number') return undefined;
    return c as PageCursor;
  } catch {
    return undefined;
  }
}

/** The numeric `offset` of a decoded cursor, or `undefined` when absent or not a non-negative integer. */
export function cursorOffset(cursor: PageCursor | undefined): number | undefined {
  const offset = cursor?.o;
  return typeof offset === 'number' && Number.isInteger(offset) && offset >= 0 ? offset : undefined;
}
