import { describe, expect, it } from 'vitest';
import type { ErrorCode } from '../core/errors/error-catalogue.js';
import { SreError } from '../core/errors/sre-error.js';
import { classifyFailure } from './classify-failure.js';

describe('classifyFailure', () => {
  it.each<[ErrorCode, boolean, string]>([
    ['CLOUD_THROTTLED', true, 'success'],
    ['CLOUD_UNAVAILABLE', true, 'failure'],
    ['CLOUD_TIMEOUT', true, 'failure'],
    ['CLOUD_UNREACHABLE', true, 'failure'],
    ['CLOUD_MALFORMED_RESPONSE', true, 'success'],
    ['CLOUD_AUTHENTICATION', false, 'success'],
    ['CLOUD_AUTHORIZATION', false, 'success'],
    ['CLOUD_NOT_FOUND', false, 'success'],
    ['CLOUD_INVALID_PARAMETER', false, 'success'],
    ['CLOUD_QUOTA_EXCEEDED', false, 'success'],
    ['CLOUD_UNKNOWN', false, 'success'],
    ['INTERNAL', false, 'ignore'],
  ])('%s: retryable %s, breaker %s', (code, retryable, breaker) => {
    const error = new SreError(code, 'from the cloud');

    const result = classifyFailure(error);

    expect(result).toEqual({ retryable, breaker });
  });

  it('follows the retryable flag of the error over the catalogue', () => {
    const error = new SreError('CLOUD_THROTTLED', 'gave up', { retryable: false });

    const result = classifyFailure(error);

    expect(result.retryable).toBe(false);
  });

  it('never retries a breaker rejection, nor counts it', () => {
    const error = new SreError('CLOUD_UNAVAILABLE', 'circuit open for aws/ec2; retry in 3 s', {
      details: { breaker: 'open', retryInSeconds: 3 },
    });

    const result = classifyFailure(error);

    expect(result).toEqual({ retryable: false, breaker: 'ignore' });
  });

  it.each([new Error('plain'), new DOMException('aborted', 'AbortError'), 'a string'])(
    'neither retries nor counts a non-SreError (%s)',
    (error) => {
      const result = classifyFailure(error);

      expect(result).toEqual({ retryable: false, breaker: 'ignore' });
    },
  );
});
