import type { AuditRequest, ResourceKind } from '../../core/ports/cloud-port.js';

/** A normalized audit action. */
export type AuditAction = AuditRequest['actions'][number];

/** One audited API method. */
export interface GcpAuditMethod {
  /**
   * The method as Cloud Audit Logs name it, without the API version prefix Compute adds
   * (`v1.`, `beta.`): `compute.instances.insert`, `google.cloud.functions.v2.FunctionService.CreateFunction`.
   */
  readonly method: string;
  readonly action: AuditAction;
}

/** What the audit log says about one resource kind. */
export interface GcpAuditKind {
  /** Monitored resource type of the entries (`gce_instance`), the record's `resourceType` when an entry has none. */
  readonly resourceType: string;
  readonly methods: readonly GcpAuditMethod[];
}

function methods(prefix: string, entries: Readonly<Record<string, AuditAction>>): GcpAuditMethod[] {
  return Object.entries(entries).map(([name, action]) => ({ method: `${prefix}${name}`, action }));
}

/**
 * The Admin Activity methods that create, start, stop, delete or modify each kind
 * (https://cloud.google.com/compute/docs/logging/audit-logging and each service's audit page).
 * Compute: `insert` creates, `start`/`resume`/`startWithEncryptionKey` start, `stop`/`suspend`
 * stop, `delete` deletes, `set*`/`update*`/disk attach and detach modify. Cloud SQL starts and
 * stops instances through `update` (activation policy), so those read as modify; `restart` reads as
 * start. Logs have no create event (a log appears with its first entry).
 */
export const GCP_AUDIT_KINDS: Readonly<Record<ResourceKind, GcpAuditKind>> = {
  instance: {
    resourceType: 'gce_instance',
    methods: methods('compute.instances.', {
      insert: 'create',
      bulkInsert: 'create',
      start: 'start',
      startWithEncryptionKey: 'start',
      resume: 'start',
      stop: 'stop',
      suspend: 'stop',
      delete: 'delete',
      setMachineType: 'modify',
      setLabels: 'modify',
      setMetadata: 'modify',
      setTags: 'modify',
      setServiceAccount: 'modify',
      setScheduling: 'modify',
      setMinCpuPlatform: 'modify',
      setDeletionProtection: 'modify',
      setMachineResources: 'modify',
      update: 'modify',
      updateNetworkInterface: 'modify',
      updateShieldedInstanceConfig: 'modify',
      attachDisk: 'modify',
      detachDisk: 'modify',
      addAccessConfig: 'modify',
      deleteAccessConfig: 'modify',
    }),
  },
  volume: {
    resourceType: 'gce_disk',
    methods: methods('compute.disks.', {
      insert: 'create',
      delete: 'delete',
      resize: 'modify',
      setLabels: 'modify',
      update: 'modify',
    }),
  },
  function: {
    resourceType: 'cloud_function',
    methods: [
      ...methods('google.cloud.functions.v2.FunctionService.', {
        CreateFunction: 'create',
        DeleteFunction: 'delete',
        UpdateFunction: 'modify',
      }),
      ...methods('google.cloud.functions.v1.CloudFunctionsService.', {
        CreateFunction: 'create',
        DeleteFunction: 'delete',
        UpdateFunction: 'modify',
      }),
    ],
  },
  database: {
    resourceType: 'cloudsql_database',
    methods: methods('cloudsql.instances.', {
      create: 'create',
      delete: 'delete',
      restart: 'start',
      update: 'modify',
    }),
  },
  bucket: {
    resourceType: 'gcs_bucket',
    methods: [
      ...methods('storage.buckets.', { create: 'create', delete: 'delete', update: 'modify' }),
      { method: 'storage.setIamPermissions', action: 'modify' },
    ],
  },
  log_group: {
    resourceType: 'logging_log',
    methods: methods('google.logging.v2.LoggingServiceV2.', { DeleteLog: 'delete' }),
  },
};

/** A method name without the API version Compute prefixes (`v1.compute.instances.insert` → `compute.instances.insert`). */
export function stripMethodVersion(methodName: string): string {
  return methodName.replace(/^(?:v\d+\w*|beta|alpha)\.(?=compute\.)/, '');
}

/** The methods of a kind that match the requested actions. */
export function toAuditMethods(request: Pick<AuditRequest, 'resource' | 'actions'>): GcpAuditMethod[] {
  const wanted = new Set(request.actions);
  return GCP_AUDIT_KINDS[request.resource].methods.filter((entry) => wanted.has(entry.action));
}
