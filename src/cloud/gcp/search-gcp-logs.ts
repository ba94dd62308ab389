import type {
  LogRecord,
  LogSearchRequest,
  LogSearchResult,
  ScopeTarget,
} from '../../core/ports/cloud-port.js';
import { buildLogFilter, buildLogNameTerm, chunkLogNames } from './build-log-filter.js';
import type { GcpAdapterContext } from './gcp-adapter-context.js';
import { pageSizeFor } from '../shared/page-size-for.js';
import type { GcpLogEntryPage } from './gcp-client-factory.js';
import { readGcpPages } from './read-gcp-pages.js';
import { toEntriesRequest } from './to-entries-request.js';
import { toCallKey } from './to-call-key.js';
import { toLogRecord } from './to-log-record.js';
import { compareLogRecords } from '../shared/compare-log-records.js';

/** `entries.list` returns at most 1,000 entries per page. */
const ENTRIES_MAX_PAGE_SIZE = 1000;

/**
 * Searches logs of one project with Cloud Logging `entries.list` (`resourceNames: [projects/{p}]`,
 * `orderBy: timestamp asc`), filter from {@link buildLogFilter} plus the log names, window
 * `[start, end)`. Collection stops at `min(request.limit, logEventLimit)` events; `truncated` is
 * true only when at least one more matching event exists: the last page asks for one event more
 * than needed, so a result exactly at the limit is not flagged. Many log names are split over
 * several filters (Logging caps a filter at 20,000 characters), each read up to the limit, and
 * the earliest events of all are kept. With a regional scope only entries of that region count.
 * Events are returned sorted by time, then log name, then insert id.
 */
export async function searchGcpLogs(
  context: GcpAdapterContext,
  request: LogSearchRequest,
  scope: ScopeTarget,
  signal?: AbortSignal,
): Promise<LogSearchResult> {
  const limit = Math.min(request.limit, context.logEventLimit);
  const logNames = [...new Set(request.logGroups)];
  if (limit <= 0 || request.end.getTime() <= request.start.getTime() || logNames.length === 0) {
    return { events: [], truncated: false };
  }
  const client = await context.pool.get('logging');
  const key = toCallKey(scope, 'logging', 'entries.list');
  const base = buildLogFilter(request);
  const pageCap = pageSizeFor(context, 1, ENTRIES_MAX_PAGE_SIZE);
  const found: LogRecord[] = [];
  for (const chunk of chunkLogNames(logNames, base.length)) {
    const filter = `${base} AND ${buildLogNameTerm(chunk)}`;
    let collected = 0;
    await readGcpPages<GcpLogEntryPage>(
      context.runner,
      key,
      (token, abortSignal) =>
        client.listLogEntries(
          // One more than still needed, to learn whether the limit truncates.
          toEntriesRequest(scope.account, filter, Math.min(pageCap, limit + 1 - collected), token),
          { signal: abortSignal },
        ),
      (page) => page.nextPageToken,
      (page) => {
        for (const entry of page.entries) {
          const record = toLogRecord(entry, scope.account);
          if (scope.region !== 'global' && record.region !== scope.region) continue;
          found.push(record);
          collected += 1;
          if (collected > limit) return false;
        }
        return true;
      },
      { signal },
    );
  }
  const sorted = found.sort(compareLogRecords);
  return { events: sorted.slice(0, limit), truncated: sorted.length > limit };
}
