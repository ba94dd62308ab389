import type { Provider } from './cloud-port.js';

/** Identifies one cloud call for resilience policies (breaker per provider+service, bucket per provider+account+region+service). */
export interface CallKey {
  readonly provider: Provider;
  readonly account: string;
  readonly region: string;
  readonly service: string;
  /** Operation name, for errors and traces (`DescribeInstances`). */
  readonly operation: string;
}

/**
 * Runs one cloud call (one page) under the resilience policies: timeout, retry with backoff and
 * jitter for retryable errors (honouring retry-after hints), circuit breaker, token bucket.
 * `call` must throw `SreError`s (adapters map SDK errors first) so policies can classify them.
 * Adapters call it once per page, so a retry never restarts a listing from page one.
 */
export interface CallRunner {
  run<T>(key: CallKey, call: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T>;
}

/** A runner with no policies: calls once. For tests and as a fallback. */
export const directCallRunner: CallRunner = {
  run: (_key, call, signal) => call(signal ?? new AbortController().signal),
};
