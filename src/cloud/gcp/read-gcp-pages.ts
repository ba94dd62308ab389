import { type ReadPages, readPagesThrough } from '../shared/read-token-pages.js';
import { runGcpCall } from './run-gcp-call.js';

/**
 * Reads every page of a GCP listing, one {@link runGcpCall} per page, until the API returns no
 * page token or `onPage` returns `false`; a token the API already returned fails as
 * `CLOUD_MALFORMED_RESPONSE` (see `readPagesThrough`). Requests take the token with
 * {@link pageTokenOf}.
 */
export const readGcpPages: ReadPages = readPagesThrough(runGcpCall, {
  provider: 'gcp',
  tokenName: 'page token',
});

/** The `pageToken` request field for a page token: absent for the first page. */
export function pageTokenOf(token: string | undefined): { pageToken?: string } {
  return token === undefined ? {} : { pageToken: token };
}
