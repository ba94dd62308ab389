import type { AuditRequest, ResourceKind } from '../../core/ports/cloud-port.js';

/** A normalized audit verb. */
export type AuditAction = AuditRequest['actions'][number];

/**
 * What an operation means: a verb, or `write` — ARM's `…/write` is both "create" and "update",
 * told apart per event by its HTTP status (see `resolveWriteAction`).
 */
export type OperationMeaning = AuditAction | 'write';

/** How the audit trail of one resource kind appears in the Activity Log. */
export interface AzureAuditOperations {
  /** ARM resource type (`Microsoft.Compute/virtualMachines`). */
  readonly resourceType: string;
  /** Meaning per operation, by the operation's suffix after the resource type (`write`, `deallocate/action`). */
  readonly operations: Readonly<Record<string, OperationMeaning>>;
}

/**
 * Activity Log operation names per resource kind (`{resourceType}/{suffix}`, compared
 * case-insensitively: Azure spells `powerOff` and `poweroff` both ways). Stopping a VM is either
 * `powerOff` (keeps the compute allocated) or `deallocate`; both are `stop`. Pausing and
 * resuming a serverless SQL database are `stop` and `start`. Restarts, redeployments and key
 * regenerations are not mapped. See https://learn.microsoft.com/azure/role-based-access-control/permissions/compute (and …/web, …/databases, …/storage, …/monitor).
 */
export const AZURE_AUDIT_OPERATIONS: Readonly<Record<ResourceKind, AzureAuditOperations>> = {
  instance: {
    resourceType: 'Microsoft.Compute/virtualMachines',
    operations: {
      write: 'write',
      delete: 'delete',
      'start/action': 'start',
      'poweroff/action': 'stop',
      'deallocate/action': 'stop',
    },
  },
  volume: {
    resourceType: 'Microsoft.Compute/disks',
    operations: { write: 'write', delete: 'delete' },
  },
  function: {
    resourceType: 'Microsoft.Web/sites',
    operations: { write: 'write', delete: 'delete', 'start/action': 'start', 'stop/action': 'stop' },
  },
  database: {
    resourceType: 'Microsoft.Sql/servers/databases',
    operations: { write: 'write', delete: 'delete', 'resume/action': 'start', 'pause/action': 'stop' },
  },
  bucket: {
    resourceType: 'Microsoft.Storage/storageAccounts',
    operations: { write: 'write', delete: 'delete' },
  },
  log_group: {
    resourceType: 'Microsoft.OperationalInsights/workspaces',
    operations: { write: 'write', delete: 'delete' },
  },
};

/**
 * The meaning of an operation name for a resource kind, `undefined` when the operation is not one
 * of the kind's (another type, or an unmapped action).
 */
export function meaningOf(kind: ResourceKind, operation: string): OperationMeaning | undefined {
  const spec = AZURE_AUDIT_OPERATIONS[kind];
  const prefix = `${spec.resourceType.toLowerCase()}/`;
  const lower = operation.toLowerCase();
  if (!lower.startsWith(prefix)) return undefined;
  return spec.operations[lower.slice(prefix.length)];
}

/**
 * `create` or `modify` for a `…/write` event, from the HTTP status ARM records with it
 * (`properties.statusCode` or `subStatus`): `Created` (201) is a creation, `OK` (200) and
 * `Accepted` (202) an update. An event that records no status counts as a creation, so that
 * "what was created" errs on the side of completeness; the Activity Log offers nothing better
 * without reading each request's body.
 */
export function resolveWriteAction(statusCode: string | undefined): 'create' | 'modify' {
  if (statusCode === undefined || statusCode === '') return 'create';
  const normalized = statusCode.toLowerCase().replace(/\s+/g, '');
  return normalized === 'created' || normalized.startsWith('created(') || normalized === '201'
    ? 'create'
    : 'modify';
}
