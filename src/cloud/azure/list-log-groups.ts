import { SreError } from '../../core/errors/sre-error.js';
import type { ResourceRecord, ScopeTarget } from '../../core/ports/cloud-port.js';
import type { AzureAdapterContext } from './azure-adapter-context.js';
import { buildSourceDiscoveryQuery, DISCOVERY_COLUMNS } from './build-kql-query.js';
import { listWorkspaces } from './list-workspaces.js';
import { LOG_TABLES } from './log-group-id.js';
import { mapWithConcurrency } from '../shared/map-with-concurrency.js';
import { queryLogAnalytics } from './query-log-analytics.js';
import { sortById } from '../shared/sort-by-id.js';
import { toIsoTime } from './to-iso-time.js';
import { toLogGroupRecord } from './to-log-group-record.js';

/** True for Log Analytics' "this table does not exist in the workspace" (no solution writes to it). */
function isMissingTable(error: unknown): boolean {
  return (
    error instanceof SreError &&
    error.code === 'CLOUD_INVALID_PARAMETER' &&
    /resolve table|could not be resolved|unknown table|table .* not found/i.test(error.message)
  );
}

/**
 * The log groups of a subscription. Azure has no CloudWatch-style log group: logs are rows of
 * tables in Log Analytics workspaces, tagged with their source. A log group here is one source in
 * one table of one workspace, the unit an SRE asks about ("logs of the payments function app"):
 * - `AppTraces/{AppRoleName}`: Application Insights traces of a function app (or any app);
 * - `Syslog/{VM}`: a VM's syslog, keyed by the VM's `_ResourceId`;
 * - `ContainerLogV2/{container}`: a container's output collected by Container insights.
 *
 * The workspaces come from ARM (`Workspaces_List`); the sources from the workspaces themselves:
 * one `summarize … by` query per workspace and table over the last `logSourceLookbackMs`
 * (24 hours by default), so a source that wrote nothing in that window is not listed. A workspace
 * without one of the tables simply has no sources there. Log groups take the workspace's region.
 */
export async function listLogGroups(
  context: AzureAdapterContext,
  scope: ScopeTarget,
  signal?: AbortSignal,
): Promise<ResourceRecord[]> {
  const workspaces = await listWorkspaces(context, scope, signal);
  const end = context.now();
  const start = new Date(end.getTime() - context.logSourceLookbackMs);
  const scans = workspaces.flatMap((workspace) => LOG_TABLES.map((table) => ({ workspace, table })));
  const found = await mapWithConcurrency(scans, context.concurrency, async ({ workspace, table }) => {
    let result;
    try {
      result = await queryLogAnalytics(
        context,
        scope,
        workspace.customerId,
        buildSourceDiscoveryQuery(table, start, end),
        { start, end },
        signal,
      );
    } catch (error) {
      if (isMissingTable(error)) return [];
      throw error;
    }
    if (result.partialError !== undefined) {
      context.warn(
        `Log Analytics workspace ${workspace.name} answered the ${table} source scan only in part (${result.partialError}); some log groups may be missing.`,
      );
    }
    const records: ResourceRecord[] = [];
    for (const row of result.rows) {
      const source = row[DISCOVERY_COLUMNS.source];
      if (typeof source !== 'string' || source === '') continue;
      const events = row[DISCOVERY_COLUMNS.events];
      const lastSeen = row[DISCOVERY_COLUMNS.lastSeen];
      records.push(
        toLogGroupRecord({ workspaceId: workspace.customerId, table, source }, workspace, scope.account, {
          events: typeof events === 'number' ? events : undefined,
          lastEventTime:
            lastSeen instanceof Date || typeof lastSeen === 'string' ? toIsoTime(lastSeen) : undefined,
        }),
      );
    }
    return records;
  });
  return sortById(found.flat());
}
