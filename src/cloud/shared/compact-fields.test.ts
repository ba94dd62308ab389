import { describe, expect, it } from 'vitest';
import { compactFields } from './compact-fields.js';

describe('compactFields', () => {
  it('drops undefined entries and keeps null, false, 0 and empty strings', () => {
    const fields = compactFields({ a: undefined, b: null, c: false, d: 0, e: '', f: 'x' });

    expect(fields).toEqual({ b: null, c: false, d: 0, e: '', f: 'x' });
    expect(Object.keys(fields)).toEqual(['b', 'c', 'd', 'e', 'f']);
  });
});
