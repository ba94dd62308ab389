import type { EstateIndex } from '../estate/estate-index.js';
import type { EstateAuditEvent, EstateLogGroup, LogEvent } from '../estate/model.js';
import { hashString } from '../estate/random.js';
import { deriveDecimalId, deriveHex, deriveIpv4 } from './derive-gcp-value.js';
import type { GcpContext } from './gcp-context.js';
import type { JsonObject } from './gcp-json.js';
import { toRfc3339 } from './gcp-time.js';

/** Log id of Admin Activity audit logs. */
export const ACTIVITY_LOG_ID = 'cloudaudit.googleapis.com/activity';

/** A LogEntry ready to filter and serialize, with its sort key. */
export interface BuiltEntry {
  readonly timestampMs: number;
  readonly insertId: string;
  /** The LogEntry JSON (severity as a name). */
  readonly entry: JsonObject;
}

/** `projects/p/logs/cloudaudit.googleapis.com%2Factivity`. */
export function activityLogName(project: string): string {
  return `projects/${project}/logs/${encodeURIComponent(ACTIVITY_LOG_ID)}`;
}

/** Milliseconds between an entry's timestamp and its receipt (derived, 40–940 ms). */
function receiveDelay(seed: string): number {
  return 40 + (hashString(seed) % 900);
}

const SEVERITY_OF_LEVEL: Readonly<Record<LogEvent['level'], string>> = {
  DEBUG: 'DEBUG',
  INFO: 'INFO',
  WARN: 'WARNING',
  ERROR: 'ERROR',
};

/** The LogSeverity name of a generated event's level (`WARN` → `WARNING`). */
export function severityOfLevel(level: LogEvent['level']): string {
  return SEVERITY_OF_LEVEL[level];
}

/** The monitored resource of an app log group (`cloud_function`, `gce_instance` or `global`). */
export function logGroupResource(index: EstateIndex, group: EstateLogGroup): JsonObject {
  if (group.source === 'cloud_function' && group.resourceId !== undefined) {
    const name = group.resourceId.split('/').at(-1) ?? group.resourceId;
    return {
      type: 'cloud_function',
      labels: { function_name: name, project_id: group.account, region: group.region },
    };
  }
  if (group.source === 'gce_instance' && group.resourceId !== undefined) {
    const instance = index.instance('gcp', group.resourceId);
    return {
      type: 'gce_instance',
      labels: {
        instance_id: group.resourceId,
        project_id: group.account,
        zone: instance?.zone ?? `${group.region}-b`,
      },
    };
  }
  return { type: 'global', labels: { project_id: group.account } };
}

/** A stable 8-hex code of a log group, which prefixes its insert ids (event ids are unique per group only). */
export function logGroupCode(group: EstateLogGroup): string {
  return hashString(`${group.account}/${group.id}`).toString(16).padStart(8, '0');
}

/** Builds the LogEntry of one generated application log event. */
export function buildAppEntry(
  group: EstateLogGroup,
  resource: JsonObject,
  code: string,
  event: LogEvent,
): BuiltEntry {
  const insertId = `${code}${event.eventId}`;
  const entry: JsonObject = {
    textPayload: event.message,
    insertId,
    resource,
    timestamp: toRfc3339(event.timestamp),
    severity: SEVERITY_OF_LEVEL[event.level],
    ...(group.source === 'cloud_function'
      ? { labels: { execution_id: deriveHex(`${insertId}:${event.stream}`, 12) } }
      : {}),
    logName: group.id,
    receiveTimestamp: toRfc3339(event.timestamp + receiveDelay(insertId)),
  };
  return { timestampMs: event.timestamp, insertId, entry };
}

const PERMISSION_VERBS: Readonly<Record<string, string>> = { insert: 'create' };

/** Builds the Admin Activity audit LogEntry of one estate audit event. */
export function buildAuditEntry(context: GcpContext, event: EstateAuditEvent): BuiltEntry {
  const { index } = context;
  const disk = event.resourceType === 'gce_disk';
  const located = disk ? index.volume('gcp', event.resourceId) : index.instance('gcp', event.resourceId);
  const regionZones = context.regions.find((region) => region.name === event.region)?.zones ?? [
    `${event.region}-b`,
  ];
  const zone = located?.zone ?? [...regionZones].sort()[hashString(event.resourceId) % regionZones.length]!;
  const collection = disk ? 'disks' : 'instances';
  const method = event.operation.split('.').at(-1) ?? 'insert';
  const resourceName = `projects/${event.account}/zones/${zone}/${collection}/${event.resourceName}`;
  const timestampMs = Date.parse(event.time);
  const operationId = `operation-${timestampMs}-${deriveHex(`op:${event.id}`, 13)}-${deriveHex(`op2:${event.id}`, 8)}-${deriveHex(`op3:${event.id}`, 8)}`;
  const insertId = `-${event.id}`;
  const serviceAccount = /gserviceaccount\.com$/.test(event.actor);
  const entry: JsonObject = {
    protoPayload: {
      '@type': 'type.googleapis.com/google.cloud.audit.AuditLog',
      status: {},
      authenticationInfo: { principalEmail: event.actor },
      requestMetadata: {
        callerIp: serviceAccount ? 'private' : deriveIpv4(`caller:${event.actor}`, 203),
        callerSuppliedUserAgent: serviceAccount
          ? 'google-api-go-client/0.5 Terraform/1.9.8 (+https://www.terraform.io) terraform-provider-google/6.10.0'
          : `google-cloud-sdk gcloud/496.0.0 command/gcloud.compute.${collection}.${method === 'insert' ? 'create' : method}`,
      },
      serviceName: event.source,
      methodName: event.operation,
      authorizationInfo: [
        {
          permission: `compute.${collection}.${PERMISSION_VERBS[method] ?? method}`,
          granted: true,
          resourceAttributes: { service: 'compute', name: resourceName, type: `compute.${collection}` },
        },
      ],
      resourceName,
      request: { '@type': `type.googleapis.com/compute.${collection}.${method}` },
      response: {
        '@type': 'type.googleapis.com/operation',
        id: deriveDecimalId(`opid:${event.id}`, 19),
        name: operationId,
        operationType: method,
        targetId: event.resourceId,
        status: 'RUNNING',
        user: event.actor,
        zone: `https://www.googleapis.com/compute/v1/projects/${event.account}/zones/${zone}`,
        selfLink: `https://www.googleapis.com/compute/v1/projects/${event.account}/zones/${zone}/operations/${operationId}`,
      },
      resourceLocation: { currentLocations: [zone] },
    },
    insertId,
    resource: {
      type: event.resourceType,
      labels: disk
        ? { disk_id: event.resourceId, project_id: event.account, zone }
        : { instance_id: event.resourceId, project_id: event.account, zone },
    },
    timestamp: toRfc3339(timestampMs),
    severity: 'NOTICE',
    logName: activityLogName(event.account),
    operation: { id: operationId, producer: event.source, first: true, last: true },
    receiveTimestamp: toRfc3339(timestampMs + receiveDelay(insertId)),
  };
  return { timestampMs, insertId, entry };
}
