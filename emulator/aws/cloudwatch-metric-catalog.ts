import type { EstateInstance, MetricPattern } from '../estate/model.js';

/** Where a metric's values come from. */
export type MetricSource = 'cpu' | 'memory' | 'networkIn' | 'networkOut' | 'zero';

/** One metric an EC2 instance publishes, as CloudWatch names it. */
export interface InstanceMetricDefinition {
  readonly namespace: 'AWS/EC2' | 'CWAgent';
  readonly metricName: string;
  readonly unit: 'Percent' | 'Bytes' | 'Count';
  readonly source: MetricSource;
  /**
   * Seconds between samples: `monitoring` follows the instance (60 with detailed monitoring, 300
   * with basic), `60` is fixed (status checks, the CloudWatch agent's default interval).
   */
  readonly resolution: 'monitoring' | 60;
  /** True for counters whose samples hold the amount in the sample's interval (bytes, operations). */
  readonly perInterval: boolean;
}

/**
 * The metrics every EC2 instance has: the `AWS/EC2` basics (CPU, network, instance-store disk,
 * status checks) and `mem_used_percent` of the CloudWatch agent (`CWAgent`, which the emulator
 * treats as installed everywhere). Every metric has one dimension, `InstanceId`.
 */
export const INSTANCE_METRICS: readonly InstanceMetricDefinition[] = [
  {
    namespace: 'AWS/EC2',
    metricName: 'CPUUtilization',
    unit: 'Percent',
    source: 'cpu',
    resolution: 'monitoring',
    perInterval: false,
  },
  {
    namespace: 'AWS/EC2',
    metricName: 'NetworkIn',
    unit: 'Bytes',
    source: 'networkIn',
    resolution: 'monitoring',
    perInterval: true,
  },
  {
    namespace: 'AWS/EC2',
    metricName: 'NetworkOut',
    unit: 'Bytes',
    source: 'networkOut',
    resolution: 'monitoring',
    perInterval: true,
  },
  // EBS-only (Nitro) instances report their instance-store disk metrics as zeros.
  {
    namespace: 'AWS/EC2',
    metricName: 'DiskReadBytes',
    unit: 'Bytes',
    source: 'zero',
    resolution: 'monitoring',
    perInterval: true,
  },
  {
    namespace: 'AWS/EC2',
    metricName: 'DiskWriteBytes',
    unit: 'Bytes',
    source: 'zero',
    resolution: 'monitoring',
    perInterval: true,
  },
  {
    namespace: 'AWS/EC2',
    metricName: 'DiskReadOps',
    unit: 'Count',
    source: 'zero',
    resolution: 'monitoring',
    perInterval: true,
  },
  {
    namespace: 'AWS/EC2',
    metricName: 'DiskWriteOps',
    unit: 'Count',
    source: 'zero',
    resolution: 'monitoring',
    perInterval: true,
  },
  {
    namespace: 'AWS/EC2',
    metricName: 'StatusCheckFailed',
    unit: 'Count',
    source: 'zero',
    resolution: 60,
    perInterval: false,
  },
  {
    namespace: 'AWS/EC2',
    metricName: 'StatusCheckFailed_Instance',
    unit: 'Count',
    source: 'zero',
    resolution: 60,
    perInterval: false,
  },
  {
    namespace: 'AWS/EC2',
    metricName: 'StatusCheckFailed_System',
    unit: 'Count',
    source: 'zero',
    resolution: 60,
    perInterval: false,
  },
  {
    namespace: 'CWAgent',
    metricName: 'mem_used_percent',
    unit: 'Percent',
    source: 'memory',
    resolution: 60,
    perInterval: false,
  },
];

const BY_NAME = new Map(
  INSTANCE_METRICS.map((metric) => [`${metric.namespace}\u0000${metric.metricName}`, metric]),
);

/** The definition of a metric by namespace and name, or `undefined` when instances do not publish it. */
export function findInstanceMetric(
  namespace: string,
  metricName: string,
): InstanceMetricDefinition | undefined {
  return BY_NAME.get(`${namespace}\u0000${metricName}`);
}

/** The pattern behind a metric of an instance, or `undefined` for metrics that are always zero. */
export function patternOf(instance: EstateInstance, source: MetricSource): MetricPattern | undefined {
  switch (source) {
    case 'cpu':
      return instance.metrics.cpu;
    case 'memory':
      return instance.metrics.memory;
    case 'networkIn':
      return instance.metrics.networkIn;
    case 'networkOut':
      return instance.metrics.networkOut;
    case 'zero':
      return undefined;
  }
}

/** Sample interval of a metric for an instance, in seconds. */
export function resolutionOf(metric: InstanceMetricDefinition, instance: EstateInstance): 60 | 300 {
  return metric.resolution === 60 ? 60 : instance.monitoring ? 60 : 300;
}
