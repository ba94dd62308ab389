import type { Clock, Sleep } from './resilience-deps.js';

/** A controllable clock with a `sleep` that returns at once and moves the clock forward. */
export interface FakeTime {
  readonly clock: Clock;
  /** Records the wait, advances the clock by it and resolves; rejects with the reason if aborted. */
  readonly sleep: Sleep;
  /** Every wait requested so far, in milliseconds. */
  readonly sleeps: readonly number[];
  /** Moves the clock forward by `ms`. */
  advance(ms: number): void;
}

/**
 * Fake time for tests of the resilience layer (and of adapters that use it): pass `clock` and
 * `sleep` as deps, then assert on `sleeps`. Not for production use.
 */
export function createFakeTime(startMs = 0): FakeTime {
  let now = startMs;
  const sleeps: number[] = [];
  return {
    clock: { now: () => now },
    sleep: (ms, signal) =>
      new Promise<void>((resolve) => {
        signal.throwIfAborted();
        sleeps.push(ms);
        now += ms;
        resolve();
      }),
    sleeps,
    advance(ms) {
      now += ms;
    },
  };
}
