import { describe, expect, it } from 'vitest';
import type { JsonObject } from './gcp-json.js';
import { LoggingFilterError, parseLoggingFilter } from './parse-logging-filter.js';

const audit: JsonObject = {
  protoPayload: {
    '@type': 'type.googleapis.com/google.cloud.audit.AuditLog',
    methodName: 'v1.compute.instances.stop',
    serviceName: 'compute.googleapis.com',
    authenticationInfo: { principalEmail: 'alice@example.com' },
  },
  insertId: '-abc',
  resource: { type: 'gce_instance', labels: { instance_id: '123', project_id: 'p', zone: 'us-east1-b' } },
  timestamp: '2026-11-19T10:00:00.000Z',
  severity: 'NOTICE',
  logName: 'projects/p/logs/cloudaudit.googleapis.com%2Factivity',
};

const functionLog: JsonObject = {
  textPayload: "ERROR Function execution took 60000 ms, finished with status: 'timeout'",
  resource: {
    type: 'cloud_function',
    labels: { function_name: 'payments', project_id: 'p', region: 'us-east1' },
  },
  timestamp: '2026-11-19T11:30:00.000Z',
  severity: 'ERROR',
  labels: { 'compute.googleapis.com/resource_name': 'vm-1' },
  logName: 'projects/p/logs/cloud-functions%2Fpayments',
};

describe('parseLoggingFilter', () => {
  it.each<[string, boolean, boolean]>([
    ['', true, true],
    ['severity >= ERROR', false, true],
    ['severity >= notice', true, true],
    ['severity = 500', false, true],
    ['severity < WARNING', true, false],
    ['timestamp >= "2026-11-19T10:30:00Z"', false, true],
    ['timestamp <= "2026-11-19T10:00:00Z"', true, false],
    ['logName = "projects/p/logs/cloudaudit.googleapis.com%2Factivity"', true, false],
    ['log_id("cloudaudit.googleapis.com/activity")', true, false],
    ['resource.type = "cloud_function"', false, true],
    ['resource.type = ("gce_instance" OR "cloud_function")', true, true],
    ['resource.labels.function_name = "payments"', false, true],
    ['resource.labels.function_name = "PAYMENTS"', false, true],
    ['protoPayload.methodName = "v1.compute.instances.stop"', true, false],
    ['protoPayload.methodName:("insert" OR "stop")', true, false],
    ['protoPayload.methodName:"delete"', false, false],
    ['protoPayload.authenticationInfo.principalEmail:"alice"', true, false],
    ['"timeout"', false, true],
    ['timeout', false, true],
    ['textPayload:"Timeout"', false, true],
    ['textPayload:*', false, true],
    ['NOT textPayload:*', true, false],
    ['-severity = ERROR', true, false],
    ['textPayload =~ "took \\\\d+ ms"', false, true],
    ['textPayload !~ "took"', true, false],
    ['labels."compute.googleapis.com/resource_name" = "vm-1"', false, true],
    ['SEARCH("execution")', false, true],
    ['resource.type = "gce_instance" OR severity >= ERROR', true, true],
    ['severity >= ERROR\nresource.type = "cloud_function"', false, true],
    // NOT binds tightest, then OR, then AND: (A OR NOT B) AND C.
    [
      'resource.type = "gce_instance" OR NOT severity = ERROR AND timestamp >= "2026-11-19T11:00:00Z"',
      false,
      false,
    ],
    ['(resource.type = "gce_instance" AND severity = NOTICE) OR textPayload:timeout', true, true],
  ])('%j matches the audit entry: %s, the function entry: %s', (filter, matchesAudit, matchesFunction) => {
    const parsed = parseLoggingFilter(filter);

    expect(parsed.matches(audit)).toBe(matchesAudit);
    expect(parsed.matches(functionLog)).toBe(matchesFunction);
  });

  it.each([
    'severity >=',
    '(severity >= ERROR',
    'sample(insertId, 0.1)',
    'textPayload:"unterminated',
    '= ERROR',
  ])('refuses %j', (filter) => {
    expect(() => parseLoggingFilter(filter)).toThrow(LoggingFilterError);
  });

  it('derives the time window from top-level timestamp restrictions', () => {
    const parsed = parseLoggingFilter(
      'timestamp >= "2026-11-19T00:00:00Z" AND timestamp < "2026-11-20T00:00:00Z" AND severity >= ERROR',
    );

    expect(parsed.restrictsTimestamp).toBe(true);
    expect(parsed.bounds).toEqual({
      from: Date.parse('2026-11-19T00:00:00Z'),
      to: Date.parse('2026-11-20T00:00:00Z'),
    });
  });

  it('does not narrow the window from a timestamp inside OR', () => {
    const parsed = parseLoggingFilter('timestamp >= "2026-11-19T00:00:00Z" OR severity >= ERROR');

    expect(parsed.restrictsTimestamp).toBe(true);
    expect(parsed.bounds).toEqual({});
  });

  it('prunes sources only when the known fields rule every entry out', () => {
    const parsed = parseLoggingFilter(
      'log_id("cloudaudit.googleapis.com/activity") AND protoPayload.methodName:"stop"',
    );

    expect(
      parsed.mayMatch({ logName: 'projects/p/logs/cloudaudit.googleapis.com%2Factivity' }, ['logName']),
    ).toBe(true);
    expect(parsed.mayMatch({ logName: 'projects/p/logs/syslog' }, ['logName'])).toBe(false);
    expect(
      parsed.mayMatch({ logName: 'projects/p/logs/cloudaudit.googleapis.com%2Factivity' }, [
        'logName',
        'protoPayload',
      ]),
    ).toBe(false);
  });
});
