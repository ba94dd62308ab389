/**
 * `google.cloud.audit.AuditLog`, the payload type of Cloud Audit Logs entries, for the Logging
 * client's REST transport.
 *
 * Why this exists: gax's REST transport decodes `LogEntry.protoPayload` (a `google.protobuf.Any`)
 * by looking its `@type` up in the client's proto root, and `@google-cloud/logging` ships no
 * AuditLog descriptor, so every audit entry fails with "cannot find type
 * google.cloud.audit.AuditLog" (the same gap the other languages' clients have:
 * https://github.com/googleapis/nodejs-logging/issues/991). Registering this subset of
 * https://github.com/googleapis/googleapis/blob/master/google/cloud/audit/audit_log.proto (same
 * field names and numbers; unknown fields are skipped by the JSON decoder) lets the client decode
 * the entries, and lets us read the fields back.
 */

/** The parts of a protobuf.js `Root` we use (structural, so no protobufjs import is needed). */
export interface ProtoRootLike {
  lookup(path: string): unknown;
  addJSON(nested: Record<string, unknown>): unknown;
}

/** The parts of a protobuf.js `Type` we use. */
interface ProtoTypeLike {
  decode(bytes: Uint8Array): unknown;
  toObject(message: unknown, options: Record<string, unknown>): Record<string, unknown>;
}

/** The fields of an AuditLog payload the adapter reads. */
export interface GcpAuditLog {
  readonly serviceName: string;
  /** `v1.compute.instances.insert`, `google.cloud.functions.v2.FunctionService.CreateFunction`… */
  readonly methodName: string;
  /** `projects/p/zones/us-central1-a/instances/web-1`… */
  readonly resourceName: string;
  /** `authenticationInfo.principalEmail` (empty when Google redacts it). */
  readonly principalEmail: string;
  /** `status.code` (0 = OK). */
  readonly statusCode: number;
  readonly statusMessage: string;
  /** `resourceLocation.currentLocations` (zones or regions). */
  readonly currentLocations: readonly string[];
}

/** The full name of the AuditLog message. */
export const AUDIT_LOG_TYPE = 'google.cloud.audit.AuditLog';

const AUDIT_LOG_DESCRIPTOR: Record<string, unknown> = {
  google: {
    nested: {
      cloud: {
        nested: {
          audit: {
            nested: {
              AuditLog: {
                fields: {
                  serviceName: { type: 'string', id: 7 },
                  methodName: { type: 'string', id: 8 },
                  resourceName: { type: 'string', id: 11 },
                  resourceLocation: { type: 'ResourceLocation', id: 20 },
                  numResponseItems: { type: 'int64', id: 12 },
                  status: { type: 'AuditStatus', id: 2 },
                  authenticationInfo: { type: 'AuthenticationInfo', id: 3 },
                },
              },
              // Wire-compatible with google.rpc.Status fields 1 and 2 (details are not needed).
              AuditStatus: {
                fields: { code: { type: 'int32', id: 1 }, message: { type: 'string', id: 2 } },
              },
              AuthenticationInfo: {
                fields: {
                  principalEmail: { type: 'string', id: 1 },
                  authoritySelector: { type: 'string', id: 2 },
                  principalSubject: { type: 'string', id: 8 },
                },
              },
              ResourceLocation: {
                fields: {
                  currentLocations: { rule: 'repeated', type: 'string', id: 1 },
                  originalLocations: { rule: 'repeated', type: 'string', id: 2 },
                },
              },
            },
          },
        },
      },
    },
  },
};

/** True when `value` looks like a protobuf.js root. */
export function isProtoRootLike(value: unknown): value is ProtoRootLike {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Record<string, unknown>).lookup === 'function' &&
    typeof (value as Record<string, unknown>).addJSON === 'function'
  );
}

function isProtoTypeLike(value: unknown): value is ProtoTypeLike {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Record<string, unknown>).decode === 'function' &&
    typeof (value as Record<string, unknown>).toObject === 'function'
  );
}

function lookupQuietly(root: ProtoRootLike, path: string): unknown {
  try {
    return root.lookup(path);
  } catch {
    return null;
  }
}

/** Adds the AuditLog types to a proto root once (roots are shared and cached by gax). */
export function registerAuditLogType(root: ProtoRootLike): void {
  if (isProtoTypeLike(lookupQuietly(root, AUDIT_LOG_TYPE))) return;
  root.addJSON(AUDIT_LOG_DESCRIPTOR);
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/**
 * Reads an AuditLog from a decoded `protoPayload` (`{ type_url, value }` with the serialized
 * message in `value`), using the types registered in `root`.
 * @returns `undefined` when the payload is not an AuditLog or cannot be decoded.
 */
export function decodeAuditLog(root: ProtoRootLike, payload: unknown): GcpAuditLog | undefined {
  const any = record(payload);
  const typeUrl = text(any.type_url ?? any.typeUrl);
  if (!typeUrl.endsWith(`/${AUDIT_LOG_TYPE}`)) return undefined;
  const value = any.value;
  if (!(value instanceof Uint8Array)) return undefined;
  const type = lookupQuietly(root, AUDIT_LOG_TYPE);
  if (!isProtoTypeLike(type)) return undefined;
  let object: Record<string, unknown>;
  try {
    object = type.toObject(type.decode(value), {
      longs: String,
      enums: String,
      defaults: false,
      arrays: true,
    });
  } catch {
    return undefined;
  }
  const status = record(object.status);
  const location = record(object.resourceLocation);
  const locations = Array.isArray(location.currentLocations) ? (location.currentLocations as unknown[]) : [];
  return {
    serviceName: text(object.serviceName),
    methodName: text(object.methodName),
    resourceName: text(object.resourceName),
    principalEmail: text(record(object.authenticationInfo).principalEmail),
    statusCode: typeof status.code === 'number' ? status.code : 0,
    statusMessage: text(status.message),
    currentLocations: locations.filter((item): item is string => typeof item === 'string' && item !== ''),
  };
}
