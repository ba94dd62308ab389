import { describe, expect, it } from 'vitest';
import { SreError } from '../../core/errors/sre-error.js';
import { buildCloudError, type CloudErrorParts } from './build-cloud-error.js';

const parts: CloudErrorParts = {
  provider: 'aws',
  code: 'CLOUD_AUTHORIZATION',
  operation: 'DescribeInstances',
  where: ' in eu-west-1',
  resource: undefined,
  providerCode: 'UnauthorizedOperation',
  detail: 'You are not authorized to perform this operation.',
  cause: new Error('sdk'),
  details: { service: 'ec2', region: 'eu-west-1', resource: undefined, httpStatus: 403 },
  suggestions: ['Grant the IAM permission ec2:DescribeInstances to the identity in use.'],
  retryAfterSeconds: undefined,
};

describe('buildCloudError', () => {
  it('writes the message, keeps the cause and suggestions, and leaves undefined details out', () => {
    const error = buildCloudError(parts);

    expect(error).toBeInstanceOf(SreError);
    expect(error.message).toBe(
      'AWS DescribeInstances in eu-west-1 was denied: the credentials lack permission (UnauthorizedOperation): You are not authorized to perform this operation.',
    );
    expect(error.cause).toBe(parts.cause);
    expect(error.details).toEqual({
      provider: 'aws',
      operation: 'DescribeInstances',
      service: 'ec2',
      region: 'eu-west-1',
      httpStatus: 403,
    });
    expect(Object.keys(error.details)).toEqual(['provider', 'operation', 'service', 'region', 'httpStatus']);
    expect(error.suggestions).toEqual(parts.suggestions);
    expect(error.retryAfterSeconds).toBeUndefined();
    expect(error.retryable).toBe(false);
  });

  it('names the resource, ends with a period without detail, and carries retry hints', () => {
    const error = buildCloudError({
      ...parts,
      provider: 'gcp',
      code: 'CLOUD_THROTTLED',
      operation: 'buckets.list',
      where: ' in project p1',
      resource: 'logs',
      providerCode: undefined,
      detail: '',
      retryAfterSeconds: 7,
    });

    expect(error.message).toBe('GCP buckets.list in project p1 for "logs" was throttled.');
    expect(error.retryAfterSeconds).toBe(7);
    expect(error.retryable).toBe(true);
  });

  it('lets the caller override the catalogue’s retryable flag', () => {
    const error = buildCloudError({ ...parts, code: 'CLOUD_UNKNOWN', retryable: true });

    expect(error.message).toContain('AWS DescribeInstances in eu-west-1 failed (UnauthorizedOperation): ');
    expect(error.retryable).toBe(true);
  });
});
