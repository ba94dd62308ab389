import { describe, expect, it } from 'vitest';
import { toFunctionRecord, toFunctionState, toMemoryMb } from './to-function-record.js';

describe('toFunctionState', () => {
  it.each([
    ['ACTIVE', 'active'],
    ['FAILED', 'failed'],
    ['DEPLOYING', 'pending'],
    ['DELETING', 'terminated'],
    ['UNKNOWN', 'unknown'],
    ['NEW_STATE', 'unknown'],
    ['STATE_UNSPECIFIED', undefined],
    [undefined, undefined],
  ] as const)('%s → %s', (native, expected) => {
    expect(toFunctionState(native)).toBe(expected);
  });
});

describe('toMemoryMb', () => {
  it.each([
    ['128M', 128],
    ['256M', 256],
    ['512Mi', 512],
    ['1G', 1024],
    ['1Gi', 1024],
    ['2Gi', 2048],
    ['16Gi', 16_384],
    ['1.5G', 1536],
    ['524288k', 512],
    ['268435456', 256],
    ['lots', undefined],
    [undefined, undefined],
  ] as const)('%s → %s MB', (memory, expected) => {
    expect(toMemoryMb(memory)).toBe(expected);
  });
});

describe('toFunctionRecord', () => {
  const now = new Date('2026-11-20T00:00:00.000Z');

  it('normalizes a Cloud Functions v2 function', () => {
    const record = toFunctionRecord(
      {
        name: 'projects/p1/locations/asia-east1/functions/search-indexer',
        state: 'ACTIVE',
        labels: { team: 'data' },
        buildConfig: { runtime: 'nodejs14', entryPoint: 'handleEvent' },
        serviceConfig: { availableMemory: '256M', timeoutSeconds: 60 },
        updateTime: { seconds: '1753042924', nanos: 500_000_000 },
      },
      'p1',
      now,
    );

    expect(record).toEqual({
      provider: 'gcp',
      kind: 'function',
      id: 'search-indexer',
      name: 'search-indexer',
      account: 'p1',
      region: 'asia-east1',
      tags: { team: 'data' },
      fields: {
        runtime: 'nodejs14',
        runtime_deprecated: true,
        memory_mb: 256,
        timeout_s: 60,
        state: 'active',
        last_modified: '2025-07-20T20:22:04.500Z',
        handler: 'handleEvent',
      },
    });
  });

  it('leaves the deprecation of an unknown runtime absent', () => {
    const record = toFunctionRecord(
      { name: 'projects/p1/locations/us-central1/functions/f', buildConfig: { runtime: 'cobol85' } },
      'p1',
      now,
    );

    expect(record.fields).toEqual({ runtime: 'cobol85' });
  });
});
