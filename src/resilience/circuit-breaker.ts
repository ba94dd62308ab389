import { ConsecutiveBreaker } from 'cockatiel';
import { z } from 'zod';
import type { ErrorCode } from '../core/errors/error-catalogue.js';
import { SreError } from '../core/errors/sre-error.js';
import type { Clock } from './resilience-deps.js';

/** The state of a circuit breaker. */
export type BreakerState = 'closed' | 'open' | 'half_open';

/** How a breaker counts the outcome of a call: a health failure, a sign of health, or neither. */
export type BreakerVerdict = 'failure' | 'success' | 'ignore';

/** A transition of a breaker, for events. */
export interface BreakerStateChange {
  readonly breaker: string;
  readonly from: BreakerState;
  readonly to: BreakerState;
}

/** Saved state of one breaker (see {@link CircuitBreaker.toJSON}); half-open is saved as open. */
export const CircuitBreakerSnapshotSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('closed'), consecutiveFailures: z.number().int().nonnegative() }),
  z.object({ state: z.literal('open'), openedAt: z.number() }),
]);

/** Saved state of one breaker. */
export type CircuitBreakerSnapshot = z.output<typeof CircuitBreakerSnapshotSchema>;

/** Options of {@link CircuitBreaker}. All durations in milliseconds. */
export interface CircuitBreakerOptions {
  /** The dependency it guards, for messages (`aws/ec2`). */
  readonly name: string;
  /** Consecutive failures (verdict `failure`) that open the breaker. */
  readonly failureThreshold: number;
  /** How long the breaker stays open before admitting trial calls. */
  readonly openMs: number;
  /** Trial calls admitted at the same time while half-open; more wait for the trials' outcome. */
  readonly halfOpenMaxTrials: number;
  /** Successful trial calls that close the breaker. */
  readonly successThreshold: number;
  /** Classifies an error thrown by a call. A call that returns is always a `success`. */
  readonly classify: (error: unknown) => BreakerVerdict;
  readonly clock: Clock;
  /** Code of the fail-fast error; defaults to `CLOUD_UNAVAILABLE`. */
  readonly rejectionCode?: ErrorCode;
  readonly onStateChange?: (change: BreakerStateChange) => void;
  /** State from an earlier {@link CircuitBreaker.toJSON}. */
  readonly initialState?: CircuitBreakerSnapshot;
}

type InnerState =
  | { readonly value: 'closed' }
  | { readonly value: 'open'; readonly openedAt: number }
  | { readonly value: 'half_open'; inFlight: number; successes: number };

type Admission = 'normal' | 'trial' | 'wait';

/**
 * A circuit breaker with the semantics MISSION.md prescribes: CLOSED → OPEN after
 * `failureThreshold` consecutive failures; OPEN fails fast for `openMs` with an error that says
 * when to retry; then HALF_OPEN admits at most `halfOpenMaxTrials` concurrent trial calls, closes
 * after `successThreshold` successes and reopens on any failure.
 *
 * Why not cockatiel's `CircuitBreakerPolicy`: in cockatiel 3.2 half-open runs exactly one test
 * call and closes on its first success, and it reads `Date.now()` directly. We keep cockatiel's
 * `ConsecutiveBreaker` as the trip rule and its serializable-state idea (`toJSON` / `initialState`).
 */
export class CircuitBreaker {
  private readonly options: CircuitBreakerOptions;
  private readonly counter: ConsecutiveBreaker;
  private inner: InnerState = { value: 'closed' };
  /** Bumped on every transition, so outcomes of calls admitted in an earlier phase are ignored. */
  private generation = 0;
  /** Calls waiting, while half-open, for a trial slot or the trials' verdict. */
  private waiters: (() => void)[] = [];

  constructor(options: CircuitBreakerOptions) {
    this.options = options;
    this.counter = new ConsecutiveBreaker(options.failureThreshold);
    const initial = options.initialState;
    if (initial?.state === 'closed') this.counter.state = initial.consecutiveFailures;
    if (initial?.state === 'open') this.inner = { value: 'open', openedAt: initial.openedAt };
  }

  /** The dependency name. */
  get name(): string {
    return this.options.name;
  }

  /** The current state; an open breaker whose open period is over reports `half_open`. */
  get state(): BreakerState {
    if (this.inner.value === 'open' && this.remainingOpenMs(this.inner.openedAt) <= 0) return 'half_open';
    return this.inner.value;
  }

  /**
   * Runs `fn` if the breaker admits it and records its outcome. While half-open with every trial
   * slot taken, the call waits for a slot or for the trials' verdict: it runs normally once they close
   * the breaker, and fails fast if they reopen it — so the first question after a recovery is complete.
   * @throws SreError (`rejectionCode`, retryable, `details.breaker`, `details.retryInSeconds`) when
   * the breaker is open; `fn` is not called then. Otherwise rethrows what `fn` throws. An abort of
   * `signal` ends a wait for trials with the signal's reason.
   */
  async execute<T>(fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    let admission = this.admit();
    while (admission === 'wait') {
      await this.waitForTrials(signal);
      admission = this.admit();
    }
    const generation = this.generation;
    let value: T;
    try {
      value = await fn();
    } catch (error) {
      this.settle(generation, admission, this.options.classify(error));
      throw error;
    }
    this.settle(generation, admission, 'success');
    return value;
  }

  /** Captures the state so a new breaker can resume it (`initialState`), like cockatiel's `toJSON`. */
  toJSON(): CircuitBreakerSnapshot {
    switch (this.inner.value) {
      case 'closed':
        return { state: 'closed', consecutiveFailures: this.counter.state };
      case 'open':
        return { state: 'open', openedAt: this.inner.openedAt };
      case 'half_open':
        // Trial progress is not worth saving: resume as an open breaker whose period is over.
        return { state: 'open', openedAt: this.options.clock.now() - this.options.openMs };
    }
  }

  private admit(): Admission {
    if (this.inner.value === 'open') {
      const remainingMs = this.remainingOpenMs(this.inner.openedAt);
      if (remainingMs > 0) throw this.rejection(remainingMs);
      this.transition({ value: 'half_open', inFlight: 0, successes: 0 });
    }
    if (this.inner.value === 'half_open') {
      if (this.inner.inFlight >= this.options.halfOpenMaxTrials) return 'wait';
      this.inner.inFlight++;
      return 'trial';
    }
    return 'normal';
  }

  private settle(generation: number, admission: Admission, verdict: BreakerVerdict): void {
    if (generation !== this.generation) return;
    const inner = this.inner;
    if (inner.value === 'closed') {
      if (verdict === 'success') this.counter.success();
      if (verdict === 'failure' && this.counter.failure()) this.open();
      return;
    }
    if (inner.value === 'half_open' && admission === 'trial') {
      inner.inFlight--;
      this.wakeWaiters();
      if (verdict === 'failure') {
        this.open();
      } else if (verdict === 'success') {
        inner.successes++;
        if (inner.successes >= this.options.successThreshold) {
          this.counter.success();
          this.transition({ value: 'closed' });
        }
      }
    }
  }

  private open(): void {
    this.transition({ value: 'open', openedAt: this.options.clock.now() });
  }

  private transition(next: InnerState): void {
    const from = this.inner.value;
    this.inner = next;
    this.generation++;
    this.wakeWaiters();
    this.options.onStateChange?.({ breaker: this.options.name, from, to: next.value });
  }

  /** Waits until a trial settles or the breaker changes state; an abort of `signal` ends the wait. */
  private waitForTrials(signal: AbortSignal | undefined): Promise<void> {
    signal?.throwIfAborted();
    return new Promise<void>((resolve, reject) => {
      const onAbort = (): void => {
        this.waiters = this.waiters.filter((waiter) => waiter !== wake);
        // The caller's own reason (an SreError for a deadline), as every other abort in the runner.
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
        reject(signal?.reason);
      };
      const wake = (): void => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      this.waiters.push(wake);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Lets every waiting call try again (a slot freed, or the breaker closed or reopened). */
  private wakeWaiters(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  private remainingOpenMs(openedAt: number): number {
    return openedAt + this.options.openMs - this.options.clock.now();
  }

  private rejection(retryInMs: number): SreError {
    const retryInSeconds = Math.max(1, Math.ceil(retryInMs / 1000));
    return new SreError(
      this.options.rejectionCode ?? 'CLOUD_UNAVAILABLE',
      `circuit open for ${this.options.name}; retry in ${retryInSeconds} s`,
      {
        retryable: true,
        retryAfterSeconds: retryInSeconds,
        details: { breaker: 'open', retryInSeconds, dependency: this.options.name },
      },
    );
  }
}

/** True when `error` is a breaker's fail-fast rejection (the call was never made). */
export function isBreakerRejection(error: unknown): boolean {
  return (
    // Half-open calls wait for the trials instead of being refused, so only an open breaker refuses.
    error instanceof SreError && error.details.breaker === 'open'
  );
}
