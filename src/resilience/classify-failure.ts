import type { ErrorCode } from '../core/errors/error-catalogue.js';
import { isSreError } from '../core/errors/sre-error.js';
import { isBreakerRejection, type BreakerVerdict } from './circuit-breaker.js';

/** How the resilience policies treat an error thrown by a cloud call. */
export interface FailureClass {
  /** Retry the call (after backoff). */
  readonly retryable: boolean;
  /** What the error says about the health of the dependency, for its circuit breaker. */
  readonly breaker: BreakerVerdict;
}

/**
 * Codes that mean the dependency itself is unhealthy. Throttling is deliberately absent: a
 * throttled service is up and answering, pacing belongs to the token bucket and backoff, and
 * opening the breaker on 429s would turn a slowdown into an outage of every scope behind it.
 */
const HEALTH_FAILURE_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'CLOUD_UNAVAILABLE',
  'CLOUD_TIMEOUT',
  'CLOUD_UNREACHABLE',
]);

/**
 * Classifies an error thrown by a cloud call (classification is kept apart from the retry and
 * breaker strategies, as in the AWS SDK). Only `SreError`s with `retryable: true` are retried,
 * never a breaker's own fail-fast rejection. For the breaker: health codes are failures; any other
 * `CLOUD_*` error (throttled, not found, access denied…) proves the service answered, so it counts
 * as a success; anything else (our own bugs, cancellation) says nothing about the dependency.
 */
export function classifyFailure(error: unknown): FailureClass {
  if (!isSreError(error) || isBreakerRejection(error)) return { retryable: false, breaker: 'ignore' };
  if (HEALTH_FAILURE_CODES.has(error.code)) return { retryable: error.retryable, breaker: 'failure' };
  return { retryable: error.retryable, breaker: error.code.startsWith('CLOUD_') ? 'success' : 'ignore' };
}
