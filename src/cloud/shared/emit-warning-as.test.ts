import { afterEach, describe, expect, it, vi } from 'vitest';
import { emitWarningAs } from './emit-warning-as.js';

describe('emitWarningAs', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('reports through process.emitWarning under the given name', () => {
    const emit = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);

    emitWarningAs('AwsProviderWarning')('No AWS region is configured.');

    expect(emit).toHaveBeenCalledWith('No AWS region is configured.', 'AwsProviderWarning');
  });
});
