/** The Log Analytics tables this adapter searches. */
export type LogTable = 'AppTraces' | 'Syslog' | 'ContainerLogV2';

/** The tables, in the order they are scanned. */
export const LOG_TABLES: readonly LogTable[] = ['AppTraces', 'Syslog', 'ContainerLogV2'];

/**
 * An Azure "log group": the rows one source writes to one table of one workspace.
 * - `AppTraces`: Application Insights traces of a function app (or any app), keyed by `AppRoleName`;
 * - `Syslog`: a VM's syslog collected by the Azure Monitor agent, keyed by `_ResourceId` (the VM's ARM id);
 * - `ContainerLogV2`: a container's stdout/stderr from Container insights (AKS), keyed by `ContainerName`.
 */
export interface LogGroupRef {
  /** The workspace (customer) id, a GUID. */
  readonly workspaceId: string;
  readonly table: LogTable;
  /** `AppRoleName` (AppTraces), lower-case `_ResourceId` (Syslog) or `ContainerName` (ContainerLogV2). */
  readonly source: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for the name of a table this adapter searches. */
export function isLogTable(name: string): name is LogTable {
  return (LOG_TABLES as readonly string[]).includes(name);
}

/** The log group id `{workspaceId}/{table}/{source}` (the source may itself contain `/`). */
export function toLogGroupId(ref: LogGroupRef): string {
  return `${ref.workspaceId.toLowerCase()}/${ref.table}/${ref.source}`;
}

/** Parses a log group id; `undefined` when it is not one this adapter made. */
export function parseLogGroupId(id: string): LogGroupRef | undefined {
  const first = id.indexOf('/');
  const second = first < 0 ? -1 : id.indexOf('/', first + 1);
  if (second < 0) return undefined;
  const workspaceId = id.slice(0, first);
  const table = id.slice(first + 1, second);
  const source = id.slice(second + 1);
  if (!GUID.test(workspaceId) || !isLogTable(table) || source === '') return undefined;
  return { workspaceId: workspaceId.toLowerCase(), table, source };
}

/** The display name of a log group: `AppTraces/{role name}`, `Syslog/{VM name}`, `ContainerLogV2/{container}`. */
export function toLogGroupName(ref: Pick<LogGroupRef, 'table' | 'source'>): string {
  const source = ref.table === 'Syslog' ? ref.source.slice(ref.source.lastIndexOf('/') + 1) : ref.source;
  return `${ref.table}/${source}`;
}
