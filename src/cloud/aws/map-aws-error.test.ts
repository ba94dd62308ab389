import { describe, expect, it } from 'vitest';
import { SreError } from '../../core/errors/sre-error.js';
import { mapAwsError, redactAwsMessage } from './map-aws-error.js';

interface FakeErrorShape {
  readonly name?: string;
  readonly message?: string;
  readonly status?: number;
  readonly fault?: 'client' | 'server';
  readonly throttling?: boolean;
  readonly code?: string;
  readonly Code?: string;
  readonly headers?: Record<string, string>;
  readonly requestId?: string;
  readonly cause?: unknown;
}

/** An error shaped like the ones AWS SDK v3 throws (service exceptions carry `$fault` and `$metadata`). */
function sdkError(shape: FakeErrorShape): Error {
  const error = new Error(shape.message ?? 'boom');
  if (shape.name !== undefined) error.name = shape.name;
  const extra: Record<string, unknown> = {};
  if (shape.fault !== undefined) extra.$fault = shape.fault;
  if (shape.status !== undefined || shape.requestId !== undefined) {
    extra.$metadata = { httpStatusCode: shape.status, requestId: shape.requestId };
  }
  if (shape.throttling !== undefined) extra.$retryable = { throttling: shape.throttling };
  if (shape.code !== undefined) extra.code = shape.code;
  if (shape.Code !== undefined) extra.Code = shape.Code;
  if (shape.cause !== undefined) extra.cause = shape.cause;
  if (shape.headers !== undefined) {
    Object.defineProperty(error, '$response', {
      value: { statusCode: shape.status, headers: shape.headers },
      enumerable: false,
    });
  }
  return Object.assign(error, extra);
}

describe('mapAwsError', () => {
  it.each([
    ['Throttling', 400, 'CLOUD_THROTTLED'],
    ['ThrottlingException', 400, 'CLOUD_THROTTLED'],
    ['RequestLimitExceeded', 503, 'CLOUD_THROTTLED'],
    ['TooManyRequestsException', 429, 'CLOUD_THROTTLED'],
    ['SlowDown', 503, 'CLOUD_THROTTLED'],
    ['RequestThrottled', 400, 'CLOUD_THROTTLED'],
    ['ProvisionedThroughputExceededException', 400, 'CLOUD_THROTTLED'],
    ['ExpiredToken', 400, 'CLOUD_AUTHENTICATION'],
    ['InvalidClientTokenId', 403, 'CLOUD_AUTHENTICATION'],
    ['UnrecognizedClientException', 400, 'CLOUD_AUTHENTICATION'],
    ['AuthFailure', 401, 'CLOUD_AUTHENTICATION'],
    ['SignatureDoesNotMatch', 403, 'CLOUD_AUTHENTICATION'],
    ['AccessDenied', 403, 'CLOUD_AUTHORIZATION'],
    ['AccessDeniedException', 400, 'CLOUD_AUTHORIZATION'],
    ['UnauthorizedOperation', 403, 'CLOUD_AUTHORIZATION'],
    ['AuthorizationError', 403, 'CLOUD_AUTHORIZATION'],
    ['ResourceNotFoundException', 400, 'CLOUD_NOT_FOUND'],
    ['NoSuchBucket', 404, 'CLOUD_NOT_FOUND'],
    ['DBInstanceNotFoundFault', 404, 'CLOUD_NOT_FOUND'],
    ['InvalidInstanceID.NotFound', 400, 'CLOUD_NOT_FOUND'],
    ['ValidationError', 400, 'CLOUD_INVALID_PARAMETER'],
    ['ValidationException', 400, 'CLOUD_INVALID_PARAMETER'],
    ['InvalidParameterValue', 400, 'CLOUD_INVALID_PARAMETER'],
    ['InvalidParameterCombination', 400, 'CLOUD_INVALID_PARAMETER'],
    ['InvalidNextToken', 400, 'CLOUD_INVALID_PARAMETER'],
    ['LimitExceededException', 400, 'CLOUD_QUOTA_EXCEEDED'],
    ['ServiceQuotaExceededException', 402, 'CLOUD_QUOTA_EXCEEDED'],
    ['ServiceUnavailable', 503, 'CLOUD_UNAVAILABLE'],
    ['Unavailable', 503, 'CLOUD_UNAVAILABLE'],
    ['InternalError', 500, 'CLOUD_UNAVAILABLE'],
    ['InternalFailure', 500, 'CLOUD_UNAVAILABLE'],
    ['ServiceException', 500, 'CLOUD_UNAVAILABLE'],
    ['SomethingNew', 429, 'CLOUD_THROTTLED'],
    ['SomethingNew', 403, 'CLOUD_AUTHORIZATION'],
    ['SomethingNew', 404, 'CLOUD_NOT_FOUND'],
    ['SomethingNew', 502, 'CLOUD_UNAVAILABLE'],
    ['SomethingNew', 418, 'CLOUD_UNKNOWN'],
  ] as const)('maps service error %s (HTTP %i) to %s', (name, status, expected) => {
    const error = sdkError({ name, status, fault: status >= 500 ? 'server' : 'client', requestId: 'req-1' });

    const mapped = mapAwsError(error, 'DescribeInstances', { service: 'ec2', region: 'eu-west-1' });

    expect(mapped).toBeInstanceOf(SreError);
    expect(mapped.code).toBe(expected);
    expect(mapped.details).toMatchObject({
      provider: 'aws',
      operation: 'DescribeInstances',
      awsCode: name,
      httpStatus: status,
      requestId: 'req-1',
    });
    expect(mapped.cause).toBe(error);
  });

  it.each([
    ['ECONNREFUSED', 'CLOUD_UNREACHABLE'],
    ['ENOTFOUND', 'CLOUD_UNREACHABLE'],
    ['EAI_AGAIN', 'CLOUD_UNREACHABLE'],
    ['ETIMEDOUT', 'CLOUD_TIMEOUT'],
    ['ECONNRESET', 'CLOUD_UNAVAILABLE'],
  ] as const)('maps socket error %s to %s', (code, expected) => {
    const error = sdkError({
      name: code === 'ECONNRESET' ? 'TimeoutError' : 'Error',
      code,
      message: `connect ${code} 127.0.0.1:1`,
    });

    const mapped = mapAwsError(error, 'ListFunctions');

    expect(mapped.code).toBe(expected);
    expect(mapped.details.syscallCode).toBe(code);
  });

  it('finds the socket code inside an AggregateError (happy eyeballs)', () => {
    const inner = Object.assign(new Error('connect ECONNREFUSED ::1:80'), { code: 'ECONNREFUSED' });
    const error = new AggregateError([inner], '');

    const mapped = mapAwsError(error, 'ListBuckets');

    expect(mapped.code).toBe('CLOUD_UNREACHABLE');
  });

  it.each([
    [
      'SyntaxError',
      'Unexpected end of JSON input\n  Deserialization error: to see the raw response, inspect the hidden field {error}.$response on this object.',
    ],
    ['Error', 'Unclosed tag <DescribeInstancesResponse>'],
    ['TypeError', "Cannot read properties of undefined (reading 'item')"],
  ] as const)('maps a %s after a 2xx response to CLOUD_MALFORMED_RESPONSE', (name, message) => {
    const error = sdkError({ name, message, status: 200 });

    const mapped = mapAwsError(error, 'DescribeInstances');

    expect(mapped.code).toBe('CLOUD_MALFORMED_RESPONSE');
    expect(mapped.retryable).toBe(true);
    expect(mapped.message).not.toContain('hidden field');
  });

  it.each([
    [{ name: 'TimeoutError', message: 'socket timed out' }, 'CLOUD_TIMEOUT'],
    [
      {
        name: 'AbortError',
        message: 'Request aborted',
        cause: new DOMException('signal timed out', 'TimeoutError'),
      },
      'CLOUD_TIMEOUT',
    ],
    [{ name: 'AbortError', message: 'Request aborted' }, 'CLOUD_UNKNOWN'],
    [
      { name: 'CredentialsProviderError', message: 'Could not load credentials from any providers' },
      'CLOUD_AUTHENTICATION',
    ],
    [{ name: 'Error', message: 'Resolved credential object is not valid' }, 'CLOUD_AUTHENTICATION'],
    [{ name: 'Error', message: 'something odd' }, 'CLOUD_UNKNOWN'],
  ] as const)('maps client-side error %o to %s', (shape, expected) => {
    const error = sdkError(shape);

    const mapped = mapAwsError(error, 'GetMetricData');

    expect(mapped.code).toBe(expected);
  });

  it('treats an abort caused by the timeout signal as a timeout', () => {
    const controller = new AbortController();
    controller.abort(new DOMException('signal timed out', 'TimeoutError'));
    const error = sdkError({ name: 'AbortError', message: 'Request aborted' });

    const mapped = mapAwsError(error, 'DescribeVolumes', { signal: controller.signal });

    expect(mapped.code).toBe('CLOUD_TIMEOUT');
  });

  it('returns the SreError an abort carries as its cause, and SreErrors unchanged', () => {
    const own = new SreError('CLOUD_TIMEOUT', 'runner timeout');
    const abort = sdkError({ name: 'AbortError', cause: own });

    expect(mapAwsError(abort, 'DescribeInstances')).toBe(own);
    expect(mapAwsError(own, 'DescribeInstances')).toBe(own);
  });

  it('uses the SDK throttling hint when the code is unknown', () => {
    const error = sdkError({ name: 'BrandNewThrottle', status: 400, fault: 'client', throttling: true });

    expect(mapAwsError(error, 'FilterLogEvents').code).toBe('CLOUD_THROTTLED');
  });

  it.each([
    [{ 'retry-after': '7' }, 7],
    [{ 'Retry-After': '2.5' }, 2.5],
    [{ 'retry-after': 'Thu, 01 Jan 2026 00:00:30 GMT' }, 30],
    [{ 'x-amz-retry-after': '1500' }, 1.5],
    [{}, undefined],
  ] as const)('reads retry-after from headers %o', (headers, expected) => {
    const error = sdkError({
      name: 'TooManyRequestsException',
      status: 429,
      fault: 'client',
      headers: { ...headers },
    });

    const mapped = mapAwsError(error, 'ListFunctions', { now: () => Date.parse('2026-01-01T00:00:00.000Z') });

    expect(mapped.retryAfterSeconds).toBe(expected);
  });

  it('names the resource and the region in the message, and suggests the IAM permission', () => {
    const notFound = sdkError({
      name: 'ResourceNotFoundException',
      status: 400,
      fault: 'client',
      message: 'The specified log group does not exist.',
    });
    const denied = sdkError({ name: 'AccessDenied', status: 403, fault: 'client', message: 'not allowed' });

    const mappedNotFound = mapAwsError(notFound, 'FilterLogEvents', {
      service: 'logs',
      region: 'eu-west-1',
      resource: '/aws/lambda/x',
    });
    const mappedDenied = mapAwsError(denied, 'ListBuckets', { service: 's3', region: 'global' });

    expect(mappedNotFound.message).toBe(
      'AWS FilterLogEvents in eu-west-1 for "/aws/lambda/x" failed: the resource does not exist (ResourceNotFoundException): The specified log group does not exist.',
    );
    expect(mappedNotFound.category).toBe('user');
    expect(mappedDenied.suggestions).toEqual([
      'Grant the IAM permission s3:ListAllMyBuckets to the identity in use.',
    ]);
  });

  it('never leaks credentials in messages', () => {
    const error = sdkError({
      name: 'SignatureDoesNotMatch',
      status: 403,
      fault: 'client',
      message:
        'The request signature we calculated does not match the signature you provided. Credential=AKIAABCDEFGHIJKLMNOP/20261125/us-east-1/ec2/aws4_request The Canonical String for this request should have been GET / secret-stuff',
    });

    const mapped = mapAwsError(error, 'DescribeInstances');

    expect(mapped.code).toBe('CLOUD_AUTHENTICATION');
    expect(mapped.message).not.toContain('AKIAABCDEFGHIJKLMNOP');
    expect(mapped.message).not.toContain('Canonical');
    expect(mapped.message).not.toContain('secret-stuff');
  });
});

describe('redactAwsMessage', () => {
  it.each([
    ['key ASIAABCDEFGHIJKLMNOP used', 'key [redacted key id] used'],
    ['X-Amz-Security-Token=FQoGZXIvYXdzEJr%2F&x=1', 'X-Amz-Security-Token=[redacted]&x=1'],
    ['Signature=0123abcdef', 'Signature=[redacted]'],
    ['plain message', 'plain message'],
  ])('redacts %s', (input, expected) => {
    expect(redactAwsMessage(input)).toBe(expected);
  });

  it('bounds the length', () => {
    expect(redactAwsMessage('x'.repeat(1000))).toHaveLength(400);
  });
});
