import type { WireRequest } from '../server/wire.js';
import { invalidParameterError, invalidSkipTokenError, type ArmError } from './arm-errors.js';
import { readQueryParameter } from './read-query-parameter.js';
import { requestOrigin, requestPathname } from './request-target.js';

/** Knobs of {@link pageArmList}. */
export interface ArmListOptions {
  /** Most items per page before a `nextLink` (the emulator's Azure page-size cap). */
  readonly pageSize: number;
  /** Honour `$top` as a smaller page size (only APIs that document `$top`). */
  readonly allowTop?: boolean;
  /** Extra top-level members appended after `value`, already serialized (`"count":{…}`). */
  readonly extraMembers?: string;
}

/** A page, or the error to return instead. */
export type ArmListResult =
  { readonly ok: true; readonly body: string } | { readonly ok: false; readonly error: ArmError };

const TOKEN_PREFIX = 'emulator-offset:';
const SKIP_TOKEN_NAMES = new Set(['$skiptoken']);

function encodeSkipToken(offset: number): string {
  return Buffer.from(`${TOKEN_PREFIX}${offset}`, 'utf8').toString('base64url');
}

function decodeSkipToken(token: string): number | undefined {
  const text = Buffer.from(token, 'base64url').toString('utf8');
  if (!text.startsWith(TOKEN_PREFIX)) return undefined;
  const digits = text.slice(TOKEN_PREFIX.length);
  return /^\d{1,9}$/.test(digits) ? Number(digits) : undefined;
}

/** `$` stays literal in names, as in ARM's own nextLinks (`$skiptoken`, `$filter`). */
function encodeName(name: string): string {
  return encodeURIComponent(name).replace(/%24/g, '$');
}

/**
 * The absolute link to the page that starts at `offset`: the request's own origin and path, every
 * query parameter it carried (api-version, `$filter`, `statusOnly`…) and a fresh `$skiptoken`.
 */
function nextLinkFor(request: WireRequest, offset: number): string {
  const parts: string[] = [];
  for (const [name, value] of request.url.searchParams) {
    if (SKIP_TOKEN_NAMES.has(name.toLowerCase())) continue;
    parts.push(`${encodeName(name)}=${encodeURIComponent(value)}`);
  }
  parts.push(`$skiptoken=${encodeSkipToken(offset)}`);
  return `${requestOrigin(request)}${requestPathname(request)}?${parts.join('&')}`;
}

/**
 * One page of an ARM list: `{"value":[…],"nextLink":"…"}`, items serialized by `toJson` (which
 * should return cached strings — only the page's items are touched). The page starts at the
 * offset carried by `$skiptoken` (or `$skipToken`) and holds at most `pageSize` items (or `$top`
 * when allowed); `nextLink` is absent on the last page, like ARM.
 */
export function pageArmList<T>(
  request: WireRequest,
  items: readonly T[],
  toJson: (item: T) => string,
  options: ArmListOptions,
): ArmListResult {
  let offset = 0;
  const token = readQueryParameter(request.url, '$skiptoken');
  if (token !== undefined) {
    const decoded = decodeSkipToken(token);
    if (decoded === undefined) return { ok: false, error: invalidSkipTokenError(token) };
    offset = decoded;
  }
  let size = Math.max(1, Math.floor(options.pageSize));
  if (options.allowTop === true) {
    const top = readQueryParameter(request.url, '$top');
    if (top !== undefined) {
      if (!/^\d{1,9}$/.test(top) || Number(top) < 1) {
        return {
          ok: false,
          error: invalidParameterError(`The value '${top}' of query parameter '$top' is not valid.`),
        };
      }
      size = Math.min(size, Number(top));
    }
  }
  const end = Math.min(items.length, offset + size);
  const values: string[] = [];
  for (let index = offset; index < end; index++) values.push(toJson(items[index]!));
  let body = `{"value":[${values.join(',')}]`;
  if (options.extraMembers !== undefined) body += `,${options.extraMembers}`;
  if (end < items.length) body += `,"nextLink":${JSON.stringify(nextLinkFor(request, end))}`;
  return { ok: true, body: `${body}}` };
}
