import { z } from 'zod';
import { CircuitBreakerSnapshotSchema } from './circuit-breaker.js';

/**
 * The saved state of every breaker of a runner (`exportBreakerState` / `importBreakerState`), e.g.
 * to keep breakers open across CLI invocations or share them through a store. Plain JSON.
 */
export const BreakerStateSnapshotSchema = z.object({
  version: z.literal(1),
  /** By breaker name (`aws/ec2`). Times are from the runner's clock (wall clock by default). */
  breakers: z.record(z.string(), CircuitBreakerSnapshotSchema),
});

/** The saved state of every breaker of a runner. */
export type BreakerStateSnapshot = z.output<typeof BreakerStateSnapshotSchema>;
