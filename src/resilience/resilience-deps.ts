import type { ResilienceEvent } from './resilience-event.js';

/** A source of time in milliseconds (wall clock, so saved breaker state stays valid across restarts). */
export interface Clock {
  now(): number;
}

/**
 * Waits `ms` milliseconds. Must reject promptly with `signal.reason` when `signal` aborts, and must
 * not keep a timer alive afterwards.
 */
export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

/** Collaborators of `createResilientCallRunner`, injectable so tests control time and randomness. */
export interface ResilienceDeps {
  /** Defaults to `Date.now()`. */
  readonly clock?: Clock;
  /** Defaults to an abortable `setTimeout` ({@link sleep}). */
  readonly sleep?: Sleep;
  /** Returns a number in [0, 1) for jitter; defaults to `Math.random`. */
  readonly random?: () => number;
  /** Receives every {@link ResilienceEvent}, for traces and metrics. Must not throw (errors are ignored). */
  readonly onEvent?: (event: ResilienceEvent) => void;
}
