import type { RateLimit } from './resilience-settings-schema.js';
import type { Clock } from './resilience-deps.js';

/**
 * A token bucket that paces calls to one cloud API scope: `burst` tokens at most, refilled at
 * `perSecond`. Callers reserve a token and wait the returned time before calling.
 *
 * Written here because cockatiel 3 has no rate limiter (its bulkhead limits concurrency, not rate).
 * Reservations may push the balance below zero, so concurrent callers queue fairly in reservation
 * order without polling: the n-th caller over the limit waits n / perSecond seconds.
 */
export class TokenBucket {
  private readonly limit: RateLimit;
  private readonly clock: Clock;
  private tokens: number;
  private refilledAt: number;

  constructor(limit: RateLimit, clock: Clock) {
    this.limit = limit;
    this.clock = clock;
    this.tokens = limit.burst;
    this.refilledAt = clock.now();
  }

  /** Takes one token and returns how long to wait before using it, in milliseconds (0: go now). */
  reserve(): number {
    this.refill();
    this.tokens -= 1;
    return this.tokens >= 0 ? 0 : Math.ceil((-this.tokens / this.limit.perSecond) * 1000);
  }

  /** Gives back a reserved token, e.g. when the caller gave up waiting for it. */
  refund(): void {
    this.refill();
    this.tokens = Math.min(this.limit.burst, this.tokens + 1);
  }

  /** Tokens available now (negative while reservations are queued). */
  available(): number {
    this.refill();
    return this.tokens;
  }

  private refill(): void {
    const now = this.clock.now();
    // A wall clock can step back (NTP); never refill negatively.
    const elapsedMs = Math.max(0, now - this.refilledAt);
    this.refilledAt = now;
    this.tokens = Math.min(this.limit.burst, this.tokens + (elapsedMs / 1000) * this.limit.perSecond);
  }
}
