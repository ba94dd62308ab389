import type { CallKey, CallRunner } from '../../core/ports/call-runner.js';
import { readTokenPages } from '../shared/read-token-pages.js';
import type { CloudCallOptions } from '../shared/run-cloud-call.js';
import { runAzureCall } from './run-azure-call.js';

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
export function readArmPages<T>(
  operation: string,
  fetchPage: (nextLink: string | undefined) => Promise<ArmPage<T>>,
  onPage: (items: readonly T[]) => boolean | undefined,
): Promise<void> {
  return readTokenPages(
    { provider: 'azure', operation, tokenName: 'nextLink' },
    fetchPage,
    (page) => page.nextLink,
    (page) => onPage(page.items),
  );
}

/**
 * {@link readArmPages} with one {@link runAzureCall} per page under `key`.
 * @param fetchPage reads the page at `nextLink` (`undefined` = the first) under `abortSignal`.
 */
export function readAzurePages<T>(
  runner: CallRunner,
  key: CallKey,
  fetchPage: (nextLink: string | undefined, abortSignal: AbortSignal) => Promise<ArmPage<T>>,
  onPage: (items: readonly T[]) => boolean | undefined,
  options: CloudCallOptions = {},
): Promise<void> {
  return readArmPages<T>(
    key.operation,
    (nextLink) => runAzureCall(runner, key, (abortSignal) => fetchPage(nextLink, abortSignal), options),
    onPage,
  );
}

/** An Azure SDK listing (`PagedAsyncIterableIterator`), as far as paging needs it. */
export interface AzurePagedList<P> {
  byPage(settings?: { continuationToken?: string }): AsyncIterableIterator<P>;
}

/**
 * Every page of an Azure SDK listing through the runner ({@link readAzurePages}): each page opens
 * a fresh listing with the attempt's signal and takes its first page from the previous page's
 * link ({@link takeFirstPage}).
 * @param list starts the SDK listing with the attempt's `abortSignal` in its options.
 * @param continuationOf how this SDK exposes a page's next link (see {@link takeFirstPage}).
 */
export function readSdkPages<P extends readonly unknown[]>(
  runner: CallRunner,
  key: CallKey,
  list: (abortSignal: AbortSignal) => AzurePagedList<P>,
  continuationOf: (page: P) => string | undefined,
  onPage: (items: readonly P[number][]) => boolean | undefined,
  options: CloudCallOptions = {},
): Promise<void> {
  return readAzurePages<P[number]>(
    runner,
    key,
    (nextLink, abortSignal) =>
      takeFirstPage(
        list(abortSignal).byPage(nextLink === undefined ? {} : { continuationToken: nextLink }),
        continuationOf,
      ),
    onPage,
    options,
  );
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
