import type { EstateInstance, InstanceMetrics } from '../estate/model.js';
import { aggregateMetric, type MetricStatistic } from '../estate/metrics.js';
import type { WireRequest } from '../server/wire.js';
import {
  insightsBadRequestError,
  resourceGroupNotFoundError,
  resourceNotFoundError,
  subscriptionNotFoundError,
} from './arm-errors.js';
import type { ArmOutcome, AzureServeContext } from './azure-route.js';
import { parseArmResourcePath } from './parse-arm-resource-id.js';
import { parseIsoDuration, parseIsoInterval } from './parse-iso-duration.js';
import { readQueryParameter } from './read-query-parameter.js';

/** An Azure Monitor aggregation type, as the `aggregation` parameter and the response spell it. */
export type Aggregation = 'average' | 'minimum' | 'maximum' | 'total' | 'count';

const AGGREGATIONS: readonly Aggregation[] = ['average', 'minimum', 'maximum', 'total', 'count'];

/**
 * A VM platform metric the emulator serves, as a linear function `offset + scale × pattern` of
 * one of the estate's metric patterns (per-minute values).
 */
export interface VmMetricDefinition {
  readonly name: string;
  readonly unit: 'Percent' | 'Bytes';
  readonly primary: Aggregation;
  readonly description: string;
  readonly pattern: keyof InstanceMetrics;
  readonly offset: (instance: EstateInstance) => number;
  readonly scale: (instance: EstateInstance) => number;
}

const GIB = 1024 ** 3;
const MEMORY_GIB: Readonly<Record<string, number>> = {
  Standard_B1s: 1,
  Standard_B1ms: 2,
  Standard_B2s: 4,
  Standard_B2ms: 8,
  Standard_D2s_v3: 8,
  Standard_D4s_v3: 16,
  Standard_D4s_v5: 16,
  Standard_D8s_v5: 32,
  Standard_D2as_v5: 8,
  Standard_F4s_v2: 8,
  Standard_F8s_v2: 16,
  Standard_F16s_v2: 32,
  Standard_E4s_v3: 32,
  Standard_E8s_v5: 64,
  Standard_E16s_v3: 128,
  Standard_NC4as_T4_v3: 28,
  Standard_NC6s_v3: 112,
};

/** Memory of a VM size in bytes (known sizes from the catalog; otherwise 4 GiB per vCPU). */
function memoryBytes(instance: EstateInstance): number {
  const known = MEMORY_GIB[instance.type];
  if (known !== undefined) return known * GIB;
  const vcpus = Number(/_[A-Z]+(\d+)/.exec(instance.type)?.[1] ?? '2');
  return Math.max(1, vcpus) * 4 * GIB;
}

const ZERO = (): number => 0;
const ONE = (): number => 1;
/** Network patterns are bytes per second; the `… Total` metrics count the bytes of each minute. */
const PER_MINUTE = (): number => 60;

const VM_METRICS: readonly VmMetricDefinition[] = [
  {
    name: 'Percentage CPU',
    unit: 'Percent',
    primary: 'average',
    description:
      'The percentage of allocated compute units that are currently in use by the Virtual Machine(s)',
    pattern: 'cpu',
    offset: ZERO,
    scale: ONE,
  },
  {
    name: 'Network In Total',
    unit: 'Bytes',
    primary: 'total',
    description:
      'The number of bytes received on all network interfaces by the Virtual Machine(s) (Incoming Traffic)',
    pattern: 'networkIn',
    offset: ZERO,
    scale: PER_MINUTE,
  },
  {
    name: 'Network Out Total',
    unit: 'Bytes',
    primary: 'total',
    description:
      'The number of bytes out on all network interfaces by the Virtual Machine(s) (Outgoing Traffic)',
    pattern: 'networkOut',
    offset: ZERO,
    scale: PER_MINUTE,
  },
  {
    name: 'Network In',
    unit: 'Bytes',
    primary: 'total',
    description:
      'The number of billable bytes received on all network interfaces by the Virtual Machine(s) (Incoming Traffic)',
    pattern: 'networkIn',
    offset: ZERO,
    scale: PER_MINUTE,
  },
  {
    name: 'Network Out',
    unit: 'Bytes',
    primary: 'total',
    description:
      'The number of billable bytes out on all network interfaces by the Virtual Machine(s) (Outgoing Traffic)',
    pattern: 'networkOut',
    offset: ZERO,
    scale: PER_MINUTE,
  },
  {
    name: 'Available Memory Bytes',
    unit: 'Bytes',
    primary: 'average',
    description:
      'Amount of physical memory, in bytes, immediately available for allocation to a process or for system use in the Virtual Machine',
    pattern: 'memory',
    offset: memoryBytes,
    scale: (instance) => -memoryBytes(instance) / 100,
  },
  {
    name: 'Available Memory Percentage',
    unit: 'Percent',
    primary: 'average',
    description:
      'Amount of physical memory, in percentage, immediately available for allocation to a process or for system use in the Virtual Machine',
    pattern: 'memory',
    offset: () => 100,
    scale: () => -1,
  },
];

const METRIC_BY_NAME = new Map(VM_METRICS.map((metric) => [metric.name.toLowerCase(), metric]));
/** Azure Monitor keeps platform metrics 93 days. */
const MAX_WINDOW_MS = 93 * 86_400_000;
const MINUTE_MS = 60_000;

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6 + 0;
}

interface PeriodStats {
  readonly timestamp: number;
  average?: number;
  minimum?: number;
  maximum?: number;
  sum?: number;
  count?: number;
}

/** The statistics of `aggregateMetric` each requested aggregation needs. */
function statisticsFor(aggregations: readonly Aggregation[], decreasing: boolean): Set<MetricStatistic> {
  const needed = new Set<MetricStatistic>();
  for (const aggregation of aggregations) {
    if (aggregation === 'average') needed.add('Average');
    if (aggregation === 'minimum') needed.add(decreasing ? 'Maximum' : 'Minimum');
    if (aggregation === 'maximum') needed.add(decreasing ? 'Minimum' : 'Maximum');
    if (aggregation === 'total') {
      needed.add('Sum');
      needed.add('SampleCount');
    }
    if (aggregation === 'count') needed.add('SampleCount');
  }
  return needed;
}

/** Per-period statistics of a pattern over the window, either period-aligned or as one `FULL` point. */
function periodStatistics(
  metrics: InstanceMetrics,
  definition: VmMetricDefinition,
  window: { readonly startMs: number; readonly endMs: number },
  periodSeconds: number | 'FULL',
  statistics: ReadonlySet<MetricStatistic>,
): PeriodStats[] {
  const pattern = metrics[definition.pattern];
  const byTimestamp = new Map<number, PeriodStats>();
  const at = (timestamp: number): PeriodStats => {
    let stats = byTimestamp.get(timestamp);
    if (!stats) byTimestamp.set(timestamp, (stats = { timestamp }));
    return stats;
  };
  if (periodSeconds === 'FULL') {
    const minutes = aggregateMetric(pattern, window.startMs, window.endMs, 60, 'Average');
    if (minutes.length === 0) return [];
    const stats = at(window.startMs);
    const values = minutes.map((point) => point.value);
    const sum = values.reduce((total, value) => total + value, 0);
    stats.average = round6(sum / values.length);
    stats.minimum = Math.min(...values);
    stats.maximum = Math.max(...values);
    stats.sum = round6(sum);
    stats.count = values.length;
    return [stats];
  }
  for (const statistic of statistics) {
    for (const point of aggregateMetric(pattern, window.startMs, window.endMs, periodSeconds, statistic)) {
      const stats = at(point.timestamp);
      if (statistic === 'Average') stats.average = point.value;
      else if (statistic === 'Minimum') stats.minimum = point.value;
      else if (statistic === 'Maximum') stats.maximum = point.value;
      else if (statistic === 'Sum') stats.sum = point.value;
      else if (statistic === 'SampleCount') stats.count = point.value;
    }
  }
  return [...byTimestamp.values()].sort((a, b) => a.timestamp - b.timestamp);
}

/** One `data` entry: the requested aggregations of the metric (a linear map of the pattern's statistics). */
function dataPoint(
  stats: PeriodStats,
  aggregations: readonly Aggregation[],
  offset: number,
  scale: number,
): Record<string, string | number> {
  const map = (value: number | undefined): number | undefined =>
    value === undefined ? undefined : round6(offset + scale * value);
  const point: Record<string, string | number> = { timeStamp: isoSeconds(stats.timestamp) };
  const low = scale < 0 ? stats.maximum : stats.minimum;
  const high = scale < 0 ? stats.minimum : stats.maximum;
  const values: Record<Aggregation, number | undefined> = {
    average: map(stats.average),
    minimum: map(low),
    maximum: map(high),
    total:
      stats.sum === undefined || stats.count === undefined
        ? undefined
        : round6(offset * stats.count + scale * stats.sum),
    count: stats.count,
  };
  for (const aggregation of AGGREGATIONS) {
    const value = values[aggregation];
    if (aggregations.includes(aggregation) && value !== undefined) point[aggregation] = value;
  }
  return point;
}

function parseAggregations(text: string | undefined): readonly Aggregation[] | string {
  if (text === undefined || text.trim() === '') return [];
  const out: Aggregation[] = [];
  for (const part of text.split(',')) {
    const name = part.trim().toLowerCase();
    if (!(AGGREGATIONS as readonly string[]).includes(name)) return part.trim();
    if (!out.includes(name as Aggregation)) out.push(name as Aggregation);
  }
  return out;
}

/** The namespace of VM platform metrics. */
export const VM_NAMESPACE = 'Microsoft.Compute/virtualMachines';

/** The metric names of a `metricnames` parameter (default `Percentage CPU`). */
export function requestedMetricNames(text: string | undefined): string[] {
  return (text ?? 'Percentage CPU')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

/**
 * What a metrics read asks for, apart from the resources and the window: the metric definitions,
 * the interval and the aggregations. Shared by `Metrics_List` and `Metrics_Batch`.
 */
export interface VmMetricQuery {
  readonly definitions: readonly VmMetricDefinition[];
  /** As requested, upper case (`PT5M`, `FULL`). */
  readonly intervalText: string;
  readonly periodSeconds: number | 'FULL';
  /** Empty: each metric's primary aggregation. */
  readonly aggregations: readonly Aggregation[];
}

/**
 * Parses `metricnames` (already split), `interval` and `aggregation`; a message in Azure Monitor's
 * wording for an unknown metric, a bad interval or a bad aggregation.
 */
export function parseVmMetricQuery(
  names: readonly string[],
  intervalParameter: string | undefined,
  aggregationParameter: string | undefined,
): VmMetricQuery | { readonly error: string } {
  const definitions: VmMetricDefinition[] = [];
  for (const name of names) {
    const definition = METRIC_BY_NAME.get(name.toLowerCase());
    if (!definition) {
      return {
        error:
          `Failed to find metric configuration for provider: Microsoft.Compute, resource Type: virtualMachines, metric: ${name}, ` +
          `Valid metrics: ${VM_METRICS.map((metric) => metric.name).join(',')}`,
      };
    }
    definitions.push(definition);
  }
  const intervalText = (intervalParameter ?? 'PT1M').toUpperCase();
  let periodSeconds: number | 'FULL';
  if (intervalText === 'FULL') periodSeconds = 'FULL';
  else {
    const ms = parseIsoDuration(intervalText);
    if (ms === undefined || ms < MINUTE_MS || ms % MINUTE_MS !== 0 || ms > 86_400_000) {
      return {
        error: `Invalid interval '${intervalText}'. Supported intervals are PT1M to P1D, in whole minutes, or FULL.`,
      };
    }
    periodSeconds = ms / 1000;
  }
  const aggregations = parseAggregations(aggregationParameter);
  if (typeof aggregations === 'string') {
    return {
      error: `Invalid aggregation '${aggregations}'. Valid aggregation types are Average, Count, Minimum, Maximum, Total.`,
    };
  }
  return { definitions, intervalText, periodSeconds, aggregations };
}

/** True when a window is longer than Azure Monitor keeps platform metrics. */
export function exceedsRetention(window: { readonly startMs: number; readonly endMs: number }): boolean {
  return window.endMs - window.startMs > MAX_WINDOW_MS;
}

/** The message of a window longer than the retention. */
export const RETENTION_MESSAGE = 'The requested time span exceeds the maximum allowed of 93 days.';

/**
 * The `value` array of one VM's metrics response (one entry per metric, each with one time series)
 * and the query's `cost` (minutes read), over `window` clipped to the VM's creation time.
 */
export function vmMetricValues(
  instance: EstateInstance,
  query: VmMetricQuery,
  window: { readonly startMs: number; readonly endMs: number },
): { readonly value: readonly Record<string, unknown>[]; readonly cost: number } {
  const createdMs = Date.parse(instance.createdTime);
  const effective = {
    startMs: Number.isFinite(createdMs) ? Math.max(window.startMs, createdMs) : window.startMs,
    endMs: window.endMs,
  };
  let cost = 0;
  const value = query.definitions.map((definition) => {
    const aggregations = query.aggregations.length > 0 ? query.aggregations : [definition.primary];
    const scale = definition.scale(instance);
    const offset = definition.offset(instance);
    const statistics = statisticsFor(aggregations, scale < 0);
    const periods =
      effective.endMs > effective.startMs
        ? periodStatistics(instance.metrics, definition, effective, query.periodSeconds, statistics)
        : [];
    cost += Math.max(0, Math.ceil((effective.endMs - effective.startMs) / MINUTE_MS));
    return {
      id: `${instance.id}/providers/Microsoft.Insights/metrics/${definition.name}`,
      type: 'Microsoft.Insights/metrics',
      name: { value: definition.name, localizedValue: definition.name },
      displayDescription: definition.description,
      unit: definition.unit,
      timeseries: [
        { metadatavalues: [], data: periods.map((stats) => dataPoint(stats, aggregations, offset, scale)) },
      ],
      errorCode: 'Success',
    };
  });
  return { value, cost };
}

/** ISO-8601 without milliseconds (`2026-11-20T10:00:00Z`), as Azure Monitor writes times. */
export function isoSeconds(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * `Metrics_List` (`GET {resourceUri}/providers/Microsoft.Insights/metrics`) for a VM: the platform
 * metrics `Percentage CPU`, `Network In Total`, `Network Out Total`, `Network In`, `Network Out`,
 * `Available Memory Bytes` and `Available Memory Percentage`, computed with `aggregateMetric` from
 * the VM's patterns over `timespan` (default: the hour before the estate's now) at `interval`
 * (default `PT1M`, or `FULL`), for the requested `aggregation`s (default: each metric's primary
 * one). Periods are aligned to multiples of the interval since the epoch; a VM has no data before
 * it was created. Errors use the flat Insights shape: an unknown metric name is 400 `BadRequest`
 * "Failed to find metric configuration…", as Azure words it.
 */
export function serveMetrics(
  request: WireRequest,
  context: AzureServeContext,
  resourceUri: string,
): ArmOutcome {
  const { catalog } = context;
  const path = parseArmResourcePath(resourceUri);
  if (path?.subscription === undefined)
    return insightsBadRequestError(`The resource URI '${resourceUri}' is not valid.`);
  const subscription = catalog.subscription(path.subscription);
  if (!subscription) return subscriptionNotFoundError(path.subscription);
  if (path.resourceGroup !== undefined && !subscription.resourceGroup(path.resourceGroup)) {
    return resourceGroupNotFoundError(path.resourceGroup);
  }
  const vm = catalog.virtualMachines().byId(resourceUri);
  const url = request.url;
  const requested = requestedMetricNames(readQueryParameter(url, 'metricnames'));
  if (!vm) {
    const type = `${path.namespace ?? ''}/${path.types.join('/')}`;
    const name = path.names[path.names.length - 1] ?? '';
    const other = [
      catalog.disks(),
      catalog.sites(),
      catalog.sqlServers(),
      catalog.storageAccounts(),
      catalog.workspaces(),
    ].some((collection) => collection.byId(resourceUri) !== undefined);
    if (!other) return resourceNotFoundError(type, name, path.resourceGroup ?? '');
    return insightsBadRequestError(
      `Failed to find metric configuration for provider: ${path.namespace ?? ''}, resource Type: ${path.types.join('/')}, ` +
        `metric: ${requested.join(',')}, Valid metrics: `,
    );
  }
  const namespace = readQueryParameter(url, 'metricnamespace');
  if (namespace !== undefined && namespace.toLowerCase() !== VM_NAMESPACE.toLowerCase()) {
    return insightsBadRequestError(
      `Failed to find metric configuration for provider: Microsoft.Compute, resource Type: virtualMachines, metric namespace: ${namespace}`,
    );
  }
  const parsed = parseVmMetricQuery(
    requested,
    readQueryParameter(url, 'interval'),
    readQueryParameter(url, 'aggregation'),
  );
  if ('error' in parsed) return insightsBadRequestError(parsed.error);
  const timespanText = readQueryParameter(url, 'timespan');
  const window =
    timespanText === undefined
      ? { startMs: catalog.nowMs - 3_600_000, endMs: catalog.nowMs }
      : parseIsoInterval(timespanText, catalog.nowMs);
  if (window === undefined || timespanText?.includes('/') === false) {
    return insightsBadRequestError(
      `Invalid time span '${timespanText ?? ''}'. The timespan must have the format 'startDateTime_ISO/endDateTime_ISO'.`,
    );
  }
  if (exceedsRetention(window)) return insightsBadRequestError(RETENTION_MESSAGE);
  const { value, cost } = vmMetricValues(vm.instance, parsed, window);
  return {
    body: JSON.stringify({
      cost,
      timespan: `${isoSeconds(window.startMs)}/${isoSeconds(window.endMs)}`,
      interval: parsed.intervalText,
      value,
      namespace: VM_NAMESPACE,
      resourceregion: vm.instance.region,
    }),
  };
}
