import { describe, expect, it } from 'vitest';
import type { GcpAuditLog } from './audit-log-proto.js';
import { structToJson, toGcpLogEntry } from './to-gcp-log-entry.js';

const AUDIT: GcpAuditLog = {
  serviceName: 'compute.googleapis.com',
  methodName: 'v1.compute.instances.stop',
  resourceName: 'projects/p1/zones/us-east1-b/instances/kafka-1',
  principalEmail: 'deployer@p1.iam.gserviceaccount.com',
  statusCode: 0,
  statusMessage: '',
  currentLocations: [],
};

describe('structToJson', () => {
  it('turns a decoded Struct into plain JSON', () => {
    const struct = {
      fields: {
        message: { stringValue: 'boom', kind: 'stringValue' },
        count: { numberValue: 3, kind: 'numberValue' },
        ok: { boolValue: false, kind: 'boolValue' },
        nested: { structValue: { fields: { a: { stringValue: 'b' } } }, kind: 'structValue' },
        list: {
          listValue: { values: [{ numberValue: 1 }, { nullValue: 'NULL_VALUE', kind: 'nullValue' }] },
          kind: 'listValue',
        },
      },
    };

    expect(structToJson(struct)).toEqual({
      message: 'boom',
      count: 3,
      ok: false,
      nested: { a: 'b' },
      list: [1, null],
    });
  });
});

describe('toGcpLogEntry', () => {
  it('converts a text entry', () => {
    const entry = toGcpLogEntry(
      {
        logName: 'projects/p1/logs/syslog%2Fweb-1',
        insertId: 'abc',
        timestamp: { seconds: '1795046410', nanos: 775_000_000 },
        severity: 'ERROR',
        resource: { type: 'gce_instance', labels: { instance_id: '42', zone: 'us-east1-b' } },
        textPayload: 'ERROR Out of memory',
      },
      () => undefined,
    );

    expect(entry).toEqual({
      logName: 'projects/p1/logs/syslog%2Fweb-1',
      insertId: 'abc',
      timestamp: '2026-11-19T00:00:10.775Z',
      severity: 'ERROR',
      resourceType: 'gce_instance',
      resourceLabels: { instance_id: '42', zone: 'us-east1-b' },
      textPayload: 'ERROR Out of memory',
    });
  });

  it('decodes an audit payload and keeps the operation', () => {
    const payload = {
      type_url: 'type.googleapis.com/google.cloud.audit.AuditLog',
      value: new Uint8Array([1]),
    };

    const entry = toGcpLogEntry(
      { insertId: 'x', protoPayload: payload, operation: { id: 'op-1', first: true, last: false } },
      (received) => (received === payload ? AUDIT : undefined),
    );

    expect(entry.auditLog).toBe(AUDIT);
    expect(entry.operation).toEqual({ id: 'op-1', first: true, last: false });
    expect(entry.severity).toBe('DEFAULT');
  });
});
