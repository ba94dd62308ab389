import { describe, expect, it } from 'vitest';
import { toLogGroupRecord } from './to-log-group-record.js';

describe('toLogGroupRecord', () => {
  it('turns creationTime milliseconds into ISO time', () => {
    const group = {
      logGroupName: '/aws/lambda/payments',
      creationTime: 1_700_000_000_000,
      retentionInDays: 30,
      storedBytes: 1234,
    };

    const record = toLogGroupRecord(group, { account: '1', region: 'us-east-1' });

    expect(record).toMatchObject({
      kind: 'log_group',
      id: '/aws/lambda/payments',
      name: '/aws/lambda/payments',
      tags: {},
      tagsUnknown: true,
    });
    expect(record.fields).toEqual({
      created_time: '2023-11-14T22:13:20.000Z',
      retention_days: 30,
      stored_bytes: 1234,
    });
  });

  it('leaves retention absent when logs never expire', () => {
    const record = toLogGroupRecord(
      { logGroupName: 'g', creationTime: 0 },
      { account: '1', region: 'us-east-1' },
    );

    expect(record.fields).toEqual({ created_time: '1970-01-01T00:00:00.000Z' });
  });
});
