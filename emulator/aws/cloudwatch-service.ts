import type { EstateInstance } from '../estate/model.js';
import type { WireResponse } from '../server/wire.js';
import type { AwsContext } from './aws-context.js';
import { AwsError } from './aws-error.js';
import { createAwsRoute, type AwsCall, type AwsRoute } from './aws-route.js';
import {
  CLOUDWATCH_JSON_PROFILE,
  CLOUDWATCH_QUERY_PROFILE,
  type AwsServiceProfile,
} from './aws-service-profile.js';
import {
  findInstanceMetric,
  INSTANCE_METRICS,
  patternOf,
  resolutionOf,
  type InstanceMetricDefinition,
} from './cloudwatch-metric-catalog.js';
import { computeMetricSeries, isSupportedStatistic, type SeriesPoint } from './compute-metric-series.js';
import { escapeXml, xmlLeaf } from './escape-xml.js';
import {
  asRecord,
  parseJsonBody,
  readBoolean,
  readInteger,
  readList,
  readString,
  readStringList,
  readTimestampMs,
} from './input-values.js';
import type { InstanceActivity } from './instance-activity.js';
import { isMutatingAction } from './is-mutating-action.js';
import { cursorOffset, decodePageToken, encodePageToken } from './page-token.js';
import type { QueryParameters } from './query-parameters.js';
import { renderAwsResponse } from './render-aws-response.js';

/** The CloudWatch part of the AWS handler, over both of its protocols. */
export interface CloudWatchService {
  /** awsJson1_0 (`X-Amz-Target: GraniteServiceVersion20100801.<operation>`). */
  routeJson(call: AwsCall, operation: string, body: Buffer): AwsRoute | undefined;
  /** awsQuery (`Action=<operation>`). */
  routeQuery(call: AwsCall, action: string, params: QueryParameters): AwsRoute | undefined;
}

/** Collaborators of {@link createCloudWatchService}. */
export interface CloudWatchServiceDeps {
  readonly context: AwsContext;
  readonly activity: InstanceActivity;
}

type Format = 'json' | 'xml';
type Input = Readonly<Record<string, unknown>>;

const MAX_QUERIES = 500;
const DEFAULT_MAX_DATAPOINTS = 100_800;
const MAX_STATISTICS_DATAPOINTS = 1440;
const LIST_METRICS_PAGE = 500;
const QUERY_ID = /^[a-z][a-zA-Z0-9_]*$/;

/** A CloudWatch error: the awsQuery code and, for JSON, the modeled shape name. */
function cloudWatchError(queryCode: string, shape: string, message: string, status = 400): AwsError {
  return new AwsError(queryCode, message, status, { jsonType: `com.amazonaws.cloudwatch#${shape}` });
}

function invalidValue(message: string): AwsError {
  return cloudWatchError('InvalidParameterValue', 'InvalidParameterValueException', message);
}

function missingParameter(name: string): AwsError {
  return cloudWatchError(
    'MissingParameter',
    'MissingRequiredParameterException',
    `The parameter ${name} is required.`,
  );
}

interface Dimension {
  readonly name: string;
  readonly value: string | undefined;
}

function readDimensions(input: Input, name: string): Dimension[] {
  return readList(input, name).map((item) => {
    const record = asRecord(item);
    return { name: readString(record, 'Name') ?? '', value: readString(record, 'Value') };
  });
}

interface MetricStatQuery {
  readonly namespace: string;
  readonly metricName: string;
  readonly dimensions: readonly Dimension[];
  readonly periodSeconds: number;
  readonly statistic: string;
  readonly unit: string | undefined;
}

interface MetricDataQuery {
  readonly id: string;
  readonly label: string | undefined;
  readonly returnData: boolean;
  readonly expression: string | undefined;
  readonly metricStat: MetricStatQuery | undefined;
}

interface QueryResult {
  readonly id: string;
  readonly label: string;
  readonly points: readonly SeriesPoint[];
  readonly message?: { readonly code: string; readonly value: string };
}

function checkPeriod(periodSeconds: number | undefined, parameter: string): number {
  if (periodSeconds === undefined) throw missingParameter(parameter);
  if (
    periodSeconds <= 0 ||
    (periodSeconds >= 60 ? periodSeconds % 60 !== 0 : ![1, 5, 10, 20, 30].includes(periodSeconds))
  ) {
    throw invalidValue(`The parameter ${parameter} must be 1, 5, 10, 20, 30, 60, or any multiple of 60.`);
  }
  return periodSeconds;
}

function isoSeconds(epochMs: number): string {
  return new Date(epochMs).toISOString().replace('.000Z', 'Z');
}

/**
 * Creates the CloudWatch service: GetMetricData (up to 500 queries, `MaxDatapoints` and
 * `NextToken` paging, `ScanBy`), GetMetricStatistics (1,440-datapoint limit, extended statistics),
 * ListMetrics (500 per page, namespace/name/dimension filters, `RecentlyActive`), and empty
 * DescribeAlarms / DescribeAlarmsForMetric. Values come from the instances' metric patterns at
 * the instance's monitoring resolution (1 minute detailed, 5 minutes basic). Put/Delete/Set…
 * operations route as mutating.
 */
export function createCloudWatchService(deps: CloudWatchServiceDeps): CloudWatchService {
  const { context, activity } = deps;
  const { index } = context;

  /** The instance a metric query addresses, when its dimensions are exactly `InstanceId=<an instance of this account and region>`. */
  const instanceOf = (call: AwsCall, dimensions: readonly Dimension[]): EstateInstance | undefined => {
    if (dimensions.length !== 1) return undefined;
    const [dimension] = dimensions;
    if (dimension?.name !== 'InstanceId' || dimension.value === undefined) return undefined;
    const instance = index.instance('aws', dimension.value);
    return instance !== undefined && instance.account === call.account && instance.region === call.region
      ? instance
      : undefined;
  };

  const series = (
    metric: InstanceMetricDefinition,
    instance: EstateInstance,
    startMs: number,
    endMs: number,
    periodSeconds: number,
    statistic: string,
  ): SeriesPoint[] => {
    const window = activity.window(instance);
    return computeMetricSeries({
      pattern: patternOf(instance, metric.source),
      resolutionSeconds: resolutionOf(metric, instance),
      perInterval: metric.perInterval,
      activeFromMs: window.startMs,
      activeUntilMs: window.endMs,
      nowMs: context.anchorMs,
      startMs,
      endMs,
      periodSeconds,
      statistic,
    });
  };

  const respond = (
    profile: AwsServiceProfile,
    call: AwsCall,
    operation: string,
    format: Format,
    json: unknown,
    xml: string,
  ): WireResponse =>
    format === 'json'
      ? renderAwsResponse(profile, JSON.stringify(json), call.requestId)
      : renderAwsResponse(
          profile,
          `<${operation}Response xmlns="${CLOUDWATCH_QUERY_PROFILE.xmlNamespace!}"><${operation}Result>${xml}</${operation}Result>` +
            `<ResponseMetadata><RequestId>${call.requestId}</RequestId></ResponseMetadata></${operation}Response>`,
          call.requestId,
        );

  const readTimeWindow = (input: Input): { startMs: number; endMs: number } => {
    const startMs = readTimestampMs(input, 'StartTime');
    const endMs = readTimestampMs(input, 'EndTime');
    if (startMs === undefined) throw missingParameter('StartTime');
    if (endMs === undefined) throw missingParameter('EndTime');
    if (startMs >= endMs)
      throw invalidValue('The parameter StartTime must be less than the parameter EndTime.');
    return { startMs, endMs };
  };

  const parseQueries = (input: Input): MetricDataQuery[] => {
    const raw = readList(input, 'MetricDataQueries');
    if (raw.length === 0) throw missingParameter('MetricDataQueries');
    if (raw.length > MAX_QUERIES) {
      throw cloudWatchError(
        'ValidationError',
        'ValidationException',
        `1 validation error detected: Value at 'metricDataQueries' failed to satisfy constraint: Member must have length less than or equal to ${MAX_QUERIES}`,
      );
    }
    const seen = new Set<string>();
    return raw.map((item, position) => {
      const record = asRecord(item);
      const id = readString(record, 'Id') ?? '';
      if (!QUERY_ID.test(id)) {
        throw cloudWatchError(
          'ValidationError',
          'ValidationException',
          `The value ${id} for parameter MetricDataQueries.member.${position + 1}.Id is not valid. It must start with a lowercase letter and contain only letters, numbers and underscores.`,
        );
      }
      if (seen.has(id))
        throw cloudWatchError(
          'ValidationError',
          'ValidationException',
          `The values for parameter id in MetricDataQueries are not unique.`,
        );
      seen.add(id);
      const statRecord = record.MetricStat === undefined ? undefined : asRecord(record.MetricStat);
      const expression = readString(record, 'Expression');
      if ((statRecord === undefined) === (expression === undefined)) {
        throw cloudWatchError(
          'ValidationError',
          'ValidationException',
          `Exactly one of MetricStat and Expression must be given for MetricDataQueries.member.${position + 1}.`,
        );
      }
      let metricStat: MetricStatQuery | undefined;
      if (statRecord !== undefined) {
        const metric = asRecord(statRecord.Metric);
        const statistic = readString(statRecord, 'Stat') ?? '';
        if (!isSupportedStatistic(statistic)) {
          throw invalidValue(
            `The value ${statistic} for parameter MetricDataQueries.member.${position + 1}.MetricStat.Stat is not supported.`,
          );
        }
        metricStat = {
          namespace: readString(metric, 'Namespace') ?? '',
          metricName: readString(metric, 'MetricName') ?? '',
          dimensions: readDimensions(metric, 'Dimensions'),
          periodSeconds: checkPeriod(
            readInteger(statRecord, 'Period'),
            `MetricDataQueries.member.${position + 1}.MetricStat.Period`,
          ),
          statistic,
          unit: readString(statRecord, 'Unit'),
        };
      }
      return {
        id,
        label: readString(record, 'Label'),
        returnData: readBoolean(record, 'ReturnData') ?? true,
        expression,
        metricStat,
      };
    });
  };

  const getMetricData = (
    profile: AwsServiceProfile,
    call: AwsCall,
    input: Input,
    format: Format,
  ): WireResponse => {
    const queries = parseQueries(input);
    const { startMs, endMs } = readTimeWindow(input);
    const scanBy = readString(input, 'ScanBy') ?? 'TimestampDescending';
    if (scanBy !== 'TimestampDescending' && scanBy !== 'TimestampAscending') {
      throw invalidValue(`The value ${scanBy} for parameter ScanBy is not valid.`);
    }
    const maxDatapoints = readInteger(input, 'MaxDatapoints') ?? DEFAULT_MAX_DATAPOINTS;
    if (maxDatapoints <= 0) throw invalidValue('The parameter MaxDatapoints must be greater than 0.');

    const results: QueryResult[] = [];
    for (const query of queries) {
      if (!query.returnData) continue;
      if (query.metricStat === undefined) {
        results.push({
          id: query.id,
          label: query.label ?? query.id,
          points: [],
          message: {
            code: 'InternalError',
            value: 'Metric math expressions are not supported by the emulator.',
          },
        });
        continue;
      }
      const stat = query.metricStat;
      const metric = findInstanceMetric(stat.namespace, stat.metricName);
      const instance = metric === undefined ? undefined : instanceOf(call, stat.dimensions);
      const unitMatches = stat.unit === undefined || stat.unit === metric?.unit;
      const points =
        metric !== undefined && instance !== undefined && unitMatches
          ? series(metric, instance, startMs, endMs, stat.periodSeconds, stat.statistic)
          : [];
      if (scanBy === 'TimestampDescending') points.reverse();
      results.push({ id: query.id, label: query.label ?? stat.metricName, points });
    }

    // Paging: the datapoints of all results, in query order, MaxDatapoints at a time.
    const scope = JSON.stringify([
      'GetMetricData',
      call.account,
      call.region,
      input.MetricDataQueries,
      startMs,
      endMs,
      scanBy,
    ]);
    const token = readString(input, 'NextToken');
    let offset = 0;
    if (token !== undefined && token !== '') {
      const decoded = cursorOffset(decodePageToken(scope, token));
      if (decoded === undefined)
        throw cloudWatchError(
          'InvalidNextToken',
          'InvalidNextToken',
          'The service returned an invalid next token.',
        );
      offset = decoded;
    }
    const pageSize =
      context.pageSizeCap === undefined ? maxDatapoints : Math.min(maxDatapoints, context.pageSizeCap);
    const total = results.reduce((sum, result) => sum + result.points.length, 0);
    const pageEnd = Math.min(total, offset + pageSize);

    const jsonResults: unknown[] = [];
    const xmlResults: string[] = [];
    let cursor = 0;
    for (const result of results) {
      const from = Math.max(0, offset - cursor);
      const to = Math.max(0, Math.min(result.points.length, pageEnd - cursor));
      cursor += result.points.length;
      const slice = from < to ? result.points.slice(from, to) : [];
      const statusCode =
        result.message !== undefined
          ? 'InternalError'
          : to < result.points.length
            ? 'PartialData'
            : 'Complete';
      if (format === 'json') {
        jsonResults.push({
          Id: result.id,
          Label: result.label,
          Timestamps: slice.map((point) => point.timestamp / 1000),
          Values: slice.map((point) => point.value),
          StatusCode: statusCode,
          ...(result.message === undefined
            ? {}
            : { Messages: [{ Code: result.message.code, Value: result.message.value }] }),
        });
      } else {
        xmlResults.push(
          `<member>${xmlLeaf('Id', result.id)}${xmlLeaf('Label', result.label)}` +
            `<Timestamps>${slice.map((point) => `<member>${isoSeconds(point.timestamp)}</member>`).join('')}</Timestamps>` +
            `<Values>${slice.map((point) => `<member>${point.value}</member>`).join('')}</Values>` +
            xmlLeaf('StatusCode', statusCode) +
            (result.message === undefined
              ? ''
              : `<Messages><member>${xmlLeaf('Code', result.message.code)}${xmlLeaf('Value', result.message.value)}</member></Messages>`) +
            '</member>',
        );
      }
    }
    const nextToken = pageEnd < total ? encodePageToken(scope, { o: pageEnd }) : undefined;
    return respond(
      profile,
      call,
      'GetMetricData',
      format,
      {
        MetricDataResults: jsonResults,
        Messages: [],
        ...(nextToken === undefined ? {} : { NextToken: nextToken }),
      },
      `<MetricDataResults>${xmlResults.join('')}</MetricDataResults><Messages/>` +
        (nextToken === undefined ? '' : xmlLeaf('NextToken', nextToken)),
    );
  };

  const getMetricStatistics = (
    profile: AwsServiceProfile,
    call: AwsCall,
    input: Input,
    format: Format,
  ): WireResponse => {
    const namespace = readString(input, 'Namespace');
    const metricName = readString(input, 'MetricName');
    if (namespace === undefined) throw missingParameter('Namespace');
    if (metricName === undefined) throw missingParameter('MetricName');
    const { startMs, endMs } = readTimeWindow(input);
    const periodSeconds = checkPeriod(readInteger(input, 'Period'), 'Period');
    const statistics = readStringList(input, 'Statistics');
    const extended = readStringList(input, 'ExtendedStatistics');
    if (statistics.length === 0 && extended.length === 0) {
      throw missingParameter('Statistics or ExtendedStatistics');
    }
    for (const statistic of statistics) {
      if (!['Average', 'Sum', 'SampleCount', 'Maximum', 'Minimum'].includes(statistic)) {
        throw invalidValue(`The parameter Statistics contains an invalid value: ${statistic}.`);
      }
    }
    for (const statistic of extended) {
      if (!/^p/.test(statistic) || !isSupportedStatistic(statistic)) {
        throw invalidValue(`The parameter ExtendedStatistics contains an invalid value: ${statistic}.`);
      }
    }
    const requested = Math.ceil((endMs - startMs) / (periodSeconds * 1000));
    if (requested > MAX_STATISTICS_DATAPOINTS) {
      throw cloudWatchError(
        'InvalidParameterCombination',
        'InvalidParameterCombinationException',
        `You have requested up to ${requested} datapoints, which exceeds the limit of ${MAX_STATISTICS_DATAPOINTS}. ` +
          'You may reduce the datapoints requested by increasing Period, or decreasing the time range.',
      );
    }
    const unit = readString(input, 'Unit');
    const metric = findInstanceMetric(namespace, metricName);
    const instance = metric === undefined ? undefined : instanceOf(call, readDimensions(input, 'Dimensions'));
    const byTimestamp = new Map<number, Map<string, number>>();
    if (metric !== undefined && instance !== undefined && (unit === undefined || unit === metric.unit)) {
      for (const statistic of [...statistics, ...extended]) {
        for (const point of series(metric, instance, startMs, endMs, periodSeconds, statistic)) {
          let values = byTimestamp.get(point.timestamp);
          if (!values) byTimestamp.set(point.timestamp, (values = new Map<string, number>()));
          values.set(statistic, point.value);
        }
      }
    }
    const metricUnit = metric?.unit ?? 'None';
    const timestamps = [...byTimestamp.keys()].sort((a, b) => a - b);
    if (format === 'json') {
      const datapoints = timestamps.map((timestamp) => {
        const values = byTimestamp.get(timestamp)!;
        const point: Record<string, unknown> = { Timestamp: timestamp / 1000 };
        for (const statistic of statistics) point[statistic] = values.get(statistic);
        if (extended.length > 0)
          point.ExtendedStatistics = Object.fromEntries(extended.map((s) => [s, values.get(s)]));
        point.Unit = metricUnit;
        return point;
      });
      return respond(
        profile,
        call,
        'GetMetricStatistics',
        format,
        { Label: metricName, Datapoints: datapoints },
        '',
      );
    }
    const members = timestamps.map((timestamp) => {
      const values = byTimestamp.get(timestamp)!;
      const stats = statistics.map((statistic) => xmlLeaf(statistic, values.get(statistic) ?? 0)).join('');
      const extendedXml =
        extended.length === 0
          ? ''
          : `<ExtendedStatistics>${extended
              .map((s) => `<entry><key>${escapeXml(s)}</key><value>${values.get(s) ?? 0}</value></entry>`)
              .join('')}</ExtendedStatistics>`;
      return `<member><Timestamp>${isoSeconds(timestamp)}</Timestamp>${stats}${extendedXml}${xmlLeaf('Unit', metricUnit)}</member>`;
    });
    return respond(
      profile,
      call,
      'GetMetricStatistics',
      format,
      undefined,
      `<Datapoints>${members.join('')}</Datapoints>${xmlLeaf('Label', metricName)}`,
    );
  };

  const listMetrics = (
    profile: AwsServiceProfile,
    call: AwsCall,
    input: Input,
    format: Format,
  ): WireResponse => {
    const namespace = readString(input, 'Namespace');
    const metricName = readString(input, 'MetricName');
    const dimensionFilters = readDimensions(input, 'Dimensions');
    const recentlyActive = readString(input, 'RecentlyActive');
    if (recentlyActive !== undefined && recentlyActive !== 'PT3H') {
      throw invalidValue(`The value ${recentlyActive} for parameter RecentlyActive is not valid.`);
    }
    // ListMetrics shows metrics with data in the last two weeks (or three hours with RecentlyActive).
    const activeSince = context.anchorMs - (recentlyActive === 'PT3H' ? 3 * 3_600_000 : 14 * 86_400_000);
    const definitions = INSTANCE_METRICS.filter(
      (metric) =>
        (namespace === undefined || metric.namespace === namespace) &&
        (metricName === undefined || metric.metricName === metricName),
    );
    const dimensionsMatch = (instance: EstateInstance): boolean =>
      dimensionFilters.every(
        (filter) =>
          filter.name === 'InstanceId' && (filter.value === undefined || filter.value === instance.id),
      );

    const scope = JSON.stringify([
      'ListMetrics',
      call.account,
      call.region,
      namespace,
      metricName,
      dimensionFilters,
      recentlyActive,
    ]);
    const token = readString(input, 'NextToken');
    let offset = 0;
    if (token !== undefined && token !== '') {
      const decoded = cursorOffset(decodePageToken(scope, token));
      if (decoded === undefined)
        throw cloudWatchError(
          'InvalidNextToken',
          'InvalidNextToken',
          'The service returned an invalid next token.',
        );
      offset = decoded;
    }
    const pageSize =
      context.pageSizeCap === undefined
        ? LIST_METRICS_PAGE
        : Math.min(LIST_METRICS_PAGE, context.pageSizeCap);
    const page: { metric: InstanceMetricDefinition; instance: EstateInstance }[] = [];
    let position = 0;
    let more = false;
    if (definitions.length > 0) {
      outer: for (const instance of index.instancesIn('aws', call.account, call.region)) {
        if (!dimensionsMatch(instance) || activity.window(instance).endMs <= activeSince) continue;
        for (const metric of definitions) {
          if (position >= offset + pageSize) {
            more = true;
            break outer;
          }
          if (position >= offset) page.push({ metric, instance });
          position++;
        }
      }
    }
    const nextToken = more ? encodePageToken(scope, { o: offset + pageSize }) : undefined;
    return respond(
      profile,
      call,
      'ListMetrics',
      format,
      {
        Metrics: page.map(({ metric, instance }) => ({
          Namespace: metric.namespace,
          MetricName: metric.metricName,
          Dimensions: [{ Name: 'InstanceId', Value: instance.id }],
        })),
        ...(nextToken === undefined ? {} : { NextToken: nextToken }),
      },
      `<Metrics>${page
        .map(
          ({ metric, instance }) =>
            `<member>${xmlLeaf('Namespace', metric.namespace)}${xmlLeaf('MetricName', metric.metricName)}` +
            `<Dimensions><member><Name>InstanceId</Name>${xmlLeaf('Value', instance.id)}</member></Dimensions></member>`,
        )
        .join('')}</Metrics>` + (nextToken === undefined ? '' : xmlLeaf('NextToken', nextToken)),
    );
  };

  const describeAlarms = (
    profile: AwsServiceProfile,
    call: AwsCall,
    _input: Input,
    format: Format,
  ): WireResponse =>
    respond(
      profile,
      call,
      'DescribeAlarms',
      format,
      { MetricAlarms: [], CompositeAlarms: [] },
      '<MetricAlarms/><CompositeAlarms/>',
    );

  const describeAlarmsForMetric = (
    profile: AwsServiceProfile,
    call: AwsCall,
    _input: Input,
    format: Format,
  ): WireResponse =>
    respond(profile, call, 'DescribeAlarmsForMetric', format, { MetricAlarms: [] }, '<MetricAlarms/>');

  type Operation = (profile: AwsServiceProfile, call: AwsCall, input: Input, format: Format) => WireResponse;
  const operations: Readonly<Record<string, Operation>> = {
    GetMetricData: getMetricData,
    GetMetricStatistics: getMetricStatistics,
    ListMetrics: listMetrics,
    DescribeAlarms: describeAlarms,
    DescribeAlarmsForMetric: describeAlarmsForMetric,
  };

  const route = (
    profile: AwsServiceProfile,
    call: AwsCall,
    operation: string,
    format: Format,
    readInput: () => Input,
  ): AwsRoute | undefined => {
    const handler = Object.hasOwn(operations, operation) ? operations[operation] : undefined;
    if (handler !== undefined)
      return createAwsRoute(profile, call, operation, false, () =>
        handler(profile, call, readInput(), format),
      );
    if (isMutatingAction(operation)) {
      return createAwsRoute(profile, call, operation, true, () => {
        throw new AwsError('AccessDenied', `${operation} is refused by the read-only emulator.`, 403);
      });
    }
    return undefined;
  };

  return {
    routeJson: (call, operation, body) =>
      route(CLOUDWATCH_JSON_PROFILE, call, operation, 'json', () => parseJsonBody(body)),
    routeQuery: (call, action, params) =>
      route(CLOUDWATCH_QUERY_PROFILE, call, action, 'xml', () => params.toObject()),
  };
}
