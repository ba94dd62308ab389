import { describe, expect, it } from 'vitest';
import type { LogRecord } from '../../core/ports/cloud-port.js';
import { compareLogRecords } from './compare-log-records.js';

const log = (timestamp: string, logGroup: string, eventId: string): LogRecord => ({
  provider: 'aws',
  account: '1',
  region: 'eu-west-1',
  logGroup,
  stream: 's',
  timestamp,
  message: 'm',
  eventId,
});

describe('compareLogRecords', () => {
  it('orders by time, then log group, then event id', () => {
    const records = [
      log('2026-01-01T00:00:02.000Z', 'a', '1'),
      log('2026-01-01T00:00:01.000Z', 'b', '2'),
      log('2026-01-01T00:00:01.000Z', 'b', '10'),
      log('2026-01-01T00:00:01.000Z', 'B', '9'),
    ];

    const sorted = [...records].sort(compareLogRecords);

    expect(sorted.map((r) => `${r.timestamp.slice(18, 19)}/${r.logGroup}/${r.eventId}`)).toEqual([
      '1/B/9',
      '1/b/10',
      '1/b/2',
      '2/a/1',
    ]);
    expect(compareLogRecords(records[0]!, records[0]!)).toBe(0);
  });
});
