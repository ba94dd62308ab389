import { describe, expect, it } from 'vitest';
import { isAuditLog } from './list-log-groups.js';
import { toLogGroupRecord, toLogId } from './to-log-group-record.js';

describe('toLogId', () => {
  it.each([
    ['projects/p1/logs/app%2Fweb-api', 'app/web-api'],
    ['projects/p1/logs/cloudaudit.googleapis.com%2Factivity', 'cloudaudit.googleapis.com/activity'],
    ['projects/p1/logs/syslog', 'syslog'],
    ['projects/p1/logs/bad%E0', 'bad%E0'],
  ])('%s → %s', (logName, expected) => {
    expect(toLogId(logName)).toBe(expected);
  });
});

describe('isAuditLog', () => {
  it.each([
    ['projects/p1/logs/cloudaudit.googleapis.com%2Factivity', true],
    ['projects/p1/logs/cloudaudit.googleapis.com%2Fdata_access', true],
    ['projects/p1/logs/app%2Fcloudaudit', false],
  ])('%s → %s', (logName, expected) => {
    expect(isAuditLog(logName)).toBe(expected);
  });
});

describe('toLogGroupRecord', () => {
  it('keeps the full log name as id and the log id as name', () => {
    expect(toLogGroupRecord('projects/p1/logs/cloud-functions%2Fcheckout', 'p1')).toEqual({
      provider: 'gcp',
      kind: 'log_group',
      id: 'projects/p1/logs/cloud-functions%2Fcheckout',
      name: 'cloud-functions/checkout',
      account: 'p1',
      region: 'global',
      tags: {},
      fields: {},
    });
  });
});
