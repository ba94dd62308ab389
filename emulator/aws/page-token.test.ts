import { describe, expect, it } from 'vitest';
import { decodePageToken, encodePageToken } from './page-token.js';

describe('page tokens', () => {
  it('round-trips a cursor for the same scope and refuses other scopes and garbage', () => {
    const token = encodePageToken('scope-a', { o: 42 });

    expect(decodePageToken('scope-a', token)).toEqual({ o: 42 });
    expect(decodePageToken('scope-b', token)).toBeUndefined();
    expect(decodePageToken('scope-a', 'not a token')).toBeUndefined();
  });
});
