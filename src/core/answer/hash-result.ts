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

/**
 * SHA-256 hex of the canonical JSON of an answer's result: `{"count":…,"groups":…,"rows":[…]}`.
 * Fed to the hash row by row — the same bytes as hashing `toCanonicalJson(result)` at once, without
 * a second copy of every row and one string of them all (hundreds of MB for 100 000 rows).
 */
export function hashResult(result: { rows: readonly unknown[]; count: number; groups?: unknown }): string {
  const hash = createHash('sha256');
  hash.update(
    `{"count":${JSON.stringify(result.count)},"groups":${toCanonicalJson(result.groups ?? null)},"rows":[`,
  );
  result.rows.forEach((row, index) => {
    hash.update(index === 0 ? (toCanonicalJson(row) ?? 'null') : `,${toCanonicalJson(row) ?? 'null'}`);
  });
  hash.update(']}');
  return hash.digest('hex');
}
