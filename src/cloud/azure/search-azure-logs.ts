import { createHash } from 'node:crypto';
import { SreError } from '../../core/errors/sre-error.js';
import type {
  LogRecord,
  LogSearchRequest,
  LogSearchResult,
  ScopeTarget,
} from '../../core/ports/cloud-port.js';
import type { AzureAdapterContext } from './azure-adapter-context.js';
import { buildLogSearchQuery, TABLE_SHAPES } from './build-kql-query.js';
import { parseLogGroupId, toLogGroupId, type LogGroupRef, type LogTable } from './log-group-id.js';
import { mapWithConcurrency } from '../shared/map-with-concurrency.js';
import { queryLogAnalytics, type LogRow } from './query-log-analytics.js';
import { toIsoTime } from './to-iso-time.js';
import { compareLogRecords } from '../shared/compare-log-records.js';

/** Sources per query: keeps the `in (…)` list, and so the query text, small. */
export const SOURCES_PER_QUERY = 50;

/** One query to run: a workspace table and some of its sources. */
interface SearchBatch {
  readonly workspaceId: string;
  readonly table: LogTable;
  /** Requested log group ids by lower-case source, to label the rows. */
  readonly groups: ReadonlyMap<string, string>;
}

function toBatches(refs: readonly LogGroupRef[]): SearchBatch[] {
  const byTable = new Map<string, { workspaceId: string; table: LogTable; groups: Map<string, string> }>();
  for (const ref of refs) {
    const key = `${ref.workspaceId}/${ref.table}`;
    let entry = byTable.get(key);
    if (entry === undefined)
      byTable.set(key, (entry = { workspaceId: ref.workspaceId, table: ref.table, groups: new Map() }));
    entry.groups.set(ref.source.toLowerCase(), toLogGroupId(ref));
  }
  const batches: SearchBatch[] = [];
  for (const entry of [...byTable.values()].sort((a, b) =>
    `${a.workspaceId}/${a.table}` < `${b.workspaceId}/${b.table}` ? -1 : 1,
  )) {
    const sources = [...entry.groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (let index = 0; index < sources.length; index += SOURCES_PER_QUERY) {
      batches.push({
        workspaceId: entry.workspaceId,
        table: entry.table,
        groups: new Map(sources.slice(index, index + SOURCES_PER_QUERY)),
      });
    }
  }
  return batches;
}

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined || value === null) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return value instanceof Date ? value.toISOString() : JSON.stringify(value);
}

/**
 * Log Analytics rows carry no id, so an event id is derived from what identifies the row: its
 * log group, time and text, plus its rank among identical rows of the same result.
 */
function eventIdOf(logGroup: string, timestamp: string, message: string, occurrence: number): string {
  const digest = createHash('sha256')
    .update(`${logGroup}\n${timestamp}\n${message}`)
    .digest('hex')
    .slice(0, 20);
  return occurrence === 0 ? digest : `${digest}-${occurrence}`;
}

function toLogRecord(
  row: LogRow,
  batch: SearchBatch,
  scope: ScopeTarget,
  seen: Map<string, number>,
): LogRecord | undefined {
  const shape = TABLE_SHAPES[batch.table];
  const logGroup = batch.groups.get(text(row[shape.sourceColumn]).toLowerCase());
  const time = row.TimeGenerated;
  const timestamp = time instanceof Date || typeof time === 'string' ? toIsoTime(time) : undefined;
  // A row of a source nobody asked for, or without a time, cannot be placed: the query already
  // selects by source and time, so this only guards against a misbehaving service.
  if (logGroup === undefined || timestamp === undefined) return undefined;
  const message = text(row[shape.messageColumn]);
  const identity = `${logGroup}\n${timestamp}\n${message}`;
  const occurrence = seen.get(identity) ?? 0;
  seen.set(identity, occurrence + 1);
  return {
    provider: 'azure',
    account: scope.account,
    region: scope.region,
    logGroup,
    stream: text(row[shape.streamColumn]),
    timestamp,
    message,
    eventId: eventIdOf(logGroup, timestamp, message, occurrence),
  };
}

/**
 * Searches log groups (see `listLogGroups`) with Log Analytics queries: one per workspace table
 * and up to {@link SOURCES_PER_QUERY} sources, window `[start, end)`, level and pattern as KQL
 * conditions built by `buildLogSearchQuery` (user text is always a quoted literal), oldest first.
 * Each query asks for one row more than the cap, so `truncated` is true only when more matching
 * events exist; the result keeps the oldest `min(request.limit, logEventLimit)` events, sorted by
 * time, log group and event id.
 * @throws SreError `CLOUD_NOT_FOUND` for an id that is not an Azure log group of this adapter.
 */
export async function searchAzureLogs(
  context: AzureAdapterContext,
  request: LogSearchRequest,
  scope: ScopeTarget,
  signal?: AbortSignal,
): Promise<LogSearchResult> {
  const limit = Math.min(request.limit, context.logEventLimit);
  const refs: LogGroupRef[] = [];
  for (const id of new Set(request.logGroups)) {
    const ref = parseLogGroupId(id);
    if (ref === undefined) {
      throw new SreError(
        'CLOUD_NOT_FOUND',
        `"${id}" is not an Azure log group (expected {workspaceId}/{table}/{source}).`,
        {
          details: { provider: 'azure', operation: 'Query_Execute', resource: id },
        },
      );
    }
    refs.push(ref);
  }
  if (limit <= 0 || request.end.getTime() <= request.start.getTime() || refs.length === 0)
    return { events: [], truncated: false };

  const window = { start: request.start, end: request.end };
  const perBatch = await mapWithConcurrency(toBatches(refs), context.concurrency, async (batch) => {
    const query = buildLogSearchQuery({
      table: batch.table,
      sources: [...batch.groups.keys()],
      start: request.start,
      end: request.end,
      pattern: request.pattern,
      level: request.level,
      // One more than the cap, to learn whether the cap truncates.
      take: limit + 1,
    });
    const result = await queryLogAnalytics(context, scope, batch.workspaceId, query, window, signal);
    if (result.partialError !== undefined) {
      context.warn(
        `Log Analytics returned partial results for workspace ${batch.workspaceId} (${batch.table}): ${result.partialError}`,
      );
    }
    const seen = new Map<string, number>();
    const events: LogRecord[] = [];
    for (const row of result.rows) {
      const event = toLogRecord(row, batch, scope, seen);
      if (event !== undefined) events.push(event);
    }
    return events;
  });
  const events = perBatch.flat().sort(compareLogRecords);
  return { events: events.slice(0, limit), truncated: events.length > limit };
}
