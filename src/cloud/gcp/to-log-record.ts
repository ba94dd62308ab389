import type { LogRecord } from '../../core/ports/cloud-port.js';
import { toRegionOfZone } from './to-region-of-zone.js';
import type { GcpLogEntry } from './to-gcp-log-entry.js';

/** Resource labels that name the resource a log line comes from, most specific first. */
const STREAM_LABELS = [
  'instance_id',
  'function_name',
  'service_name',
  'database_id',
  'bucket_name',
  'cluster_name',
];

/**
 * The region of an entry: its resource's zone (as a region), `region` or `location` label, else
 * the first location the audit payload names, else `global`.
 */
export function toEntryRegion(entry: Pick<GcpLogEntry, 'resourceLabels' | 'auditLog'>): string {
  const labels = entry.resourceLabels;
  const zone = labels.zone;
  if (zone !== undefined && zone !== '') return toRegionOfZone(zone);
  const region = labels.region ?? labels.location;
  if (region !== undefined && region !== '') return toRegionOfZone(region);
  const located = entry.auditLog?.currentLocations[0];
  return located === undefined ? 'global' : toRegionOfZone(located);
}

/**
 * The message of an entry: the text payload, else a structured payload's `message` (or the whole
 * payload as JSON), else `service method resource` of an audit payload.
 */
export function toEntryMessage(entry: GcpLogEntry): string {
  if (entry.textPayload !== undefined) return entry.textPayload;
  if (entry.jsonPayload !== undefined) {
    const message = entry.jsonPayload.message;
    return typeof message === 'string' ? message : JSON.stringify(entry.jsonPayload);
  }
  if (entry.auditLog !== undefined) {
    const audit = entry.auditLog;
    return [audit.serviceName, audit.methodName, audit.resourceName].filter((part) => part !== '').join(' ');
  }
  return '';
}

/**
 * Normalizes a log entry. The log group is the full log name; the stream is the monitored resource
 * (`gce_instance/1234567890`, `cloud_function/checkout`, `global`); the event id is the insert id.
 */
export function toLogRecord(entry: GcpLogEntry, project: string): LogRecord {
  const streamLabel = STREAM_LABELS.map((label) => entry.resourceLabels[label]).find(
    (value) => value !== undefined && value !== '',
  );
  const resourceType = entry.resourceType === '' ? 'global' : entry.resourceType;
  return {
    provider: 'gcp',
    account: project,
    region: toEntryRegion(entry),
    logGroup: entry.logName,
    stream: streamLabel === undefined ? resourceType : `${resourceType}/${streamLabel}`,
    timestamp: entry.timestamp,
    message: toEntryMessage(entry),
    eventId: entry.insertId,
  };
}
