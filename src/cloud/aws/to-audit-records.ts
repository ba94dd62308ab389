import type { Event } from '@aws-sdk/client-cloudtrail';
import type { AuditRecord, ResourceKind } from '../../core/ports/cloud-port.js';
import type { AuditAction } from './aws-audit-events.js';

/** What the caller knows about an event besides the event itself. */
export interface AuditEventContext {
  readonly account: string;
  readonly region: string;
  readonly kind: ResourceKind;
  readonly action: AuditAction;
  /** CloudTrail resource type of the kind (`AWS::EC2::Instance`). */
  readonly resourceType: string;
}

/** Where the resource id sits in the CloudTrailEvent JSON, per kind (`*` walks an array). */
const ID_PATHS: Readonly<Record<ResourceKind, readonly (readonly string[])[]>> = {
  instance: [
    ['responseElements', 'instancesSet', 'items', '*', 'instanceId'],
    ['requestParameters', 'instancesSet', 'items', '*', 'instanceId'],
    ['requestParameters', 'instanceId'],
  ],
  volume: [
    ['responseElements', 'volumeId'],
    ['requestParameters', 'volumeId'],
  ],
  function: [
    ['responseElements', 'functionName'],
    ['requestParameters', 'functionName'],
  ],
  database: [
    ['responseElements', 'dBInstanceIdentifier'],
    ['requestParameters', 'dBInstanceIdentifier'],
  ],
  bucket: [['requestParameters', 'bucketName']],
  log_group: [['requestParameters', 'logGroupName']],
};

function walk(value: unknown, path: readonly string[]): string[] {
  if (path.length === 0) return typeof value === 'string' && value !== '' ? [value] : [];
  const [head, ...rest] = path;
  if (head === '*') return Array.isArray(value) ? value.flatMap((item: unknown) => walk(item, rest)) : [];
  if (typeof value !== 'object' || value === null || head === undefined) return [];
  return walk((value as Record<string, unknown>)[head], rest);
}

function parseDetail(text: string | undefined): unknown {
  if (text === undefined || text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

function items(value: unknown): unknown[] {
  return Array.isArray(value) ? (value as unknown[]) : [];
}

/** The `Name` tag given at creation (RunInstances/CreateVolume `tagSpecificationSet`), when any. */
function nameTagOf(detail: unknown): string | undefined {
  const specs = items(field(field(field(detail, 'requestParameters'), 'tagSpecificationSet'), 'items'));
  for (const tag of specs.flatMap((spec) => items(field(spec, 'tags')))) {
    const value = field(tag, 'value');
    if (field(tag, 'key') === 'Name' && typeof value === 'string') return value;
  }
  return undefined;
}

/**
 * Normalizes one CloudTrail LookupEvents event into audit records, one per affected resource of
 * the requested type. The resource id comes from the event's `Resources` entries of that type,
 * else from the CloudTrailEvent JSON (`responseElements`/`requestParameters`); an event naming no
 * resource still yields one record (empty `resourceId`) so that it is not lost. The actor is the
 * caller's ARN from the event JSON, else the event's `Username`. The resource name is the `Name`
 * tag set at creation, else the id.
 */
export function toAuditRecords(event: Event, context: AuditEventContext): AuditRecord[] {
  const detail = parseDetail(event.CloudTrailEvent);
  const actor =
    walk(detail, ['userIdentity', 'arn'])[0] ??
    event.Username ??
    walk(detail, ['userIdentity', 'principalId'])[0] ??
    '';
  const fromResources = (event.Resources ?? [])
    .filter(
      (resource) =>
        resource.ResourceType === context.resourceType &&
        resource.ResourceName !== undefined &&
        resource.ResourceName !== '',
    )
    .map((resource) => resource.ResourceName ?? '');
  const ids =
    fromResources.length > 0 ? fromResources : ID_PATHS[context.kind].flatMap((path) => walk(detail, path));
  const unique = [...new Set(ids.length > 0 ? ids : [''])];
  const nameTag = unique.length === 1 ? nameTagOf(detail) : undefined;
  const time = event.EventTime === undefined ? '' : event.EventTime.toISOString();
  return unique.map((resourceId) => ({
    provider: 'aws',
    account: context.account,
    region: context.region,
    eventId: event.EventId ?? '',
    time,
    action: context.action,
    operation: event.EventName ?? '',
    actor,
    resourceId,
    resourceType: context.resourceType,
    resourceName: nameTag ?? resourceId,
  }));
}
