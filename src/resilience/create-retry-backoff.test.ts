import type { IBackoff } from 'cockatiel';
import { describe, expect, it } from 'vitest';
import { SreError } from '../core/errors/sre-error.js';
import {
  createRetryBackoff,
  type RetryBackoffContext,
  type RetryBackoffOptions,
} from './create-retry-backoff.js';

const aws: RetryBackoffOptions = {
  baseDelayMs: 1_000,
  maxDelayMs: 60_000,
  jitter: false,
  honourRetryAfter: true,
  delayScale: 1,
  random: () => 0.5,
};

function delays(
  options: RetryBackoffOptions,
  count: number,
  error: Error = new SreError('CLOUD_THROTTLED', 'slow down'),
) {
  const factory = createRetryBackoff(options);
  const result: number[] = [];
  let backoff: IBackoff<RetryBackoffContext> | undefined;
  for (let attempt = 1; attempt <= count; attempt++) {
    const context: RetryBackoffContext = { attempt, signal: new AbortController().signal, result: { error } };
    backoff = backoff === undefined ? factory.next(context) : backoff.next(context);
    result.push(backoff.duration);
  }
  return result;
}

describe('createRetryBackoff', () => {
  it.each([
    ['aws', aws, [1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000]],
    ['gcp', { ...aws, maxDelayMs: 32_000 }, [1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 32_000, 32_000]],
    [
      'azure',
      { ...aws, baseDelayMs: 2_000, maxDelayMs: 64_000 },
      [2_000, 4_000, 8_000, 16_000, 32_000, 64_000, 64_000],
    ],
  ])('without jitter doubles from the base up to the cap (%s)', (_provider, options, expected) => {
    const result = delays(options, expected.length);

    expect(result).toEqual(expected);
  });

  it.each([0, 0.25, 0.5, 0.999])(
    'with jitter stays within [d/2, d] of the exponential delay (random %s)',
    (value) => {
      const options = { ...aws, jitter: true, random: () => value };

      const result = delays(options, 8);

      result.forEach((delay, index) => {
        const exponential = Math.min(60_000, 1_000 * 2 ** index);
        expect(delay).toBeGreaterThanOrEqual(exponential / 2);
        expect(delay).toBeLessThanOrEqual(exponential);
      });
    },
  );

  it('with jitter still grows: the lowest possible delay of each retry is the highest of the one before', () => {
    const lowest = delays({ ...aws, jitter: true, random: () => 0 }, 6);
    const highest = delays({ ...aws, jitter: true, random: () => 0.999_999 }, 6);

    for (let index = 1; index < lowest.length; index++) {
      expect(lowest[index]).toBeGreaterThanOrEqual(highest[index - 1]!);
    }
  });

  it('varies with the random source (jitter is real)', () => {
    const samples = [0.1, 0.3, 0.7, 0.9].map(
      (value) => delays({ ...aws, jitter: true, random: () => value }, 1)[0],
    );

    expect(new Set(samples).size).toBe(4);
  });

  it('waits at least the retry-after hint', () => {
    const error = new SreError('CLOUD_THROTTLED', 'slow down', { retryAfterSeconds: 5 });

    const result = delays(aws, 3, error);

    expect(result).toEqual([5_000, 5_000, 5_000]);
  });

  it('keeps the larger exponential delay when it exceeds the hint', () => {
    const error = new SreError('CLOUD_THROTTLED', 'slow down', { retryAfterSeconds: 3 });

    const result = delays(aws, 4, error);

    expect(result).toEqual([3_000, 3_000, 4_000, 8_000]);
  });

  it('caps a retry-after hint longer than the cap', () => {
    const error = new SreError('CLOUD_THROTTLED', 'slow down', { retryAfterSeconds: 120 });

    const result = delays(aws, 1, error);

    expect(result).toEqual([60_000]);
  });

  it('ignores the hint when honourRetryAfter is off', () => {
    const error = new SreError('CLOUD_THROTTLED', 'slow down', { retryAfterSeconds: 30 });

    const result = delays({ ...aws, honourRetryAfter: false }, 2, error);

    expect(result).toEqual([1_000, 2_000]);
  });

  it('scales base, cap and hint by delayScale', () => {
    const error = new SreError('CLOUD_THROTTLED', 'slow down', { retryAfterSeconds: 2 });

    const plain = delays({ ...aws, delayScale: 0.01 }, 8);
    const hinted = delays({ ...aws, delayScale: 0.01 }, 1, error);

    expect(plain).toEqual([10, 20, 40, 80, 160, 320, 600, 600]);
    expect(hinted).toEqual([20]);
  });
});
