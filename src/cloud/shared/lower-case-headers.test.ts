import { describe, expect, it } from 'vitest';
import { lowerCaseHeaders } from './lower-case-headers.js';

describe('lowerCaseHeaders', () => {
  it('keeps string values under lower-cased names', () => {
    expect(lowerCaseHeaders({ 'Retry-After': '3', 'X-Count': 2, 'x-ms-request-id': 'r1' })).toEqual({
      'retry-after': '3',
      'x-ms-request-id': 'r1',
    });
  });

  it('is empty for anything but an object', () => {
    expect(lowerCaseHeaders(undefined)).toEqual({});
    expect(lowerCaseHeaders('retry-after: 3')).toEqual({});
  });
});
