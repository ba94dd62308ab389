import { describe, expect, it } from 'vitest';
import { SreError } from '../../core/errors/sre-error.js';
import { passThroughSreError } from './pass-through-sre-error.js';

describe('passThroughSreError', () => {
  const timeout = new SreError('CLOUD_TIMEOUT', 'attempt timed out');

  it('returns an SreError itself', () => {
    expect(passThroughSreError(timeout)).toBe(timeout);
  });

  it('returns the SreError an abort carries as its cause', () => {
    const abort = Object.assign(new Error('aborted'), { name: 'AbortError', cause: timeout });
    expect(passThroughSreError(abort)).toBe(timeout);
  });

  it('is undefined for anything else', () => {
    expect(passThroughSreError(Object.assign(new Error('x'), { cause: timeout }))).toBeUndefined();
    expect(passThroughSreError(Object.assign(new Error('x'), { name: 'AbortError' }))).toBeUndefined();
    expect(passThroughSreError('boom')).toBeUndefined();
  });
});
