import type { LookupEventsCommandOutput } from '@aws-sdk/client-cloudtrail';
import type { AuditRecord, AuditRequest, ScopeTarget } from '../../core/ports/cloud-port.js';
import type { AwsAdapterContext } from './aws-adapter-context.js';
import { pageSizeFor } from '../shared/page-size-for.js';
import { AWS_AUDIT_EVENTS, toAuditEventNames } from './aws-audit-events.js';
import { readAwsPages } from './read-aws-pages.js';
import { toAuditRecords } from './to-audit-records.js';
import { toCallKey } from './to-call-key.js';

/** CloudTrail Event history keeps management events for 90 days. */
export const CLOUDTRAIL_RETENTION_DAYS = 90;
const DAY_MS = 86_400_000;

function compareAuditRecords(a: AuditRecord, b: AuditRecord): number {
  for (const [x, y] of [
    [a.time, b.time],
    [a.region, b.region],
    [a.eventId, b.eventId],
    [a.resourceId, b.resourceId],
  ] as const) {
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/**
 * Audit events of one resource kind from CloudTrail LookupEvents: one listing per native event
 * name (LookupEvents takes a single lookup attribute), `MaxResults` 50, every `NextToken`
 * followed, window `[start, end)`. The window is clamped to CloudTrail's 90-day event history
 * (with a warning). A `global` scope (S3 buckets) is looked up in every configured region.
 *
 * LookupEvents is limited by AWS to 2 requests per second per account and region; calls are
 * made one at a time under the `cloudtrail` service key so that the runner's token bucket for
 * (aws, account, region, cloudtrail) can pace them.
 */
export async function lookupAwsAudit(
  context: AwsAdapterContext,
  request: AuditRequest,
  scope: ScopeTarget,
  signal?: AbortSignal,
): Promise<AuditRecord[]> {
  const names = toAuditEventNames(request);
  const now = context.now().getTime();
  const earliest = now - CLOUDTRAIL_RETENTION_DAYS * DAY_MS;
  let start = request.start.getTime();
  const end = request.end.getTime();
  if (start < earliest) {
    start = earliest;
    context.warn(
      `CloudTrail keeps ${CLOUDTRAIL_RETENTION_DAYS} days of events: the audit window was clamped to start at ${new Date(start).toISOString()}.`,
    );
  }
  if (names.length === 0 || end <= start) return [];
  const regions = scope.region === 'global' ? await context.regions() : [scope.region];
  const resourceType = AWS_AUDIT_EVENTS[request.resource].resourceType;
  const records = new Map<string, AuditRecord>();
  for (const region of regions) {
    const { client, module } = await context.pool.get('cloudtrail', region);
    const key = toCallKey({ account: scope.account, region }, 'cloudtrail', 'LookupEvents');
    for (const { eventName, action } of names) {
      await readAwsPages<LookupEventsCommandOutput>(
        context.runner,
        key,
        (token, abortSignal) =>
          client.send(
            new module.LookupEventsCommand({
              LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: eventName }],
              StartTime: new Date(start),
              EndTime: new Date(end),
              MaxResults: pageSizeFor(context, 1, 50),
              NextToken: token,
            }),
            { abortSignal },
          ),
        (page) => page.NextToken,
        (page) => {
          for (const event of page.Events ?? []) {
            const time = event.EventTime?.getTime();
            // EndTime is inclusive in CloudTrail; the request window is not.
            if (time !== undefined && (time < start || time >= end)) continue;
            for (const record of toAuditRecords(event, {
              account: scope.account,
              region,
              kind: request.resource,
              action,
              resourceType,
            })) {
              records.set(`${record.region}\u0000${record.eventId}\u0000${record.resourceId}`, record);
            }
          }
          return true;
        },
        { signal },
      );
    }
  }
  return [...records.values()].sort(compareAuditRecords);
}
