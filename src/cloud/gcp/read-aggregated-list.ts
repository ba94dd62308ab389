import { SreError } from '../../core/errors/sre-error.js';
import type { ScopeTarget } from '../../core/ports/cloud-port.js';
import type { GcpCallOptions, GcpComputeClient } from './gcp-client-factory.js';
import type { GcpAdapterContext } from './gcp-adapter-context.js';
import { pageSizeFor } from '../shared/page-size-for.js';
import { pageTokenOf, readGcpPages } from './read-gcp-pages.js';
import { toCallKey } from './to-call-key.js';

/** Compute caps `maxResults` at 500. */
const COMPUTE_MAX_RESULTS = 500;

/** One scope entry of an aggregated list page (`zones/us-central1-a` → `{ instances, warning }`). */
interface ScopedList<T> {
  readonly warning?: { readonly code?: string | null; readonly message?: string | null } | null;
  readonly items: readonly T[];
}

/** An aggregated list page, reduced to what paging needs. */
interface AggregatedPage {
  readonly nextPageToken?: string | null;
  readonly unreachables?: readonly string[] | null;
}

/** The collection an aggregated list reads. */
export interface AggregatedCollection<P extends AggregatedPage, T> {
  /** API method name, for call keys and errors (`instances.aggregatedList`). */
  readonly operation: string;
  readonly fetch: (
    client: GcpComputeClient,
    request: { project: string; maxResults: number; pageToken?: string },
    options: GcpCallOptions,
  ) => Promise<P>;
  /** The scope entries of a page. */
  readonly scopes: (page: P) => readonly ScopedList<T>[];
}

function incomplete(operation: string, project: string, where: readonly string[]): SreError {
  return new SreError(
    'CLOUD_UNAVAILABLE',
    `GCP ${operation} in project ${project} could not read ${where.join(', ')}; the list would be incomplete.`,
    { details: { provider: 'gcp', operation, project, unreachable: [...where] } },
  );
}

/**
 * Reads every page of a Compute `aggregatedList` (all zones and regions of the project at once),
 * one runner call per page. A page that reports unreachable zones fails the listing with
 * `CLOUD_UNAVAILABLE` (retryable) instead of silently returning a partial list.
 */
export async function readAggregatedList<P extends AggregatedPage, T>(
  context: GcpAdapterContext,
  scope: ScopeTarget,
  collection: AggregatedCollection<P, T>,
  signal?: AbortSignal,
): Promise<T[]> {
  const client = await context.pool.get('compute');
  const key = toCallKey(scope, 'compute', collection.operation);
  const items: T[] = [];
  await readGcpPages<P>(
    context.runner,
    key,
    async (token, abortSignal) => {
      const page = await collection.fetch(
        client,
        {
          project: scope.account,
          maxResults: pageSizeFor(context, 1, COMPUTE_MAX_RESULTS),
          ...pageTokenOf(token),
        },
        { signal: abortSignal },
      );
      // Inside the attempt, so that the runner retries the page like any unavailable answer.
      const unreachable = [...(page.unreachables ?? [])];
      for (const scoped of collection.scopes(page)) {
        if (scoped.warning?.code === 'UNREACHABLE') unreachable.push(scoped.warning.message ?? 'a zone');
      }
      if (unreachable.length > 0) throw incomplete(collection.operation, scope.account, unreachable);
      return page;
    },
    (page) => page.nextPageToken,
    (page) => {
      for (const scoped of collection.scopes(page)) items.push(...scoped.items);
      return true;
    },
    { signal },
  );
  return items;
}
