import type {
  AuditRecord,
  AuditRequest,
  ResourceKind,
  ResourceRecord,
  ScopeTarget,
} from '../../core/ports/cloud-port.js';
import type { AzureAdapterContext } from './azure-adapter-context.js';
import { getArmJson, toArmListPage } from './get-arm-json.js';
import { type ArmPage, readAzurePages } from './read-arm-pages.js';
import { toActivityEvent, toAuditRecords, type ActivityEvent } from './to-audit-records.js';
import { toCallKey } from './to-call-key.js';

/** The Activity Log keeps 90 days of events. */
export const ACTIVITY_LOG_RETENTION_DAYS = 90;
const DAY_MS = 86_400_000;
/**
 * The window is clamped this far inside the 90 days: Azure rejects a start older than 90 days
 * before *its* clock, which runs ahead of ours by the request's latency.
 */
const RETENTION_MARGIN_MS = 5 * 60_000;

/** Top-level `EventData` fields audit reads (`$select` keeps pages small). */
export const ACTIVITY_LOG_SELECT = [
  'eventDataId',
  'eventTimestamp',
  'operationName',
  'operationId',
  'correlationId',
  'status',
  'subStatus',
  'properties',
  'caller',
  'claims',
  'resourceId',
  'resourceType',
].join(',');

/** `eventTimestamp` bound as the Activity Log filter writes it. */
function toFilterTime(ms: number): string {
  return new Date(ms).toISOString();
}

/** Lists a kind's resources of a subscription, to place audit events in a region. */
export type LocateResources = (
  kind: ResourceKind,
  scope: ScopeTarget,
  signal?: AbortSignal,
) => Promise<readonly ResourceRecord[]>;

/**
 * Audit events of one resource kind from the Activity Log (`ActivityLogs_List`) of a
 * subscription: filter `eventTimestamp ge '{start}' and eventTimestamp le '{end}'` (the only
 * filter shape Azure accepts for a subscription), every page followed, events at or after `end`
 * dropped (the request's window is half-open). The window is clamped to the Activity Log's 90
 * days, with a warning. Events are reduced to the final status of each operation and mapped to
 * verbs by `toAuditRecords`.
 *
 * Paging: `@azure/arm-monitor` 7's iterator neither resumes from a continuation token nor exposes
 * one, so the first page comes from the SDK (its `nextLink` read from the raw response) and later
 * pages are plain GETs of the `nextLink` through the same client's pipeline: each page is one
 * runner call and a retry repeats only that page.
 *
 * Regions: Activity Log entries carry no location. With the subscription-wide scope (`global`)
 * records keep region `global`; with a regional scope the kind's resources are listed (via
 * `locate`) and only events of resources in that region are kept, so events of deleted resources
 * are left out there (with a warning).
 */
export async function lookupAzureAudit(
  context: AzureAdapterContext,
  request: AuditRequest,
  scope: ScopeTarget,
  locate: LocateResources,
  signal?: AbortSignal,
): Promise<AuditRecord[]> {
  const now = context.now().getTime();
  const earliest = now - ACTIVITY_LOG_RETENTION_DAYS * DAY_MS + RETENTION_MARGIN_MS;
  let start = request.start.getTime();
  const end = Math.min(request.end.getTime(), now);
  if (start < earliest) {
    start = earliest;
    context.warn(
      `The Azure Activity Log keeps ${ACTIVITY_LOG_RETENTION_DAYS} days of events: the audit window was clamped to start at ${new Date(start).toISOString()}.`,
    );
  }
  if (request.actions.length === 0 || end <= start) return [];

  const { client } = await context.pool.get('monitor', scope.account);
  const key = toCallKey(scope, 'Microsoft.Insights', 'ActivityLogs_List');
  const filter = `eventTimestamp ge '${toFilterTime(start)}' and eventTimestamp le '${toFilterTime(end)}'`;
  const events: ActivityEvent[] = [];
  await readAzurePages<unknown>(
    context.runner,
    key,
    async (nextLink, abortSignal): Promise<ArmPage<unknown>> => {
      if (nextLink !== undefined)
        return toArmListPage(await getArmJson(client, nextLink, abortSignal), key.operation);
      let link: string | undefined;
      const pages = client.activityLogs
        .list(filter, {
          select: ACTIVITY_LOG_SELECT,
          abortSignal,
          onResponse: (_raw, flat) => {
            const body = flat as { readonly nextLink?: unknown } | undefined;
            link = typeof body?.nextLink === 'string' && body.nextLink !== '' ? body.nextLink : undefined;
          },
        })
        .byPage();
      try {
        const first = await pages.next();
        return { items: first.done === true ? [] : first.value, nextLink: link };
      } finally {
        await pages.return?.(undefined);
      }
    },
    (items) => {
      for (const item of items) {
        const event = toActivityEvent(item);
        if (event !== undefined && Date.parse(event.time) >= start && Date.parse(event.time) < end)
          events.push(event);
      }
      return true;
    },
    { signal },
  );

  const base = {
    account: scope.account,
    kind: request.resource,
    actions: request.actions,
    region: scope.region,
  };
  if (scope.region === 'global')
    return sortAuditRecords(toAuditRecords(events, { ...base, regionOf: () => undefined }));
  const resources = await locate(request.resource, { ...scope, region: 'global' }, signal);
  const regions = new Map(resources.map((resource) => [resource.id.toLowerCase(), resource.region]));
  const records = toAuditRecords(events, {
    ...base,
    regionOf: (resourceId) => regions.get(resourceId.toLowerCase()),
  });
  const unplaced = records.filter((record) => !regions.has(record.resourceId.toLowerCase())).length;
  if (unplaced > 0) {
    context.warn(
      `${unplaced} Azure Activity Log event(s) in subscription ${scope.account} concern ${request.resource}s that no longer exist; the Activity Log records no location, so they are left out of the ${scope.region} results (ask without a region to see them).`,
    );
  }
  return sortAuditRecords(
    records.filter((record) => regions.get(record.resourceId.toLowerCase()) === scope.region),
  );
}

function sortAuditRecords(records: AuditRecord[]): AuditRecord[] {
  return records.sort((a, b) => {
    for (const [x, y] of [
      [a.time, b.time],
      [a.eventId, b.eventId],
      [a.resourceId, b.resourceId],
    ] as const) {
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  });
}
