import { logEventsBetween } from '../estate/logs.js';
import type { EstateLogGroup, LogEvent } from '../estate/model.js';
import { deterministicGuid } from './deterministic-guid.js';
import type { KqlColumn, KqlRow, KqlTableSource, KqlWindow } from './execute-kql.js';

/**
 * The Log Analytics tables the emulator serves, generated from the estate's Azure log groups:
 * - `AppTraces` and `FunctionAppLogs`: function apps (groups `FunctionAppLogs/{site}`),
 * - `Syslog`: VMs (groups `Syslog/{vm}`; one stream per facility),
 * - `ContainerLogV2`: containerised services (groups `ContainerLogV2/{service}`).
 */

/** What a row needs to know about its log group. */
export interface LogGroupContext {
  readonly group: EstateLogGroup;
  /** `_ResourceId`: Log Analytics stores resource ids in lower case. */
  readonly resourceId: string;
  /** The resource's name: the function app (`AppRoleName`, `AppName`) or the VM (`Computer`). */
  readonly resourceName: string;
}

interface TableDefinition {
  readonly name: string;
  readonly columns: readonly KqlColumn[];
  /** The group-name prefixes (`Syslog/`) and sources (`vm`) whose groups feed the table. */
  readonly prefixes: readonly string[];
  readonly sources: readonly string[];
  toRow(context: LogGroupContext, event: LogEvent): KqlRow;
}

const INVOCATION_ID = /Id=([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/;
const FUNCTION_NAME = /'Functions\.([A-Za-z0-9_]+)'|Functions\.([A-Za-z0-9_]+)/;
/** `Nov 19 10:00:00 host process[pid]: message` (the syslog header the generator writes). */
const SYSLOG_LINE = /^[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \S+ ([A-Za-z0-9_.-]+)(?:\[(\d+)\])?: (.*)$/s;

/** Application Insights severity levels: 0 Verbose, 1 Information, 2 Warning, 3 Error. */
const TRACE_SEVERITY: Readonly<Record<LogEvent['level'], number>> = { DEBUG: 0, INFO: 1, WARN: 2, ERROR: 3 };
/** `Level` of `FunctionAppLogs` (ILogger level names). */
const FUNCTION_LEVEL: Readonly<Record<LogEvent['level'], string>> = {
  DEBUG: 'Debug',
  INFO: 'Information',
  WARN: 'Warning',
  ERROR: 'Error',
};
/** Syslog severity names as the `Syslog` table spells them. */
const SYSLOG_SEVERITY: Readonly<Record<LogEvent['level'], string>> = {
  DEBUG: 'debug',
  INFO: 'info',
  WARN: 'warning',
  ERROR: 'err',
};
const CONTAINER_LEVEL: Readonly<Record<LogEvent['level'], string>> = {
  DEBUG: 'debug',
  INFO: 'info',
  WARN: 'warning',
  ERROR: 'error',
};

function compactId(text: string): string {
  return deterministicGuid(text).replace(/-/g, '');
}

function functionNameOf(message: string): string {
  const match = FUNCTION_NAME.exec(message);
  return match?.[1] ?? match?.[2] ?? '';
}

const TABLES: readonly TableDefinition[] = [
  {
    name: 'AppTraces',
    columns: [
      { name: 'TimeGenerated', type: 'datetime' },
      { name: 'Message', type: 'string' },
      { name: 'SeverityLevel', type: 'int' },
      { name: 'AppRoleName', type: 'string' },
      { name: '_ResourceId', type: 'string' },
      { name: 'OperationId', type: 'string' },
    ],
    prefixes: ['functionapplogs/', 'apptraces/'],
    sources: ['functionapp'],
    toRow: (context, event) => [
      event.timestamp,
      event.message,
      TRACE_SEVERITY[event.level],
      context.resourceName,
      context.resourceId,
      // Invocation lines carry the invocation id; other lines get a stable id of their own.
      INVOCATION_ID.exec(event.message)?.[1]?.replace(/-/g, '') ??
        compactId(`${context.group.id}/${event.eventId}`),
    ],
  },
  {
    name: 'FunctionAppLogs',
    columns: [
      { name: 'TimeGenerated', type: 'datetime' },
      { name: 'AppName', type: 'string' },
      { name: 'FunctionName', type: 'string' },
      { name: 'FunctionInvocationId', type: 'string' },
      { name: 'Level', type: 'string' },
      { name: 'Message', type: 'string' },
      { name: 'Category', type: 'string' },
      { name: 'HostInstanceId', type: 'string' },
      { name: '_ResourceId', type: 'string' },
    ],
    prefixes: ['functionapplogs/', 'apptraces/'],
    sources: ['functionapp'],
    toRow: (context, event) => {
      const functionName = functionNameOf(event.message);
      return [
        event.timestamp,
        context.resourceName,
        functionName,
        INVOCATION_ID.exec(event.message)?.[1] ?? '',
        FUNCTION_LEVEL[event.level],
        event.message,
        functionName === '' ? 'Host.General' : `Function.${functionName}`,
        deterministicGuid(`${context.group.id}/${event.stream}`),
        context.resourceId,
      ];
    },
  },
  {
    name: 'Syslog',
    columns: [
      { name: 'TimeGenerated', type: 'datetime' },
      { name: 'Computer', type: 'string' },
      { name: 'Facility', type: 'string' },
      { name: 'HostName', type: 'string' },
      { name: 'SeverityLevel', type: 'string' },
      { name: 'SyslogMessage', type: 'string' },
      { name: 'ProcessID', type: 'int' },
      { name: 'ProcessName', type: 'string' },
      { name: '_ResourceId', type: 'string' },
    ],
    prefixes: ['syslog/'],
    sources: ['vm', 'syslog'],
    toRow: (context, event) => {
      // Log Analytics splits the syslog header into columns; the message keeps its level word.
      const line = SYSLOG_LINE.exec(event.message);
      return [
        event.timestamp,
        context.resourceName,
        event.stream,
        context.resourceName,
        SYSLOG_SEVERITY[event.level],
        line?.[3] ?? event.message,
        line?.[2] === undefined ? null : Number(line[2]),
        line?.[1] ?? '',
        context.resourceId,
      ];
    },
  },
  {
    name: 'ContainerLogV2',
    columns: [
      { name: 'TimeGenerated', type: 'datetime' },
      { name: 'Computer', type: 'string' },
      { name: 'ContainerName', type: 'string' },
      { name: 'PodName', type: 'string' },
      { name: 'PodNamespace', type: 'string' },
      { name: 'LogMessage', type: 'string' },
      { name: 'LogSource', type: 'string' },
      { name: 'LogLevel', type: 'string' },
      { name: '_ResourceId', type: 'string' },
    ],
    prefixes: ['containerlogv2/'],
    sources: [],
    toRow: (context, event) => [
      event.timestamp,
      `aks-nodepool1-${compactId(`${context.group.id}/${event.stream}/node`).slice(0, 8)}-vmss000000`,
      context.resourceName,
      event.stream,
      'default',
      event.message,
      event.level === 'ERROR' || event.level === 'WARN' ? 'stderr' : 'stdout',
      CONTAINER_LEVEL[event.level],
      context.resourceId,
    ],
  },
];

const TABLE_BY_NAME = new Map(TABLES.map((table) => [table.name, table]));

/** The columns of a table, or `undefined` for a table the emulator does not serve (names are case-sensitive, as in KQL). */
export function logAnalyticsColumns(table: string): readonly KqlColumn[] | undefined {
  return TABLE_BY_NAME.get(table)?.columns;
}

/** Whether a log group's rows appear in a table: by group-name prefix, else by source. */
export function feedsTable(group: EstateLogGroup, table: string): boolean {
  const definition = TABLE_BY_NAME.get(table);
  if (!definition) return false;
  const name = group.name.toLowerCase();
  const knownPrefix = TABLES.some((candidate) =>
    candidate.prefixes.some((prefix) => name.startsWith(prefix)),
  );
  if (knownPrefix) return definition.prefixes.some((prefix) => name.startsWith(prefix));
  if (definition.sources.includes(group.source)) return true;
  // Groups of other sources (web services) read like container logs.
  return (
    definition.name === 'ContainerLogV2' &&
    !TABLES.some((candidate) => candidate.sources.includes(group.source))
  );
}

/** Rows are generated in slices of this length, so `take` stops early and memory stays bounded. */
const SLICE_MS = 6 * 3_600_000;

/**
 * A table of one or more workspaces as the KQL engine reads it: rows generated on demand from
 * the log groups with `logEventsBetween`, never stored.
 * @param contexts the workspaces' log groups with their resource names and ids.
 * @throws Error when `table` is not served (check with {@link logAnalyticsColumns} first).
 */
export function createLogAnalyticsTable(table: string, contexts: readonly LogGroupContext[]): KqlTableSource {
  const definition = TABLE_BY_NAME.get(table);
  if (!definition) throw new Error(`Table ${table} is not served by the emulator`);
  const fed = contexts.filter((context) => feedsTable(context.group, table));
  return {
    columns: definition.columns,
    timeColumn: 'TimeGenerated',
    scan(window: KqlWindow, options, sink) {
      for (const context of fed) {
        let produced = 0;
        for (let sliceStart = window.startMs; sliceStart < window.endMs; sliceStart += SLICE_MS) {
          const sliceEnd = Math.min(window.endMs, sliceStart + SLICE_MS);
          const remaining =
            options.limitPerStream === undefined ? undefined : options.limitPerStream - produced;
          if (remaining !== undefined && remaining <= 0) break;
          const rows: KqlRow[] = [];
          logEventsBetween(context.group, sliceStart, sliceEnd, {
            filter: (event) => {
              const row = definition.toRow(context, event);
              if (options.predicate !== undefined && !options.predicate(row)) return false;
              rows.push(row);
              return true;
            },
            ...(remaining === undefined ? {} : { limit: remaining }),
          });
          produced += rows.length;
          if (rows.length > 0 && !sink(rows)) return;
        }
      }
    },
  };
}
