import {
  ExponentialBackoff,
  noJitterGenerator,
  type GeneratorFn,
  type IBackoff,
  type IBackoffFactory,
  type IRetryBackoffContext,
} from 'cockatiel';
import { isSreError } from '../core/errors/sre-error.js';

/** The context cockatiel's retry policy passes to a backoff. */
export type RetryBackoffContext = IRetryBackoffContext<unknown>;

/** Options of {@link createRetryBackoff}. Durations in milliseconds, before scaling. */
export interface RetryBackoffOptions {
  /** Delay before the first retry; it doubles for each further retry. */
  readonly baseDelayMs: number;
  /** Cap on any single wait, retry-after waits included. */
  readonly maxDelayMs: number;
  /** Randomize each delay within [delay/2, delay]. */
  readonly jitter: boolean;
  /** Wait at least an error's `retryAfterSeconds`. */
  readonly honourRetryAfter: boolean;
  /** Multiplies every duration (base, cap and retry-after); 1 in production. */
  readonly delayScale: number;
  /** Returns a number in [0, 1). */
  readonly random: () => number;
}

/**
 * A cockatiel backoff for retries: exponential (`base · 2^(n-1)` before retry n, capped), with
 * "equal jitter" (uniform in [d/2, d], so a retry never fires immediately and the bounds grow
 * monotonically), and at least the error's retry-after hint: `min(cap, max(backoff, retryAfter))`.
 * Built on cockatiel's `ExponentialBackoff` with an injectable random source.
 */
export function createRetryBackoff(options: RetryBackoffOptions): IBackoffFactory<RetryBackoffContext> {
  const maxDelayMs = options.maxDelayMs * options.delayScale;
  const exponential = new ExponentialBackoff<number>({
    initialDelay: options.baseDelayMs * options.delayScale,
    maxDelay: maxDelayMs,
    exponent: 2,
    generator: options.jitter ? createEqualJitterGenerator(options.random) : noJitterGenerator,
  });
  const withRetryAfter = (inner: IBackoffFactory<unknown>): IBackoffFactory<RetryBackoffContext> => ({
    next(context: RetryBackoffContext): IBackoff<RetryBackoffContext> {
      const step = inner.next(context);
      const hintMs = options.honourRetryAfter ? retryAfterMs(context) * options.delayScale : 0;
      return {
        duration: Math.round(Math.min(maxDelayMs, Math.max(step.duration, hintMs))),
        next: (nextContext) => withRetryAfter(step).next(nextContext),
      };
    },
  });
  return withRetryAfter(exponential);
}

/** Cockatiel's `halfJitterGenerator`, with the random source injected so tests are deterministic. */
function createEqualJitterGenerator(random: () => number): GeneratorFn<number> {
  return (state, generatorOptions) => {
    const [delay, nextState] = noJitterGenerator(state, generatorOptions);
    return [delay / 2 + (random() * delay) / 2, nextState];
  };
}

function retryAfterMs(context: RetryBackoffContext): number {
  if (!('error' in context.result)) return 0;
  const error = context.result.error;
  return isSreError(error) && error.retryAfterSeconds !== undefined ? error.retryAfterSeconds * 1000 : 0;
}
