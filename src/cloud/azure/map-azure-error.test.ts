import { createHttpHeaders, createPipelineRequest, RestError } from '@azure/core-rest-pipeline';
import { describe, expect, it } from 'vitest';
import { SreError } from '../../core/errors/sre-error.js';
import { mapAzureError, redactAzureMessage } from './map-azure-error.js';

const request = createPipelineRequest({
  url: 'https://management.azure.com/subscriptions/s/providers/Microsoft.Compute/disks',
});

/** A `RestError` as the SDK pipeline throws it for an HTTP error answer. */
function restError(
  status: number,
  code: string | undefined,
  message: string,
  headers: Record<string, string> = {},
): RestError {
  return new RestError(message, {
    ...(code === undefined ? {} : { code }),
    statusCode: status,
    request,
    response: { status, headers: createHttpHeaders({ 'x-ms-request-id': 'req-1', ...headers }), request },
  });
}

/** A Node.js socket error wrapped the way the SDK's HTTP client wraps it. */
function sendError(syscall: string | undefined): RestError {
  const error = new RestError(`connect ${syscall ?? 'failure'} 10.0.0.1:443`, {
    code: syscall ?? RestError.REQUEST_SEND_ERROR,
    request,
  });
  return error;
}

function named(name: string, message = 'failed'): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

describe('mapAzureError', () => {
  it.each([
    ['429 TooManyRequests', restError(429, 'TooManyRequests', 'Rate exceeded'), 'CLOUD_THROTTLED'],
    [
      'SubscriptionRequestsThrottled',
      restError(429, 'SubscriptionRequestsThrottled', 'throttled'),
      'CLOUD_THROTTLED',
    ],
    [
      'ResourceRequestsThrottled',
      restError(429, 'ResourceRequestsThrottled', 'throttled'),
      'CLOUD_THROTTLED',
    ],
    ['bare 429', restError(429, undefined, 'Too many'), 'CLOUD_THROTTLED'],
    [
      'Log Analytics ThrottledError',
      restError(429, 'ThrottledError', 'Too many requests'),
      'CLOUD_THROTTLED',
    ],
    [
      '401 InvalidAuthenticationToken',
      restError(401, 'InvalidAuthenticationToken', 'The access token is invalid.'),
      'CLOUD_AUTHENTICATION',
    ],
    [
      'ExpiredAuthenticationToken',
      restError(401, 'ExpiredAuthenticationToken', 'expired'),
      'CLOUD_AUTHENTICATION',
    ],
    [
      'CredentialUnavailableError',
      named('CredentialUnavailableError', 'DefaultAzureCredential failed'),
      'CLOUD_AUTHENTICATION',
    ],
    ['AuthenticationRequiredError', named('AuthenticationRequiredError'), 'CLOUD_AUTHENTICATION'],
    ['AggregateAuthenticationError', named('AggregateAuthenticationError'), 'CLOUD_AUTHENTICATION'],
    [
      '403 AuthorizationFailed',
      restError(403, 'AuthorizationFailed', 'does not have authorization'),
      'CLOUD_AUTHORIZATION',
    ],
    [
      'Log Analytics InsufficientAccessError',
      restError(403, 'InsufficientAccessError', 'insufficient access'),
      'CLOUD_AUTHORIZATION',
    ],
    ['bare 403', restError(403, undefined, 'Forbidden'), 'CLOUD_AUTHORIZATION'],
    [
      'SubscriptionNotFound',
      restError(404, 'SubscriptionNotFound', "The subscription 's' could not be found."),
      'CLOUD_NOT_FOUND',
    ],
    ['ResourceGroupNotFound', restError(404, 'ResourceGroupNotFound', 'not found'), 'CLOUD_NOT_FOUND'],
    ['ResourceNotFound', restError(404, 'ResourceNotFound', 'not found'), 'CLOUD_NOT_FOUND'],
    ['ParentResourceNotFound', restError(404, 'ParentResourceNotFound', 'not found'), 'CLOUD_NOT_FOUND'],
    ['400 InvalidParameter', restError(400, 'InvalidParameter', 'bad'), 'CLOUD_INVALID_PARAMETER'],
    ['400 BadRequest', restError(400, 'BadRequest', 'bad'), 'CLOUD_INVALID_PARAMETER'],
    [
      'Log Analytics BadArgumentError',
      restError(400, 'BadArgumentError', 'Query could not be parsed'),
      'CLOUD_INVALID_PARAMETER',
    ],
    [
      'MissingApiVersionParameter',
      restError(400, 'MissingApiVersionParameter', 'api-version'),
      'CLOUD_INVALID_PARAMETER',
    ],
    [
      'QuotaExceeded',
      restError(409, 'QuotaExceeded', 'Operation results in exceeding quota limits'),
      'CLOUD_QUOTA_EXCEEDED',
    ],
    [
      'OperationNotAllowed (quota)',
      restError(409, 'OperationNotAllowed', 'exceeding approved standardDSv3Family Cores quota'),
      'CLOUD_QUOTA_EXCEEDED',
    ],
    [
      'OperationNotAllowed (state)',
      restError(409, 'OperationNotAllowed', 'VM is deallocated'),
      'CLOUD_INVALID_PARAMETER',
    ],
    ['503 ServiceUnavailable', restError(503, 'ServiceUnavailable', 'down'), 'CLOUD_UNAVAILABLE'],
    ['500 without code', restError(500, undefined, 'oops'), 'CLOUD_UNAVAILABLE'],
    ['502 BadGateway', restError(502, 'BadGateway', 'gateway'), 'CLOUD_UNAVAILABLE'],
    ['504', restError(504, undefined, 'gateway timeout'), 'CLOUD_TIMEOUT'],
    ['GatewayTimeout code', restError(504, 'GatewayTimeout', 'gateway timeout'), 'CLOUD_TIMEOUT'],
    ['ECONNREFUSED', sendError('ECONNREFUSED'), 'CLOUD_UNREACHABLE'],
    ['ENOTFOUND', sendError('ENOTFOUND'), 'CLOUD_UNREACHABLE'],
    ['REQUEST_SEND_ERROR', sendError(undefined), 'CLOUD_UNREACHABLE'],
    ['ETIMEDOUT', sendError('ETIMEDOUT'), 'CLOUD_TIMEOUT'],
    ['ECONNRESET', sendError('ECONNRESET'), 'CLOUD_UNAVAILABLE'],
    [
      'PARSE_ERROR on 200',
      new RestError('Error "SyntaxError" occurred while parsing the response body', {
        code: 'PARSE_ERROR',
        statusCode: 200,
      }),
      'CLOUD_MALFORMED_RESPONSE',
    ],
    [
      'unpageable 2xx body',
      new RestError("Couldn't paginate response\n Body doesn't contain an array property with name: value"),
      'CLOUD_MALFORMED_RESPONSE',
    ],
    [
      'deserializer TypeError',
      new TypeError("Cannot read properties of undefined (reading 'map')"),
      'CLOUD_MALFORMED_RESPONSE',
    ],
    ['cancellation', named('AbortError', 'The operation was aborted.'), 'CLOUD_UNKNOWN'],
    ['unknown 418', restError(418, 'Teapot', 'short and stout'), 'CLOUD_UNKNOWN'],
  ] as const)('%s → %s', (_case, error, code) => {
    const mapped = mapAzureError(error, 'Disks_List');

    expect(mapped).toBeInstanceOf(SreError);
    expect(mapped.code).toBe(code);
    expect(mapped.details.provider).toBe('azure');
    expect(mapped.details.operation).toBe('Disks_List');
    expect(mapped.message.startsWith('Azure Disks_List')).toBe(true);
  });

  it.each([
    ['Retry-After seconds', { 'retry-after': '7' }, 7],
    ['retry-after-ms', { 'retry-after-ms': '1500' }, 1.5],
    ['x-ms-retry-after-ms', { 'x-ms-retry-after-ms': '250' }, 0.25],
    ['Retry-After HTTP date', { 'retry-after': 'Wed, 25 Nov 2026 12:00:30 GMT' }, 30],
    ['only remaining-request counters', { 'x-ms-ratelimit-remaining-subscription-reads': '0' }, undefined],
  ] as const)('reads the wait from %s', (_case, headers, seconds) => {
    const error = restError(429, 'TooManyRequests', 'throttled', headers);

    const mapped = mapAzureError(error, 'VirtualMachines_ListAll', {
      now: () => Date.parse('2026-11-25T12:00:00Z'),
    });

    expect(mapped.retryAfterSeconds).toBe(seconds);
    expect(mapped.retryable).toBe(true);
  });

  it('carries the Azure code, HTTP status and request id', () => {
    const error = restError(403, 'AuthorizationFailed', 'denied');

    const mapped = mapAzureError(error, 'Disks_List', {
      service: 'Microsoft.Compute',
      subscription: 'sub-1',
      region: 'global',
    });

    expect(mapped.details).toMatchObject({
      provider: 'azure',
      operation: 'Disks_List',
      service: 'Microsoft.Compute',
      subscription: 'sub-1',
      azureCode: 'AuthorizationFailed',
      httpStatus: 403,
      requestId: 'req-1',
    });
    expect(mapped.suggestions[0]).toContain('Microsoft.Compute/disks/read');
    expect(mapped.cause).toBe(error);
  });

  it('adds the innermost error of a Log Analytics answer to the message', () => {
    const error = restError(400, 'BadArgumentError', 'The request had some invalid properties');
    error.details = {
      error: {
        code: 'BadArgumentError',
        message: 'The request had some invalid properties',
        innererror: {
          code: 'SemanticError',
          message: 'A semantic error occurred.',
          innererror: {
            code: 'SEM0100',
            message: "Failed to resolve table or column expression named 'AppTraces'",
          },
        },
      },
    };

    const mapped = mapAzureError(error, 'Query_Execute');

    expect(mapped.code).toBe('CLOUD_INVALID_PARAMETER');
    expect(mapped.message).toContain("Failed to resolve table or column expression named 'AppTraces'");
    expect(mapped.details.innerCodes).toEqual(['SemanticError', 'SEM0100']);
  });

  it('tells a timeout abort from a cancellation by the signal reason', () => {
    const controller = new AbortController();
    controller.abort(named('TimeoutError', 'timed out'));

    const mapped = mapAzureError(named('AbortError'), 'Metrics_List', { signal: controller.signal });

    expect(mapped.code).toBe('CLOUD_TIMEOUT');
  });

  it('passes SreErrors through, also as the cause of an abort', () => {
    const original = new SreError('CLOUD_TIMEOUT', 'runner timeout');
    const abort = named('AbortError');
    (abort as Error & { cause?: unknown }).cause = original;

    expect(mapAzureError(original, 'x')).toBe(original);
    expect(mapAzureError(abort, 'x')).toBe(original);
  });

  it('redacts tokens and secrets from messages', () => {
    const text = redactAzureMessage(
      'Authorization: Bearer eyJ0eXAiOiJKV1QiLCJhbGciOi.eyJhdWQiOiJodHRwczovL21hbmFnZW1lbnQ.c2lnbmF0dXJl and https://a.blob.core.windows.net/c?sv=1&sig=abcDEF%3D client_secret=s3cr3t',
    );

    expect(text).not.toContain('eyJ0eXAi');
    expect(text).not.toContain('abcDEF');
    expect(text).not.toContain('s3cr3t');
    expect(text).toContain('[redacted');
  });
});
