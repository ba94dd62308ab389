import { describe, expect, it } from 'vitest';
import { sleep } from './sleep.js';

describe('sleep', () => {
  it('resolves after the delay', async () => {
    const started = performance.now();

    await sleep(20);

    expect(performance.now() - started).toBeGreaterThanOrEqual(15);
  });

  it('rejects promptly with the abort reason when aborted mid-wait', async () => {
    const controller = new AbortController();
    const reason = new Error('user cancelled');
    const started = performance.now();
    setTimeout(() => {
      controller.abort(reason);
    }, 10);

    const outcome = sleep(60_000, controller.signal);

    await expect(outcome).rejects.toBe(reason);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('rejects at once when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('gone'));

    const outcome = sleep(0, controller.signal);

    await expect(outcome).rejects.toThrow('gone');
  });
});
