import { describe, expect, it } from 'vitest';
import type { GcpLogEntry } from './to-gcp-log-entry.js';
import { toEntryMessage, toEntryRegion, toLogRecord } from './to-log-record.js';

const base: GcpLogEntry = {
  logName: 'projects/p1/logs/app%2Fweb',
  insertId: 'id-1',
  timestamp: '2026-11-19T23:00:00.115Z',
  severity: 'ERROR',
  resourceType: 'gce_instance',
  resourceLabels: { instance_id: '42', zone: 'europe-west1-b' },
  textPayload: 'ERROR boom',
};

describe('toEntryRegion', () => {
  it.each([
    [{ zone: 'europe-west1-b' }, 'europe-west1'],
    [{ region: 'us-central1' }, 'us-central1'],
    [{ location: 'asia-east1-a' }, 'asia-east1'],
    [{ project_id: 'p1' }, 'global'],
  ])('%j → %s', (labels, expected) => {
    expect(toEntryRegion({ resourceLabels: labels })).toBe(expected);
  });
});

describe('toEntryMessage', () => {
  it.each([
    [{ textPayload: 'plain' }, 'plain'],
    [{ jsonPayload: { message: 'structured', level: 'error' } }, 'structured'],
    [{ jsonPayload: { code: 7 } }, '{"code":7}'],
    [{}, ''],
  ])('%j → %s', (payload, expected) => {
    const entry: GcpLogEntry = { ...base, ...payload };
    if (!('textPayload' in payload)) delete (entry as { textPayload?: string }).textPayload;

    expect(toEntryMessage(entry)).toBe(expected);
  });
});

describe('toLogRecord', () => {
  it('names the stream after the monitored resource', () => {
    expect(toLogRecord(base, 'p1')).toEqual({
      provider: 'gcp',
      account: 'p1',
      region: 'europe-west1',
      logGroup: 'projects/p1/logs/app%2Fweb',
      stream: 'gce_instance/42',
      timestamp: '2026-11-19T23:00:00.115Z',
      message: 'ERROR boom',
      eventId: 'id-1',
    });
    expect(toLogRecord({ ...base, resourceType: '', resourceLabels: {} }, 'p1').stream).toBe('global');
  });
});
