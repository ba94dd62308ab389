import { SreError } from '../../core/errors/sre-error.js';

/**
 * Reads pages until the API returns no page token (or `onPage` returns `false`). Each
 * `fetchPage` is expected to be one runner call. A token the API already returned is a server bug
 * that would loop forever, so it fails as a malformed response instead.
 */
export async function readGcpPages<P>(
  operation: string,
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
        `GCP ${operation} returned a page token it had already returned; paging stopped to avoid an endless loop.`,
        { details: { provider: 'gcp', operation } },
      );
    }
    seen.add(next);
    token = next;
  }
}
