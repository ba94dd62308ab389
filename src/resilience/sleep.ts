import { setTimeout as delay } from 'node:timers/promises';

/**
 * Waits `ms` milliseconds, or rejects with `signal.reason` as soon as `signal` aborts (Node clears
 * the timer, so an aborted wait keeps nothing alive). The default `Sleep` of the resilience layer.
 */
export async function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  signal?.throwIfAborted();
  if (ms <= 0) return;
  try {
    await delay(ms, undefined, signal === undefined ? {} : { signal });
  } catch (error) {
    // Node rejects with its own AbortError; callers expect the reason they aborted with.
    signal?.throwIfAborted();
    throw error;
  }
}
