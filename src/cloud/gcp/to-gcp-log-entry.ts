import type { GcpAuditLog } from './audit-log-proto.js';
import type { LogEntryMessage } from './gcp-sdk-types.js';
import { toIsoTime } from './to-iso-time.js';

/** A Cloud Logging entry as the adapter reads it, free of protobuf wrappers. */
export interface GcpLogEntry {
  /** `projects/p/logs/app%2Fweb` (the log id URL-encoded, as the API returns it). */
  readonly logName: string;
  readonly insertId: string;
  /** ISO-8601 UTC; empty when the entry has none. */
  readonly timestamp: string;
  /** `ERROR`, `WARNING`, `DEFAULT`… */
  readonly severity: string;
  /** Monitored resource type (`gce_instance`, `cloud_function`, `global`…). */
  readonly resourceType: string;
  readonly resourceLabels: Readonly<Record<string, string>>;
  readonly textPayload?: string;
  /** `jsonPayload` as plain JSON. */
  readonly jsonPayload?: Readonly<Record<string, unknown>>;
  /** The decoded AuditLog of a Cloud Audit Logs entry. */
  readonly auditLog?: GcpAuditLog;
  /** The long-running operation the entry belongs to (audit entries come in first/last pairs). */
  readonly operation?: { readonly id: string; readonly first: boolean; readonly last: boolean };
}

function stringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof value !== 'object' || value === null) return out;
  for (const [key, item] of Object.entries(value)) if (typeof item === 'string') out[key] = item;
  return out;
}

/** Plain JSON of a decoded `google.protobuf.Value` (`{ stringValue }`, `{ structValue: { fields } }`…). */
function valueToJson(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const kind = typeof v.kind === 'string' ? v.kind : undefined;
  const pick = (name: string): boolean =>
    kind === name || (kind === undefined && v[name] !== undefined && v[name] !== null);
  if (pick('stringValue')) return v.stringValue;
  if (pick('numberValue')) return v.numberValue;
  if (pick('boolValue')) return v.boolValue;
  if (pick('structValue')) return structToJson(v.structValue);
  if (pick('listValue')) {
    const list = (v.listValue as { values?: unknown } | null | undefined)?.values;
    return Array.isArray(list) ? list.map(valueToJson) : [];
  }
  return null;
}

/** Plain JSON of a decoded `google.protobuf.Struct` (`{ fields: { key: Value } }`). */
export function structToJson(struct: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (typeof struct !== 'object' || struct === null) return out;
  const fields = (struct as { fields?: unknown }).fields;
  if (typeof fields !== 'object' || fields === null) return out;
  for (const [key, value] of Object.entries(fields)) out[key] = valueToJson(value);
  return out;
}

/**
 * Converts a `LogEntry` as the GAPIC client decodes it (Timestamp objects, Struct messages, a
 * `protoPayload` Any) into a {@link GcpLogEntry}.
 * @param decodeAudit - reads an AuditLog from the `protoPayload` Any (see `audit-log-proto.ts`).
 */
export function toGcpLogEntry(
  entry: LogEntryMessage,
  decodeAudit: (payload: unknown) => GcpAuditLog | undefined,
): GcpLogEntry {
  const operation = entry.operation;
  const auditLog =
    entry.protoPayload === null || entry.protoPayload === undefined
      ? undefined
      : decodeAudit(entry.protoPayload);
  const severity = entry.severity;
  return {
    logName: entry.logName ?? '',
    insertId: entry.insertId ?? '',
    timestamp: toIsoTime(entry.timestamp ?? undefined) ?? '',
    severity: typeof severity === 'string' ? severity : 'DEFAULT',
    resourceType: entry.resource?.type ?? '',
    resourceLabels: stringMap(entry.resource?.labels),
    ...(typeof entry.textPayload === 'string' ? { textPayload: entry.textPayload } : {}),
    ...(entry.jsonPayload === null || entry.jsonPayload === undefined
      ? {}
      : { jsonPayload: structToJson(entry.jsonPayload) }),
    ...(auditLog === undefined ? {} : { auditLog }),
    ...(operation === null || operation === undefined || (operation.id ?? '') === ''
      ? {}
      : {
          operation: {
            id: operation.id ?? '',
            first: operation.first === true,
            last: operation.last === true,
          },
        }),
  };
}
