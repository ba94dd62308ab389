import { describe, expect, it } from 'vitest';
import { MonitoringFilterError, parseMonitoringFilter } from './parse-monitoring-filter.js';

const cpu = new Map([
  ['metric.type', 'compute.googleapis.com/instance/cpu/utilization'],
  ['resource.type', 'gce_instance'],
  ['project', 'p'],
  ['metric.labels.instance_name', 'web-1'],
  ['resource.labels.instance_id', '123'],
  ['resource.labels.zone', 'us-east1-b'],
]);
const memory = new Map([
  ['metric.type', 'agent.googleapis.com/memory/percent_used'],
  ['resource.type', 'gce_instance'],
  ['project', 'p'],
  ['metric.labels.state', 'used'],
  ['resource.labels.instance_id', '456'],
  ['resource.labels.zone', 'europe-west1-c'],
]);

describe('parseMonitoringFilter', () => {
  it.each<[string, boolean, boolean]>([
    ['metric.type = "compute.googleapis.com/instance/cpu/utilization"', true, false],
    [
      'metric.type = "compute.googleapis.com/instance/cpu/utilization" AND resource.labels.instance_id = "123"',
      true,
      false,
    ],
    [
      'metric.type = "compute.googleapis.com/instance/cpu/utilization" AND resource.label.instance_id = "999"',
      false,
      false,
    ],
    ['metric.type = starts_with("agent.googleapis.com/") AND metric.labels.state = "used"', false, true],
    ['metric.type = one_of("agent.googleapis.com/memory/percent_used", "x")', false, true],
    ['metric.type = has_substring("utilization") resource.labels.zone = ends_with("-b")', true, false],
    ['metric.type = monitoring.regex.full_match(".*/(cpu|memory)/.*")', true, true],
    ['metric.type : "instance" AND resource.labels.zone != "us-east1-b"', false, false],
    ['metric.type = starts_with("c") OR metric.type = starts_with("a")', true, true],
    ['metric.type = starts_with("c") AND NOT resource.labels.zone = starts_with("us-")', false, false],
    [
      'metric.type = "agent.googleapis.com/memory/percent_used" AND metric.label.state = "used" AND project = "p"',
      false,
      true,
    ],
  ])('%j matches cpu: %s, memory: %s', (filter, matchesCpu, matchesMemory) => {
    const parsed = parseMonitoringFilter(filter);

    expect(parsed(cpu)).toBe(matchesCpu);
    expect(parsed(memory)).toBe(matchesMemory);
  });

  it.each([
    '',
    'resource.type = "gce_instance"',
    'metric.type = "x" AND metadata.user_labels.team = "a"',
    'metric.type = unknown_function("x")',
    'metric.type = ',
    '(metric.type = "x"',
  ])('refuses %j', (filter) => {
    expect(() => parseMonitoringFilter(filter)).toThrow(MonitoringFilterError);
  });
});
