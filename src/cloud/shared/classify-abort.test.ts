import { describe, expect, it } from 'vitest';
import { SreError } from '../../core/errors/sre-error.js';
import { classifyAbort } from './classify-abort.js';

const abortError = (cause?: unknown): Error =>
  Object.assign(new Error('This operation was aborted'), { name: 'AbortError', cause });

describe('classifyAbort', () => {
  it('is a timeout when the error’s cause is one', () => {
    const timeout = Object.assign(new Error('t'), { name: 'TimeoutError' });
    expect(classifyAbort(abortError(timeout), undefined)).toBe('CLOUD_TIMEOUT');
  });

  it('is a timeout when the signal was aborted by the runner’s own timeout', () => {
    const controller = new AbortController();
    controller.abort(new SreError('CLOUD_TIMEOUT', 'attempt timed out'));
    expect(classifyAbort(abortError(), controller.signal)).toBe('CLOUD_TIMEOUT');
  });

  it('is a cancellation otherwise', () => {
    const controller = new AbortController();
    controller.abort();
    expect(classifyAbort(abortError(), controller.signal)).toBe('CLOUD_UNKNOWN');
    expect(classifyAbort('aborted', undefined)).toBe('CLOUD_UNKNOWN');
  });
});
