import type { EstateLogGroup, EstateLogStream, LogEvent } from './model.js';
import { hashIntegers, hashString } from './random.js';

/**
 * Deterministic log events, generated on demand from a log group's streams.
 *
 * Each (stream, minute) pair is an independent unit: its events depend only on the stream's seed,
 * rate and error ratio and on the epoch minute, so any window can be produced without producing
 * what lies before it, and the same window always yields the same events. Messages imitate what
 * each source really writes (Lambda START/END/REPORT lines, Azure Functions "Executing/Executed",
 * Cloud Functions "Function execution took", web access logs, syslog), and every event carries its
 * level word in the text, so that searches for `error`, `ERROR`, `WARN` or `timeout` find them.
 */

/** Knobs of {@link logEventsBetween}. */
export interface LogQueryOptions {
  /** Keeps only events for which this returns true; applied before `limit`. */
  readonly filter?: (event: LogEvent) => boolean;
  /** Maximum number of events returned; generation stops as soon as it is reached. Default: no cap. */
  readonly limit?: number;
  /**
   * Resume after this event (the `eventId` of the last event of a previous page): only events
   * sorting strictly after it are returned. Throws `RangeError` when it is not an id of this group.
   */
  readonly afterEventId?: string;
  /** Only these stream names (CloudWatch `logStreamNames`); default: every stream. */
  readonly streams?: readonly string[];
}

const MINUTE_MS = 60_000;
/** Upper bound of generation units per (stream, minute), which also bounds the sequence digits. */
const MAX_UNITS_PER_MINUTE = 2_000;
const TIMESTAMP_DIGITS = 15;
const STREAM_DIGITS = 4;
const SEQUENCE_DIGITS = 5;
const EVENT_ID_PATTERN = new RegExp(`^\\d{${TIMESTAMP_DIGITS + STREAM_DIGITS + SEQUENCE_DIGITS}}$`);
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

type Level = LogEvent['level'];

/** A small, allocation-free generator for one (stream, minute): mulberry32 over a 32-bit hash. */
interface MinuteRandom {
  next(): number;
  int(max: number): number;
  pick<T>(items: readonly T[]): T;
  hex(length: number): string;
}

function createMinuteRandom(seed: number, minute: number): MinuteRandom {
  let state = hashIntegers(seed, minute, 3);
  const next = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    int: (max) => Math.floor(next() * max),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    hex: (length) => {
      let text = '';
      while (text.length < length)
        text += Math.floor(next() * 0x10000)
          .toString(16)
          .padStart(4, '0');
      return text.slice(0, length);
    },
  };
}

/** What a generator needs to know about the group and the stream it writes for. */
interface StreamContext {
  readonly group: EstateLogGroup;
  readonly stream: EstateLogStream;
  readonly streamIndex: number;
  /** Short service name derived from the group name (`payments-webhook`, `orders`). */
  readonly service: string;
  /** Host name written in syslog lines. */
  readonly host: string;
  /** Per-group constants, fixed by the group id (see {@link invocationTraits}). */
  readonly memoryMb: number;
  readonly timeoutSeconds: number;
  /** Per-stream constant, fixed by the stream seed. */
  readonly dependency: string;
}

/** Memory size and timeout an invocation-style log group reports in its lines. */
export interface InvocationTraits {
  readonly memoryMb: number;
  readonly timeoutSeconds: number;
}

const TRAIT_MEMORY_MB = [128, 128, 256, 512, 1024, 1536, 2048, 3008] as const;
const TRAIT_TIMEOUT_SECONDS = [3, 3, 3, 6, 10, 15, 30, 30] as const;

/**
 * The memory size and timeout that the lines of a function's log group report (Lambda `REPORT …
 * Memory Size`, `Task timed out after …`), derived from the log group id. The generator gives each
 * function these same values, so that its configuration and its logs agree.
 */
export function invocationTraits(logGroupId: string): InvocationTraits {
  const hash = hashString(logGroupId);
  return { memoryMb: TRAIT_MEMORY_MB[hash & 7]!, timeoutSeconds: TRAIT_TIMEOUT_SECONDS[(hash >>> 3) & 7]! };
}

/** Collects the events of one (stream, minute), numbering them in order of creation. */
interface MinuteSink {
  emit(timestamp: number, level: Level, message: string): void;
}

/** One way of writing logs: how many lines one unit (an invocation, a request) produces, and how. */
interface LogFamily {
  readonly linesPerUnit: number;
  writeUnit(
    context: StreamContext,
    random: MinuteRandom,
    minuteStart: number,
    isError: boolean,
    sink: MinuteSink,
  ): void;
}

const DEPENDENCIES = ['payments-db', 'orders-db', 'redis-cache', 'inventory-api', 'auth-service', 'users-db'];
const API_PATHS = [
  '/api/orders',
  '/api/orders/{id}',
  '/api/checkout',
  '/api/cart',
  '/api/products',
  '/api/products/{id}',
  '/api/search',
  '/api/users/me',
  '/api/payments',
  '/api/inventory/{id}',
  '/health',
];
const METHODS = ['GET', 'GET', 'GET', 'GET', 'POST', 'POST', 'PUT', 'DELETE'];

/** Evaluates one of `makers`, chosen at random: only the chosen message is ever built. */
function choose(random: MinuteRandom, makers: readonly (() => string)[]): string {
  return makers[random.int(makers.length)]!();
}

function iso(timestamp: number): string {
  return new Date(timestamp).toISOString();
}

function requestId(random: MinuteRandom): string {
  return `${random.hex(8)}-${random.hex(4)}-4${random.hex(3)}-a${random.hex(3)}-${random.hex(12)}`;
}

function fillPath(path: string, random: MinuteRandom): string {
  return path.replace('{id}', String(1000 + random.int(90_000)));
}

/** Picks a start time so that a unit lasting `durationMs` stays inside its minute. */
function startWithin(minuteStart: number, durationMs: number, random: MinuteRandom): number {
  return minuteStart + random.int(Math.max(1, MINUTE_MS - Math.ceil(durationMs) - 2));
}

function successDuration(random: MinuteRandom): number {
  // Mostly fast, with a long tail, like real request latencies.
  const u = random.next();
  return 2 + 400 * u * u * u + random.next() * 20;
}

function appInfoLine(context: StreamContext, random: MinuteRandom): string {
  const id = 10_000 + random.int(900_000);
  return choose(random, [
    () => `processed order ord_${id} in ${1 + random.int(200)} ms`,
    () => `published event ${context.service}.completed id=${id}`,
    () => `fetched ${1 + random.int(50)} records from ${context.dependency}`,
    () => `payment intent pi_${random.hex(12)} confirmed`,
    () => `message ${random.hex(8)} acknowledged`,
  ]);
}

function errorLine(context: StreamContext, random: MinuteRandom): string {
  return choose(random, [
    () => `ConnectionError: timeout talking to ${context.dependency} after 3000ms`,
    () => `ConnectionError: connection refused by ${context.dependency}:5432`,
    () => `ValueError: invalid order payload: missing field 'customer_id'`,
    () => `ThrottlingException: Rate exceeded calling ${context.dependency}`,
    () => `KeyError: 'shipping_address'`,
  ]);
}

/** AWS Lambda: START, one application line, END, REPORT per invocation. */
const lambdaFamily: LogFamily = {
  linesPerUnit: 4,
  writeUnit(context, random, minuteStart, isError, sink) {
    const timedOut = isError && random.next() < 0.3;
    const duration = timedOut
      ? context.timeoutSeconds * 1000 + random.next() * 3
      : isError
        ? 3000 + random.next() * 40
        : successDuration(random);
    const start = startWithin(minuteStart, duration, random);
    const end = start + Math.ceil(duration);
    const id = requestId(random);
    const coldStart = random.next() < 0.05;
    sink.emit(start, 'INFO', `START RequestId: ${id} Version: $LATEST`);
    const lineTime = start + 1 + random.int(Math.max(1, Math.floor(duration) - 1));
    if (timedOut) {
      sink.emit(
        end,
        'ERROR',
        `${iso(end)} ${id} Task timed out after ${context.timeoutSeconds.toFixed(2)} seconds`,
      );
    } else if (isError) {
      sink.emit(lineTime, 'ERROR', `[ERROR] ${errorLine(context, random)}`);
    } else {
      const roll = random.next();
      if (roll < 0.06) {
        sink.emit(
          lineTime,
          'WARN',
          `[WARNING]\t${iso(lineTime)}\t${id}\tRetrying call to ${context.dependency} (attempt 2/3)`,
        );
      } else if (roll < 0.12) {
        sink.emit(
          lineTime,
          'DEBUG',
          `[DEBUG]\t${iso(lineTime)}\t${id}\tcache hit for key ${context.service}:${random.hex(6)}`,
        );
      } else {
        sink.emit(lineTime, 'INFO', `[INFO]\t${iso(lineTime)}\t${id}\t${appInfoLine(context, random)}`);
      }
    }
    sink.emit(end, 'INFO', `END RequestId: ${id}`);
    const maxMemory = Math.min(
      context.memoryMb,
      Math.round(context.memoryMb * (0.3 + random.next() * 0.5)) + 30,
    );
    const report =
      `REPORT RequestId: ${id}\tDuration: ${duration.toFixed(2)} ms\tBilled Duration: ${Math.ceil(duration)} ms\t` +
      `Memory Size: ${context.memoryMb} MB\tMax Memory Used: ${maxMemory} MB` +
      (coldStart ? `\tInit Duration: ${(150 + random.next() * 600).toFixed(2)} ms` : '') +
      (timedOut ? '\tStatus: timeout' : '');
    sink.emit(end, timedOut ? 'ERROR' : 'INFO', report);
  },
};

function pascalCase(text: string): string {
  return text
    .split(/[^a-zA-Z0-9]+/)
    .filter((part) => part.length > 0)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}

/** Azure Functions (FunctionAppLogs): Executing, one application line, Executed. */
const functionAppFamily: LogFamily = {
  linesPerUnit: 3,
  writeUnit(context, random, minuteStart, isError, sink) {
    const duration = isError ? 3000 + random.int(60) : Math.round(successDuration(random));
    const start = startWithin(minuteStart, duration, random);
    const end = start + duration;
    const id = requestId(random);
    const functionName = `Functions.${pascalCase(context.service) || 'Run'}`;
    sink.emit(
      start,
      'INFO',
      `INFO Executing '${functionName}' (Reason='New queue message detected on '${context.service}-queue'.', Id=${id})`,
    );
    const lineTime = start + 1 + random.int(Math.max(1, duration - 1));
    if (isError) {
      sink.emit(
        lineTime,
        'ERROR',
        `ERROR Exception while executing function: ${functionName} ${errorLine(context, random)}`,
      );
      sink.emit(end, 'ERROR', `ERROR Executed '${functionName}' (Failed, Id=${id}, Duration=${duration}ms)`);
      return;
    }
    const roll = random.next();
    if (roll < 0.06) sink.emit(lineTime, 'WARN', `WARN Retrying call to ${context.dependency} (attempt 2/3)`);
    else sink.emit(lineTime, 'INFO', `INFO ${appInfoLine(context, random)}`);
    sink.emit(end, 'INFO', `INFO Executed '${functionName}' (Succeeded, Id=${id}, Duration=${duration}ms)`);
  },
};

/** Google Cloud Functions: execution started, one application line, execution took. */
const cloudFunctionFamily: LogFamily = {
  linesPerUnit: 3,
  writeUnit(context, random, minuteStart, isError, sink) {
    const timedOut = isError && random.next() < 0.3;
    const duration = timedOut
      ? context.timeoutSeconds * 1000
      : isError
        ? 3000 + random.int(60)
        : Math.round(successDuration(random));
    const start = startWithin(minuteStart, duration, random);
    const end = start + duration;
    sink.emit(start, 'DEBUG', 'DEBUG Function execution started');
    const lineTime = start + 1 + random.int(Math.max(1, duration - 1));
    if (timedOut) {
      sink.emit(
        end,
        'ERROR',
        `ERROR Function execution took ${duration} ms, finished with status: 'timeout'`,
      );
      return;
    }
    if (isError) {
      sink.emit(lineTime, 'ERROR', `ERROR: ${errorLine(context, random)}`);
      sink.emit(end, 'ERROR', `ERROR Function execution took ${duration} ms, finished with status: 'crash'`);
      return;
    }
    if (random.next() < 0.06)
      sink.emit(lineTime, 'WARN', `WARNING: slow response from ${context.dependency}`);
    else sink.emit(lineTime, 'INFO', `INFO: ${appInfoLine(context, random)}`);
    sink.emit(end, 'DEBUG', `DEBUG Function execution took ${duration} ms, finished with status: 'ok'`);
  },
};

/** Web and API services: one access-log line per request, plus the odd debug or warning line. */
const apiFamily: LogFamily = {
  linesPerUnit: 1,
  writeUnit(context, random, minuteStart, isError, sink) {
    const method = random.pick(METHODS);
    const path = fillPath(random.pick(API_PATHS), random);
    const requestTag = `request_id=${random.hex(16)}`;
    const time = minuteStart + random.int(MINUTE_MS);
    if (isError) {
      sink.emit(
        time,
        'ERROR',
        choose(random, [
          () =>
            `ERROR 500 POST /api/checkout upstream timeout after 3000ms (${context.dependency}) ${requestTag}`,
          () =>
            `ERROR 502 ${method} ${path} bad gateway: connection refused by ${context.dependency} ${requestTag}`,
          () =>
            `ERROR 503 ${method} ${path} database error: too many connections (${context.dependency}) ${requestTag}`,
          () =>
            `ERROR 500 ${method} ${path} unhandled exception: TypeError: Cannot read properties of undefined (reading 'id') ${requestTag}`,
          () => `ERROR 504 ${method} ${path} gateway timeout after 30000ms ${requestTag}`,
        ]),
      );
      return;
    }
    const roll = random.next();
    if (roll < 0.04) {
      sink.emit(
        time,
        'WARN',
        `WARN ${method} ${path} 200 ${1500 + random.int(3000)}ms slow request ${requestTag}`,
      );
    } else if (roll < 0.06) {
      sink.emit(time, 'WARN', `WARN ${method} ${path} 429 ${1 + random.int(5)}ms rate limited ${requestTag}`);
    } else if (roll < 0.1) {
      sink.emit(time, 'DEBUG', `DEBUG cache hit key=${context.service}:${1000 + random.int(9000)} ttl=300s`);
    } else {
      const status = method === 'POST' ? 201 : random.next() < 0.05 ? 404 : 200;
      sink.emit(
        time,
        'INFO',
        `INFO ${method} ${path} ${status} ${Math.round(successDuration(random))}ms ${requestTag}`,
      );
    }
  },
};

function syslogDate(timestamp: number): string {
  const date = new Date(timestamp);
  const day = String(date.getUTCDate()).padStart(2, ' ');
  const time = date.toISOString().slice(11, 19);
  return `${MONTHS[date.getUTCMonth()]!} ${day} ${time}`;
}

/** Virtual machines: syslog lines with the level word after the process tag. */
const syslogFamily: LogFamily = {
  linesPerUnit: 1,
  writeUnit(context, random, minuteStart, isError, sink) {
    const time = minuteStart + random.int(MINUTE_MS);
    const host = context.host;
    const pid = 300 + random.int(30_000);
    const prefix = `${syslogDate(time)} ${host}`;
    if (isError) {
      sink.emit(
        time,
        'ERROR',
        choose(random, [
          () =>
            `${prefix} kernel: ERROR Out of memory: Killed process ${pid} (java) total-vm:${4_000_000 + random.int(4_000_000)}kB`,
          () => `${prefix} app[${pid}]: ERROR connection timeout to ${context.dependency}:5432 after 3000ms`,
          () => `${prefix} systemd[1]: ERROR nginx.service: Failed with result 'exit-code'.`,
          () =>
            `${prefix} kernel: ERROR EXT4-fs error (device nvme1n1): ext4_find_entry:1455: inode #2: comm app: reading directory lblock 0`,
        ]),
      );
      return;
    }
    const roll = random.next();
    if (roll < 0.05) {
      sink.emit(
        time,
        'WARN',
        choose(random, [
          () => `${prefix} app[${pid}]: WARN disk usage at ${80 + random.int(15)}% on /var`,
          () =>
            `${prefix} systemd-resolved[512]: WARN Using degraded feature set UDP instead of UDP+EDNS0 for DNS server 10.0.0.2.`,
          () =>
            `${prefix} kernel: WARN TCP: request_sock_TCP: Possible SYN flooding on port 443. Sending cookies.`,
        ]),
      );
    } else if (roll < 0.12) {
      sink.emit(
        time,
        'DEBUG',
        `${prefix} dhclient[611]: DEBUG DHCPREQUEST for 10.0.${random.int(255)}.${4 + random.int(250)} on eth0`,
      );
    } else {
      sink.emit(
        time,
        'INFO',
        choose(random, [
          () => `${prefix} systemd[1]: INFO Started Daily apt download activities.`,
          () =>
            `${prefix} sshd[${pid}]: INFO Accepted publickey for ubuntu from 10.0.${random.int(255)}.${4 + random.int(250)} port ${30_000 + random.int(30_000)} ssh2`,
          () => `${prefix} CRON[${pid}]: INFO (root) CMD (/usr/local/bin/backup.sh)`,
          () => `${prefix} app[${pid}]: INFO ${appInfoLine(context, random)}`,
          () => `${prefix} systemd[1]: INFO Finished Rotate log files.`,
        ]),
      );
    }
  },
};

/** Maps a group's `source` to the way its logs are written; unknown sources read like services. */
function familyOf(source: string): LogFamily {
  switch (source) {
    case 'lambda':
      return lambdaFamily;
    case 'functionapp':
      return functionAppFamily;
    case 'cloud_function':
      return cloudFunctionFamily;
    case 'ec2':
    case 'vm':
    case 'gce_instance':
    case 'syslog':
      return syslogFamily;
    default:
      return apiFamily;
  }
}

/** `payments-webhook` from `/aws/lambda/payments-webhook`, `payments-api` from `/app/payments/api`. */
function serviceOf(group: EstateLogGroup): string {
  const parts = group.name.split(/[/\\]/).filter((part) => part.length > 0);
  const last = parts[parts.length - 1] ?? 'app';
  const previous = parts[parts.length - 2];
  if (parts[0] === 'app' && previous !== undefined && previous !== 'app') return `${previous}-${last}`;
  return last;
}

function contextFor(
  group: EstateLogGroup,
  traits: InvocationTraits,
  stream: EstateLogStream,
  streamIndex: number,
): StreamContext {
  const service = serviceOf(group);
  return {
    group,
    stream,
    streamIndex,
    service,
    // A log group of one resource names that resource; a shared group (`/var/log/syslog`) has one
    // stream per host, named after it.
    host: group.resourceId === undefined ? stream.name : service,
    ...traits,
    dependency: DEPENDENCIES[hashIntegers(stream.seed, 0, 9) % DEPENDENCIES.length]!,
  };
}

function toEventId(timestamp: number, streamIndex: number, sequence: number): string {
  return (
    String(timestamp).padStart(TIMESTAMP_DIGITS, '0') +
    String(streamIndex).padStart(STREAM_DIGITS, '0') +
    String(sequence).padStart(SEQUENCE_DIGITS, '0')
  );
}

function compareEvents(a: LogEvent, b: LogEvent): number {
  if (a.timestamp !== b.timestamp) return a.timestamp - b.timestamp;
  if (a.stream !== b.stream) return a.stream < b.stream ? -1 : 1;
  return a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0;
}

/** Writes the events of one stream for one minute into `out`. */
function generateStreamMinute(
  family: LogFamily,
  context: StreamContext,
  minute: number,
  out: LogEvent[],
): void {
  const { stream, streamIndex } = context;
  if (!(stream.ratePerMinute > 0)) return;
  const random = createMinuteRandom(stream.seed, minute);
  // A gentle daily traffic wave; its mean over a day is 1, so the long-run rate stays as configured.
  const wave = 1 + 0.35 * Math.sin((2 * Math.PI * (minute + (stream.seed % 1440))) / 1440);
  const expected = ((stream.ratePerMinute * wave) / family.linesPerUnit) * (0.5 + random.next());
  const whole = Math.floor(expected);
  const units = Math.min(MAX_UNITS_PER_MINUTE, whole + (random.next() < expected - whole ? 1 : 0));
  if (units === 0) return;
  let sequence = 0;
  const sink: MinuteSink = {
    emit(timestamp, level, message) {
      out.push({
        timestamp,
        stream: stream.name,
        message,
        level,
        eventId: toEventId(timestamp, streamIndex, sequence++),
      });
    },
  };
  const minuteStart = minute * MINUTE_MS;
  for (let unit = 0; unit < units; unit++) {
    family.writeUnit(context, random, minuteStart, random.next() < stream.errorRatio, sink);
  }
}

/** Decodes an event id of this group into the sort key of the event it names. */
function parseCursor(group: EstateLogGroup, eventId: string): LogEvent {
  const streamIndex = Number(eventId.slice(TIMESTAMP_DIGITS, TIMESTAMP_DIGITS + STREAM_DIGITS));
  const stream = EVENT_ID_PATTERN.test(eventId) ? group.streams[streamIndex] : undefined;
  if (!stream) throw new RangeError(`'${eventId}' is not an event id of log group ${group.name}`);
  return {
    timestamp: Number(eventId.slice(0, TIMESTAMP_DIGITS)),
    stream: stream.name,
    message: '',
    level: 'INFO',
    eventId,
  };
}

/**
 * The events of a log group with `startMs ≤ timestamp < endMs` (epoch milliseconds), sorted by
 * (timestamp, stream, eventId). Events never precede the group's `createdTime`.
 *
 * Cost is proportional to the minutes in the window times the streams, and generation stops once
 * `limit` events passed the filter, so paging through a long window with `limit` and
 * `afterEventId` stays cheap. Event ids are 24-digit decimal strings, unique within the group,
 * and the same event always has the same id.
 *
 * Per source: `lambda` writes START / application line / END / REPORT per invocation (memory size
 * and timeout come from {@link invocationTraits}); `functionapp` and `cloud_function` write their platform's
 * invocation lines; `ec2`, `vm`, `gce_instance` and `syslog` write syslog lines; anything else
 * writes web access-log lines. `errorRatio` is the share of invocations or requests that fail.
 *
 * @throws RangeError when `afterEventId` is not an event id of this group.
 */
export function logEventsBetween(
  group: EstateLogGroup,
  startMs: number,
  endMs: number,
  options: LogQueryOptions = {},
): LogEvent[] {
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const cursor = options.afterEventId === undefined ? undefined : parseCursor(group, options.afterEventId);
  const events: LogEvent[] = [];
  if (limit <= 0) return events;

  const createdMs = Date.parse(group.createdTime);
  let fromMs = Number.isFinite(createdMs) ? Math.max(startMs, createdMs) : startMs;
  if (cursor) fromMs = Math.max(fromMs, cursor.timestamp);
  if (!(endMs > fromMs)) return events;

  const family = familyOf(group.source);
  const wanted = options.streams === undefined ? undefined : new Set(options.streams);
  const traits = invocationTraits(group.id);
  const contexts: StreamContext[] = [];
  group.streams.forEach((stream, index) => {
    if (!wanted || wanted.has(stream.name)) contexts.push(contextFor(group, traits, stream, index));
  });
  if (contexts.length === 0) return events;

  const firstMinute = Math.floor(fromMs / MINUTE_MS);
  const lastMinute = Math.ceil(endMs / MINUTE_MS) - 1;
  const minuteEvents: LogEvent[] = [];
  for (let minute = firstMinute; minute <= lastMinute; minute++) {
    minuteEvents.length = 0;
    for (const context of contexts) generateStreamMinute(family, context, minute, minuteEvents);
    if (minuteEvents.length === 0) continue;
    minuteEvents.sort(compareEvents);
    for (const event of minuteEvents) {
      if (event.timestamp < fromMs || event.timestamp >= endMs) continue;
      if (cursor && compareEvents(event, cursor) <= 0) continue;
      if (options.filter && !options.filter(event)) continue;
      events.push(event);
      if (events.length >= limit) return events;
    }
  }
  return events;
}
