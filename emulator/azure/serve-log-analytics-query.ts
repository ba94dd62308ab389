import type { EstateLogGroup } from '../estate/model.js';
import type { WireRequest } from '../server/wire.js';
import type { AzureServeContext } from './azure-route.js';
import type { WorkspaceEntry } from './create-azure-catalog.js';
import { executeKql, type KqlCell, type KqlResult } from './execute-kql.js';
import { KqlError } from './kql-syntax.js';
import {
  badArgumentError,
  kqlErrorToLogAnalyticsError,
  workspaceNotFoundError,
  type LogAnalyticsError,
} from './log-analytics-errors.js';
import {
  createLogAnalyticsTable,
  logAnalyticsColumns,
  type LogGroupContext,
} from './log-analytics-tables.js';
import { parseIsoInterval } from './parse-iso-duration.js';
import { parseKql } from './parse-kql.js';
import { readQueryParameter } from './read-query-parameter.js';

/** Log Analytics caps a result at 500,000 rows and says so in a partial error. */
const MAX_ROWS = 500_000;
const DAY_MS = 86_400_000;

/** The request of a query: the KQL text, its time range and the extra workspaces. */
interface QueryRequest {
  readonly query: string;
  readonly timespan?: string;
  readonly workspaces: readonly string[];
}

/** The outcome of a query: a 200 body, or an error of the API. */
export type LogAnalyticsOutcome = { readonly body: string } | LogAnalyticsError;

function readQueryRequest(request: WireRequest): QueryRequest | LogAnalyticsError {
  if (request.method.toUpperCase() === 'GET') {
    const query = readQueryParameter(request.url, 'query');
    if (query === undefined) return badArgumentError('MissingArgument', "The 'query' parameter is required.");
    const timespan = readQueryParameter(request.url, 'timespan');
    return { query, ...(timespan === undefined ? {} : { timespan }), workspaces: [] };
  }
  let body: unknown;
  try {
    body = JSON.parse(request.body.toString('utf8'));
  } catch {
    return badArgumentError('InvalidBody', 'The request body is not valid JSON.');
  }
  if (typeof body !== 'object' || body === null)
    return badArgumentError('InvalidBody', 'The request body must be a JSON object.');
  const fields = body as { query?: unknown; timespan?: unknown; workspaces?: unknown };
  if (typeof fields.query !== 'string' || fields.query.trim() === '') {
    return badArgumentError('MissingArgument', "The 'query' property is required.");
  }
  if (fields.timespan !== undefined && fields.timespan !== null && typeof fields.timespan !== 'string') {
    return badArgumentError('InvalidArgument', "The 'timespan' property must be an ISO 8601 interval.");
  }
  const workspaces = Array.isArray(fields.workspaces)
    ? fields.workspaces.filter((item): item is string => typeof item === 'string')
    : [];
  return {
    query: fields.query,
    ...(typeof fields.timespan === 'string' ? { timespan: fields.timespan } : {}),
    workspaces,
  };
}

function cellJson(cell: KqlCell, type: string): KqlCell {
  return type === 'datetime' && typeof cell === 'number' ? new Date(cell).toISOString() : cell;
}

function toResponseBody(result: KqlResult): string {
  const table = {
    name: 'PrimaryResult',
    columns: result.columns.map((column) => ({ name: column.name, type: column.type })),
    rows: result.rows.map((row) =>
      row.map((cell, index) => cellJson(cell, result.columns[index]?.type ?? 'string')),
    ),
  };
  const error = result.truncated
    ? {
        code: 'PartialError',
        message: 'There were some errors when processing your query.',
        details: [
          {
            code: 'EngineError',
            message: 'Something went wrong processing your query on the server.',
            innererror: {
              code: '-2133196797',
              message: `Query result set has exceeded the internal record count limit ${MAX_ROWS} (E_QUERY_RESULT_SET_TOO_LARGE; see https://aka.ms/kustoquerylimits)`,
              severity: 2,
              severityName: 'Error',
            },
          },
        ],
      }
    : undefined;
  return JSON.stringify({ tables: [table], error });
}

/** The name of the resource a log group belongs to: the site or VM, else the group's own suffix. */
function resourceNameOf(context: AzureServeContext, group: EstateLogGroup): string {
  if (group.resourceId !== undefined) {
    const site = context.catalog.sites().byId(group.resourceId);
    if (site) return site.site.name;
    const vm = context.catalog.virtualMachines().byId(group.resourceId);
    if (vm) return vm.instance.name;
  }
  const suffix = group.name.split('/').slice(1).join('/');
  return suffix === '' ? group.name : suffix;
}

/** What a query reads: the workspaces, optionally only the rows of one resource. */
export interface QueryScope {
  readonly workspaces: readonly WorkspaceEntry[];
  /** Lower-case ARM id: keep only the log groups of this resource (resource-centric queries). */
  readonly resourceId?: string;
}

/**
 * Runs a Log Analytics query (`POST /v1/workspaces/{id}/query`, its GET form, or the
 * resource-centric `/{resourceId}/query`) over the estate's Azure log groups. The time range is
 * the body's `timespan` (ISO 8601 interval or duration, relative to the estate's now), clamped to
 * the workspace retention before now; without one, the whole retention. Extra workspaces named in
 * `workspaces` are queried too. The KQL subset is documented on `parseKql`.
 */
export function serveLogAnalyticsQuery(
  request: WireRequest,
  context: AzureServeContext,
  scope: QueryScope,
): LogAnalyticsOutcome {
  const parsedRequest = readQueryRequest(request);
  if ('status' in parsedRequest) return parsedRequest;
  const workspaces = [...scope.workspaces];
  for (const id of parsedRequest.workspaces) {
    const extra = context.catalog.workspaceByCustomerId(id);
    if (!extra) return workspaceNotFoundError(id);
    if (!workspaces.includes(extra)) workspaces.push(extra);
  }
  const nowMs = context.catalog.nowMs;
  const retentionDays = Math.max(...workspaces.map((workspace) => workspace.facts.retentionInDays), 30);
  let window = { startMs: nowMs - retentionDays * DAY_MS, endMs: nowMs };
  if (parsedRequest.timespan !== undefined) {
    const requested = parseIsoInterval(parsedRequest.timespan, nowMs);
    if (requested === undefined) {
      return badArgumentError(
        'InvalidTimespan',
        `The timespan '${parsedRequest.timespan}' is not a valid ISO 8601 interval.`,
      );
    }
    window = {
      startMs: Math.max(window.startMs, requested.startMs),
      endMs: Math.min(window.endMs, requested.endMs),
    };
  }
  try {
    const query = parseKql(parsedRequest.query, { nowMs });
    const columns = logAnalyticsColumns(query.table);
    if (columns === undefined) {
      throw new KqlError(
        'SemanticError',
        `'${query.table}' operator: Failed to resolve table or column expression named '${query.table}'`,
      );
    }
    const groups: EstateLogGroup[] = workspaces
      .flatMap((workspace) => workspace.logGroups)
      .filter(
        (group) =>
          scope.resourceId === undefined || (group.resourceId ?? '').toLowerCase() === scope.resourceId,
      );
    const contexts = groups.map((group): LogGroupContext => ({
      group,
      resourceId: (group.resourceId ?? '').toLowerCase(),
      resourceName: resourceNameOf(context, group),
    }));
    const table = createLogAnalyticsTable(query.table, contexts);
    const result = executeKql(query, table, { window, maxRows: MAX_ROWS });
    return { body: toResponseBody(result) };
  } catch (error) {
    if (error instanceof KqlError) return kqlErrorToLogAnalyticsError(error);
    throw error;
  }
}
