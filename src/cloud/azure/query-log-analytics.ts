import type { LogsQueryResult, LogsTable } from '@azure/monitor-query-logs';
import type { ScopeTarget } from '../../core/ports/cloud-port.js';
import type { AzureAdapterContext } from './azure-adapter-context.js';
import { runAzureCall } from './run-azure-call.js';
import { toCallKey } from './to-call-key.js';

/** One result row, by column name (datetime cells are `Date`s, as the SDK returns them). */
export type LogRow = Readonly<Record<string, unknown>>;

/** The rows of a query, and the reason when Log Analytics returned only part of them. */
export interface LogQueryRows {
  readonly rows: readonly LogRow[];
  /** Set when the service answered `PartialFailure` (rows are then incomplete). */
  readonly partialError?: string;
}

function toRows(table: LogsTable | undefined): LogRow[] {
  if (table === undefined) return [];
  const names = table.columnDescriptors.map((column, index) => column.name ?? `Column${index + 1}`);
  return table.rows.map((row) => Object.fromEntries(names.map((name, index) => [name, row[index]])));
}

function toQueryRows(result: LogsQueryResult): LogQueryRows {
  // `partialTables` marks the PartialFailure variant (comparing the status needs the runtime enum).
  if ('partialTables' in result) {
    return {
      rows: toRows(result.partialTables[0]),
      partialError: result.partialError.message ?? result.partialError.code ?? 'partial failure',
    };
  }
  return { rows: toRows(result.tables[0]) };
}

/**
 * Runs one KQL query against one workspace (`Query_Execute`, one runner call) over `[start, end)`
 * (also passed as the API's `timespan`, which bounds what the service scans). The runner key's
 * service is `loganalytics`.
 */
export async function queryLogAnalytics(
  context: AzureAdapterContext,
  scope: ScopeTarget,
  workspaceId: string,
  query: string,
  window: { readonly start: Date; readonly end: Date },
  signal?: AbortSignal,
): Promise<LogQueryRows> {
  const { client } = await context.pool.get('logs', scope.account);
  const key = toCallKey(scope, 'loganalytics', 'Query_Execute');
  return runAzureCall(
    context.runner,
    key,
    async (abortSignal) =>
      toQueryRows(
        await client.queryWorkspace(
          workspaceId,
          query,
          { startTime: window.start, endTime: window.end },
          abortSignal,
        ),
      ),
    { signal, resource: workspaceId },
  );
}
