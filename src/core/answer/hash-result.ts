import { createHash } from 'node:crypto';

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = canonical(v);
    }
    return out;
  }
  return value;
}

/** Canonical JSON: object keys sorted recursively, arrays in order, undefined dropped. */
export function toCanonicalJson(value: unknown): string {
  return JSON.stringify(canonical(value));
}

/** SHA-256 hex of the canonical JSON of an answer's result (rows, count, groups). */
export function hashResult(result: { rows: unknown; count: number; groups?: unknown }): string {
  return createHash('sha256')
    .update(toCanonicalJson({ rows: result.rows, count: result.count, groups: result.groups ?? null }))
    .digest('hex');
}
