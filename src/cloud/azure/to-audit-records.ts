import type { AuditRecord, ResourceKind } from '../../core/ports/cloud-port.js';
import {
  AZURE_AUDIT_OPERATIONS,
  meaningOf,
  resolveWriteAction,
  type AuditAction,
} from './azure-audit-operations.js';
import { isJsonObject, jsonString } from './get-arm-json.js';
import { parseArmId } from './parse-arm-id.js';
import { toIsoTime } from './to-iso-time.js';

/** The fields of an Activity Log entry (`EventData`) that audit needs. */
export interface ActivityEvent {
  readonly eventDataId: string;
  /** ISO-8601. */
  readonly time: string;
  readonly operation: string;
  /** `Started`, `Accepted`, `Succeeded`, `Failed`… */
  readonly status: string | undefined;
  /** HTTP status recorded with the event (`Created`, `OK`), from `properties.statusCode` or `subStatus`. */
  readonly statusCode: string | undefined;
  readonly caller: string | undefined;
  /** Groups the events of one operation (`operationId`, else `correlationId`). */
  readonly operationKey: string | undefined;
  readonly resourceId: string;
}

function localizable(value: unknown): string | undefined {
  return typeof value === 'string' ? value : jsonString(value, 'value');
}

/**
 * Reads an Activity Log entry, either as the SDK deserialized it (`EventData`, times as `Date`)
 * or as raw JSON from a later page (times as strings). Entries without an operation or time are
 * dropped (`undefined`).
 */
export function toActivityEvent(entry: unknown): ActivityEvent | undefined {
  if (!isJsonObject(entry)) return undefined;
  const rawTime = entry.eventTimestamp;
  const time = rawTime instanceof Date || typeof rawTime === 'string' ? toIsoTime(rawTime) : undefined;
  const operation = localizable(entry.operationName);
  if (time === undefined || operation === undefined) return undefined;
  const properties = isJsonObject(entry.properties) ? entry.properties : {};
  const claims = isJsonObject(entry.claims) ? entry.claims : {};
  return {
    eventDataId: jsonString(entry, 'eventDataId') ?? jsonString(entry, 'id') ?? '',
    time,
    operation,
    status: localizable(entry.status),
    statusCode: jsonString(properties, 'statusCode') ?? localizable(entry.subStatus),
    caller: jsonString(entry, 'caller') ?? jsonString(claims, 'name'),
    operationKey: jsonString(entry, 'operationId') ?? jsonString(entry, 'correlationId'),
    resourceId: jsonString(entry, 'resourceId') ?? '',
  };
}

/** Ranks statuses for events of one operation logged at the same instant: the outcome wins. */
function statusRank(status: string | undefined): number {
  const lower = (status ?? '').toLowerCase();
  return lower === 'succeeded' || lower === 'failed' || lower === 'canceled' || lower === 'cancelled'
    ? 2
    : lower === ''
      ? 0
      : 1;
}

function isLater(a: ActivityEvent, b: ActivityEvent): boolean {
  if (a.time !== b.time) return a.time > b.time;
  return statusRank(a.status) > statusRank(b.status);
}

/** What the caller knows besides the events. */
export interface AuditRecordContext {
  readonly account: string;
  readonly kind: ResourceKind;
  readonly actions: readonly AuditAction[];
  /** The region of a resource, or `undefined` when the events keep the scope's region. */
  readonly regionOf: (resourceId: string) => string | undefined;
  /** Region used when `regionOf` has none. */
  readonly region: string;
}

/**
 * Turns Activity Log entries into audit records of one resource kind. An operation logs several
 * entries (`Started`, `Accepted`, `Succeeded`…) under one operation id; only its final entry
 * counts, and only when it `Succeeded`. Each kept entry maps through `AZURE_AUDIT_OPERATIONS`
 * (`…/write` becomes `create` or `modify` by `resolveWriteAction`) and is kept when its verb was
 * asked for. The actor is the caller (UPN, or the app id of a service principal).
 */
export function toAuditRecords(events: readonly ActivityEvent[], context: AuditRecordContext): AuditRecord[] {
  const finals = new Map<string, ActivityEvent>();
  let anonymous = 0;
  for (const event of events) {
    if (meaningOf(context.kind, event.operation) === undefined) continue;
    const key =
      event.operationKey === undefined
        ? `#${anonymous++}`
        : `${event.operationKey.toLowerCase()}\u0000${event.resourceId.toLowerCase()}\u0000${event.operation.toLowerCase()}`;
    const current = finals.get(key);
    if (current === undefined || isLater(event, current)) finals.set(key, event);
  }
  const resourceType = AZURE_AUDIT_OPERATIONS[context.kind].resourceType;
  const records: AuditRecord[] = [];
  for (const event of finals.values()) {
    if (event.status?.toLowerCase() !== 'succeeded') continue;
    const meaning = meaningOf(context.kind, event.operation);
    if (meaning === undefined) continue;
    const action = meaning === 'write' ? resolveWriteAction(event.statusCode) : meaning;
    if (!context.actions.includes(action)) continue;
    records.push({
      provider: 'azure',
      account: context.account,
      region: context.regionOf(event.resourceId) ?? context.region,
      eventId: event.eventDataId,
      time: event.time,
      action,
      operation: event.operation,
      actor: event.caller ?? '',
      resourceId: event.resourceId,
      resourceType,
      resourceName: parseArmId(event.resourceId).name,
    });
  }
  return records;
}
