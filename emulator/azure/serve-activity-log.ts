import type { WireRequest } from '../server/wire.js';
import { insightsBadRequestError, subscriptionNotFoundError } from './arm-errors.js';
import type { ArmOutcome, AzureServeContext } from './azure-route.js';
import type { ActivityEntry } from './create-azure-catalog.js';
import type { JsonObject } from './json-value.js';
import { pageArmList } from './page-arm-list.js';
import { parseActivityLogFilter, type ActivityLogFilter } from './parse-activity-log-filter.js';
import { readQueryParameter } from './read-query-parameter.js';

/** The Activity Log keeps 90 days. */
const RETENTION_MS = 90 * 86_400_000;
/** Filtered lists kept for paging (`nextLink` repeats the filter); the oldest is dropped first. */
const CACHED_FILTERS = 32;

/** Remembers the entries matching recent filters, so each further page costs a slice, not a scan. */
export interface ActivityFilterCache {
  matching(key: string, compute: () => readonly ActivityEntry[]): readonly ActivityEntry[];
}

/** Creates a small bounded cache of filtered Activity Log lists (insertion-ordered eviction). */
export function createActivityFilterCache(capacity = CACHED_FILTERS): ActivityFilterCache {
  const entries = new Map<string, readonly ActivityEntry[]>();
  return {
    matching(key, compute) {
      const cached = entries.get(key);
      if (cached) return cached;
      const computed = compute();
      entries.set(key, computed);
      if (entries.size > capacity) entries.delete(entries.keys().next().value!);
      return computed;
    },
  };
}

function matches(entry: ActivityEntry, filter: ActivityLogFilter, endMs: number): boolean {
  if (entry.timestampMs < filter.startMs || entry.timestampMs > endMs) return false;
  const event = entry.event;
  if (
    filter.resourceGroupName !== undefined &&
    entry.resourceGroupKey !== filter.resourceGroupName.toLowerCase()
  )
    return false;
  if (filter.resourceUri !== undefined && entry.resourceIdKey !== filter.resourceUri.toLowerCase())
    return false;
  if (
    filter.resourceProvider !== undefined &&
    event.source.toLowerCase() !== filter.resourceProvider.toLowerCase()
  )
    return false;
  if (filter.caller !== undefined && event.actor.toLowerCase() !== filter.caller.toLowerCase()) return false;
  if (filter.status !== undefined && filter.status.toLowerCase() !== 'succeeded') return false;
  if (filter.levels !== undefined && !filter.levels.includes('informational')) return false;
  if (
    filter.eventChannels !== undefined &&
    !filter.eventChannels.some((channel) => channel === 'operation' || channel === 'admin')
  ) {
    return false;
  }
  if (filter.correlationId !== undefined) {
    const correlationId = entry.object.correlationId;
    if (
      typeof correlationId !== 'string' ||
      correlationId.toLowerCase() !== filter.correlationId.toLowerCase()
    )
      return false;
  }
  return true;
}

function select(object: JsonObject, fields: readonly string[]): JsonObject {
  const out: Record<string, JsonObject[string]> = {};
  for (const field of fields) {
    const key = Object.keys(object).find((name) => name.toLowerCase() === field.toLowerCase());
    if (key !== undefined) out[key] = object[key];
  }
  return out;
}

/**
 * `ActivityLogs_List` (`GET /subscriptions/{s}/providers/Microsoft.Insights/eventtypes/management/values`):
 * the subscription's administrative events matching `$filter`, newest first, paged with
 * `nextLink`; `$select` keeps only the named top-level fields. A missing start time, a start
 * older than 90 days before the estate's now, or a window longer than 90 days is 400 `BadRequest`.
 */
export function serveActivityLog(
  request: WireRequest,
  context: AzureServeContext,
  subscriptionId: string,
  cache: ActivityFilterCache,
): ArmOutcome {
  const subscription = context.catalog.subscription(subscriptionId);
  if (!subscription) return subscriptionNotFoundError(subscriptionId);
  const filterText = readQueryParameter(request.url, '$filter');
  const parsed = parseActivityLogFilter(filterText);
  if (!parsed.ok) return insightsBadRequestError(parsed.message);
  const filter = parsed.filter;
  const nowMs = context.catalog.nowMs;
  const endMs = filter.endMs ?? nowMs;
  if (filter.startMs < nowMs - RETENTION_MS) {
    return insightsBadRequestError(
      `The start time '${new Date(filter.startMs).toISOString()}' is more than 90 days ago; the Activity Log keeps 90 days of events.`,
    );
  }
  if (endMs - filter.startMs > RETENTION_MS) {
    return insightsBadRequestError('The time range of the query exceeds the maximum of 90 days.');
  }
  if (endMs < filter.startMs)
    return insightsBadRequestError('The end time of the query is before its start time.');
  const entries = cache.matching(`${subscription.key}\u0000${filterText ?? ''}`, () =>
    context.catalog.activity(subscription.account.id).filter((entry) => matches(entry, filter, endMs)),
  );
  const fields = readQueryParameter(request.url, '$select')
    ?.split(',')
    .map((field) => field.trim())
    .filter((field) => field !== '');
  const page = pageArmList(
    request,
    entries,
    fields === undefined || fields.length === 0
      ? (entry) => entry.json()
      : (entry) => JSON.stringify(select(entry.object, fields)),
    { pageSize: context.pageSize },
  );
  return page.ok ? { body: page.body } : page.error;
}
