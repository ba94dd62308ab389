import { describe, expect, it } from 'vitest';
import { SreError } from '../../core/errors/sre-error.js';
import { fakeGcpHttpError } from './create-fake-gcp-client-factory.js';
import { mapGcpError, redactGcpMessage } from './map-gcp-error.js';

/** An error shaped like gax's `GoogleError` (numeric gRPC code, promoted ErrorInfo, decoded details). */
function googleError(code: number, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(`${code} (fake google error)`), { code }, extra);
}

/** An error shaped like Storage's `ApiError` (HTTP code, legacy `errors[]`). */
function storageError(code: number, reason?: string): Error {
  return Object.assign(new Error(`storage ${code}`), {
    code,
    errors: reason === undefined ? [] : [{ reason, message: 'x', domain: 'global' }],
    response: { statusCode: code, headers: {} },
  });
}

describe('mapGcpError', () => {
  it.each([
    [8, 'RESOURCE_EXHAUSTED', 'CLOUD_THROTTLED', 429],
    [16, 'UNAUTHENTICATED', 'CLOUD_AUTHENTICATION', 401],
    [7, 'PERMISSION_DENIED', 'CLOUD_AUTHORIZATION', 403],
    [5, 'NOT_FOUND', 'CLOUD_NOT_FOUND', 404],
    [3, 'INVALID_ARGUMENT', 'CLOUD_INVALID_PARAMETER', 400],
    [9, 'FAILED_PRECONDITION', 'CLOUD_INVALID_PARAMETER', 400],
    [11, 'OUT_OF_RANGE', 'CLOUD_INVALID_PARAMETER', 400],
    [14, 'UNAVAILABLE', 'CLOUD_UNAVAILABLE', 503],
    [13, 'INTERNAL', 'CLOUD_UNAVAILABLE', 500],
    [2, 'UNKNOWN', 'CLOUD_UNAVAILABLE', 500],
    [4, 'DEADLINE_EXCEEDED', 'CLOUD_TIMEOUT', 504],
    [12, 'UNIMPLEMENTED', 'CLOUD_UNKNOWN', 501],
  ] as const)('maps a gax GoogleError with gRPC code %i (%s) to %s', (code, status, expected, httpStatus) => {
    const error = googleError(code);

    const mapped = mapGcpError(error, 'instances.aggregatedList', { service: 'compute', project: 'p1' });

    expect(mapped).toBeInstanceOf(SreError);
    expect(mapped.code).toBe(expected);
    expect(mapped.details).toMatchObject({
      provider: 'gcp',
      operation: 'instances.aggregatedList',
      gcpStatus: status,
      httpStatus,
    });
    expect(mapped.cause).toBe(error);
  });

  it.each([
    [429, 'RESOURCE_EXHAUSTED', undefined, 'CLOUD_THROTTLED'],
    [429, 'RESOURCE_EXHAUSTED', 'RATE_LIMIT_EXCEEDED', 'CLOUD_THROTTLED'],
    [429, 'RESOURCE_EXHAUSTED', 'RESOURCE_QUOTA_EXCEEDED', 'CLOUD_QUOTA_EXCEEDED'],
    [403, 'PERMISSION_DENIED', 'IAM_PERMISSION_DENIED', 'CLOUD_AUTHORIZATION'],
    [403, 'PERMISSION_DENIED', 'SERVICE_DISABLED', 'CLOUD_AUTHORIZATION'],
    [401, 'UNAUTHENTICATED', 'ACCESS_TOKEN_EXPIRED', 'CLOUD_AUTHENTICATION'],
    [404, 'NOT_FOUND', undefined, 'CLOUD_NOT_FOUND'],
    [400, 'INVALID_ARGUMENT', undefined, 'CLOUD_INVALID_PARAMETER'],
    [503, 'UNAVAILABLE', undefined, 'CLOUD_UNAVAILABLE'],
    [500, 'INTERNAL', undefined, 'CLOUD_UNAVAILABLE'],
    [504, 'DEADLINE_EXCEEDED', undefined, 'CLOUD_TIMEOUT'],
  ] as const)('maps a REST error %i %s (reason %s) to %s', (httpStatus, status, reason, expected) => {
    const error = fakeGcpHttpError(httpStatus, status, reason === undefined ? {} : { reason });

    const mapped = mapGcpError(error, 'timeSeries.list', { service: 'monitoring', project: 'p1' });

    expect(mapped.code).toBe(expected);
    expect(mapped.details).toMatchObject({ provider: 'gcp', gcpStatus: status, httpStatus });
    if (reason !== undefined) expect(mapped.details.reason).toBe(reason);
    expect(mapped.message).toContain(`${status} (fake)`);
    expect(mapped.message).not.toContain('"error"');
  });

  it.each([
    [429, 'rateLimitExceeded', 'CLOUD_THROTTLED'],
    [403, 'userRateLimitExceeded', 'CLOUD_THROTTLED'],
    [403, 'rateLimitExceeded', 'CLOUD_THROTTLED'],
    [403, 'quotaExceeded', 'CLOUD_QUOTA_EXCEEDED'],
    [403, 'dailyLimitExceeded', 'CLOUD_QUOTA_EXCEEDED'],
    [403, 'forbidden', 'CLOUD_AUTHORIZATION'],
    [401, 'required', 'CLOUD_AUTHENTICATION'],
    [404, 'notFound', 'CLOUD_NOT_FOUND'],
    [400, 'invalid', 'CLOUD_INVALID_PARAMETER'],
    [503, 'backendError', 'CLOUD_UNAVAILABLE'],
    [502, undefined, 'CLOUD_UNAVAILABLE'],
    [418, undefined, 'CLOUD_UNKNOWN'],
  ] as const)('maps a Storage ApiError %i (%s) to %s', (code, reason, expected) => {
    const mapped = mapGcpError(storageError(code, reason), 'buckets.list');

    expect(mapped.code).toBe(expected);
    expect(mapped.details.httpStatus).toBe(code);
  });

  it('reads the legacy errors[].reason of a Compute REST body', () => {
    const body = {
      error: {
        code: 403,
        message: 'Rate Limit Exceeded',
        errors: [{ reason: 'rateLimitExceeded', domain: 'usageLimits' }],
      },
    };
    const error = Object.assign(new Error(JSON.stringify(body)), { status: 403, code: 403 });

    const mapped = mapGcpError(error, 'disks.aggregatedList');

    expect(mapped.code).toBe('CLOUD_THROTTLED');
    expect(mapped.details).toMatchObject({
      gcpStatus: 'PERMISSION_DENIED',
      httpStatus: 403,
      reason: 'rateLimitExceeded',
    });
  });

  it.each([
    ['a REST RetryInfo', fakeGcpHttpError(429, 'RESOURCE_EXHAUSTED', { retryDelay: '7s' }), 7],
    ['a fractional RetryInfo', fakeGcpHttpError(429, 'RESOURCE_EXHAUSTED', { retryDelay: '1.5s' }), 1.5],
    [
      'gax statusDetails',
      googleError(8, { statusDetails: [{ retryDelay: { seconds: '12', nanos: 500_000_000 } }] }),
      12.5,
    ],
    [
      'a Retry-After header',
      Object.assign(new Error('{"error":{"code":429,"message":"slow down"}}'), {
        status: 429,
        response: { status: 429, headers: new Headers({ 'Retry-After': '30' }) },
      }),
      30,
    ],
  ])('takes the retry delay from %s', (_label, error, seconds) => {
    const mapped = mapGcpError(error, 'entries.list');

    expect(mapped.code).toBe('CLOUD_THROTTLED');
    expect(mapped.retryAfterSeconds).toBe(seconds);
    expect(mapped.retryable).toBe(true);
  });

  it('reads the ErrorInfo a gax GoogleError promotes', () => {
    const error = googleError(8, { reason: 'RESOURCE_QUOTA_EXCEEDED', domain: 'googleapis.com' });

    expect(mapGcpError(error, 'functions.list').code).toBe('CLOUD_QUOTA_EXCEEDED');
  });

  it('names the missing permission from ErrorInfo metadata', () => {
    const error = googleError(7, {
      reason: 'IAM_PERMISSION_DENIED',
      errorInfoMetadata: { permission: 'compute.instances.list' },
    });

    const mapped = mapGcpError(error, 'instances.aggregatedList');

    expect(mapped.code).toBe('CLOUD_AUTHORIZATION');
    expect(mapped.suggestions[0]).toContain('compute.instances.list');
  });

  it.each([
    ['ECONNREFUSED', 'CLOUD_UNREACHABLE'],
    ['ENOTFOUND', 'CLOUD_UNREACHABLE'],
    ['EAI_AGAIN', 'CLOUD_UNREACHABLE'],
    ['CERT_HAS_EXPIRED', 'CLOUD_UNREACHABLE'],
    ['ETIMEDOUT', 'CLOUD_TIMEOUT'],
    ['ECONNRESET', 'CLOUD_UNAVAILABLE'],
  ] as const)('maps socket error %s to %s', (code, expected) => {
    const error = Object.assign(
      new Error(`request to http://127.0.0.1:1/x failed, reason: connect ${code}`),
      {
        name: 'GaxiosError',
        code,
      },
    );

    const mapped = mapGcpError(error, 'buckets.list');

    expect(mapped.code).toBe(expected);
    expect(mapped.details.syscallCode).toBe(code);
  });

  it('finds the socket code under fetch\'s "fetch failed"', () => {
    const error = new TypeError('fetch failed', {
      cause: Object.assign(new Error('connect ECONNREFUSED ::1:1'), { code: 'ECONNREFUSED' }),
    });

    expect(mapGcpError(error, 'logs.list').code).toBe('CLOUD_UNREACHABLE');
  });

  it.each([
    ['a SyntaxError from decoding a 200', new SyntaxError('Unterminated string in JSON at position 159')],
    [
      'node-fetch invalid-json',
      Object.assign(new Error('invalid json response body at http://x reason: Unexpected end'), {
        type: 'invalid-json',
      }),
    ],
  ])('maps %s to CLOUD_MALFORMED_RESPONSE', (_label, error) => {
    expect(mapGcpError(error, 'instances.list').code).toBe('CLOUD_MALFORMED_RESPONSE');
  });

  it('maps a cancelled call to CLOUD_TIMEOUT when the signal timed out, else CLOUD_UNKNOWN', () => {
    const cancelled = googleError(1);
    const timedOut = new AbortController();
    timedOut.abort(new DOMException('deadline', 'TimeoutError'));
    const stopped = new AbortController();
    stopped.abort(new Error('user went away'));

    expect(mapGcpError(cancelled, 'entries.list', { signal: timedOut.signal }).code).toBe('CLOUD_TIMEOUT');
    expect(mapGcpError(cancelled, 'entries.list', { signal: stopped.signal })).toMatchObject({
      code: 'CLOUD_UNKNOWN',
      message: expect.stringContaining('cancelled') as string,
    });
  });

  it('maps a call abandoned on abort by the signal reason', () => {
    const timedOut = new AbortController();
    timedOut.abort(new DOMException('deadline', 'TimeoutError'));
    const stopped = new AbortController();
    const reason = new Error('user went away');
    stopped.abort(reason);

    expect(mapGcpError(timedOut.signal.reason, 'logs.list', { signal: timedOut.signal }).code).toBe(
      'CLOUD_TIMEOUT',
    );
    expect(mapGcpError(reason, 'logs.list', { signal: stopped.signal }).code).toBe('CLOUD_UNKNOWN');
  });

  it('passes SreErrors through, also as an abort cause or the signal reason', () => {
    const own = new SreError('CLOUD_TIMEOUT', 'runner deadline');
    const abort = Object.assign(new Error('aborted'), { name: 'AbortError', cause: own });
    const controller = new AbortController();
    controller.abort(own);

    expect(mapGcpError(own, 'x')).toBe(own);
    expect(mapGcpError(abort, 'x')).toBe(own);
    expect(mapGcpError(googleError(1), 'x', { signal: controller.signal })).toBe(own);
  });

  it('maps missing Application Default Credentials to CLOUD_AUTHENTICATION', () => {
    const error = new Error(
      'Could not load the default credentials. Browse to https://cloud.google.com/docs/authentication',
    );

    const mapped = mapGcpError(error, 'instances.aggregatedList');

    expect(mapped.code).toBe('CLOUD_AUTHENTICATION');
    expect(mapped.suggestions[0]).toContain('application-default login');
  });

  it('maps anything else to CLOUD_UNKNOWN, not retryable', () => {
    const mapped = mapGcpError('weird', 'instances.list');

    expect(mapped).toMatchObject({
      code: 'CLOUD_UNKNOWN',
      retryable: false,
      details: { provider: 'gcp', operation: 'instances.list' },
    });
  });

  it('writes a message with the operation, project and resource', () => {
    const mapped = mapGcpError(storageError(404, 'notFound'), 'buckets.getIamPolicy', {
      project: 'p1',
      resource: 'b1',
    });

    expect(mapped.message).toBe(
      'GCP buckets.getIamPolicy in project p1 for "b1" failed: the resource does not exist (NOT_FOUND): storage 404',
    );
    expect(mapped.suggestions).toEqual(['Check the name "b1" and the project.']);
  });
});

describe('redactGcpMessage', () => {
  it.each([
    ['Authorization: Bearer ya29.a0AfH6SMB-secret_token', 'Authorization: Bearer [redacted]'],
    ['token ya29.a0AfH6SMBsecret leaked', 'token [redacted token] leaked'],
    ['url?key=AIzaSyA1234567890abcdefghijk&x=1', 'url?key=[redacted]&x=1'],
    [
      'https://storage.googleapis.com/b/o?X-Goog-Signature=abcdef0123&x=1',
      'https://storage.googleapis.com/b/o?X-Goog-Signature=[redacted]&x=1',
    ],
  ])('redacts %j', (input, expected) => {
    expect(redactGcpMessage(input)).toBe(expected);
  });

  it('bounds the length', () => {
    expect(redactGcpMessage('x'.repeat(1000))).toHaveLength(400);
  });
});
