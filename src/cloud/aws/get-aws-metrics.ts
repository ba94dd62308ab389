import type { GetMetricDataCommandOutput, MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import { SreError } from '../../core/errors/sre-error.js';
import type {
  MetricRequest,
  MetricStatistic,
  MetricValues,
  ScopeTarget,
} from '../../core/ports/cloud-port.js';
import type { AwsAdapterContext } from './aws-adapter-context.js';
import { mapWithConcurrency } from '../shared/map-with-concurrency.js';
import { mergeMetricValues } from './merge-metric-values.js';
import { readAwsPages } from './read-aws-pages.js';
import { toCallKey } from './to-call-key.js';
import { toMetricSlots } from '../shared/metric-slots.js';

/** GetMetricData accepts at most 500 queries per call. */
export const METRIC_QUERIES_PER_CALL = 500;
/** Batches in flight at once (each is one runner call per page). */
const BATCH_CONCURRENCY = 4;

/** Where each product metric lives in CloudWatch, for EC2 instances (dimension `InstanceId`). */
export const AWS_INSTANCE_METRICS: Readonly<
  Record<MetricRequest['metric'], { readonly namespace: string; readonly metricName: string }>
> = {
  cpu: { namespace: 'AWS/EC2', metricName: 'CPUUtilization' },
  // EC2 publishes no memory metric: it comes from the CloudWatch agent, which must be configured
  // to publish `mem_used_percent` with the `InstanceId` dimension (append_dimensions).
  memory: { namespace: 'CWAgent', metricName: 'mem_used_percent' },
  network_in: { namespace: 'AWS/EC2', metricName: 'NetworkIn' },
  network_out: { namespace: 'AWS/EC2', metricName: 'NetworkOut' },
  disk_read: { namespace: 'AWS/EC2', metricName: 'DiskReadBytes' },
  disk_write: { namespace: 'AWS/EC2', metricName: 'DiskWriteBytes' },
};

/** CloudWatch statistic names. */
export const AWS_STATISTICS: Readonly<Record<MetricStatistic, string>> = {
  avg: 'Average',
  max: 'Maximum',
  min: 'Minimum',
  sum: 'Sum',
  p50: 'p50',
  p90: 'p90',
  p95: 'p95',
  p99: 'p99',
};

/** Splits ids into batches of at most {@link METRIC_QUERIES_PER_CALL}. */
export function toMetricBatches(ids: readonly string[]): string[][] {
  const batches: string[][] = [];
  for (let start = 0; start < ids.length; start += METRIC_QUERIES_PER_CALL) {
    batches.push(ids.slice(start, start + METRIC_QUERIES_PER_CALL));
  }
  return batches;
}

/**
 * Metric values of EC2 instances over one aligned window with GetMetricData: one query per
 * instance (query ids `m0…m499`, since ids must match `^[a-z][a-zA-Z0-9_]*$`), at most 500 per
 * call, so n instances cost ceil(n/500) calls when no paging is needed; `Period` is the request's
 * `periodSeconds` (the whole window unless the caller chose otherwise), `ScanBy`
 * `TimestampAscending`, every `NextToken` followed. Several periods per instance are merged by
 * {@link mergeMetricValues}. Instances without data map to `null`.
 */
export async function getAwsMetrics(
  context: AwsAdapterContext,
  request: MetricRequest,
  scope: ScopeTarget,
  signal?: AbortSignal,
): Promise<MetricValues> {
  const { ids, values, nothingToRead } = toMetricSlots(request);
  if (nothingToRead) return values;
  const metric = AWS_INSTANCE_METRICS[request.metric];
  const stat = AWS_STATISTICS[request.statistic];
  const { client, module } = await context.pool.get('cloudwatch', scope.region);
  const key = toCallKey(scope, 'cloudwatch', 'GetMetricData');

  const batchResults = await mapWithConcurrency(toMetricBatches(ids), BATCH_CONCURRENCY, async (batch) => {
    const queries: MetricDataQuery[] = batch.map((id, index) => ({
      Id: `m${index}`,
      MetricStat: {
        Metric: {
          Namespace: metric.namespace,
          MetricName: metric.metricName,
          Dimensions: [{ Name: 'InstanceId', Value: id }],
        },
        Period: request.periodSeconds,
        Stat: stat,
      },
      ReturnData: true,
    }));
    const points = new Map<string, number[]>();
    await readAwsPages<GetMetricDataCommandOutput>(
      context.runner,
      key,
      async (token, abortSignal) => {
        const output = await client.send(
          new module.GetMetricDataCommand({
            MetricDataQueries: queries,
            StartTime: request.start,
            EndTime: request.end,
            ScanBy: 'TimestampAscending',
            NextToken: token,
          }),
          { abortSignal },
        );
        checkResultStatus(output, scope.region);
        return output;
      },
      (page) => page.NextToken,
      (page) => {
        for (const result of page.MetricDataResults ?? []) {
          if (result.Id === undefined) continue;
          const list = points.get(result.Id) ?? [];
          list.push(...(result.Values ?? []));
          points.set(result.Id, list);
        }
        return true;
      },
      { signal },
    );
    return batch.map(
      (id, index) => [id, mergeMetricValues(points.get(`m${index}`) ?? [], request.statistic)] as const,
    );
  });
  for (const batch of batchResults) for (const [id, value] of batch) values.set(id, value);
  return values;
}

/** Per-query failures come back inside a 200: surface them as errors of the page (so it is retried). */
function checkResultStatus(output: GetMetricDataCommandOutput, region: string): void {
  for (const result of output.MetricDataResults ?? []) {
    if (result.StatusCode === 'Forbidden') {
      throw new SreError(
        'CLOUD_AUTHORIZATION',
        `AWS GetMetricData in ${region} was denied for query ${result.Id ?? '?'}: the credentials lack permission.`,
        {
          details: { provider: 'aws', operation: 'GetMetricData', region },
          suggestions: ['Grant the IAM permission cloudwatch:GetMetricData to the identity in use.'],
        },
      );
    }
    if (result.StatusCode === 'InternalError') {
      throw new SreError(
        'CLOUD_UNAVAILABLE',
        `AWS GetMetricData in ${region} reported an internal error for query ${result.Id ?? '?'}.`,
        {
          details: { provider: 'aws', operation: 'GetMetricData', region },
        },
      );
    }
  }
}
