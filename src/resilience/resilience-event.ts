import type { ErrorCode } from '../core/errors/error-catalogue.js';
import type { CallKey } from '../core/ports/call-runner.js';
import type { BreakerState } from './circuit-breaker.js';

/** A failed attempt will be retried after `delayMs` (already scaled). */
export interface RetryEvent {
  readonly type: 'retry';
  readonly key: CallKey;
  /** Number of the attempt about to run (2 for the first retry). */
  readonly attempt: number;
  readonly delayMs: number;
  /** Code of the error that caused the retry. */
  readonly code: ErrorCode;
}

/** A circuit breaker changed state. */
export interface BreakerStateChangeEvent {
  readonly type: 'breaker_state_change';
  /** Breaker name (`aws/ec2`, or `aws/ec2/us-east-1` with per-region breakers). */
  readonly breaker: string;
  readonly from: BreakerState;
  readonly to: BreakerState;
}

/** A call failed fast because its breaker is open (or half-open with all trial slots taken). */
export interface BreakerRejectedEvent {
  readonly type: 'breaker_rejected';
  readonly key: CallKey;
  readonly breaker: string;
  readonly retryInSeconds: number;
}

/** An attempt waits for a token of its rate limit. */
export interface ThrottledWaitEvent {
  readonly type: 'throttled_wait';
  readonly key: CallKey;
  readonly waitMs: number;
}

/** An attempt did not answer within its timeout (it becomes `CLOUD_TIMEOUT`). */
export interface TimeoutEvent {
  readonly type: 'timeout';
  readonly key: CallKey;
  /** 1-based attempt number. */
  readonly attempt: number;
  readonly timeoutMs: number;
}

/** What the resilience layer reports for traces and metrics. */
export type ResilienceEvent =
  RetryEvent | BreakerStateChangeEvent | BreakerRejectedEvent | ThrottledWaitEvent | TimeoutEvent;
