import { describe, expect, it } from 'vitest';
import { createProjectMetricCache } from './project-metric-cache.js';

describe('createProjectMetricCache', () => {
  it('shares an in-flight load and keeps the result for the TTL', async () => {
    let now = 0;
    let loads = 0;
    const cache = createProjectMetricCache({ now: () => now, ttlMs: 1000 });
    const load = () => {
      loads += 1;
      return Promise.resolve(new Map([['i', loads]]));
    };

    const [first, second] = await Promise.all([cache.getOrLoad('k', load), cache.getOrLoad('k', load)]);
    now = 999;
    const third = await cache.getOrLoad('k', load);
    now = 2000;
    const fourth = await cache.getOrLoad('k', load);

    expect([first.get('i'), second.get('i'), third.get('i'), fourth.get('i')]).toEqual([1, 1, 1, 2]);
  });

  it('forgets failures', async () => {
    const cache = createProjectMetricCache({ now: () => 0 });

    await expect(cache.getOrLoad('k', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    const value = await cache.getOrLoad('k', () => Promise.resolve(new Map([['i', 1]])));

    expect(value.get('i')).toBe(1);
  });

  it('keeps at most maxEntries', async () => {
    let loads = 0;
    const cache = createProjectMetricCache({ now: () => 0, maxEntries: 2 });
    const load = () => {
      loads += 1;
      return Promise.resolve(new Map<string, number>());
    };

    for (const key of ['a', 'b', 'c', 'a']) await cache.getOrLoad(key, load);

    expect(loads).toBe(4);
  });
});
