import { z } from 'zod';

/** Kinds of injectable faults. */
export const FAULT_KINDS = [
  'throttle',
  'unavailable',
  'latency',
  'denied',
  'region_down',
  'malformed',
] as const;
/** A kind of injectable fault. */
export type FaultKind = (typeof FAULT_KINDS)[number];

/**
 * A fault rule. Every matcher that is set must match the call (service and operation compare
 * case-insensitively); unset matchers match everything.
 */
export const FaultRuleSchema = z
  .object({
    /** Stable id, generated when not given. */
    id: z.string().min(1).optional(),
    kind: z.enum(FAULT_KINDS),
    provider: z.enum(['aws', 'azure', 'gcp']).optional(),
    service: z.string().min(1).optional(),
    operation: z.string().min(1).optional(),
    account: z.string().min(1).optional(),
    region: z.string().min(1).optional(),
    /** Probability in [0, 1] that a matching call is hit (default 1). Drawn from a seeded generator. */
    probability: z.number().min(0).max(1).default(1),
    /** Added latency for `latency` faults, milliseconds. */
    latencyMs: z.number().int().min(0).max(120_000).default(0),
    /** Retry-After hint for `throttle` faults, seconds. */
    retryAfterSeconds: z.number().int().min(0).max(3600).optional(),
    /** Stop after this many hits (default: unlimited). */
    maxHits: z.number().int().min(1).optional(),
  })
  .strict();

/** A validated fault rule. */
export type FaultRule = z.infer<typeof FaultRuleSchema> & { readonly id: string };
/** A fault rule as given by a user (defaults not yet applied). */
export type FaultRuleInput = z.input<typeof FaultRuleSchema>;

/** Attributes of a call that fault rules match against. */
export interface FaultTarget {
  readonly provider: string;
  readonly service: string;
  readonly operation: string;
  readonly account?: string;
  readonly region?: string;
}

/** The faults in force, with deterministic probability draws. */
export interface FaultSet {
  add(input: FaultRuleInput): FaultRule;
  remove(id: string): boolean;
  clear(): void;
  list(): FaultRule[];
  /** The faults that hit this call, in rule order (at most one of each kind). */
  hits(target: FaultTarget): FaultRule[];
}

function eqi(a: string | undefined, b: string | undefined): boolean {
  return a === undefined || (b !== undefined && a.toLowerCase() === b.toLowerCase());
}

/**
 * Creates a fault set whose probability draws come from a seeded xorshift generator, so a
 * test run with the same seed and the same call order sees the same faults.
 */
export function createFaultSet(seed: number): FaultSet {
  const rules: FaultRule[] = [];
  const hitCounts = new Map<string, number>();
  let state = (seed ^ 0x9e3779b9) >>> 0 || 1;
  let nextId = 1;
  const draw = (): number => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 0x1_0000_0000;
  };
  return {
    add(input) {
      const parsed = FaultRuleSchema.parse(input);
      const rule: FaultRule = Object.freeze({ ...parsed, id: parsed.id ?? `fault-${nextId++}` });
      const existing = rules.findIndex((r) => r.id === rule.id);
      if (existing >= 0) rules.splice(existing, 1, rule);
      else rules.push(rule);
      hitCounts.set(rule.id, 0);
      return rule;
    },
    remove(id) {
      const index = rules.findIndex((r) => r.id === id);
      if (index < 0) return false;
      rules.splice(index, 1);
      return true;
    },
    clear() {
      rules.length = 0;
      hitCounts.clear();
    },
    list: () => [...rules],
    hits(target) {
      const out: FaultRule[] = [];
      const kinds = new Set<FaultKind>();
      for (const rule of rules) {
        if (kinds.has(rule.kind)) continue;
        if (rule.provider !== undefined && rule.provider !== target.provider) continue;
        if (!eqi(rule.service, target.service) || !eqi(rule.operation, target.operation)) continue;
        if (!eqi(rule.account, target.account) || !eqi(rule.region, target.region)) continue;
        const count = hitCounts.get(rule.id) ?? 0;
        if (rule.maxHits !== undefined && count >= rule.maxHits) continue;
        if (rule.probability < 1 && draw() >= rule.probability) continue;
        hitCounts.set(rule.id, count + 1);
        kinds.add(rule.kind);
        out.push(rule);
      }
      return out;
    },
  };
}
