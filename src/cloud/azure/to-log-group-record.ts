import type { ResourceRecord } from '../../core/ports/cloud-port.js';
import { compactFields } from '../shared/compact-fields.js';
import type { Workspace } from './list-workspaces.js';
import { toLogGroupId, toLogGroupName, type LogGroupRef } from './log-group-id.js';

/** What a workspace scan found about one source. */
export interface LogSourceActivity {
  /** Rows the source wrote during the scan window. */
  readonly events: number | undefined;
  /** Time of its latest row (ISO-8601). */
  readonly lastEventTime: string | undefined;
}

/**
 * Normalizes one source of a Log Analytics workspace table into a log group record: id
 * `{workspaceId}/{table}/{source}`, name `AppTraces/{role}` or `Syslog/{VM}`, the workspace's
 * location and retention. `recent_events` and `last_event_time` describe the scan window
 * (see `listLogGroups`); the creation time of a source is not recorded by Log Analytics.
 */
export function toLogGroupRecord(
  ref: LogGroupRef,
  workspace: Workspace,
  account: string,
  activity: LogSourceActivity,
): ResourceRecord {
  return {
    provider: 'azure',
    kind: 'log_group',
    id: toLogGroupId(ref),
    name: toLogGroupName(ref),
    account,
    region: workspace.location,
    tags: {},
    fields: compactFields({
      retention_days: workspace.retentionDays,
      workspace: workspace.name,
      workspace_id: workspace.customerId.toLowerCase(),
      table: ref.table,
      source: ref.source,
      recent_events: activity.events,
      last_event_time: activity.lastEventTime,
    }),
  };
}
