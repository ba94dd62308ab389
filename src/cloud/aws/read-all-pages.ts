import { SreError } from '../../core/errors/sre-error.js';

/**
 * Reads pages until the API returns no continuation token (or `onPage` returns `false`). Each
 * `fetchPage` is expected to be one runner call. A token the API already returned is a server bug
 * that would loop forever, so it fails as a malformed response instead.
 */
export async function readAllPages<P>(
  operation: string,
  fetchPage: (token: string | undefined) => Promise<P>,
  nextToken: (page: P) => string | undefined,
  onPage: (page: P) => boolean | undefined,
): Promise<void> {
  const seen = new Set<string>();
  let token: string | undefined;
  for (;;) {
    const page = await fetchPage(token);
    if (onPage(page) === false) return;
    const next = nextToken(page);
    if (next === undefined || next === '') return;
    if (seen.has(next)) {
      throw new SreError(
        'CLOUD_MALFORMED_RESPONSE',
        `AWS ${operation} returned a page token it had already returned; paging stopped to avoid an endless loop.`,
        {
          details: { provider: 'aws', operation },
        },
      );
    }
    seen.add(next);
    token = next;
  }
}
