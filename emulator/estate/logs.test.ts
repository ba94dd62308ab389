import { describe, expect, it } from 'vitest';
import { invocationTraits, logEventsBetween } from './logs.js';
import type { EstateLogGroup, LogEvent } from './model.js';

const HOUR = 3_600_000;
const T0 = Date.parse('2026-11-25T00:00:00.000Z');

function group(source: string, name: string, overrides: Partial<EstateLogGroup> = {}): EstateLogGroup {
  return {
    provider: 'aws',
    id: name,
    name,
    account: '123456789012',
    region: 'us-east-1',
    createdTime: '2026-01-01T00:00:00.000Z',
    storedBytes: 0,
    source,
    streams: [
      { name: 'stream-a', ratePerMinute: 6, errorRatio: 0.1, seed: 11 },
      { name: 'stream-b', ratePerMinute: 0.2, errorRatio: 0.5, seed: 22 },
    ],
    ...overrides,
  };
}

const lambda = group('lambda', '/aws/lambda/payments-webhook-handler');
const api = group('api', '/app/payments/api');
const syslog = group('ec2', '/var/log/syslog');
const functionApp = group('functionapp', 'FunctionAppLogs/func-orders', {
  provider: 'azure',
  id: 'ws/func-orders',
});
const cloudFunction = group('cloud_function', 'cloud-functions/orders', { provider: 'gcp' });

function isSorted(events: readonly LogEvent[]): boolean {
  return events.every((event, index) => {
    const previous = events[index - 1];
    if (!previous) return true;
    if (previous.timestamp !== event.timestamp) return previous.timestamp < event.timestamp;
    if (previous.stream !== event.stream) return previous.stream < event.stream;
    return previous.eventId < event.eventId;
  });
}

describe('logEventsBetween', () => {
  it('generates the same events for the same window', () => {
    const first = logEventsBetween(lambda, T0, T0 + HOUR);

    const second = logEventsBetween(lambda, T0, T0 + HOUR);

    expect(second).toEqual(first);
    expect(first.length).toBeGreaterThan(100);
  });

  it('gives a sub-window exactly the events of the larger window inside it', () => {
    const day = logEventsBetween(api, T0, T0 + 24 * HOUR);

    const slice = logEventsBetween(api, T0 + 5 * HOUR + 1234, T0 + 6 * HOUR);

    expect(slice).toEqual(
      day.filter((e) => e.timestamp >= T0 + 5 * HOUR + 1234 && e.timestamp < T0 + 6 * HOUR),
    );
  });

  it.each([lambda, api, syslog, functionApp, cloudFunction])(
    'sorts $source events and keeps ids unique',
    (logGroup) => {
      const events = logEventsBetween(logGroup, T0, T0 + 6 * HOUR);

      expect(isSorted(events)).toBe(true);
      expect(new Set(events.map((event) => event.eventId)).size).toBe(events.length);
      expect(events.every((event) => /^\d{24}$/.test(event.eventId))).toBe(true);
      expect(events.every((event) => event.timestamp >= T0 && event.timestamp < T0 + 6 * HOUR)).toBe(true);
    },
  );

  it('produces about ratePerMinute events per minute', () => {
    const single = group('api', '/app/rate', {
      streams: [{ name: 's', ratePerMinute: 2, errorRatio: 0, seed: 5 }],
    });

    const events = logEventsBetween(single, T0, T0 + 24 * HOUR);

    expect(events.length).toBeGreaterThan(2 * 1440 * 0.9);
    expect(events.length).toBeLessThan(2 * 1440 * 1.1);
  });

  it('spaces out fractional rates: 0.2 per minute is about one event every 5 minutes', () => {
    const sparse = group('api', '/app/sparse', {
      streams: [{ name: 's', ratePerMinute: 0.2, errorRatio: 0, seed: 9 }],
    });

    const events = logEventsBetween(sparse, T0, T0 + 24 * HOUR);

    expect(events.length).toBeGreaterThan(288 * 0.8);
    expect(events.length).toBeLessThan(288 * 1.2);
  });

  it('makes about errorRatio of the requests fail', () => {
    const failing = group('api', '/app/failing', {
      streams: [{ name: 's', ratePerMinute: 10, errorRatio: 0.2, seed: 3 }],
    });

    const events = logEventsBetween(failing, T0, T0 + 6 * HOUR);
    const errors = events.filter((event) => event.level === 'ERROR').length / events.length;

    expect(errors).toBeGreaterThan(0.17);
    expect(errors).toBeLessThan(0.23);
  });

  it.each([lambda, api, syslog, functionApp, cloudFunction])(
    'lets a text search for error or timeout find every $source error event',
    (logGroup) => {
      const events = logEventsBetween(logGroup, T0, T0 + 6 * HOUR);

      const errors = events.filter((event) => event.level === 'ERROR');

      expect(errors.length).toBeGreaterThan(0);
      for (const event of errors) expect(event.message).toMatch(/error|timeout|timed out/i);
    },
  );

  it.each([
    [
      lambda,
      [
        /^START RequestId: [0-9a-f-]{36} Version: \$LATEST$/,
        /^END RequestId: /,
        /^REPORT RequestId: .*\tDuration: \d+\.\d{2} ms\tBilled Duration: \d+ ms\tMemory Size: \d+ MB\tMax Memory Used: \d+ MB/,
      ],
    ],
    [api, [/^INFO (GET|POST|PUT|DELETE) \/\S* \d{3} \d+ms request_id=[0-9a-f]{16}$/, /^ERROR 5\d\d /]],
    [syslog, [/^[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \S+ \S+: (INFO|WARN|ERROR|DEBUG) /]],
    [functionApp, [/^INFO Executing 'Functions\./, /Executed 'Functions\.\w+' \((Succeeded|Failed), Id=/]],
    [
      cloudFunction,
      [
        /^DEBUG Function execution started$/,
        /Function execution took \d+ ms, finished with status: '(ok|crash|timeout)'/,
      ],
    ],
  ])('writes $source lines the way the platform does', (logGroup, patterns) => {
    const messages = logEventsBetween(logGroup, T0, T0 + 6 * HOUR).map((event) => event.message);

    for (const pattern of patterns) expect(messages.some((message) => pattern.test(message))).toBe(true);
  });

  it('reports the memory size and timeout of invocationTraits in Lambda lines', () => {
    const traits = invocationTraits(lambda.id);

    const messages = logEventsBetween(lambda, T0, T0 + 24 * HOUR).map((event) => event.message);

    expect(messages.some((m) => m.includes(`Memory Size: ${traits.memoryMb} MB`))).toBe(true);
    expect(
      messages
        .filter((m) => m.startsWith('REPORT'))
        .every((m) => m.includes(`Memory Size: ${traits.memoryMb} MB`)),
    ).toBe(true);
    expect(
      messages.some((m) => m.includes(`Task timed out after ${traits.timeoutSeconds.toFixed(2)} seconds`)),
    ).toBe(true);
  });

  it('stops at the limit and applies the filter first', () => {
    const errors = logEventsBetween(api, T0, T0 + 24 * HOUR, {
      filter: (event) => event.level === 'ERROR',
      limit: 7,
    });

    expect(errors).toHaveLength(7);
    expect(errors.every((event) => event.level === 'ERROR')).toBe(true);
    expect(errors).toEqual(
      logEventsBetween(api, T0, T0 + 24 * HOUR)
        .filter((e) => e.level === 'ERROR')
        .slice(0, 7),
    );
  });

  it('pages with afterEventId through exactly the events of one call', () => {
    const all = logEventsBetween(lambda, T0, T0 + 2 * HOUR);

    const pages: LogEvent[] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = logEventsBetween(lambda, T0, T0 + 2 * HOUR, {
        limit: 100,
        ...(cursor ? { afterEventId: cursor } : {}),
      });
      pages.push(...page);
      if (page.length < 100) break;
      cursor = page[page.length - 1]!.eventId;
    }

    expect(pages).toEqual(all);
  });

  it('only generates the requested streams', () => {
    const events = logEventsBetween(api, T0, T0 + 6 * HOUR, { streams: ['stream-b'] });

    expect(events.length).toBeGreaterThan(0);
    expect(events.every((event) => event.stream === 'stream-b')).toBe(true);
  });

  it('writes nothing before the group was created', () => {
    const young = group('api', '/app/young', { createdTime: new Date(T0 + HOUR).toISOString() });

    const events = logEventsBetween(young, T0, T0 + 2 * HOUR);

    expect(events.length).toBeGreaterThan(0);
    expect(events.every((event) => event.timestamp >= T0 + HOUR)).toBe(true);
  });

  it('rejects a cursor that is not an event id of the group', () => {
    expect(() => logEventsBetween(api, T0, T0 + HOUR, { afterEventId: 'nope' })).toThrow(RangeError);
    expect(() =>
      logEventsBetween(api, T0, T0 + HOUR, { afterEventId: '000000000000000' + '0099' + '00000' }),
    ).toThrow(RangeError);
  });

  it('returns nothing for an empty window or a zero limit', () => {
    expect(logEventsBetween(api, T0, T0)).toEqual([]);
    expect(logEventsBetween(api, T0, T0 + HOUR, { limit: 0 })).toEqual([]);
  });
});
