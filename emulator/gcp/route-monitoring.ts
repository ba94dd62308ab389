import type { EstateAccount } from '../estate/model.js';
import type { OperationRoute, WireRequest, WireResponse } from '../server/wire.js';
import type { GcpContext } from './gcp-context.js';
import { MONITORING_ALIGNER, MONITORING_REDUCER, MONITORING_VIEW, TIME_SERIES_ENUMS } from './gcp-enums.js';
import {
  enumEncodingOf,
  gcpJsonResponse,
  serializeList,
  withIntEnums,
  type EnumEncoding,
  type JsonObject,
} from './gcp-json.js';
import {
  decodeOffsetToken,
  encodePageToken,
  parseIntegerParameter,
  queryFingerprint,
  resolvePageSize,
} from './gcp-paging.js';
import { gcpRoute, requireProject } from './gcp-route.js';
import { parseRfc3339, toRfc3339 } from './gcp-time.js';
import { createInstanceActivity } from './instance-activity.js';
import {
  SAMPLE_PERIOD_MS,
  sampleRange,
  seriesOfInstance,
  type MetricKind,
  type SeriesSource,
  type ValueType,
} from './monitoring-series.js';
import {
  MonitoringFilterError,
  parseMonitoringFilter,
  type MonitoringFilter,
} from './parse-monitoring-filter.js';
import { invalidArgument } from './render-gcp-error.js';

/** `timeSeries.list` page size: the default and the largest are 100,000 (points in FULL view). */
const MONITORING_MAX_PAGE_SIZE = 100_000;
const MINUTE_MS = 60_000;

/** Routes Cloud Monitoring v3 requests; `segments` start after `/v3/`. */
export type MonitoringRouter = (
  request: WireRequest,
  segments: readonly string[],
) => OperationRoute | undefined;

type Aligner =
  | 'ALIGN_NONE'
  | 'ALIGN_DELTA'
  | 'ALIGN_RATE'
  | 'ALIGN_MIN'
  | 'ALIGN_MAX'
  | 'ALIGN_MEAN'
  | 'ALIGN_COUNT'
  | 'ALIGN_SUM'
  | 'ALIGN_STDDEV'
  | 'ALIGN_NEXT_OLDER';

type Reducer =
  | 'REDUCE_NONE'
  | 'REDUCE_MEAN'
  | 'REDUCE_MIN'
  | 'REDUCE_MAX'
  | 'REDUCE_SUM'
  | 'REDUCE_COUNT'
  | 'REDUCE_STDDEV'
  | 'REDUCE_PERCENTILE_99'
  | 'REDUCE_PERCENTILE_95'
  | 'REDUCE_PERCENTILE_50'
  | 'REDUCE_PERCENTILE_05';

/** Aligners valid per input metric kind (numeric values), per the `Aggregation.Aligner` reference. */
const VALID_ALIGNERS: Readonly<Record<MetricKind, ReadonlySet<string>>> = {
  GAUGE: new Set([
    'ALIGN_NONE',
    'ALIGN_MIN',
    'ALIGN_MAX',
    'ALIGN_MEAN',
    'ALIGN_COUNT',
    'ALIGN_SUM',
    'ALIGN_STDDEV',
    'ALIGN_NEXT_OLDER',
  ]),
  DELTA: new Set([
    'ALIGN_NONE',
    'ALIGN_DELTA',
    'ALIGN_RATE',
    'ALIGN_MIN',
    'ALIGN_MAX',
    'ALIGN_MEAN',
    'ALIGN_COUNT',
    'ALIGN_SUM',
    'ALIGN_STDDEV',
    'ALIGN_NEXT_OLDER',
  ]),
};

const SUPPORTED_REDUCERS: ReadonlySet<string> = new Set([
  'REDUCE_NONE',
  'REDUCE_MEAN',
  'REDUCE_MIN',
  'REDUCE_MAX',
  'REDUCE_SUM',
  'REDUCE_COUNT',
  'REDUCE_STDDEV',
  'REDUCE_PERCENTILE_99',
  'REDUCE_PERCENTILE_95',
  'REDUCE_PERCENTILE_50',
  'REDUCE_PERCENTILE_05',
]);

interface Query {
  readonly filter: MonitoringFilter;
  readonly startMs: number;
  readonly endMs: number;
  readonly aligner: Aligner;
  readonly periodMs: number;
  readonly reducer: Reducer;
  readonly groupBy: readonly string[];
  readonly headersOnly: boolean;
  readonly pageSize: number;
  readonly offset: number;
  readonly fingerprint: string;
}

/** A point ready to serialize: `endMs` is the point time, `startMs` equals it for gauges. */
interface Point {
  readonly startMs: number;
  readonly endMs: number;
  readonly value: number;
}

/** One output series (before serialization). */
interface OutputSeries {
  readonly metricType: string;
  readonly metricLabels: Readonly<Record<string, string>>;
  readonly resourceLabels: Readonly<Record<string, string>>;
  readonly kind: MetricKind;
  readonly valueType: ValueType;
  readonly unit: string;
  readonly pointCount: number;
  readonly points: () => readonly Point[];
}

function round9(value: number): number {
  return Math.round(value * 1e9) / 1e9 + 0;
}

function parseDurationMs(text: string, field: string): number {
  const match = /^(\d+(?:\.\d+)?)s$/.exec(text.trim());
  if (!match)
    return invalidArgument(
      `Field ${field} had an invalid value of "${text}": expected a duration such as "300s".`,
      field,
    );
  return Math.round(Number(match[1]) * 1000);
}

function parseEnum<T extends string>(
  text: string | null,
  table: { parse(text: string): string | undefined },
  fallback: T,
  field: string,
): T {
  if (text === null || text === '') return fallback;
  const name = table.parse(text);
  if (name === undefined) return invalidArgument(`Field ${field} had an invalid value of "${text}".`, field);
  return name as T;
}

function canonicalGroupBy(field: string): string {
  const label = /^(metric|resource)\.labels?\.(.+)$/.exec(field.trim());
  if (!label)
    return invalidArgument(
      `Field aggregation.groupByFields had an invalid value of "${field}".`,
      'aggregation.groupByFields',
    );
  return `${label[1]}.labels.${label[2]}`;
}

function parseQuery(request: WireRequest, project: EstateAccount, cap: number): Query {
  const params = request.url.searchParams;
  const filterText = params.get('filter') ?? '';
  let filter: MonitoringFilter;
  try {
    filter = parseMonitoringFilter(filterText);
  } catch (error) {
    if (!(error instanceof MonitoringFilterError)) throw error;
    return invalidArgument(
      `Field filter had an invalid value of "${filterText}": ${error.message}`,
      'filter',
    );
  }
  const endText = params.get('interval.endTime') ?? '';
  const endMs = parseRfc3339(endText);
  if (endMs === undefined) {
    return invalidArgument(
      `Field interval.endTime had an invalid value of "${endText}": must be an RFC 3339 timestamp.`,
      'interval.endTime',
    );
  }
  const startText = params.get('interval.startTime');
  const startMs = startText === null || startText === '' ? endMs : parseRfc3339(startText);
  if (startMs === undefined) {
    return invalidArgument(
      `Field interval.startTime had an invalid value of "${startText ?? ''}".`,
      'interval.startTime',
    );
  }
  if (startMs > endMs) {
    invalidArgument(
      'Field interval.startTime had an invalid value: the start time must not be later than the end time.',
      'interval.startTime',
    );
  }
  const alignerText = params.get('aggregation.perSeriesAligner');
  const aligner = parseEnum<Aligner>(
    alignerText,
    MONITORING_ALIGNER,
    'ALIGN_NONE',
    'aggregation.perSeriesAligner',
  );
  const reducer = parseEnum<Reducer>(
    params.get('aggregation.crossSeriesReducer'),
    MONITORING_REDUCER,
    'REDUCE_NONE',
    'aggregation.crossSeriesReducer',
  );
  if (!SUPPORTED_REDUCERS.has(reducer)) {
    invalidArgument(
      `Field aggregation.crossSeriesReducer had an invalid value of "${reducer}": the reducer cannot be applied to numeric values.`,
      'aggregation.crossSeriesReducer',
    );
  }
  const periodText = params.get('aggregation.alignmentPeriod');
  const periodMs =
    periodText === null || periodText === '' ? 0 : parseDurationMs(periodText, 'aggregation.alignmentPeriod');
  if (aligner !== 'ALIGN_NONE') {
    if (periodMs === 0)
      invalidArgument(
        'Field aggregation.alignmentPeriod had an invalid value of "": must be specified with a per-series aligner.',
        'aggregation.alignmentPeriod',
      );
    if (periodMs < MINUTE_MS)
      invalidArgument(
        `Field aggregation.alignmentPeriod had an invalid value of "${periodText ?? ''}": must be at least 60s.`,
        'aggregation.alignmentPeriod',
      );
  }
  if (reducer !== 'REDUCE_NONE' && aligner === 'ALIGN_NONE') {
    invalidArgument(
      'Field aggregation.perSeriesAligner had an invalid value of "ALIGN_NONE": an aligner is required when a cross-series reducer is specified.',
      'aggregation.perSeriesAligner',
    );
  }
  if (
    params.has('secondaryAggregation.perSeriesAligner') ||
    params.has('secondaryAggregation.crossSeriesReducer')
  ) {
    invalidArgument('Field secondaryAggregation is not supported by the emulator.', 'secondaryAggregation');
  }
  const groupBy = params
    .getAll('aggregation.groupByFields')
    .filter((field) => field !== '')
    .map(canonicalGroupBy);
  const view = parseEnum<'FULL' | 'HEADERS'>(params.get('view'), MONITORING_VIEW, 'FULL', 'view');
  const fingerprint = queryFingerprint(
    project.id,
    filterText,
    startMs,
    endMs,
    aligner,
    periodMs,
    reducer,
    groupBy.join(','),
    view,
  );
  return {
    filter,
    startMs,
    endMs,
    aligner,
    periodMs,
    reducer,
    groupBy,
    headersOnly: view === 'HEADERS',
    pageSize: resolvePageSize(
      parseIntegerParameter(params.get('pageSize'), 'pageSize'),
      MONITORING_MAX_PAGE_SIZE,
      MONITORING_MAX_PAGE_SIZE,
      cap,
    ),
    offset: decodeOffsetToken(params.get('pageToken'), fingerprint),
    fingerprint,
  };
}

/** Output kind and value type of an aligner applied to an input kind and value type. */
function alignedType(
  aligner: Aligner,
  kind: MetricKind,
  valueType: ValueType,
): { kind: MetricKind; valueType: ValueType } {
  switch (aligner) {
    case 'ALIGN_NONE':
      return { kind, valueType };
    case 'ALIGN_DELTA':
      return { kind: 'DELTA', valueType };
    case 'ALIGN_SUM':
      return { kind: kind === 'DELTA' ? 'DELTA' : 'GAUGE', valueType };
    case 'ALIGN_MIN':
    case 'ALIGN_MAX':
    case 'ALIGN_NEXT_OLDER':
      return { kind: 'GAUGE', valueType };
    case 'ALIGN_COUNT':
      return { kind: 'GAUGE', valueType: 'INT64' };
    case 'ALIGN_MEAN':
    case 'ALIGN_STDDEV':
    case 'ALIGN_RATE':
      return { kind: 'GAUGE', valueType: 'DOUBLE' };
  }
}

function stddev(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  const squares = values.reduce((sum, value) => sum + (value - mean) ** 2, 0);
  return Math.sqrt(squares / (values.length - 1));
}

function alignValues(aligner: Aligner, values: readonly number[], periodMs: number): number {
  switch (aligner) {
    case 'ALIGN_NONE':
    case 'ALIGN_NEXT_OLDER':
      return values.at(-1)!;
    case 'ALIGN_MIN':
      return Math.min(...values);
    case 'ALIGN_MAX':
      return Math.max(...values);
    case 'ALIGN_MEAN':
      return round9(values.reduce((sum, value) => sum + value, 0) / values.length);
    case 'ALIGN_COUNT':
      return values.length;
    case 'ALIGN_SUM':
    case 'ALIGN_DELTA':
      return round9(values.reduce((sum, value) => sum + value, 0));
    case 'ALIGN_RATE':
      return round9(values.reduce((sum, value) => sum + value, 0) / (periodMs / 1000));
    case 'ALIGN_STDDEV':
      return round9(stddev(values));
  }
}

function reduceValues(reducer: Reducer, values: readonly number[]): number {
  switch (reducer) {
    case 'REDUCE_NONE':
      return values[0]!;
    case 'REDUCE_MEAN':
      return round9(values.reduce((sum, value) => sum + value, 0) / values.length);
    case 'REDUCE_MIN':
      return Math.min(...values);
    case 'REDUCE_MAX':
      return Math.max(...values);
    case 'REDUCE_SUM':
      return round9(values.reduce((sum, value) => sum + value, 0));
    case 'REDUCE_COUNT':
      return values.length;
    case 'REDUCE_STDDEV':
      return round9(stddev(values));
    case 'REDUCE_PERCENTILE_99':
    case 'REDUCE_PERCENTILE_95':
    case 'REDUCE_PERCENTILE_50':
    case 'REDUCE_PERCENTILE_05': {
      const percentile = Number(reducer.slice(-2));
      const sorted = [...values].sort((a, b) => a - b);
      return sorted[Math.max(1, Math.ceil((percentile / 100) * sorted.length)) - 1]!;
    }
  }
}

/** Indexes `k` of the aligned periods `(end − (k+1)·P, end − k·P]` that hold samples, newest first. */
function periodIndexes(range: readonly [number, number], query: Query): number[] {
  const { endMs, startMs, periodMs } = query;
  const [first, last] = range;
  const limit = Math.max(0, Math.ceil((endMs - startMs) / periodMs) - 1);
  const newest = Math.floor((endMs - last) / periodMs);
  const oldest = Math.min(limit, Math.floor((endMs - first) / periodMs));
  const indexes: number[] = [];
  for (let k = newest; k <= oldest; k++) {
    if (periodMs % MINUTE_MS === 0) indexes.push(k);
    else {
      const t = endMs - k * periodMs;
      const low = Math.max(first, (Math.floor((t - periodMs) / MINUTE_MS) + 1) * MINUTE_MS);
      if (low <= Math.min(last, Math.floor(t / MINUTE_MS) * MINUTE_MS)) indexes.push(k);
    }
  }
  return indexes;
}

function pointCountOf(source: SeriesSource, query: Query): number {
  const range = sampleRange(source, query.startMs, query.endMs);
  if (range === undefined) return 0;
  if (query.aligner === 'ALIGN_NONE') return (range[1] - range[0]) / MINUTE_MS + 1;
  return periodIndexes(range, query).length;
}

function pointsOf(source: SeriesSource, query: Query): Point[] {
  const range = sampleRange(source, query.startMs, query.endMs);
  if (range === undefined) return [];
  const { metric, instance, metricLabels } = source;
  const points: Point[] = [];
  if (query.aligner === 'ALIGN_NONE') {
    for (let ts = range[1]; ts >= range[0]; ts -= MINUTE_MS) {
      const value = metric.sample(instance, metricLabels, ts);
      points.push({ startMs: metric.kind === 'DELTA' ? ts - SAMPLE_PERIOD_MS : ts, endMs: ts, value });
    }
    return points;
  }
  const outKind = alignedType(query.aligner, metric.kind, metric.valueType).kind;
  for (const k of periodIndexes(range, query)) {
    const t = query.endMs - k * query.periodMs;
    const low = Math.max(range[0], (Math.floor((t - query.periodMs) / MINUTE_MS) + 1) * MINUTE_MS);
    const high = Math.min(range[1], Math.floor(t / MINUTE_MS) * MINUTE_MS);
    const values: number[] = [];
    for (let ts = low; ts <= high; ts += MINUTE_MS) values.push(metric.sample(instance, metricLabels, ts));
    if (values.length === 0) continue;
    points.push({
      startMs: outKind === 'DELTA' ? t - query.periodMs : t,
      endMs: t,
      value: alignValues(query.aligner, values, query.periodMs),
    });
  }
  return points;
}

function unitOf(aligner: Aligner, unit: string): string {
  if (aligner === 'ALIGN_COUNT') return '1';
  if (aligner === 'ALIGN_RATE') return `${unit}/s`;
  return unit;
}

function compareSources(a: SeriesSource, b: SeriesSource): number {
  const left = `${a.metric.type}\u0000${a.instance.id}\u0000${JSON.stringify(a.metricLabels)}`;
  const right = `${b.metric.type}\u0000${b.instance.id}\u0000${JSON.stringify(b.metricLabels)}`;
  return left < right ? -1 : left > right ? 1 : 0;
}

function reduceSeries(sources: readonly SeriesSource[], query: Query): OutputSeries[] {
  const groups = new Map<string, SeriesSource[]>();
  for (const source of sources) {
    const key = [source.metric.type, ...query.groupBy.map((field) => source.selectors.get(field) ?? '')].join(
      '\u0000',
    );
    const group = groups.get(key);
    if (group) group.push(source);
    else groups.set(key, [source]);
  }
  const output: OutputSeries[] = [];
  for (const group of [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, members]) => members)) {
    const first = group[0]!;
    const byTime = new Map<number, number[]>();
    let delta = true;
    for (const member of group) {
      if (alignedType(query.aligner, member.metric.kind, member.metric.valueType).kind !== 'DELTA')
        delta = false;
      for (const point of pointsOf(member, query)) {
        const values = byTime.get(point.endMs);
        if (values) values.push(point.value);
        else byTime.set(point.endMs, [point.value]);
      }
    }
    if (byTime.size === 0) continue;
    const aligned = alignedType(query.aligner, first.metric.kind, first.metric.valueType);
    const valueType: ValueType =
      query.reducer === 'REDUCE_COUNT'
        ? 'INT64'
        : query.reducer === 'REDUCE_MIN' || query.reducer === 'REDUCE_MAX' || query.reducer === 'REDUCE_SUM'
          ? aligned.valueType
          : 'DOUBLE';
    const kind: MetricKind = delta && query.reducer === 'REDUCE_SUM' ? 'DELTA' : 'GAUGE';
    const points = [...byTime.entries()]
      .sort(([a], [b]) => b - a)
      .map(([endMs, values]) => ({
        startMs: kind === 'DELTA' ? endMs - query.periodMs : endMs,
        endMs,
        value: reduceValues(query.reducer, values),
      }));
    const pick = (prefix: string, labels: Readonly<Record<string, string>>): Record<string, string> => {
      const kept: Record<string, string> = {};
      for (const [key, value] of Object.entries(labels))
        if (query.groupBy.includes(`${prefix}.labels.${key}`)) kept[key] = value;
      return kept;
    };
    output.push({
      metricType: first.metric.type,
      metricLabels: pick('metric', first.metricLabels),
      resourceLabels: { project_id: first.instance.account, ...pick('resource', first.resourceLabels) },
      kind,
      valueType,
      unit: unitOf(query.aligner, first.metric.unit),
      pointCount: points.length,
      points: () => points,
    });
  }
  return output;
}

function pointValue(valueType: ValueType, value: number): JsonObject {
  return valueType === 'INT64' ? { int64Value: String(Math.round(value)) } : { doubleValue: value };
}

function serializeSeries(series: OutputSeries, withPoints: boolean, encoding: EnumEncoding): string {
  const object: JsonObject = {
    metric: {
      ...(Object.keys(series.metricLabels).length > 0 ? { labels: series.metricLabels } : {}),
      type: series.metricType,
    },
    resource: { type: 'gce_instance', labels: series.resourceLabels },
    metricKind: series.kind,
    valueType: series.valueType,
    ...(withPoints
      ? {
          points: series.points().map((point) => ({
            interval: { startTime: toRfc3339(point.startMs), endTime: toRfc3339(point.endMs) },
            value: pointValue(series.valueType, point.value),
          })),
        }
      : {}),
    unit: series.unit,
  };
  return JSON.stringify(encoding === 'int' ? withIntEnums(object, TIME_SERIES_ENUMS) : object);
}

/** Creates the Cloud Monitoring v3 router over an estate. */
export function createMonitoringRouter(context: GcpContext): MonitoringRouter {
  const activity = createInstanceActivity(context.estate);
  const sourcesOfProject = new Map<string, readonly SeriesSource[]>();
  const sourcesOf = (project: EstateAccount): readonly SeriesSource[] => {
    let sources = sourcesOfProject.get(project.id);
    if (sources === undefined) {
      sources = context
        .projectRegions(project)
        .flatMap((region) => context.index.instancesIn('gcp', project.id, region))
        .flatMap((instance) => seriesOfInstance(instance, activity.activeWindow(instance)))
        .sort(compareSources);
      sourcesOfProject.set(project.id, sources);
    }
    return sources;
  };

  const listTimeSeries = (request: WireRequest, project: EstateAccount): WireResponse => {
    const query = parseQuery(request, project, context.pageSizeCap);
    const matching = sourcesOf(project).filter((source) => query.filter(source.selectors));
    for (const source of matching) {
      if (!VALID_ALIGNERS[source.metric.kind].has(query.aligner)) {
        invalidArgument(
          `Field aggregation.perSeriesAligner had an invalid value of "${query.aligner}": The aligner cannot be applied to metrics with kind ${source.metric.kind} and value type ${source.metric.valueType}.`,
          'aggregation.perSeriesAligner',
        );
      }
    }
    let series: OutputSeries[];
    if (query.reducer === 'REDUCE_NONE') {
      series = [];
      for (const source of matching) {
        const pointCount = pointCountOf(source, query);
        if (pointCount === 0) continue;
        const aligned = alignedType(query.aligner, source.metric.kind, source.metric.valueType);
        series.push({
          metricType: source.metric.type,
          metricLabels: source.metricLabels,
          resourceLabels: source.resourceLabels,
          kind: aligned.kind,
          valueType: aligned.valueType,
          unit: unitOf(query.aligner, source.metric.unit),
          pointCount,
          points: () => pointsOf(source, query),
        });
      }
    } else {
      series = reduceSeries(matching, query);
    }
    // FULL view pages by points, HEADERS by series; a page always holds at least one whole series.
    const page: OutputSeries[] = [];
    let budget = query.pageSize;
    let index = query.offset;
    while (index < series.length) {
      const cost = query.headersOnly ? 1 : series[index]!.pointCount;
      if (page.length > 0 && cost > budget) break;
      page.push(series[index]!);
      budget -= cost;
      index++;
    }
    const encoding = enumEncodingOf(request);
    const units = new Set(page.map((item) => item.unit));
    return gcpJsonResponse(
      serializeList(
        {},
        'timeSeries',
        page.map((item) => serializeSeries(item, !query.headersOnly, encoding)),
        {
          nextPageToken: index < series.length ? encodePageToken(query.fingerprint, index) : undefined,
          unit: units.size === 1 ? [...units][0] : undefined,
        },
      ),
    );
  };

  return (request, segments) => {
    if (segments[0] !== 'projects' || segments[1] === undefined || segments.length !== 3) return undefined;
    const projectId = segments[1];
    const collection = segments[2];
    const method = request.method.toUpperCase();
    const base = { service: 'monitoring' as const, account: projectId };
    if (collection === 'timeSeries') {
      if (method === 'POST') return gcpRoute({ ...base, operation: 'timeSeries.create', mutating: true });
      if (method !== 'GET') return undefined;
      return gcpRoute({
        ...base,
        operation: 'timeSeries.list',
        serve: () =>
          listTimeSeries(
            request,
            requireProject(context, 'monitoring', projectId, 'monitoring.timeSeries.list'),
          ),
      });
    }
    if (collection === 'timeSeries:query')
      return gcpRoute({
        ...base,
        operation: 'timeSeries.query',
        serve: () => invalidArgument('timeSeries.query (MQL) is not supported by the emulator.'),
      });
    return undefined;
  };
}
