import { describe, expect, it } from 'vitest';
import { memoizeRetryable } from './memoize-retryable.js';

describe('memoizeRetryable', () => {
  it('shares one pending load between callers, with the first caller’s arguments', async () => {
    const calls: string[] = [];
    const load = memoizeRetryable(async (who: string) => {
      calls.push(who);
      await Promise.resolve();
      return `loaded for ${who}`;
    });

    const results = await Promise.all([load('a'), load('b')]);

    expect(results).toEqual(['loaded for a', 'loaded for a']);
    expect(await load('c')).toBe('loaded for a');
    expect(calls).toEqual(['a']);
  });

  it('does not keep a failure: the next caller loads again', async () => {
    let attempts = 0;
    const load = memoizeRetryable(() => {
      attempts += 1;
      return attempts === 1 ? Promise.reject(new Error('first fails')) : Promise.resolve(attempts);
    });

    await expect(load()).rejects.toThrow('first fails');
    await expect(load()).resolves.toBe(2);
    await expect(load()).resolves.toBe(2);
    expect(attempts).toBe(2);
  });
});
