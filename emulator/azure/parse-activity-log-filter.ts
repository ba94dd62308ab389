import { parseTimestamp } from './parse-iso-duration.js';

/** The conditions of an Activity Log `$filter`, in the subset Azure accepts. */
export interface ActivityLogFilter {
  /** Inclusive lower bound (`eventTimestamp ge`), epoch ms. Required by Azure. */
  readonly startMs: number;
  /** Inclusive upper bound (`eventTimestamp le`), epoch ms, when given. */
  readonly endMs?: number;
  readonly resourceGroupName?: string;
  readonly resourceUri?: string;
  readonly resourceProvider?: string;
  readonly correlationId?: string;
  readonly caller?: string;
  readonly status?: string;
  /** `levels eq 'Critical,Error,…'`, lower-cased. */
  readonly levels?: readonly string[];
  /** `eventChannels eq 'Admin, Operation'`, lower-cased. */
  readonly eventChannels?: readonly string[];
}

/** Result of {@link parseActivityLogFilter}: the filter, or the reason it is not one. */
export type ActivityLogFilterResult =
  | { readonly ok: true; readonly filter: ActivityLogFilter }
  | { readonly ok: false; readonly message: string };

const CONDITION = /^\s*([A-Za-z]+)\s+(eq|ge|gt|le|lt)\s+(?:'((?:[^']|'')*)'|([^\s']+))\s*$/i;
type EqualityField =
  'resourceGroupName' | 'resourceUri' | 'resourceProvider' | 'correlationId' | 'caller' | 'status';

const EQUALITY_FIELDS: Readonly<Record<string, EqualityField>> = {
  resourcegroupname: 'resourceGroupName',
  resourceuri: 'resourceUri',
  resourceid: 'resourceUri',
  resourceprovider: 'resourceProvider',
  correlationid: 'correlationId',
  caller: 'caller',
  status: 'status',
};

/** Splits on ` and ` outside quoted strings. */
function splitConditions(filter: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let index = 0; index < filter.length; index++) {
    const char = filter.charAt(index);
    if (char === "'") quoted = !quoted;
    if (!quoted && /\s/.test(char) && /^\s+and\s+/i.test(filter.slice(index))) {
      parts.push(current);
      const match = /^\s+and\s+/i.exec(filter.slice(index))!;
      index += match[0].length - 1;
      current = '';
      continue;
    }
    current += char;
  }
  parts.push(current);
  return parts;
}

/**
 * Parses an Activity Log (`ActivityLogs_List`) `$filter`: conditions joined by `and`, each
 * `field op 'value'`. `eventTimestamp` takes `ge`/`gt`/`le`/`lt` and `ge` (the start) is
 * mandatory, as in Azure; `resourceGroupName`, `resourceUri` (alias `resourceId`),
 * `resourceProvider`, `correlationId`, `caller`, `status`, `levels` and `eventChannels` take `eq`.
 * Values compare case-insensitively.
 */
export function parseActivityLogFilter(filter: string | undefined): ActivityLogFilterResult {
  if (filter === undefined || filter.trim() === '') {
    return {
      ok: false,
      message:
        "The $filter query parameter is required and must specify the start time, e.g. eventTimestamp ge '2026-11-19T00:00:00Z'.",
    };
  }
  let startMs: number | undefined;
  let endMs: number | undefined;
  const equalities: Partial<Record<EqualityField, string>> = {};
  let levels: string[] | undefined;
  let eventChannels: string[] | undefined;
  for (const condition of splitConditions(filter)) {
    const match = CONDITION.exec(condition);
    if (!match) return { ok: false, message: `The $filter condition '${condition.trim()}' is not valid.` };
    const [, rawField, rawOperator, quoted, bare] = match as unknown as [
      string,
      string,
      string,
      string | undefined,
      string | undefined,
    ];
    const field = rawField.toLowerCase();
    const operator = rawOperator.toLowerCase();
    const value = quoted === undefined ? (bare ?? '') : quoted.replace(/''/g, "'");
    if (field === 'eventtimestamp') {
      const ms = parseTimestamp(value);
      if (ms === undefined)
        return { ok: false, message: `The eventTimestamp value '${value}' is not a valid date time.` };
      if (operator === 'ge' || operator === 'gt') startMs = operator === 'gt' ? ms + 1 : ms;
      else if (operator === 'le' || operator === 'lt') endMs = operator === 'lt' ? ms - 1 : ms;
      else return { ok: false, message: "eventTimestamp supports the operators 'ge', 'gt', 'le' and 'lt'." };
      continue;
    }
    if (operator !== 'eq')
      return { ok: false, message: `The filter field '${rawField}' only supports the 'eq' operator.` };
    if (field === 'levels') {
      levels = value
        .split(',')
        .map((level) => level.trim().toLowerCase())
        .filter((level) => level !== '');
      continue;
    }
    if (field === 'eventchannels') {
      eventChannels = value
        .split(',')
        .map((channel) => channel.trim().toLowerCase())
        .filter((channel) => channel !== '');
      continue;
    }
    const key = EQUALITY_FIELDS[field];
    if (key === undefined) return { ok: false, message: `The filter field '${rawField}' is not supported.` };
    equalities[key] = value;
  }
  if (startMs === undefined) {
    return { ok: false, message: "The $filter must specify the start time with 'eventTimestamp ge'." };
  }
  return {
    ok: true,
    filter: {
      startMs,
      ...(endMs === undefined ? {} : { endMs }),
      ...equalities,
      ...(levels === undefined ? {} : { levels }),
      ...(eventChannels === undefined ? {} : { eventChannels }),
    },
  };
}
