import { describe, expect, it } from 'vitest';
import { toBucketRecord, toBucketRegion } from './to-bucket-record.js';

describe('toBucketRegion', () => {
  it.each([
    [undefined, 'us-east-1'],
    ['', 'us-east-1'],
    ['EU', 'eu-west-1'],
    ['ap-southeast-2', 'ap-southeast-2'],
  ] as const)('maps LocationConstraint %s to %s', (constraint, expected) => {
    expect(toBucketRegion(constraint)).toBe(expected);
  });
});

describe('toBucketRecord', () => {
  it('keeps the name as id and the creation date', () => {
    const record = toBucketRecord(
      { Name: 'logs-bucket', CreationDate: new Date('2023-01-01T00:00:00Z') },
      '1',
      'eu-west-1',
    );

    expect(record).toEqual({
      provider: 'aws',
      kind: 'bucket',
      id: 'logs-bucket',
      name: 'logs-bucket',
      account: '1',
      region: 'eu-west-1',
      tags: {},
      tagsUnknown: true,
      fields: { created_time: '2023-01-01T00:00:00.000Z' },
    });
  });

  it('adds the details read per bucket; tags read are known, even when empty', () => {
    const record = toBucketRecord({ Name: 'site', CreationDate: new Date(0) }, '1', 'eu-west-1', {
      fields: { public: true, encrypted: null },
      tags: {},
    });

    expect(record.fields).toEqual({
      created_time: '1970-01-01T00:00:00.000Z',
      public: true,
      encrypted: null,
    });
    expect(record.tags).toEqual({});
    expect(record).not.toHaveProperty('tagsUnknown');
  });
});
