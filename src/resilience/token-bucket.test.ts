import { describe, expect, it } from 'vitest';
import { createFakeTime } from './create-fake-time.js';
import { TokenBucket } from './token-bucket.js';

describe('TokenBucket', () => {
  it('lets a burst through, then paces reservations at the refill rate', () => {
    const time = createFakeTime();
    const bucket = new TokenBucket({ perSecond: 2, burst: 2 }, time.clock);

    const waits = [1, 2, 3, 4, 5].map(() => bucket.reserve());

    expect(waits).toEqual([0, 0, 500, 1_000, 1_500]);
  });

  it('refills with time, never beyond the burst', () => {
    const time = createFakeTime();
    const bucket = new TokenBucket({ perSecond: 20, burst: 40 }, time.clock);
    for (let index = 0; index < 40; index++) bucket.reserve();

    time.advance(500);
    const afterHalfSecond = bucket.available();
    time.advance(60_000);
    const afterAMinute = bucket.available();

    expect(afterHalfSecond).toBeCloseTo(10);
    expect(afterAMinute).toBe(40);
  });

  it('holds the sustained rate: 2 per second over 10 s after the burst', () => {
    const time = createFakeTime();
    const bucket = new TokenBucket({ perSecond: 2, burst: 2 }, time.clock);
    let calls = 0;

    while (time.clock.now() < 10_000) {
      time.advance(bucket.reserve());
      if (time.clock.now() < 10_000) calls++;
    }

    // The burst of 2 at t=0, then one every 500 ms at t=0.5 s … 9.5 s.
    expect(calls).toBe(2 + 19);
  });

  it('gives a refunded token back to the next caller', () => {
    const time = createFakeTime();
    const bucket = new TokenBucket({ perSecond: 1, burst: 1 }, time.clock);
    bucket.reserve();
    const queued = bucket.reserve();

    bucket.refund();
    const next = bucket.reserve();

    expect(queued).toBe(1_000);
    expect(next).toBe(1_000);
  });

  it('does not mint tokens when the clock steps back', () => {
    let now = 10_000;
    const bucket = new TokenBucket({ perSecond: 1, burst: 1 }, { now: () => now });
    bucket.reserve();

    now = 0;
    const wait = bucket.reserve();

    expect(wait).toBe(1_000);
  });
});
