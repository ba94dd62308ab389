import type { AuditRecord, ResourceKind } from '../../core/ports/cloud-port.js';
import { GCP_AUDIT_KINDS, stripMethodVersion, type GcpAuditMethod } from './gcp-audit-methods.js';
import { toShortName } from './to-short-name.js';
import type { GcpLogEntry } from './to-gcp-log-entry.js';
import { toEntryRegion } from './to-log-record.js';

/** The resource id of an entry, as the records of the kind spell ids (numeric ids for Compute, names otherwise). */
function resourceIdOf(entry: GcpLogEntry, kind: ResourceKind): string {
  const resourceName = entry.auditLog?.resourceName ?? '';
  switch (kind) {
    case 'instance':
      return entry.resourceLabels.instance_id ?? toShortName(resourceName) ?? '';
    case 'volume':
      return entry.resourceLabels.disk_id ?? toShortName(resourceName) ?? '';
    case 'log_group':
      return resourceName;
    case 'function':
    case 'database':
    case 'bucket':
      return toShortName(resourceName) ?? '';
  }
}

/**
 * Normalizes one Admin Activity audit entry, or `undefined` when its method is not one of
 * `methods` (the server-side filter matches substrings, so `compute.instances.delete` also finds
 * `deleteAccessConfig`; the exact method decides here). The actor is
 * `authenticationInfo.principalEmail`, the resource name the last segment of
 * `protoPayload.resourceName`.
 */
export function toAuditRecord(
  entry: GcpLogEntry,
  kind: ResourceKind,
  methods: readonly GcpAuditMethod[],
  project: string,
): AuditRecord | undefined {
  const audit = entry.auditLog;
  if (audit === undefined) return undefined;
  const method = stripMethodVersion(audit.methodName);
  const match = methods.find((candidate) => candidate.method === method);
  if (match === undefined) return undefined;
  return {
    provider: 'gcp',
    account: project,
    region: toEntryRegion(entry),
    eventId: entry.insertId,
    time: entry.timestamp,
    action: match.action,
    operation: audit.methodName,
    actor: audit.principalEmail,
    resourceId: resourceIdOf(entry, kind),
    resourceType: entry.resourceType === '' ? GCP_AUDIT_KINDS[kind].resourceType : entry.resourceType,
    resourceName: toShortName(audit.resourceName) ?? '',
  };
}
