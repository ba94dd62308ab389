import {
  DelegateBackoff,
  handleWhen,
  retry,
  timeout,
  TimeoutStrategy,
  type IBackoff,
  type TimeoutPolicy,
} from 'cockatiel';
import { z } from 'zod';
import { SreError, isSreError, toSreError } from '../core/errors/sre-error.js';
import type { CallKey, CallRunner } from '../core/ports/call-runner.js';
import type { Provider } from '../core/ports/cloud-port.js';
import { BreakerStateSnapshotSchema, type BreakerStateSnapshot } from './breaker-state-snapshot.js';
import {
  CircuitBreaker,
  isBreakerRejection,
  type BreakerState,
  type CircuitBreakerSnapshot,
} from './circuit-breaker.js';
import { classifyFailure } from './classify-failure.js';
import { createRetryBackoff, type RetryBackoffContext } from './create-retry-backoff.js';
import type { Clock, ResilienceDeps, Sleep } from './resilience-deps.js';
import type { ResilienceEvent } from './resilience-event.js';
import type { ResilienceSettings } from './resilience-settings-schema.js';
import { createStatsRecorder, type MutableCounters, type ResilienceStats } from './resilience-stats.js';
import { sleep as sleepWithTimer } from './sleep.js';
import { TokenBucket } from './token-bucket.js';

/** A {@link CallRunner} with resilience policies, their statistics and breaker state. */
export interface ResilientCallRunner extends CallRunner {
  /** Counters in total and per `provider/account/region/service` (a copy). */
  stats(): ResilienceStats;
  /** State of every breaker used so far, by name (`aws/ec2`). */
  breakerStates(): Readonly<Record<string, BreakerState>>;
  /** Saves every breaker's state as plain JSON. */
  exportBreakerState(): BreakerStateSnapshot;
  /**
   * Restores breakers saved by {@link ResilientCallRunner.exportBreakerState} (replacing current
   * ones of the same name; others are kept).
   * @throws SreError `INTERNAL` when `snapshot` is not a valid snapshot (nothing is changed then).
   */
  importBreakerState(snapshot: unknown): void;
}

/**
 * Builds the call runner every cloud adapter uses for each call (one page): a token bucket per
 * (provider, account, region, service), a circuit breaker per (provider, service) — or per region
 * with `breaker.scope: region` —, a timeout per attempt and retries with exponential backoff,
 * jitter and retry-after hints, per provider. Policies are cockatiel's where cockatiel has them
 * (retry loop, exponential backoff, timeout); the breaker's half-open rules and the token bucket
 * are ours (see their files).
 *
 * Order per attempt: [backoff wait] → breaker admission → rate-limit token → timeout(call).
 * A call rejects with:
 * - the caller's `signal.reason` when the caller aborts (at any point, waits included);
 * - the last `SreError`, with `details.attempts`, once retries are exhausted or the error is not
 *   retryable (anything else thrown by `call` becomes `INTERNAL`); a timed-out attempt is
 *   `CLOUD_TIMEOUT`;
 * - `CLOUD_UNAVAILABLE` (retryable, `details.breaker`, `details.retryInSeconds`) when the breaker
 *   is open, without calling `call`.
 */
export function createResilientCallRunner(
  settings: ResilienceSettings,
  deps: ResilienceDeps = {},
): ResilientCallRunner {
  const clock: Clock = deps.clock ?? { now: () => Date.now() };
  const sleep: Sleep = deps.sleep ?? sleepWithTimer;
  const random = deps.random ?? Math.random;
  const breakers = new Map<string, CircuitBreaker>();
  const buckets = new Map<string, TokenBucket>();
  const timeouts = new Map<Provider, TimeoutPolicy>();
  const stats = createStatsRecorder();

  const emit = (event: ResilienceEvent): void => {
    try {
      deps.onEvent?.(event);
    } catch {
      // A failing trace or metrics listener must never change the outcome of a cloud call.
    }
  };

  const createBreaker = (name: string, initialState?: CircuitBreakerSnapshot): CircuitBreaker =>
    new CircuitBreaker({
      name,
      failureThreshold: settings.breaker.failureThreshold,
      openMs: settings.breaker.openMs * settings.delayScale,
      halfOpenMaxTrials: settings.breaker.halfOpenMaxTrials,
      successThreshold: settings.breaker.successThreshold,
      classify: (error) => classifyFailure(error).breaker,
      clock,
      onStateChange: (change) => {
        emit({ type: 'breaker_state_change', ...change });
      },
      ...(initialState === undefined ? {} : { initialState }),
    });

  const breakerFor = (key: CallKey): CircuitBreaker => {
    const name = breakerName(key, settings.breaker.scope);
    let breaker = breakers.get(name);
    if (breaker === undefined) {
      breaker = createBreaker(name);
      breakers.set(name, breaker);
    }
    return breaker;
  };

  const bucketFor = (key: CallKey): TokenBucket => {
    const name = scopeName(key);
    let bucket = buckets.get(name);
    if (bucket === undefined) {
      const limits = settings[key.provider].rateLimit;
      bucket = new TokenBucket(limits.services[key.service] ?? limits.default, clock);
      buckets.set(name, bucket);
    }
    return bucket;
  };

  const timeoutFor = (provider: Provider): TimeoutPolicy => {
    let policy = timeouts.get(provider);
    if (policy === undefined) {
      // Aggressive: give up at the deadline even if the call ignores its signal. abortOnReturn off,
      // so the call's signal is aborted only by the deadline or the caller (see callWithTimeout).
      policy = timeout(settings[provider].timeoutMs, {
        strategy: TimeoutStrategy.Aggressive,
        abortOnReturn: false,
      });
      timeouts.set(provider, policy);
    }
    return policy;
  };

  const takeToken = async (key: CallKey, counters: MutableCounters, signal: AbortSignal): Promise<void> => {
    const bucket = bucketFor(key);
    const waitMs = bucket.reserve();
    if (waitMs <= 0) return;
    counters.throttledWaits++;
    counters.throttledWaitMs += waitMs;
    emit({ type: 'throttled_wait', key, waitMs });
    try {
      await sleep(waitMs, signal);
    } catch (error) {
      bucket.refund();
      throw error;
    }
  };

  const callWithTimeout = async <T>(
    key: CallKey,
    call: (signal: AbortSignal) => Promise<T>,
    attempt: number,
    counters: MutableCounters,
    signal: AbortSignal,
  ): Promise<T> => {
    let callSignal: AbortSignal | undefined;
    try {
      return await timeoutFor(key.provider).execute((_context, innerSignal) => {
        callSignal = innerSignal;
        return call(innerSignal);
      }, signal);
    } catch (error) {
      // With abortOnReturn off, only the deadline or the caller aborts the call's signal.
      const timedOut = callSignal?.aborted === true && !signal.aborted;
      if (!timedOut) throw error;
      const timeoutMs = settings[key.provider].timeoutMs;
      counters.timeouts++;
      emit({ type: 'timeout', key, attempt, timeoutMs });
      throw new SreError(
        'CLOUD_TIMEOUT',
        `${key.provider} ${key.service} ${key.operation} did not answer within ${timeoutMs} ms (${key.region})`,
        {
          cause: error,
          details: {
            provider: key.provider,
            service: key.service,
            operation: key.operation,
            region: key.region,
            timeoutMs,
          },
        },
      );
    }
  };

  return {
    async run<T>(key: CallKey, call: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
      signal?.throwIfAborted();
      const counters = stats.countersFor(scopeName(key));
      counters.calls++;
      const retrySettings = settings[key.provider].retry;
      const breaker = breakerFor(key);
      const backoff = createRetryBackoff({ ...retrySettings, delayScale: settings.delayScale, random });
      let attempts = 0;
      let nextDelayMs = 0;
      /** What the cloud (or the timeout) last threw for this call, to explain a later breaker refusal. */
      let lastCallError: unknown;
      const policy = retry(
        handleWhen((error) => {
          if (!classifyFailure(error).retryable) return false;
          // Throttling gets its own, larger budget; every other retryable error the normal one.
          const budget =
            isSreError(error) && error.code === 'CLOUD_THROTTLED'
              ? retrySettings.maxThrottledAttempts
              : retrySettings.maxAttempts;
          return attempts < budget;
        }),
        {
          maxAttempts: Math.max(retrySettings.maxAttempts, retrySettings.maxThrottledAttempts) - 1,
          backoff: new DelegateBackoff<RetryBackoffContext, IBackoff<RetryBackoffContext>>(
            (context, previous) => {
              const step = previous === undefined ? backoff.next(context) : previous.next(context);
              nextDelayMs = step.duration;
              counters.retries++;
              const code =
                'error' in context.result && isSreError(context.result.error)
                  ? context.result.error.code
                  : 'INTERNAL';
              emit({ type: 'retry', key, attempt: context.attempt + 1, delayMs: step.duration, code });
              // Cockatiel 3.2 sleeps with a bare setTimeout that ignores the AbortSignal and cannot be
              // injected; so it waits 0 here and the attempt itself sleeps, abortably (below).
              return { delay: 0, state: step };
            },
          ),
        },
      );
      try {
        const value = await policy.execute(async ({ attempt, signal: policySignal }) => {
          // No point waiting out a backoff in front of an open breaker: let it fail fast.
          if (attempt > 0 && breaker.state !== 'open') await sleep(nextDelayMs, policySignal);
          return breaker.execute(async () => {
            await takeToken(key, counters, policySignal);
            attempts++;
            counters.attempts++;
            try {
              return await callWithTimeout(key, call, attempts, counters, policySignal);
            } catch (error) {
              lastCallError = error;
              throw error;
            }
          }, policySignal);
          // A signal of its own when the caller gives none: cockatiel otherwise links every call to one
          // shared never-aborted signal, and many calls in flight at once trip Node's listener warning.
        }, signal ?? new AbortController().signal);
        counters.successes++;
        return value;
      } catch (error) {
        if (signal?.aborted === true) {
          counters.cancelled++;
          throw signal.reason;
        }
        counters.failures++;
        const failure = toSreError(error);
        if (isBreakerRejection(failure)) {
          counters.breakerRejections++;
          const retryInSeconds = Number(failure.details.retryInSeconds);
          emit({ type: 'breaker_rejected', key, breaker: breaker.name, retryInSeconds });
          // This call's own failures opened the breaker: keep what the cloud said, not just "circuit open".
          if (lastCallError !== undefined)
            throw withAttempts(withLastError(failure, toSreError(lastCallError)), attempts);
        }
        throw withAttempts(failure, attempts);
      }
    },

    stats: () => stats.snapshot(),

    breakerStates: () => Object.fromEntries([...breakers].map(([name, breaker]) => [name, breaker.state])),

    exportBreakerState: () => ({
      version: 1,
      breakers: Object.fromEntries([...breakers].map(([name, breaker]) => [name, breaker.toJSON()])),
    }),

    importBreakerState(snapshot: unknown): void {
      const parsed = BreakerStateSnapshotSchema.safeParse(snapshot);
      if (!parsed.success) {
        throw new SreError('INTERNAL', `invalid breaker state snapshot: ${z.prettifyError(parsed.error)}`, {
          cause: parsed.error,
        });
      }
      for (const [name, state] of Object.entries(parsed.data.breakers))
        breakers.set(name, createBreaker(name, state));
    },
  };
}

function breakerName(key: CallKey, scope: ResilienceSettings['breaker']['scope']): string {
  return scope === 'region'
    ? `${key.provider}/${key.service}/${key.region}`
    : `${key.provider}/${key.service}`;
}

function scopeName(key: CallKey): string {
  return `${key.provider}/${key.account}/${key.region}/${key.service}`;
}

/** A breaker rejection that names, as `cause` and in its message, the error of the call's last attempt. */
function withLastError(rejection: SreError, last: SreError): SreError {
  const copy = new SreError(rejection.code, `${rejection.message}; last error: ${last.message}`, {
    cause: last,
    retryable: rejection.retryable,
    retryAfterSeconds: rejection.retryAfterSeconds,
    details: { ...rejection.details, lastErrorCode: last.code },
    suggestions: rejection.suggestions,
  });
  if (rejection.stack !== undefined) copy.stack = rejection.stack;
  return copy;
}

/** The same error with `details.attempts`; stack and cause are kept. */
function withAttempts(error: SreError, attempts: number): SreError {
  const copy = new SreError(error.code, error.message, {
    cause: error.cause,
    retryable: error.retryable,
    retryAfterSeconds: error.retryAfterSeconds,
    details: { ...error.details, attempts },
    suggestions: error.suggestions,
  });
  if (error.stack !== undefined) copy.stack = error.stack;
  return copy;
}
