import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashResult, toCanonicalJson } from './hash-result.js';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

describe('hashResult', () => {
  it.each([
    ['no rows', { rows: [], count: 0 }],
    [
      'rows with nested tags, undefined fields and key order that differs',
      {
        rows: [
          { provider: 'aws', id: 'i-2', tags: { b: '2', a: '1' }, zone: undefined },
          { id: 'i-1', provider: 'aws', tags: {}, sizes: [1, undefined, 3] },
        ],
        count: 2,
      },
    ],
    ['groups', { rows: [{ id: 'x' }], count: 7, groups: [{ key: 'us-east-1', count: 7 }] }],
  ] as [string, { rows: unknown[]; count: number; groups?: unknown }][])(
    'is the SHA-256 of the canonical JSON of {rows, count, groups}: %s',
    (_name, result) => {
      const whole = toCanonicalJson({
        rows: result.rows,
        count: result.count,
        groups: result.groups ?? null,
      });

      expect(hashResult(result)).toBe(sha256(whole));
    },
  );

  it('does not depend on key order, and does on row order', () => {
    const a = hashResult({ rows: [{ id: '1', region: 'r' }, { id: '2' }], count: 2 });
    const b = hashResult({ rows: [{ region: 'r', id: '1' }, { id: '2' }], count: 2 });
    const c = hashResult({ rows: [{ id: '2' }, { id: '1', region: 'r' }], count: 2 });

    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });
});
