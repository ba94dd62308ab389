import type { FilterLogEventsCommandOutput } from '@aws-sdk/client-cloudwatch-logs';
import type {
  LogRecord,
  LogSearchRequest,
  LogSearchResult,
  ScopeTarget,
} from '../../core/ports/cloud-port.js';
import type { AwsAdapterContext } from './aws-adapter-context.js';
import { pageSizeFor } from '../shared/page-size-for.js';
import { buildFilterPattern } from './build-filter-pattern.js';
import { readAwsPages } from './read-aws-pages.js';
import { toCallKey } from './to-call-key.js';
import { compareLogRecords } from '../shared/compare-log-records.js';

/**
 * Searches log groups of one region with FilterLogEvents (one listing per group, groups in the
 * order given, events in time order within a group), window `[start, end)`, filter from
 * {@link buildFilterPattern}. Collection stops at `min(request.limit, logEventLimit)` events;
 * `truncated` is true only when at least one more matching event exists: the last page asks for
 * one event more than needed to find out, so a result exactly at the limit is not flagged.
 * Events are returned sorted by time, then log group, then event id.
 * An unknown log group fails the search with `CLOUD_NOT_FOUND` naming the group.
 */
export async function searchAwsLogs(
  context: AwsAdapterContext,
  request: LogSearchRequest,
  scope: ScopeTarget,
  signal?: AbortSignal,
): Promise<LogSearchResult> {
  const limit = Math.min(request.limit, context.logEventLimit);
  const startTime = request.start.getTime();
  // FilterLogEvents' endTime is inclusive; the request window ends exclusively.
  const endTime = request.end.getTime() - 1;
  if (limit <= 0 || endTime < startTime || request.logGroups.length === 0)
    return { events: [], truncated: false };
  const { client, module } = await context.pool.get('logs', scope.region);
  const key = toCallKey(scope, 'logs', 'FilterLogEvents');
  const filter = buildFilterPattern(request);
  const pageCap = pageSizeFor(context, 1, 10_000);
  const events: LogRecord[] = [];
  let truncated = false;
  for (const logGroup of [...new Set(request.logGroups)]) {
    await readAwsPages<FilterLogEventsCommandOutput>(
      context.runner,
      key,
      (token, abortSignal) =>
        client.send(
          new module.FilterLogEventsCommand({
            logGroupName: logGroup,
            startTime,
            endTime,
            filterPattern: filter.filterPattern,
            nextToken: token,
            // One more than still needed, to learn whether the limit truncates; full pages when
            // the level is checked here, since the server then returns non-matching events too.
            limit: filter.matches === undefined ? Math.min(pageCap, limit - events.length + 1) : pageCap,
          }),
          { abortSignal },
        ),
      (page) => page.nextToken,
      (page) => {
        for (const event of page.events ?? []) {
          const message = event.message ?? '';
          if (filter.matches !== undefined && !filter.matches(message)) continue;
          if (events.length === limit) {
            truncated = true;
            return false;
          }
          events.push({
            provider: 'aws',
            account: scope.account,
            region: scope.region,
            logGroup,
            stream: event.logStreamName ?? '',
            timestamp: new Date(event.timestamp ?? 0).toISOString(),
            message,
            eventId: event.eventId ?? '',
          });
        }
        return true;
      },
      { signal, resource: logGroup },
    );
    if (truncated) break;
  }
  return { events: events.sort(compareLogRecords), truncated };
}
