import { SreError } from '../../core/errors/sre-error.js';

/** One page of an ARM list and the link to the next (absent on the last page). */
export interface ArmPage<T> {
  readonly items: readonly T[];
  readonly nextLink: string | undefined;
}

/**
 * Reads pages until the service returns no `nextLink` (or `onPage` returns `false`). Each
 * `fetchPage` is expected to be one runner call that starts from the given link (`undefined` =
 * the first page), so a retried page resumes where the listing stopped. A link the service
 * already returned is a server bug that would loop forever, so it fails as a malformed response.
 */
export async function readArmPages<T>(
  operation: string,
  fetchPage: (nextLink: string | undefined) => Promise<ArmPage<T>>,
  onPage: (items: readonly T[]) => boolean | undefined,
): Promise<void> {
  const seen = new Set<string>();
  let link: string | undefined;
  for (;;) {
    const page = await fetchPage(link);
    if (onPage(page.items) === false) return;
    const next = page.nextLink;
    if (next === undefined || next === '') return;
    if (seen.has(next)) {
      throw new SreError(
        'CLOUD_MALFORMED_RESPONSE',
        `Azure ${operation} returned a nextLink it had already returned; paging stopped to avoid an endless loop.`,
        { details: { provider: 'azure', operation } },
      );
    }
    seen.add(next);
    link = next;
  }
}

/**
 * The first page of an SDK page iterator (`byPage({ continuationToken })`), then the iterator is
 * closed. Opening a fresh iterator per page, with the attempt's own abort signal in its options,
 * is what lets a retry restart exactly the failed page: the SDKs' page generators cannot go on
 * after an error, but they all start from a continuation token (the page's `nextLink`).
 * @param continuationOf how this SDK exposes a page's next link (`page.continuationToken` for the
 *   TypeSpec-generated clients, the package's `getContinuationToken(page)` for the AutoRest ones).
 */
export async function takeFirstPage<T, P extends readonly T[]>(
  pages: AsyncIterableIterator<P>,
  continuationOf: (page: P) => string | undefined,
): Promise<ArmPage<T>> {
  try {
    const result = await pages.next();
    if (result.done === true) return { items: [], nextLink: undefined };
    return { items: result.value, nextLink: continuationOf(result.value) };
  } finally {
    await pages.return?.();
  }
}
