import { describe, expect, it } from 'vitest';
import { ResilienceSettingsSchema } from './resilience-settings-schema.js';

describe('ResilienceSettingsSchema', () => {
  it.each([
    ['aws', 3, 1_000, 60_000],
    ['azure', 3, 2_000, 64_000],
    ['gcp', 3, 1_000, 32_000],
  ] as const)(
    'defaults %s retries to %i attempts, base %i ms, cap %i ms, with jitter and retry-after',
    (provider, attempts, base, cap) => {
      const settings = ResilienceSettingsSchema.parse({});

      expect(settings[provider].retry).toEqual({
        maxAttempts: attempts,
        maxThrottledAttempts: 10,
        baseDelayMs: base,
        maxDelayMs: cap,
        jitter: true,
        honourRetryAfter: true,
      });
      expect(settings[provider].timeoutMs).toBe(30_000);
      expect(settings[provider].rateLimit.default).toEqual({ perSecond: 20, burst: 40 });
    },
  );

  it('defaults the breaker to 5 failures, 30 s open, 3 half-open trials, 2 successes, per service', () => {
    const settings = ResilienceSettingsSchema.parse({});

    expect(settings.breaker).toEqual({
      scope: 'service',
      failureThreshold: 5,
      openMs: 30_000,
      halfOpenMaxTrials: 3,
      successThreshold: 2,
    });
    expect(settings.delayScale).toBe(1);
  });

  it('limits CloudTrail to 2 requests per second by default', () => {
    const settings = ResilienceSettingsSchema.parse({});

    expect(settings.aws.rateLimit.services['cloudtrail']).toEqual({ perSecond: 2, burst: 2 });
  });

  it('keeps built-in service limits when the user adds another service', () => {
    const settings = ResilienceSettingsSchema.parse({
      aws: { rateLimit: { services: { logs: { perSecond: 5, burst: 5 } } } },
    });

    expect(settings.aws.rateLimit.services).toEqual({
      cloudtrail: { perSecond: 2, burst: 2 },
      logs: { perSecond: 5, burst: 5 },
    });
  });

  it('merges partial overrides with the defaults', () => {
    const settings = ResilienceSettingsSchema.parse({ gcp: { retry: { maxAttempts: 5 } }, delayScale: 0.01 });

    expect(settings.gcp.retry.maxAttempts).toBe(5);
    expect(settings.gcp.retry.maxDelayMs).toBe(32_000);
    expect(settings.aws.retry.maxAttempts).toBe(3);
    expect(settings.delayScale).toBe(0.01);
  });

  it.each([
    ['zero attempts', { aws: { retry: { maxAttempts: 0 } } }],
    ['a negative scale', { delayScale: -1 }],
    ['an unknown breaker scope', { breaker: { scope: 'account' } }],
    ['a rate limit without burst', { azure: { rateLimit: { default: { perSecond: 5 } } } }],
  ])('rejects %s', (_label, input) => {
    const result = ResilienceSettingsSchema.safeParse(input);

    expect(result.success).toBe(false);
  });
});
