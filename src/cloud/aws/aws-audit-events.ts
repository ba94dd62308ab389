import type { AuditRequest, ResourceKind } from '../../core/ports/cloud-port.js';

/** A normalized audit verb. */
export type AuditAction = AuditRequest['actions'][number];

/** How the audit trail of one resource kind appears in CloudTrail. */
export interface AwsAuditEvents {
  /** CloudTrail `ResourceType` of the resource (`AWS::EC2::Instance`). */
  readonly resourceType: string;
  /** CloudTrail event names per verb (no entry: the verb does not exist for the kind). */
  readonly events: Readonly<Partial<Record<AuditAction, readonly string[]>>>;
}

/**
 * CloudTrail management-event names per resource kind and verb. Lambda's event names carry the
 * API version (`CreateFunction20150331`, `UpdateFunctionConfiguration20150331v2`).
 */
export const AWS_AUDIT_EVENTS: Readonly<Record<ResourceKind, AwsAuditEvents>> = {
  instance: {
    resourceType: 'AWS::EC2::Instance',
    events: {
      create: ['RunInstances'],
      start: ['StartInstances'],
      stop: ['StopInstances'],
      delete: ['TerminateInstances'],
      modify: ['ModifyInstanceAttribute'],
    },
  },
  volume: {
    resourceType: 'AWS::EC2::Volume',
    events: {
      create: ['CreateVolume'],
      delete: ['DeleteVolume'],
      modify: ['AttachVolume', 'DetachVolume', 'ModifyVolume'],
    },
  },
  function: {
    resourceType: 'AWS::Lambda::Function',
    events: {
      create: ['CreateFunction20150331'],
      delete: ['DeleteFunction20150331'],
      modify: ['UpdateFunctionConfiguration20150331v2', 'UpdateFunctionCode20150331v2'],
    },
  },
  database: {
    resourceType: 'AWS::RDS::DBInstance',
    events: {
      create: ['CreateDBInstance'],
      start: ['StartDBInstance'],
      stop: ['StopDBInstance'],
      delete: ['DeleteDBInstance'],
      modify: ['ModifyDBInstance'],
    },
  },
  bucket: {
    resourceType: 'AWS::S3::Bucket',
    events: {
      create: ['CreateBucket'],
      delete: ['DeleteBucket'],
      modify: ['PutBucketPolicy', 'PutBucketVersioning', 'PutBucketEncryption', 'PutBucketPublicAccessBlock'],
    },
  },
  log_group: {
    resourceType: 'AWS::Logs::LogGroup',
    events: {
      create: ['CreateLogGroup'],
      delete: ['DeleteLogGroup'],
      modify: ['PutRetentionPolicy', 'DeleteRetentionPolicy'],
    },
  },
};

/** The event names to look up for a request, each with its verb, in a stable order. */
export function toAuditEventNames(
  request: Pick<AuditRequest, 'resource' | 'actions'>,
): { readonly eventName: string; readonly action: AuditAction }[] {
  const spec = AWS_AUDIT_EVENTS[request.resource];
  const out: { eventName: string; action: AuditAction }[] = [];
  const seen = new Set<string>();
  for (const action of request.actions) {
    for (const eventName of spec.events[action] ?? []) {
      if (seen.has(eventName)) continue;
      seen.add(eventName);
      out.push({ eventName, action });
    }
  }
  return out;
}
