import { describe, expect, it } from 'vitest';
import { boundMessage } from './bound-message.js';

describe('boundMessage', () => {
  it('folds white space and trims', () => {
    expect(boundMessage('  Access denied.\n\tRequest id:  abc  ')).toBe('Access denied. Request id: abc');
  });

  it('keeps 400 characters and cuts a longer message to 397 and three dots', () => {
    expect(boundMessage('x'.repeat(400))).toBe('x'.repeat(400));
    const cut = boundMessage('y'.repeat(401));
    expect(cut).toHaveLength(400);
    expect(cut.endsWith('y...')).toBe(true);
  });
});
