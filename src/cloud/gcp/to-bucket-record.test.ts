import { describe, expect, it } from 'vitest';
import {
  grantsPublicAccess,
  isPublicAccessPrevented,
  toBucketRecord,
  toBucketRegion,
} from './to-bucket-record.js';

describe('toBucketRegion', () => {
  it.each([
    ['EUROPE-WEST1', 'europe-west1'],
    ['US', 'us'],
    ['EU', 'eu'],
    ['NAM4', 'nam4'],
    [undefined, 'global'],
  ] as const)('%s → %s', (location, expected) => {
    expect(toBucketRegion(location)).toBe(expected);
  });
});

describe('public access', () => {
  it.each([
    [[{ members: ['allUsers'] }], true],
    [[{ members: ['projectViewer:p1'] }, { members: ['allAuthenticatedUsers'] }], true],
    [[{ members: ['user:a@example.com', 'projectOwner:p1'] }], false],
    [[], false],
  ])('%j grants public access: %s', (bindings, expected) => {
    expect(grantsPublicAccess(bindings)).toBe(expected);
  });

  it.each([
    ['enforced', true],
    ['inherited', false],
    [undefined, false],
  ] as const)('publicAccessPrevention %s prevents public access: %s', (prevention, expected) => {
    expect(isPublicAccessPrevented({ iamConfiguration: { publicAccessPrevention: prevention } })).toBe(
      expected,
    );
  });
});

describe('toBucketRecord', () => {
  it('normalizes a bucket', () => {
    const record = toBucketRecord(
      {
        name: 'p1-logs',
        location: 'US',
        storageClass: 'NEARLINE',
        timeCreated: '2026-01-19T04:41:57.000Z',
        versioning: { enabled: true },
        encryption: { defaultKmsKeyName: 'projects/p1/locations/us/keyRings/r/cryptoKeys/k' },
        labels: { team: 'sre' },
      },
      'p1',
      false,
    );

    expect(record).toEqual({
      provider: 'gcp',
      kind: 'bucket',
      id: 'p1-logs',
      name: 'p1-logs',
      account: 'p1',
      region: 'us',
      tags: { team: 'sre' },
      fields: {
        created_time: '2026-01-19T04:41:57.000Z',
        public: false,
        encrypted: true,
        encryption_type: 'customer-managed',
        versioning: true,
        storage_class: 'NEARLINE',
      },
    });
  });

  it('leaves public absent when unknown', () => {
    const record = toBucketRecord({ name: 'b', location: 'EU' }, 'p1', undefined);

    expect(record.fields).toEqual({ encrypted: true, encryption_type: 'google-managed', versioning: false });
  });
});
