import { describe, expect, it } from 'vitest';
import type { GcpAuditLog } from './audit-log-proto.js';
import { GCP_AUDIT_KINDS, stripMethodVersion, toAuditMethods } from './gcp-audit-methods.js';
import { toAuditRecord } from './to-audit-record.js';
import type { GcpLogEntry } from './to-gcp-log-entry.js';

function entry(
  methodName: string,
  resourceName: string,
  labels: Record<string, string>,
  resourceType = 'gce_instance',
): GcpLogEntry {
  const auditLog: GcpAuditLog = {
    serviceName: 'x.googleapis.com',
    methodName,
    resourceName,
    principalEmail: 'alice@example.com',
    statusCode: 0,
    statusMessage: '',
    currentLocations: [],
  };
  return {
    logName: 'projects/p1/logs/cloudaudit.googleapis.com%2Factivity',
    insertId: 'ins-1',
    timestamp: '2026-11-19T10:00:00.000Z',
    severity: 'NOTICE',
    resourceType,
    resourceLabels: labels,
    auditLog,
  };
}

describe('stripMethodVersion', () => {
  it.each([
    ['v1.compute.instances.insert', 'compute.instances.insert'],
    ['beta.compute.instances.stop', 'compute.instances.stop'],
    ['compute.instances.delete', 'compute.instances.delete'],
    [
      'google.cloud.functions.v2.FunctionService.CreateFunction',
      'google.cloud.functions.v2.FunctionService.CreateFunction',
    ],
  ])('%s → %s', (method, expected) => {
    expect(stripMethodVersion(method)).toBe(expected);
  });
});

describe('toAuditRecord', () => {
  const all = ['create', 'start', 'stop', 'delete', 'modify'] as const;

  it.each([
    ['instance', 'v1.compute.instances.insert', 'create'],
    ['instance', 'beta.compute.instances.start', 'start'],
    ['instance', 'v1.compute.instances.resume', 'start'],
    ['instance', 'v1.compute.instances.stop', 'stop'],
    ['instance', 'v1.compute.instances.suspend', 'stop'],
    ['instance', 'v1.compute.instances.delete', 'delete'],
    ['instance', 'v1.compute.instances.setMachineType', 'modify'],
    ['instance', 'v1.compute.instances.setLabels', 'modify'],
    ['instance', 'v1.compute.instances.deleteAccessConfig', 'modify'],
    ['volume', 'v1.compute.disks.insert', 'create'],
    ['volume', 'v1.compute.disks.delete', 'delete'],
    ['volume', 'v1.compute.disks.resize', 'modify'],
    ['function', 'google.cloud.functions.v2.FunctionService.CreateFunction', 'create'],
    ['function', 'google.cloud.functions.v1.CloudFunctionsService.DeleteFunction', 'delete'],
    ['database', 'cloudsql.instances.create', 'create'],
    ['database', 'cloudsql.instances.delete', 'delete'],
    ['database', 'cloudsql.instances.update', 'modify'],
    ['bucket', 'storage.buckets.create', 'create'],
    ['bucket', 'storage.buckets.delete', 'delete'],
    ['bucket', 'storage.setIamPermissions', 'modify'],
  ] as const)('%s %s → %s', (kind, method, action) => {
    const record = toAuditRecord(
      entry(method, 'projects/p1/x/name-1', { instance_id: '42', disk_id: '43' }),
      kind,
      toAuditMethods({ resource: kind, actions: [...all] }),
      'p1',
    );

    expect(record?.action).toBe(action);
    expect(record?.operation).toBe(method);
  });

  it('ignores methods that only share the searched prefix, and unrequested actions', () => {
    const methods = toAuditMethods({ resource: 'instance', actions: ['delete'] });

    expect(
      toAuditRecord(
        entry('v1.compute.instances.deleteAccessConfig', 'projects/p1/zones/z/instances/a', {}),
        'instance',
        methods,
        'p1',
      ),
    ).toBeUndefined();
    expect(
      toAuditRecord(
        entry('v1.compute.instances.insert', 'projects/p1/zones/z/instances/a', {}),
        'instance',
        methods,
        'p1',
      ),
    ).toBeUndefined();
  });

  it('builds the record of an instance event', () => {
    const record = toAuditRecord(
      entry('v1.compute.instances.stop', 'projects/p1/zones/us-east1-b/instances/kafka-1', {
        instance_id: '3899',
        zone: 'us-east1-b',
      }),
      'instance',
      toAuditMethods({ resource: 'instance', actions: ['stop'] }),
      'p1',
    );

    expect(record).toEqual({
      provider: 'gcp',
      account: 'p1',
      region: 'us-east1',
      eventId: 'ins-1',
      time: '2026-11-19T10:00:00.000Z',
      action: 'stop',
      operation: 'v1.compute.instances.stop',
      actor: 'alice@example.com',
      resourceId: '3899',
      resourceType: 'gce_instance',
      resourceName: 'kafka-1',
    });
  });

  it('uses names as ids for functions, databases and buckets', () => {
    const fn = toAuditRecord(
      entry(
        'google.cloud.functions.v2.FunctionService.DeleteFunction',
        'projects/p1/locations/europe-west1/functions/checkout',
        { region: 'europe-west1' },
        '',
      ),
      'function',
      toAuditMethods({ resource: 'function', actions: ['delete'] }),
      'p1',
    );

    expect(fn).toMatchObject({
      resourceId: 'checkout',
      resourceName: 'checkout',
      region: 'europe-west1',
      resourceType: GCP_AUDIT_KINDS.function.resourceType,
    });
  });
});
