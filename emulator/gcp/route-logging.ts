import { logEventsBetween } from '../estate/logs.js';
import type { EstateAccount, EstateAuditEvent, EstateLogGroup } from '../estate/model.js';
import type { OperationRoute, WireRequest, WireResponse } from '../server/wire.js';
import type { GcpContext } from './gcp-context.js';
import { LOG_ENTRY_ENUMS } from './gcp-enums.js';
import {
  enumEncodingOf,
  gcpJsonResponse,
  memoize,
  renderResource,
  serializeList,
  withIntEnums,
  type EnumEncoding,
  type JsonObject,
  type RenderedResource,
} from './gcp-json.js';
import {
  decodeOffsetToken,
  decodePageToken,
  encodePageToken,
  parseIntegerParameter,
  queryFingerprint,
  resolvePageSize,
  slicePage,
} from './gcp-paging.js';
import { gcpRoute, requireProject } from './gcp-route.js';
import {
  activityLogName,
  buildAppEntry,
  buildAuditEntry,
  logGroupCode,
  logGroupResource,
  severityOfLevel,
  type BuiltEntry,
} from './logging-entries.js';
import { LoggingFilterError, parseLoggingFilter, type LoggingFilter } from './parse-logging-filter.js';
import { invalidArgument } from './render-gcp-error.js';

/** `entries.list` page size: 50 by default, at most 1,000. */
const LOGGING_DEFAULT_PAGE_SIZE = 50;
const LOGGING_MAX_PAGE_SIZE = 1000;
/** Without a timestamp restriction, `entries.list` covers the 24 hours before "now" (the estate's anchor). */
const DEFAULT_WINDOW_MS = 24 * 3_600_000;
/** How far back anything is kept: the `_Required` bucket (audit logs) keeps 400 days. */
const OLDEST_MS = 400 * 86_400_000;
/** App logs live in the `_Default` bucket: 30 days unless the log says otherwise. */
const DEFAULT_RETENTION_DAYS = 30;
/** Entries are generated and sorted one time slice at a time. */
const CHUNK_MS = 3_600_000;
/** When a page fills at a slice boundary, look this many slices ahead for one more entry. */
const LOOKAHEAD_CHUNKS = 48;
/**
 * Generated events one request may look at before it answers with what it found so far and a
 * page token (real Logging also returns short or empty pages with a token after long searches).
 */
const SCAN_BUDGET = 150_000;
/** Slices kept between requests, so that paging through one query generates each slice once. */
const SLICE_CACHE_SIZE = 32;
/** …and at most this many entries in all of them, to bound memory. */
const SLICE_CACHE_ENTRIES = 50_000;

/**
 * Fields every entry of a source fixes, for pruning sources the filter cannot match: audit entries
 * share their log name and never carry text or JSON payloads; application entries share log name
 * and resource and never carry a proto or JSON payload.
 */
const AUDIT_KNOWN_FIELDS: readonly string[] = ['logName', 'textPayload', 'jsonPayload'];
const APP_KNOWN_FIELDS: readonly string[] = [
  'logName',
  'resource',
  'protoPayload',
  'jsonPayload',
  'httpRequest',
  'operation',
];
/** Fields of an application log entry known before it is built (see the pre-check in `collect`). */
const PROBE_FIELDS: readonly string[] = [...APP_KNOWN_FIELDS, 'severity', 'textPayload'];

/** Routes Cloud Logging v2 requests; `segments` start after `/v2/`. */
export type LoggingRouter = (request: WireRequest, segments: readonly string[]) => OperationRoute | undefined;

interface ListRequest {
  readonly resourceNames: readonly string[];
  readonly filter: string;
  readonly orderBy: string;
  readonly pageSize?: number;
  readonly pageToken: string;
}

/** Parses the JSON body of `entries.list`; field errors become 400 INVALID_ARGUMENT. */
function parseListBody(body: Buffer): ListRequest {
  let parsed: unknown;
  try {
    parsed = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
  } catch {
    return invalidArgument('Invalid JSON payload received.');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    return invalidArgument('Invalid JSON payload received.');
  const value = parsed as Record<string, unknown>;
  const strings = (field: string): string[] => {
    const raw = value[field];
    if (raw === undefined) return [];
    if (!Array.isArray(raw) || raw.some((item) => typeof item !== 'string')) {
      return invalidArgument(`Invalid value at '${field}': expected a list of strings.`, field);
    }
    return raw as string[];
  };
  const text = (field: string): string => {
    const raw = value[field];
    if (raw === undefined) return '';
    if (typeof raw !== 'string')
      return invalidArgument(`Invalid value at '${field}': expected a string.`, field);
    return raw;
  };
  const rawSize = value.pageSize;
  let pageSize: number | undefined;
  if (typeof rawSize === 'number' || typeof rawSize === 'string') {
    pageSize = Number(rawSize);
    if (!Number.isInteger(pageSize))
      return invalidArgument(`Invalid value at 'page_size': ${String(rawSize)}.`, 'page_size');
    if (pageSize < 0) return invalidArgument('page_size must not be negative.', 'page_size');
  } else if (rawSize !== undefined) {
    return invalidArgument(`Invalid value at 'page_size'.`, 'page_size');
  }
  const projectIds = strings('projectIds').map((id) => `projects/${id}`);
  return {
    resourceNames: [...strings('resourceNames'), ...projectIds],
    filter: text('filter'),
    orderBy: text('orderBy'),
    ...(pageSize === undefined ? {} : { pageSize }),
    pageToken: text('pageToken'),
  };
}

/** The project of a resource name (`projects/p` or `projects/p/locations/…/views/…`), else `undefined`. */
function projectOfResourceName(name: string): string | undefined {
  return /^projects\/([^/]+)(?:\/locations\/[^/]+\/buckets\/[^/]+\/views\/[^/]+)?$/.exec(name)?.[1];
}

/** Peeks at the body for the journal's `account` without failing. */
function accountOfBody(body: Buffer): string | undefined {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { resourceNames?: unknown; projectIds?: unknown };
    const first: unknown = Array.isArray(parsed.resourceNames) ? parsed.resourceNames[0] : undefined;
    if (typeof first === 'string') return projectOfResourceName(first);
    const id: unknown = Array.isArray(parsed.projectIds) ? parsed.projectIds[0] : undefined;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}

interface AppSource {
  readonly group: EstateLogGroup;
  readonly resource: JsonObject;
  readonly code: string;
  readonly fromMs: number;
}

function compareEntries(
  a: Pick<BuiltEntry, 'timestampMs' | 'insertId'>,
  b: Pick<BuiltEntry, 'timestampMs' | 'insertId'>,
): number {
  if (a.timestampMs !== b.timestampMs) return a.timestampMs - b.timestampMs;
  return a.insertId < b.insertId ? -1 : a.insertId > b.insertId ? 1 : 0;
}

/** First index of `times` with a value ≥ `target` (`times` sorted ascending). */
function lowerBound(times: readonly number[], target: number): number {
  let low = 0;
  let high = times.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (times[middle]! < target) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Creates the Cloud Logging v2 router over an estate. */
export function createLoggingRouter(context: GcpContext): LoggingRouter {
  const { index } = context;
  const sliceCache = new Map<string, readonly BuiltEntry[]>();
  let cachedEntries = 0;

  const auditOf = memoize(
    (project: string): { events: readonly EstateAuditEvent[]; times: readonly number[] } => {
      const account = context.project(project);
      const events = account
        ? context
            .projectRegions(account)
            .flatMap((region) => index.auditEventsIn('gcp', project, region))
            .sort((a, b) =>
              a.time < b.time ? -1 : a.time > b.time ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
            )
        : [];
      return { events, times: events.map((event) => Date.parse(event.time)) };
    },
  );
  // Audit entries are built and serialized once per event (both enum encodings), then kept.
  const auditEntry = memoize(
    (event: EstateAuditEvent): BuiltEntry & { readonly rendered: RenderedResource } => {
      const built = buildAuditEntry(context, event);
      return { ...built, rendered: renderResource(built.entry, LOG_ENTRY_ENUMS) };
    },
  );
  const groupsOf = memoize((project: EstateAccount): readonly EstateLogGroup[] =>
    context.projectRegions(project).flatMap((region) => index.logGroupsIn('gcp', project.id, region)),
  );

  const serialize = (
    built: BuiltEntry & { readonly rendered?: RenderedResource },
    encoding: EnumEncoding,
  ): string =>
    built.rendered !== undefined
      ? built.rendered.json(encoding)
      : JSON.stringify(encoding === 'int' ? withIntEnums(built.entry, LOG_ENTRY_ENUMS) : built.entry);

  const listEntries = (request: WireRequest): WireResponse => {
    const body = parseListBody(request.body);
    if (body.resourceNames.length === 0) {
      return invalidArgument('resource_names: at least one resource name is required.', 'resource_names');
    }
    const projects: EstateAccount[] = [];
    for (const name of body.resourceNames) {
      const projectId = projectOfResourceName(name);
      if (projectId === undefined)
        return invalidArgument(`Invalid resource name: '${name}'.`, 'resource_names');
      const project = requireProject(context, 'logging', projectId, 'logging.logEntries.list', name);
      if (!projects.includes(project)) projects.push(project);
    }
    let filter: LoggingFilter;
    try {
      filter = parseLoggingFilter(body.filter);
    } catch (error) {
      if (!(error instanceof LoggingFilterError)) throw error;
      return invalidArgument(`Unparseable filter: ${error.message}`, 'filter');
    }
    const order = body.orderBy.trim().replace(/\s+/g, ' ').toLowerCase();
    if (order !== '' && order !== 'timestamp asc' && order !== 'timestamp desc' && order !== 'timestamp') {
      invalidArgument(
        `Invalid order_by: '${body.orderBy}'. Only "timestamp asc" and "timestamp desc" are supported.`,
        'order_by',
      );
    }
    const descending = order === 'timestamp desc';
    const pageSize = resolvePageSize(
      body.pageSize,
      LOGGING_DEFAULT_PAGE_SIZE,
      LOGGING_MAX_PAGE_SIZE,
      context.pageSizeCap,
    );

    const now = context.anchorMs;
    const fromMs = filter.restrictsTimestamp
      ? Math.max(filter.bounds.from ?? now - OLDEST_MS, now - OLDEST_MS)
      : now - DEFAULT_WINDOW_MS;
    const toMs = Math.min(
      filter.restrictsTimestamp ? (filter.bounds.to ?? Number.POSITIVE_INFINITY) : Number.POSITIVE_INFINITY,
      now + 1,
    );
    const fingerprint = queryFingerprint(
      body.resourceNames.join(','),
      body.filter,
      descending ? 'desc' : 'asc',
      fromMs,
      toMs,
    );
    const position = decodePageToken(body.pageToken, fingerprint, 'page_token');
    let cursor: { timestampMs: number; insertId: string } | undefined;
    if (position !== undefined) {
      const match = typeof position === 'string' ? /^(\d+)\|(.*)$/.exec(position) : null;
      if (!match)
        return invalidArgument(`Invalid value for field 'page_token': '${body.pageToken}'.`, 'page_token');
      cursor = { timestampMs: Number(match[1]), insertId: match[2]! };
    }

    // Sources that can hold matching entries (the filter is checked against what each source fixes).
    const auditSources = projects.filter((project) =>
      filter.mayMatch({ logName: activityLogName(project.id) }, AUDIT_KNOWN_FIELDS),
    );
    const appSources: AppSource[] = [];
    for (const project of projects) {
      for (const group of groupsOf(project)) {
        const resource = logGroupResource(index, group);
        if (!filter.mayMatch({ logName: group.id, resource }, APP_KNOWN_FIELDS)) continue;
        const retentionDays = group.retentionDays ?? DEFAULT_RETENTION_DAYS;
        appSources.push({
          group,
          resource,
          code: logGroupCode(group),
          fromMs: Math.max(fromMs, now - retentionDays * 86_400_000),
        });
      }
    }

    /** Generated events and audit sources looked at by this request, against {@link SCAN_BUDGET}. */
    let work = 0;
    /** Matching entries with `startMs ≤ timestamp < endMs`, ascending; slices are cached across pages. */
    const collect = (startMs: number, endMs: number): readonly BuiltEntry[] => {
      const key = `${fingerprint}:${startMs}:${endMs}`;
      const cached = sliceCache.get(key);
      if (cached !== undefined) {
        sliceCache.delete(key);
        sliceCache.set(key, cached);
        return cached;
      }
      const found: BuiltEntry[] = [];
      for (const project of auditSources) {
        work += auditOf(project.id).events.length > 0 ? 1 : 0;
        const { events, times } = auditOf(project.id);
        for (
          let position = lowerBound(times, startMs);
          position < events.length && times[position]! < endMs;
          position++
        ) {
          const built = auditEntry(events[position]!);
          if (filter.matches(built.entry)) found.push(built);
        }
      }
      for (const source of appSources) {
        const from = Math.max(startMs, source.fromMs);
        if (from >= endMs) continue;
        // A cheap pre-check on the fields an event fixes (severity, text) before building the entry.
        const probe: JsonObject = {
          logName: source.group.id,
          resource: source.resource,
          severity: '',
          textPayload: '',
        };
        const events = logEventsBetween(source.group, from, endMs);
        work += events.length;
        for (const event of events) {
          probe.severity = severityOfLevel(event.level);
          probe.textPayload = event.message;
          if (!filter.mayMatch(probe, PROBE_FIELDS)) continue;
          const built = buildAppEntry(source.group, source.resource, source.code, event);
          if (filter.matches(built.entry)) found.push(built);
        }
      }
      found.sort(compareEntries);
      sliceCache.set(key, found);
      cachedEntries += found.length;
      // Bounded by slices and by entries, oldest first.
      for (const [oldKey, oldSlice] of sliceCache) {
        if (sliceCache.size <= SLICE_CACHE_SIZE && cachedEntries <= SLICE_CACHE_ENTRIES) break;
        if (oldKey === key) break;
        sliceCache.delete(oldKey);
        cachedEntries -= oldSlice.length;
      }
      return found;
    };

    // Walk a fixed grid of time slices (so consecutive pages reuse the same cached slices), in the
    // requested order, from the cursor on.
    const page: BuiltEntry[] = [];
    let more = false;
    let resumeAt: { timestampMs: number; insertId: string } | undefined;
    if (fromMs < toMs) {
      const firstSlice = Math.floor(fromMs / CHUNK_MS);
      const lastSlice = Math.floor((toMs - 1) / CHUNK_MS);
      const cursorSlice = cursor === undefined ? undefined : Math.floor(cursor.timestampMs / CHUNK_MS);
      const begin = descending
        ? Math.min(lastSlice, cursorSlice ?? lastSlice)
        : Math.max(firstSlice, cursorSlice ?? firstSlice);
      const step = descending ? -1 : 1;
      let lookahead = 0;
      for (let slice = begin; descending ? slice >= firstSlice : slice <= lastSlice; slice += step) {
        const sliceItems = collect(
          Math.max(fromMs, slice * CHUNK_MS),
          Math.min(toMs, (slice + 1) * CHUNK_MS),
        );
        const ordered = descending ? [...sliceItems].reverse() : sliceItems;
        const after = cursor;
        const items =
          after === undefined || slice !== cursorSlice
            ? ordered
            : ordered.filter((item) =>
                descending ? compareEntries(item, after) < 0 : compareEntries(item, after) > 0,
              );
        if (page.length >= pageSize) {
          // The page filled at a slice boundary: is there anything after it?
          if (items.length > 0 || ++lookahead >= LOOKAHEAD_CHUNKS || work > SCAN_BUDGET) {
            more = true;
            break;
          }
          continue;
        }
        for (const item of items) {
          if (page.length >= pageSize) {
            more = true;
            break;
          }
          page.push(item);
        }
        if (more) break;
        const isLast = descending ? slice === firstSlice : slice === lastSlice;
        if (work > SCAN_BUDGET && !isLast) {
          // Like Logging after a long search: return what was found, with a token that resumes
          // right after the slices already searched (possibly an empty page).
          more = true;
          resumeAt = descending
            ? { timestampMs: slice * CHUNK_MS - 1, insertId: '\uffff' }
            : { timestampMs: (slice + 1) * CHUNK_MS, insertId: '' };
          break;
        }
      }
    }
    const last = resumeAt ?? page.at(-1);
    const encoding = enumEncodingOf(request);
    return gcpJsonResponse(
      serializeList(
        {},
        'entries',
        page.map((item) => serialize(item, encoding)),
        {
          nextPageToken:
            more && last !== undefined
              ? encodePageToken(fingerprint, `${last.timestampMs}|${last.insertId}`)
              : undefined,
        },
      ),
    );
  };

  const listLogs = (request: WireRequest, project: EstateAccount): WireResponse => {
    const params = request.url.searchParams;
    const names = new Set<string>();
    if (auditOf(project.id).events.length > 0) names.add(activityLogName(project.id));
    for (const group of groupsOf(project)) names.add(group.id);
    const fingerprint = queryFingerprint(project.id, 'logs');
    const pageSize = resolvePageSize(
      parseIntegerParameter(params.get('pageSize'), 'pageSize'),
      LOGGING_MAX_PAGE_SIZE,
      LOGGING_MAX_PAGE_SIZE,
      context.pageSizeCap,
    );
    const page = slicePage(
      [...names].sort(),
      decodeOffsetToken(params.get('pageToken'), fingerprint),
      pageSize,
    );
    return gcpJsonResponse(
      serializeList(
        {},
        'logNames',
        page.items.map((name) => JSON.stringify(name)),
        {
          nextPageToken:
            page.nextOffset === undefined ? undefined : encodePageToken(fingerprint, page.nextOffset),
        },
      ),
    );
  };

  return (request, segments) => {
    const method = request.method.toUpperCase();
    const [first, second, third, fourth] = segments;
    if (first === 'entries:list' && segments.length === 1) {
      if (method !== 'POST') return undefined;
      const account = accountOfBody(request.body);
      return gcpRoute({
        service: 'logging',
        operation: 'entries.list',
        ...(account === undefined ? {} : { account }),
        serve: () => listEntries(request),
      });
    }
    if (first === 'entries:write' && segments.length === 1) {
      return method === 'POST'
        ? gcpRoute({ service: 'logging', operation: 'entries.write', mutating: true })
        : undefined;
    }
    if (first === 'projects' && second !== undefined && third === 'logs') {
      const base = { service: 'logging' as const, account: second };
      if (fourth === undefined && method === 'GET' && segments.length === 3) {
        return gcpRoute({
          ...base,
          operation: 'logs.list',
          serve: () => listLogs(request, requireProject(context, 'logging', second, 'logging.logs.list')),
        });
      }
      if (fourth !== undefined && method === 'DELETE' && segments.length === 4) {
        return gcpRoute({ ...base, operation: 'logs.delete', mutating: true });
      }
    }
    return undefined;
  };
}
