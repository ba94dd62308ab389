import { SreError } from '../../core/errors/sre-error.js';
import type { CallKey, CallRunner } from '../../core/ports/call-runner.js';
import type { Provider } from '../../core/ports/cloud-port.js';
import { CLOUD_LABELS } from './cloud-labels.js';
import type { CloudCallOptions, RunCloudCall } from './run-cloud-call.js';

/** Names the listing in the error of a repeated token. */
export interface PagedListing {
  readonly provider: Provider;
  /** The API operation, for the error. */
  readonly operation: string;
  /** What the API calls its continuation token (`page token`, `nextLink`), for the error. */
  readonly tokenName: string;
}

/**
 * Reads pages until the API returns no continuation token (absent, `null` or empty) or `onPage`
 * returns `false`. Each `fetchPage` is expected to be one runner call that starts from the given
 * token (`undefined` = the first page), so a retried page resumes where the listing stopped. A
 * token the API already returned is a server bug that would loop forever, so it fails as
 * `CLOUD_MALFORMED_RESPONSE` instead.
 */
export async function readTokenPages<P>(
  listing: PagedListing,
  fetchPage: (token: string | undefined) => Promise<P>,
  nextToken: (page: P) => string | null | undefined,
  onPage: (page: P) => boolean | undefined,
): Promise<void> {
  const seen = new Set<string>();
  let token: string | undefined;
  for (;;) {
    const page = await fetchPage(token);
    if (onPage(page) === false) return;
    const next = nextToken(page);
    if (next === undefined || next === null || next === '') return;
    if (seen.has(next)) {
      throw new SreError(
        'CLOUD_MALFORMED_RESPONSE',
        `${CLOUD_LABELS[listing.provider]} ${listing.operation} returned a ${listing.tokenName} it had already returned; paging stopped to avoid an endless loop.`,
        { details: { provider: listing.provider, operation: listing.operation } },
      );
    }
    seen.add(next);
    token = next;
  }
}

/** An adapter's "read every page through the runner" (see {@link readPagesThrough}). */
export type ReadPages = <P>(
  runner: CallRunner,
  key: CallKey,
  fetchPage: (token: string | undefined, abortSignal: AbortSignal) => Promise<P>,
  nextToken: (page: P) => string | null | undefined,
  onPage: (page: P) => boolean | undefined,
  options?: CloudCallOptions,
) => Promise<void>;

/**
 * The {@link ReadPages} of an adapter: {@link readTokenPages} under `key.operation`, with one
 * `runCall` per page (so a retry repeats that page only). `fetchPage` sends the request for the
 * page that starts at `token` (`undefined` = the first) under the attempt's `abortSignal`.
 */
export function readPagesThrough(runCall: RunCloudCall, listing: Omit<PagedListing, 'operation'>): ReadPages {
  return (runner, key, fetchPage, nextToken, onPage, options = {}) =>
    readTokenPages(
      { ...listing, operation: key.operation },
      (token) => runCall(runner, key, (abortSignal) => fetchPage(token, abortSignal), options),
      nextToken,
      onPage,
    );
}
