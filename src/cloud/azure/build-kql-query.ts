import type { LogSearchRequest } from '../../core/ports/cloud-port.js';
import type { LogTable } from './log-group-id.js';

/** How each table names the columns a search needs. */
interface TableShape {
  /** Column that identifies the source of a row (see `LogGroupRef.source`). */
  readonly sourceColumn: string;
  /** Case-insensitive membership for sources that Log Analytics stores lower-cased (`_ResourceId`). */
  readonly sourceCaseInsensitive: boolean;
  readonly messageColumn: string;
  /** Column shown as the event's stream (invocation, syslog facility, pod). */
  readonly streamColumn: string;
  /** Columns returned by a search, in order. */
  readonly columns: readonly string[];
  /**
   * Level conditions. `error` means error and worse; `warn` means warnings only, as on the other
   * clouds (where a warn search matches warning lines, not errors).
   */
  readonly levels: Readonly<Record<NonNullable<LogSearchRequest['level']>, string>>;
}

/**
 * Column layout of the searched tables (https://learn.microsoft.com/azure/azure-monitor/reference/tables/apptraces,
 * …/syslog, …/containerlogv2). `AppTraces.SeverityLevel` is Application Insights' number
 * (0 Verbose, 1 Information, 2 Warning, 3 Error, 4 Critical); `Syslog.SeverityLevel` the syslog
 * keyword; `ContainerLogV2.LogLevel` the level Container insights parsed from the line.
 */
export const TABLE_SHAPES: Readonly<Record<LogTable, TableShape>> = {
  AppTraces: {
    sourceColumn: 'AppRoleName',
    sourceCaseInsensitive: false,
    messageColumn: 'Message',
    streamColumn: 'OperationId',
    columns: ['TimeGenerated', 'Message', 'SeverityLevel', 'AppRoleName', 'OperationId'],
    levels: { error: 'SeverityLevel >= 3', warn: 'SeverityLevel == 2' },
  },
  Syslog: {
    sourceColumn: '_ResourceId',
    sourceCaseInsensitive: true,
    messageColumn: 'SyslogMessage',
    streamColumn: 'Facility',
    columns: ['TimeGenerated', 'Computer', 'Facility', 'SeverityLevel', 'SyslogMessage', '_ResourceId'],
    levels: {
      error: 'SeverityLevel in ("emerg", "alert", "crit", "err")',
      warn: 'SeverityLevel == "warning"',
    },
  },
  ContainerLogV2: {
    sourceColumn: 'ContainerName',
    sourceCaseInsensitive: false,
    messageColumn: 'LogMessage',
    streamColumn: 'PodName',
    columns: ['TimeGenerated', 'ContainerName', 'PodName', 'LogLevel', 'LogMessage'],
    levels: {
      error: 'LogLevel in~ ("error", "critical", "fatal")',
      warn: 'LogLevel in~ ("warning", "warn")',
    },
  },
};

function isControlCharacter(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029;
}

/**
 * A KQL string literal for arbitrary text: double-quoted, with `\` and `"` escaped and the line
 * breaks and tab written as `\n`, `\r`, `\t` (a raw line break would end the literal). Other
 * control characters are dropped: they cannot be typed in a search and have no portable escape.
 * The result is always exactly one literal, so user text can never become query syntax.
 * See https://learn.microsoft.com/kusto/query/scalar-data-types/string
 */
export function toKqlString(text: string): string {
  let out = '"';
  for (const char of text) {
    if (char === '\\') out += '\\\\';
    else if (char === '"') out += '\\"';
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    else if (!isControlCharacter(char)) out += char;
  }
  return `${out}"`;
}

/** A KQL datetime literal (UTC, millisecond precision). */
export function toKqlDatetime(date: Date): string {
  return `datetime(${date.toISOString()})`;
}

function timeCondition(start: Date, end: Date): string {
  return `TimeGenerated >= ${toKqlDatetime(start)} and TimeGenerated < ${toKqlDatetime(end)}`;
}

/** What a search query selects. */
export interface LogSearchQuery {
  readonly table: LogTable;
  /** Sources (see `LogGroupRef.source`) whose rows are wanted; at least one. */
  readonly sources: readonly string[];
  readonly start: Date;
  /** Exclusive. */
  readonly end: Date;
  readonly pattern?: string | undefined;
  readonly level?: LogSearchRequest['level'];
  /** Most rows returned. */
  readonly take: number;
}

/**
 * The KQL of a log search: the window `[start, end)`, the sources, the level, the pattern as a
 * case-insensitive substring of the message (`contains`), oldest first, at most `take` rows.
 * Every value from outside (sources, pattern) goes through {@link toKqlString}.
 */
export function buildLogSearchQuery(query: LogSearchQuery): string {
  const shape = TABLE_SHAPES[query.table];
  const sources = query.sources.map(toKqlString).join(', ');
  const lines = [
    query.table,
    `| where ${timeCondition(query.start, query.end)}`,
    `| where ${shape.sourceColumn} ${shape.sourceCaseInsensitive ? 'in~' : 'in'} (${sources})`,
  ];
  if (query.level !== undefined) lines.push(`| where ${shape.levels[query.level]}`);
  const pattern = query.pattern?.trim();
  if (pattern !== undefined && pattern !== '')
    lines.push(`| where ${shape.messageColumn} contains ${toKqlString(pattern)}`);
  lines.push(
    '| order by TimeGenerated asc',
    `| take ${Math.max(0, Math.floor(query.take))}`,
    `| project ${shape.columns.join(', ')}`,
  );
  return lines.join('\n');
}

/** Column names of a discovery result. */
export const DISCOVERY_COLUMNS = { source: 'Source', events: 'Events', lastSeen: 'LastSeen' } as const;

/**
 * The KQL that finds the sources writing to a table in `[start, end)`: one row per source with
 * its event count and last event time.
 */
export function buildSourceDiscoveryQuery(table: LogTable, start: Date, end: Date): string {
  const shape = TABLE_SHAPES[table];
  return [
    table,
    `| where ${timeCondition(start, end)}`,
    `| where isnotempty(${shape.sourceColumn})`,
    `| summarize ${DISCOVERY_COLUMNS.events} = count(), ${DISCOVERY_COLUMNS.lastSeen} = max(TimeGenerated) by ${DISCOVERY_COLUMNS.source} = ${shape.sourceColumn}`,
  ].join('\n');
}
