import { describe, expect, it } from 'vitest';
import { GCP_INSTANCE_METRICS, mergeMetricValues, toMetricFilter } from './gcp-metric-catalog.js';

describe('mergeMetricValues', () => {
  const values = [10, 40, 20, 30, 50, 60, 70, 80, 90, 100];

  it.each([
    ['avg', 55],
    ['max', 100],
    ['min', 10],
    ['sum', 550],
    ['p50', 50],
    ['p90', 90],
    ['p95', 100],
    ['p99', 100],
  ] as const)('%s → %s', (statistic, expected) => {
    expect(mergeMetricValues(values, statistic)).toBe(expected);
  });

  it('is null without values', () => {
    expect(mergeMetricValues([], 'avg')).toBeNull();
  });
});

describe('toMetricFilter', () => {
  it.each([
    [
      'cpu',
      'metric.type = "compute.googleapis.com/instance/cpu/utilization" AND resource.type = "gce_instance"',
    ],
    [
      'memory',
      'metric.type = "agent.googleapis.com/memory/percent_used" AND resource.type = "gce_instance" AND metric.labels.state = "used"',
    ],
    [
      'network_in',
      'metric.type = "compute.googleapis.com/instance/network/received_bytes_count" AND resource.type = "gce_instance"',
    ],
    [
      'network_out',
      'metric.type = "compute.googleapis.com/instance/network/sent_bytes_count" AND resource.type = "gce_instance"',
    ],
  ] as const)('%s', (metric, expected) => {
    expect(toMetricFilter(GCP_INSTANCE_METRICS[metric])).toBe(expected);
  });
});
