import { describe, expect, it } from 'vitest';
import { toFunctionRecord, toFunctionState } from './to-function-record.js';

const scope = { account: '123456789012', region: 'eu-central-1' };
const now = new Date('2026-11-25T00:00:00Z');

describe('toFunctionRecord', () => {
  it('normalizes a zip function and judges its runtime at the given time', () => {
    const config = {
      FunctionName: 'payments',
      Runtime: 'python3.8' as const,
      MemorySize: 512,
      Timeout: 30,
      State: 'Active' as const,
      LastModified: '2026-03-04T05:06:07.890+0000',
      Handler: 'app.handler',
    };

    const record = toFunctionRecord(config, scope, now);

    expect(record).toMatchObject({
      kind: 'function',
      id: 'payments',
      name: 'payments',
      tags: {},
      tagsUnknown: true,
    });
    expect(record.fields).toEqual({
      runtime: 'python3.8',
      runtime_deprecated: true,
      memory_mb: 512,
      timeout_s: 30,
      state: 'active',
      last_modified: '2026-03-04T05:06:07.890Z',
      handler: 'app.handler',
      log_group: '/aws/lambda/payments',
    });
  });

  it('uses the configured log group and leaves deprecation absent for container images', () => {
    const config = {
      FunctionName: 'img',
      PackageType: 'Image' as const,
      LoggingConfig: { LogGroup: '/custom/img' },
    };

    const record = toFunctionRecord(config, scope, now);

    expect(record.fields).toEqual({ log_group: '/custom/img' });
  });
});

describe('toFunctionState', () => {
  it.each([
    ['Pending', 'pending'],
    ['Active', 'active'],
    ['Inactive', 'inactive'],
    ['Failed', 'failed'],
    ['Weird', 'unknown'],
    [undefined, undefined],
  ] as const)('maps %s to %s', (native, expected) => {
    expect(toFunctionState(native)).toBe(expected);
  });
});
