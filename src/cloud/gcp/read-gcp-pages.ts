import type { CallKey, CallRunner } from '../../core/ports/call-runner.js';
import { readTokenPages } from '../shared/read-token-pages.js';
import type { CloudCallOptions } from '../shared/run-cloud-call.js';
import { runGcpCall } from './run-gcp-call.js';

/**
 * Reads every page of a GCP listing, one {@link runGcpCall} per page (so a retry repeats that
 * page only), until the API returns no page token or `onPage` returns `false`. A token the API
 * already returned fails as `CLOUD_MALFORMED_RESPONSE` (see `readTokenPages`).
 * @param fetchPage sends the request for the page that starts at `token` (`undefined` = the first;
 *   see {@link pageTokenOf}).
 */
export function readGcpPages<P>(
  runner: CallRunner,
  key: CallKey,
  fetchPage: (token: string | undefined, abortSignal: AbortSignal) => Promise<P>,
  nextToken: (page: P) => string | null | undefined,
  onPage: (page: P) => boolean | undefined,
  options: CloudCallOptions = {},
): Promise<void> {
  return readTokenPages(
    { provider: 'gcp', operation: key.operation, tokenName: 'page token' },
    (token) => runGcpCall(runner, key, (abortSignal) => fetchPage(token, abortSignal), options),
    nextToken,
    onPage,
  );
}

/** The `pageToken` request field for a page token: absent for the first page. */
export function pageTokenOf(token: string | undefined): { pageToken?: string } {
  return token === undefined ? {} : { pageToken: token };
}
