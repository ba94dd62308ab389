import type { AuditRecord, AuditRequest, ScopeTarget } from '../../core/ports/cloud-port.js';
import { quoteLoggingString } from './build-log-filter.js';
import type { GcpAdapterContext } from './gcp-adapter-context.js';
import { pageSizeFor } from '../shared/page-size-for.js';
import { toAuditMethods } from './gcp-audit-methods.js';
import type { GcpLogEntryPage } from './gcp-client-factory.js';
import { readGcpPages } from './read-gcp-pages.js';
import { toEntriesRequest } from './to-entries-request.js';
import type { GcpLogEntry } from './to-gcp-log-entry.js';
import { toAuditRecord } from './to-audit-record.js';
import { toCallKey } from './to-call-key.js';

/** Admin Activity audit logs are kept 400 days (the `_Required` bucket). */
export const ADMIN_ACTIVITY_RETENTION_DAYS = 400;
const DAY_MS = 86_400_000;
const ENTRIES_MAX_PAGE_SIZE = 1000;

function compareAuditRecords(a: AuditRecord, b: AuditRecord): number {
  if (a.time !== b.time) return a.time < b.time ? 1 : -1;
  return a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0;
}

/** The Admin Activity log name of a project. */
export function activityLogName(project: string): string {
  return `projects/${project}/logs/cloudaudit.googleapis.com%2Factivity`;
}

/**
 * The `entries.list` filter of an audit lookup:
 * `logName = "projects/{p}/logs/cloudaudit.googleapis.com%2Factivity" AND timestamp >= … AND
 * timestamp < … AND protoPayload.methodName:("compute.instances.insert" OR …)`.
 */
export function buildAuditFilter(
  project: string,
  start: Date,
  end: Date,
  methods: readonly string[],
): string {
  return [
    `logName = ${quoteLoggingString(activityLogName(project))}`,
    `timestamp >= ${quoteLoggingString(start.toISOString())}`,
    `timestamp < ${quoteLoggingString(end.toISOString())}`,
    `protoPayload.methodName:(${methods.map(quoteLoggingString).join(' OR ')})`,
  ].join(' AND ');
}

/**
 * Audit events of one project from Cloud Audit Logs (Admin Activity), window `[start, end)`
 * clamped to the 400-day retention (with a warning), all pages. Entries of one long-running
 * operation (Compute logs a `first` and a `last` entry) count once, at the first; operations that
 * failed (`status.code` ≠ 0 on any of their entries) are dropped. With a regional scope only
 * events of that region are kept. Sorted newest first.
 */
export async function lookupGcpAudit(
  context: GcpAdapterContext,
  request: AuditRequest,
  scope: ScopeTarget,
  signal?: AbortSignal,
): Promise<AuditRecord[]> {
  const methods = toAuditMethods(request);
  const earliest = context.now().getTime() - ADMIN_ACTIVITY_RETENTION_DAYS * DAY_MS;
  let start = request.start.getTime();
  const end = request.end.getTime();
  if (start < earliest) {
    start = earliest;
    context.warn(
      `Cloud Audit Logs keep Admin Activity entries ${ADMIN_ACTIVITY_RETENTION_DAYS} days: the audit window was clamped to start at ${new Date(start).toISOString()}.`,
    );
  }
  if (methods.length === 0 || end <= start) return [];
  const client = await context.pool.get('logging');
  const key = toCallKey(scope, 'logging', 'entries.list');
  const filter = buildAuditFilter(scope.account, new Date(start), new Date(end), [
    ...new Set(methods.map((m) => m.method)),
  ]);
  const entries: GcpLogEntry[] = [];
  await readGcpPages<GcpLogEntryPage>(
    context.runner,
    key,
    (token, abortSignal) =>
      client.listLogEntries(
        toEntriesRequest(scope.account, filter, pageSizeFor(context, 1, ENTRIES_MAX_PAGE_SIZE), token),
        { signal: abortSignal },
      ),
    (page) => page.nextPageToken,
    (page) => {
      entries.push(...page.entries);
      return true;
    },
    { signal },
  );
  const failed = new Set<string>();
  for (const entry of entries) {
    if (entry.operation !== undefined && (entry.auditLog?.statusCode ?? 0) !== 0)
      failed.add(entry.operation.id);
  }
  const records = new Map<string, AuditRecord>();
  for (const entry of entries) {
    if ((entry.auditLog?.statusCode ?? 0) !== 0) continue;
    if (entry.operation !== undefined && failed.has(entry.operation.id)) continue;
    const record = toAuditRecord(entry, request.resource, methods, scope.account);
    if (record === undefined) continue;
    if (scope.region !== 'global' && record.region !== scope.region) continue;
    const dedupeKey =
      entry.operation === undefined
        ? `entry\u0000${entry.insertId}`
        : `op\u0000${entry.operation.id}\u0000${record.operation}`;
    // Entries arrive oldest first: the first entry of an operation is the request.
    if (!records.has(dedupeKey)) records.set(dedupeKey, record);
  }
  return [...records.values()].sort(compareAuditRecords);
}
