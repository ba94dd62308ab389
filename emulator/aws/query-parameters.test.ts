import { describe, expect, it } from 'vitest';
import { parseQueryParameters } from './query-parameters.js';

describe('parseQueryParameters', () => {
  it('reads EC2 flattened lists and awsQuery member lists', () => {
    const body = Buffer.from(
      'Action=DescribeInstances&Filter.1.Name=tag%3Aenv&Filter.1.Value.1=prod&Filter.1.Value.2=dev&InstanceId.2=i-2&InstanceId.1=i-1' +
        '&MetricDataQueries.member.1.Id=a&MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.1.Name=InstanceId',
    );

    const params = parseQueryParameters(new URL('http://127.0.0.1/?Version=2016-11-15'), body);

    expect(params.get('Version')).toBe('2016-11-15');
    expect(params.list('InstanceId')).toEqual(['i-1', 'i-2']);
    expect(params.structures('Filter').map((f) => [f.get('Name'), f.list('Value')])).toEqual([
      ['tag:env', ['prod', 'dev']],
    ]);
    expect(params.toObject().MetricDataQueries).toEqual([
      { Id: 'a', MetricStat: { Metric: { Dimensions: [{ Name: 'InstanceId' }] } } },
    ]);
  });
});
