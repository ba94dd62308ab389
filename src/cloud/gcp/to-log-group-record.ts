import type { ResourceRecord } from '../../core/ports/cloud-port.js';

/** The log id of a log name (`projects/p/logs/app%2Fweb` → `app/web`). */
export function toLogId(logName: string): string {
  const marker = logName.indexOf('/logs/');
  const encoded = marker < 0 ? logName : logName.slice(marker + '/logs/'.length);
  try {
    return decodeURIComponent(encoded);
  } catch {
    return encoded;
  }
}

/**
 * Normalizes a Cloud Logging log (`logs.list`) into a log group. The id is the full log name
 * (what `logName` filters take), the name the decoded log id. Logs are project-wide, so the region
 * is `global`; `logs.list` returns names only, so no other field is known.
 */
export function toLogGroupRecord(logName: string, project: string): ResourceRecord {
  return {
    provider: 'gcp',
    kind: 'log_group',
    id: logName,
    name: toLogId(logName),
    account: project,
    region: 'global',
    tags: {},
    fields: {},
  };
}
