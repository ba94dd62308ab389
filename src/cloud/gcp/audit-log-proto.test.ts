import { protobuf } from 'google-gax';
import { describe, expect, it } from 'vitest';
import { AUDIT_LOG_TYPE, decodeAuditLog, registerAuditLogType } from './audit-log-proto.js';

function encodedAuditLog(
  root: protobuf.Root,
  payload: Record<string, unknown>,
): { type_url: string; value: Uint8Array } {
  const type = root.lookupType(AUDIT_LOG_TYPE);
  return {
    type_url: `type.googleapis.com/${AUDIT_LOG_TYPE}`,
    value: type.encode(type.fromObject(payload)).finish(),
  };
}

describe('AuditLog proto support', () => {
  it('registers the type once and decodes a payload', () => {
    const root = new protobuf.Root();
    registerAuditLogType(root);
    registerAuditLogType(root);

    const decoded = decodeAuditLog(
      root,
      encodedAuditLog(root, {
        serviceName: 'compute.googleapis.com',
        methodName: 'v1.compute.instances.insert',
        resourceName: 'projects/p1/zones/us-central1-a/instances/web-1',
        authenticationInfo: { principalEmail: 'alice@example.com' },
        status: { code: 7, message: 'denied' },
        resourceLocation: { currentLocations: ['us-central1-a'] },
      }),
    );

    expect(decoded).toEqual({
      serviceName: 'compute.googleapis.com',
      methodName: 'v1.compute.instances.insert',
      resourceName: 'projects/p1/zones/us-central1-a/instances/web-1',
      principalEmail: 'alice@example.com',
      statusCode: 7,
      statusMessage: 'denied',
      currentLocations: ['us-central1-a'],
    });
  });

  it.each([
    ['another type', { type_url: 'type.googleapis.com/google.cloud.Other', value: new Uint8Array() }],
    ['a missing value', { type_url: `type.googleapis.com/${AUDIT_LOG_TYPE}` }],
    [
      'garbage bytes',
      { type_url: `type.googleapis.com/${AUDIT_LOG_TYPE}`, value: new Uint8Array([0xff, 0xff, 0xff]) },
    ],
    ['no payload', undefined],
  ])('returns undefined for %s', (_label, payload) => {
    const root = new protobuf.Root();
    registerAuditLogType(root);

    expect(decodeAuditLog(root, payload)).toBeUndefined();
  });
});
