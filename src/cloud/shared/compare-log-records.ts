import type { LogRecord } from '../../core/ports/cloud-port.js';

/**
 * The order of `searchLogs` results: by time, then log group, then event id (code-unit order, so
 * every machine agrees).
 */
export function compareLogRecords(a: LogRecord, b: LogRecord): number {
  if (a.timestamp !== b.timestamp) return a.timestamp < b.timestamp ? -1 : 1;
  if (a.logGroup !== b.logGroup) return a.logGroup < b.logGroup ? -1 : 1;
  return a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0;
}
