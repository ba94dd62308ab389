import type { ResourceRecord, ScopeTarget } from '../../core/ports/cloud-port.js';
import type { GcpAdapterContext } from './gcp-adapter-context.js';
import { pageSizeFor } from '../shared/page-size-for.js';
import type { SqlInstance, SqlInstancesListResponse } from './gcp-sdk-types.js';
import { inRegion } from '../shared/in-region.js';
import { pageTokenOf, readGcpPages } from './read-gcp-pages.js';
import { sortById } from '../shared/sort-by-id.js';
import { toCallKey } from './to-call-key.js';
import { toDatabaseRecord } from './to-database-record.js';

/** Cloud SQL `instances.list` returns at most 1,000 instances per page. */
const SQL_MAX_RESULTS = 1000;

/**
 * Every Cloud SQL instance of a project (`instances.list`, all pages), normalized and sorted by
 * id; with a regional scope only that region's instances.
 */
export async function listDatabases(
  context: GcpAdapterContext,
  scope: ScopeTarget,
  signal?: AbortSignal,
): Promise<ResourceRecord[]> {
  const client = await context.pool.get('sqladmin');
  const key = toCallKey(scope, 'sqladmin', 'instances.list');
  const instances: SqlInstance[] = [];
  await readGcpPages<SqlInstancesListResponse>(
    context.runner,
    key,
    (token, abortSignal) =>
      client.listInstances(
        {
          project: scope.account,
          maxResults: pageSizeFor(context, 1, SQL_MAX_RESULTS),
          ...pageTokenOf(token),
        },
        { signal: abortSignal },
      ),
    (page) => page.nextPageToken,
    (page) => {
      instances.push(...(page.items ?? []));
      return true;
    },
    { signal },
  );
  return sortById(
    inRegion(
      instances.map((instance) => toDatabaseRecord(instance, scope.account)),
      scope,
    ),
  );
}
