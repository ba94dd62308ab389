import { describe, expect, it } from 'vitest';
import { toAuditEventNames } from './aws-audit-events.js';
import { toAuditRecords } from './to-audit-records.js';

const base = { account: '123456789012', region: 'eu-west-1' };

describe('toAuditRecords', () => {
  it('takes the resource from Resources of the requested type', () => {
    const event = {
      EventId: 'e1',
      EventName: 'StopInstances',
      EventTime: new Date('2026-11-01T00:00:00Z'),
      Username: 'bob',
      Resources: [
        { ResourceType: 'AWS::EC2::Instance', ResourceName: 'i-1' },
        { ResourceType: 'AWS::EC2::Volume', ResourceName: 'vol-1' },
      ],
    };

    const records = toAuditRecords(event, {
      ...base,
      kind: 'instance',
      action: 'stop',
      resourceType: 'AWS::EC2::Instance',
    });

    expect(records).toEqual([
      {
        provider: 'aws',
        account: '123456789012',
        region: 'eu-west-1',
        eventId: 'e1',
        time: '2026-11-01T00:00:00.000Z',
        action: 'stop',
        operation: 'StopInstances',
        actor: 'bob',
        resourceId: 'i-1',
        resourceType: 'AWS::EC2::Instance',
        resourceName: 'i-1',
      },
    ]);
  });

  it.each([
    [
      'instance',
      'AWS::EC2::Instance',
      { responseElements: { instancesSet: { items: [{ instanceId: 'i-7' }] } } },
      'i-7',
    ],
    ['instance', 'AWS::EC2::Instance', { requestParameters: { instanceId: 'i-8' } }, 'i-8'],
    ['volume', 'AWS::EC2::Volume', { responseElements: { volumeId: 'vol-7' } }, 'vol-7'],
    ['function', 'AWS::Lambda::Function', { requestParameters: { functionName: 'pay' } }, 'pay'],
    ['database', 'AWS::RDS::DBInstance', { responseElements: { dBInstanceIdentifier: 'db-1' } }, 'db-1'],
    ['bucket', 'AWS::S3::Bucket', { requestParameters: { bucketName: 'b-1' } }, 'b-1'],
    ['log_group', 'AWS::Logs::LogGroup', { requestParameters: { logGroupName: '/g' } }, '/g'],
  ] as const)('falls back to the CloudTrailEvent JSON for a %s', (kind, resourceType, detail, expected) => {
    const event = {
      EventId: 'e2',
      EventName: 'X',
      EventTime: new Date(0),
      CloudTrailEvent: JSON.stringify(detail),
    };

    const [record] = toAuditRecords(event, { ...base, kind, action: 'create', resourceType });

    expect(record?.resourceId).toBe(expected);
  });

  it('uses the caller ARN and the Name tag given at creation', () => {
    const detail = {
      userIdentity: { arn: 'arn:aws:sts::123456789012:assumed-role/deploy/ci', principalId: 'AROA:ci' },
      requestParameters: {
        tagSpecificationSet: {
          items: [{ resourceType: 'instance', tags: [{ key: 'Name', value: 'web-1' }] }],
        },
      },
      responseElements: { instancesSet: { items: [{ instanceId: 'i-5' }] } },
    };
    const event = {
      EventId: 'e3',
      EventName: 'RunInstances',
      EventTime: new Date(0),
      Username: 'ci',
      CloudTrailEvent: JSON.stringify(detail),
    };

    const [record] = toAuditRecords(event, {
      ...base,
      kind: 'instance',
      action: 'create',
      resourceType: 'AWS::EC2::Instance',
    });

    expect(record).toMatchObject({
      actor: 'arn:aws:sts::123456789012:assumed-role/deploy/ci',
      resourceId: 'i-5',
      resourceName: 'web-1',
    });
  });

  it('keeps an event that names no resource, and survives broken JSON', () => {
    const event = {
      EventId: 'e4',
      EventName: 'CreateVolume',
      EventTime: new Date(0),
      CloudTrailEvent: '{not json',
    };

    const records = toAuditRecords(event, {
      ...base,
      kind: 'volume',
      action: 'create',
      resourceType: 'AWS::EC2::Volume',
    });

    expect(records).toHaveLength(1);
    expect(records[0]?.resourceId).toBe('');
    expect(records[0]?.actor).toBe('');
  });
});

describe('toAuditEventNames', () => {
  it.each([
    [
      { resource: 'instance', actions: ['create', 'start', 'stop', 'delete', 'modify'] },
      ['RunInstances', 'StartInstances', 'StopInstances', 'TerminateInstances', 'ModifyInstanceAttribute'],
    ],
    [
      { resource: 'function', actions: ['create', 'modify'] },
      ['CreateFunction20150331', 'UpdateFunctionConfiguration20150331v2', 'UpdateFunctionCode20150331v2'],
    ],
    [{ resource: 'database', actions: ['delete'] }, ['DeleteDBInstance']],
    [{ resource: 'bucket', actions: ['start', 'stop'] }, []],
  ] as const)('names the events of %o', (request, expected) => {
    expect(toAuditEventNames(request).map((e) => e.eventName)).toEqual(expected);
  });
});
