/** Counters of the resilience layer for one key, or for all keys. */
export interface ResilienceCounters {
  /** `run` calls. */
  readonly calls: number;
  /** Calls that returned a value. */
  readonly successes: number;
  /** Calls that threw (after their retries), breaker rejections included, cancellations excluded. */
  readonly failures: number;
  /** Calls ended by the caller's AbortSignal. */
  readonly cancelled: number;
  /** Times the cloud function was invoked. */
  readonly attempts: number;
  /** Retries scheduled. */
  readonly retries: number;
  /** Attempts that timed out. */
  readonly timeouts: number;
  /** Attempts refused by an open or saturated half-open breaker. */
  readonly breakerRejections: number;
  /** Attempts that waited for a rate-limit token. */
  readonly throttledWaits: number;
  /** Total time spent waiting for rate-limit tokens, in milliseconds. */
  readonly throttledWaitMs: number;
}

/** A snapshot of the counters, in total and per `provider/account/region/service`. */
export interface ResilienceStats {
  readonly total: ResilienceCounters;
  readonly byKey: Readonly<Record<string, ResilienceCounters>>;
}

/** Mutable counters of one key, owned by a {@link StatsRecorder}. */
export type MutableCounters = { -readonly [K in keyof ResilienceCounters]: number };

/** Collects counters per key; `snapshot()` returns an independent copy. */
export interface StatsRecorder {
  countersFor(key: string): MutableCounters;
  snapshot(): ResilienceStats;
}

/** Creates an empty {@link StatsRecorder}. */
export function createStatsRecorder(): StatsRecorder {
  const byKey = new Map<string, MutableCounters>();
  return {
    countersFor(key) {
      let counters = byKey.get(key);
      if (counters === undefined) {
        counters = createCounters();
        byKey.set(key, counters);
      }
      return counters;
    },
    snapshot() {
      const total = createCounters();
      const copies: Record<string, ResilienceCounters> = {};
      for (const [key, counters] of byKey) {
        copies[key] = { ...counters };
        for (const name of Object.keys(total) as (keyof MutableCounters)[]) total[name] += counters[name];
      }
      return { total, byKey: copies };
    },
  };
}

function createCounters(): MutableCounters {
  return {
    calls: 0,
    successes: 0,
    failures: 0,
    cancelled: 0,
    attempts: 0,
    retries: 0,
    timeouts: 0,
    breakerRejections: 0,
    throttledWaits: 0,
    throttledWaitMs: 0,
  };
}
