import { z } from 'zod';

/**
 * The resilience settings: one zod schema that is the single source of defaults, so the app's
 * configuration can embed it (`resilience:` key) and generate its docs from the descriptions.
 * Parse once, then pass the output ({@link ResilienceSettings}) to `createResilientCallRunner`.
 *
 * Defaults and why they were chosen are in docs/resilience.md.
 */

/** A token-bucket rate limit: `perSecond` tokens refill per second, at most `burst` in the bucket. */
export const RateLimitSchema = z.object({
  perSecond: z.number().positive().describe('Sustained requests per second (the refill rate).'),
  burst: z
    .number()
    .int()
    .positive()
    .describe('Bucket size: how many requests may go at once after a quiet period.'),
});

/** A token-bucket rate limit (see {@link RateLimitSchema}). */
export type RateLimit = z.output<typeof RateLimitSchema>;

interface ProviderDefaults {
  readonly timeoutMs: number;
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly rateLimit: RateLimit;
  /** Per-service overrides of `rateLimit`, by the service name adapters put in `CallKey.service`. */
  readonly services: Readonly<Record<string, RateLimit>>;
}

function createProviderSchema(defaults: ProviderDefaults) {
  // Each known service override gets its own defaulted key, and `catchall` accepts more: a user who
  // adds `ec2` keeps the built-in `cloudtrail` limit instead of replacing the whole map.
  const serviceShape = Object.fromEntries(
    Object.entries(defaults.services).map(([service, limit]) => [service, RateLimitSchema.default(limit)]),
  );
  return z
    .object({
      timeoutMs: z
        .number()
        .int()
        .positive()
        .default(defaults.timeoutMs)
        .describe('Timeout of one attempt of one cloud call (one page), in milliseconds.'),
      retry: z
        .object({
          maxAttempts: z
            .number()
            .int()
            .min(1)
            .max(10)
            .default(defaults.maxAttempts)
            .describe('Attempts per call, the first one included (1 = never retry).'),
          maxThrottledAttempts: z
            .number()
            .int()
            .min(1)
            .max(20)
            .default(10)
            .describe(
              'Attempts per call while the cloud answers "slow down" (throttling), the first one included: a ' +
                'throttle asks for patience, not a verdict, so it gets more attempts (still bounded by the question deadline).',
            ),
          baseDelayMs: z
            .number()
            .nonnegative()
            .default(defaults.baseDelayMs)
            .describe('Backoff before the first retry; doubles for each further retry.'),
          maxDelayMs: z
            .number()
            .nonnegative()
            .default(defaults.maxDelayMs)
            .describe('Cap on any single backoff wait, Retry-After waits included.'),
          jitter: z
            .boolean()
            .default(true)
            .describe('Randomize each backoff within [delay/2, delay] ("equal jitter").'),
          honourRetryAfter: z
            .boolean()
            .default(true)
            .describe('Wait at least the retry-after hint an error carries (still capped by maxDelayMs).'),
        })
        .prefault({}),
      rateLimit: z
        .object({
          default: RateLimitSchema.default(defaults.rateLimit).describe(
            'Token bucket per (account, region, service) for services without an override.',
          ),
          services: z
            .object(serviceShape)
            .catchall(RateLimitSchema)
            .prefault({})
            .describe('Per-service overrides, by service name (e.g. cloudtrail).'),
        })
        .prefault({}),
    })
    .prefault({});
}

/** Settings of the resilience layer, with defaults. */
export const ResilienceSettingsSchema = z.object({
  delayScale: z
    .number()
    .positive()
    .default(1)
    .describe(
      'Multiplies every wait the runner imposes itself (retry backoff, retry-after waits, breaker open time). ' +
        'Tests and emulator benchmarks use e.g. 0.01; behaviour is otherwise unchanged. Timeouts and rate limits are not scaled.',
    ),
  breaker: z
    .object({
      scope: z
        .enum(['service', 'region'])
        .default('service')
        .describe('One breaker per (provider, service), or per (provider, service, region).'),
      failureThreshold: z
        .number()
        .int()
        .min(1)
        .default(5)
        .describe(
          'Consecutive service-health failures (unavailable, timeout, unreachable) that open the breaker.',
        ),
      openMs: z
        .number()
        .nonnegative()
        .default(30_000)
        .describe('How long an open breaker fails fast before admitting trial calls, in milliseconds.'),
      halfOpenMaxTrials: z
        .number()
        .int()
        .min(1)
        .default(3)
        .describe('Trial calls a half-open breaker lets through at the same time.'),
      successThreshold: z
        .number()
        .int()
        .min(1)
        .default(2)
        .describe('Successful trial calls that close a half-open breaker.'),
    })
    .prefault({}),
  aws: createProviderSchema({
    timeoutMs: 30_000,
    maxAttempts: 3,
    baseDelayMs: 1_000,
    maxDelayMs: 60_000,
    // EC2 refills non-mutating Describe* buckets at 20/s (bucket 100); we stay at the refill rate.
    rateLimit: { perSecond: 20, burst: 40 },
    // CloudTrail LookupEvents: "limited to two per second, per account, per Region".
    services: { cloudtrail: { perSecond: 2, burst: 2 } },
  }),
  azure: createProviderSchema({
    timeoutMs: 30_000,
    maxAttempts: 3,
    baseDelayMs: 2_000,
    // The Azure SDK's own default cap (maxRetryDelayInMs) is 64 s.
    maxDelayMs: 64_000,
    // ARM reads: bucket 250, refill 25/s per subscription and region, shared by all services.
    rateLimit: { perSecond: 20, burst: 40 },
    services: {},
  }),
  gcp: createProviderSchema({
    timeoutMs: 30_000,
    maxAttempts: 3,
    baseDelayMs: 1_000,
    maxDelayMs: 32_000,
    rateLimit: { perSecond: 20, burst: 40 },
    services: {},
  }),
});

/** Parsed, defaulted resilience settings. */
export type ResilienceSettings = z.output<typeof ResilienceSettingsSchema>;

/** Resilience settings as written in configuration (every key optional). */
export type ResilienceSettingsInput = z.input<typeof ResilienceSettingsSchema>;

/** The settings of one provider (timeout, retry, rate limits). */
export type ProviderResilienceSettings = ResilienceSettings['aws'];

/** Retry settings of one provider. */
export type RetrySettings = ProviderResilienceSettings['retry'];

/** Circuit-breaker settings. */
export type BreakerSettings = ResilienceSettings['breaker'];
