export { createResilientCallRunner, type ResilientCallRunner } from './create-resilient-call-runner.js';
export {
  ResilienceSettingsSchema,
  RateLimitSchema,
  type ResilienceSettings,
  type ResilienceSettingsInput,
  type ProviderResilienceSettings,
  type RetrySettings,
  type BreakerSettings,
  type RateLimit,
} from './resilience-settings-schema.js';
export type { ResilienceDeps, Clock, Sleep } from './resilience-deps.js';
export type {
  ResilienceEvent,
  RetryEvent,
  BreakerStateChangeEvent,
  BreakerRejectedEvent,
  ThrottledWaitEvent,
  TimeoutEvent,
} from './resilience-event.js';
export type { ResilienceStats, ResilienceCounters } from './resilience-stats.js';
export {
  CircuitBreaker,
  isBreakerRejection,
  type BreakerState,
  type BreakerVerdict,
  type CircuitBreakerOptions,
  type CircuitBreakerSnapshot,
} from './circuit-breaker.js';
export { BreakerStateSnapshotSchema, type BreakerStateSnapshot } from './breaker-state-snapshot.js';
export { TokenBucket } from './token-bucket.js';
export { sleep } from './sleep.js';
