import type { ResourceRecord, ScopeTarget } from '../../core/ports/cloud-port.js';
import type { GcpAdapterContext } from './gcp-adapter-context.js';
import { pageSizeFor } from '../shared/page-size-for.js';
import type { ListLogsResponse } from './gcp-sdk-types.js';
import { pageTokenOf, readGcpPages } from './read-gcp-pages.js';
import { sortById } from '../shared/sort-by-id.js';
import { toCallKey } from './to-call-key.js';
import { toLogGroupRecord, toLogId } from './to-log-group-record.js';

/** `logs.list` returns at most 1,000 log names per page. */
const LOGS_MAX_PAGE_SIZE = 1000;

/**
 * True for Cloud Audit Logs (`cloudaudit.googleapis.com/activity`, `/data_access`, `/system_event`,
 * `/policy`): they are read by `lookupAudit`, and listing them as log groups would make an
 * untargeted log search return audit records as log lines.
 */
export function isAuditLog(logName: string): boolean {
  return toLogId(logName).startsWith('cloudaudit.googleapis.com/');
}

/**
 * Every log of a project that holds entries (`logs.list`, all pages) as log groups, Cloud Audit
 * Logs excepted (see {@link isAuditLog}), sorted by id. Logs are project-wide (region `global`),
 * so a regional scope returns none.
 */
export async function listLogGroups(
  context: GcpAdapterContext,
  scope: ScopeTarget,
  signal?: AbortSignal,
): Promise<ResourceRecord[]> {
  if (scope.region !== 'global') return [];
  const client = await context.pool.get('logging');
  const key = toCallKey(scope, 'logging', 'logs.list');
  const names: string[] = [];
  await readGcpPages<ListLogsResponse>(
    context.runner,
    key,
    (token, abortSignal) =>
      client.listLogs(
        {
          parent: `projects/${scope.account}`,
          pageSize: pageSizeFor(context, 1, LOGS_MAX_PAGE_SIZE),
          ...pageTokenOf(token),
        },
        { signal: abortSignal },
      ),
    (page) => page.nextPageToken,
    (page) => {
      names.push(...(page.logNames ?? []));
      return true;
    },
    { signal },
  );
  const unique = [...new Set(names)].filter((name) => !isAuditLog(name));
  return sortById(unique.map((name) => toLogGroupRecord(name, scope.account)));
}
