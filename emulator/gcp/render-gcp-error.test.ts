import { describe, expect, it } from 'vitest';
import type { EmulatedErrorKind } from '../server/wire.js';
import type { GcpService } from './gcp-service.js';
import { renderGcpError } from './render-gcp-error.js';

interface ErrorBody {
  error: {
    code: number;
    message: string;
    status?: string;
    errors?: { message: string; domain: string; reason: string }[];
    details?: { '@type': string; reason?: string; domain?: string; retryDelay?: string }[];
  };
}

function render(
  service: GcpService | undefined,
  kind: EmulatedErrorKind,
  retryAfterSeconds?: number,
): { status: number; body: ErrorBody } {
  const response = renderGcpError(service, {
    kind,
    message: 'm',
    ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
  });
  return { status: response.status, body: JSON.parse(String(response.body)) as ErrorBody };
}

describe('renderGcpError', () => {
  it.each<[EmulatedErrorKind, number, string]>([
    ['throttled', 429, 'RESOURCE_EXHAUSTED'],
    ['unavailable', 503, 'UNAVAILABLE'],
    ['region_down', 503, 'UNAVAILABLE'],
    ['denied', 403, 'PERMISSION_DENIED'],
    ['mutation_refused', 403, 'PERMISSION_DENIED'],
    ['unknown_operation', 404, 'NOT_FOUND'],
    ['invalid', 400, 'INVALID_ARGUMENT'],
    ['not_found', 404, 'NOT_FOUND'],
  ])('maps %s to HTTP %i %s', (kind, code, status) => {
    const { status: http, body } = render('monitoring', kind);

    expect(http).toBe(code);
    expect(body.error).toMatchObject({ code, status, message: 'm' });
    expect(body.error.errors).toBeUndefined();
  });

  it('renders a throttle in both forms for Compute: legacy errors[] and ErrorInfo + RetryInfo', () => {
    const { body } = render('compute', 'throttled', 5);

    expect(body.error.errors).toEqual([{ message: 'm', domain: 'usageLimits', reason: 'rateLimitExceeded' }]);
    expect(body.error.details).toEqual([
      expect.objectContaining({
        '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
        reason: 'RATE_LIMIT_EXCEEDED',
        domain: 'googleapis.com',
      }),
      { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '5s' },
    ]);
  });

  it.each<[GcpService, string]>([
    ['compute', 'forbidden'],
    ['sqladmin', 'notAuthorized'],
    ['storage', 'forbidden'],
  ])('uses the legacy reason of %s for access denied', (service, reason) => {
    expect(render(service, 'denied').body.error.errors?.[0]?.reason).toBe(reason);
  });

  it('renders Cloud Storage errors without status and details, as the JSON API does', () => {
    const { body } = render('storage', 'throttled', 5);

    expect(body.error).toEqual({
      code: 429,
      message: 'm',
      errors: [{ message: 'm', domain: 'usageLimits', reason: 'rateLimitExceeded' }],
    });
  });

  it('names the service in ErrorInfo for permission errors', () => {
    const { body } = render('cloudfunctions', 'denied');

    expect(body.error.details?.[0]).toMatchObject({
      reason: 'IAM_PERMISSION_DENIED',
      domain: 'cloudfunctions.googleapis.com',
    });
  });
});
