import { logEventsBetween } from '../estate/logs.js';
import type { EstateLogGroup, EstateLogStream, LogEvent } from '../estate/model.js';
import type { WireResponse } from '../server/wire.js';
import type { AwsContext } from './aws-context.js';
import { AwsError } from './aws-error.js';
import { createAwsRoute, type AwsCall, type AwsRoute } from './aws-route.js';
import { LOGS_PROFILE } from './aws-service-profile.js';
import { compileFilterPattern, FilterPatternError } from './compile-filter-pattern.js';
import { parseJsonBody, readBoolean, readInteger, readString, readStringList } from './input-values.js';
import { isMutatingAction } from './is-mutating-action.js';
import { decodePageToken, encodePageToken, type PageCursor } from './page-token.js';
import { renderAwsResponse } from './render-aws-response.js';

/** The CloudWatch Logs part of the AWS handler. */
export interface LogsService {
  /** Routes an awsJson1_1 request (`X-Amz-Target: Logs_20140328.<operation>`). */
  route(call: AwsCall, operation: string, body: Buffer): AwsRoute | undefined;
}

type Input = Readonly<Record<string, unknown>>;

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const MAX_EVENTS = 10_000;
/** FilterLogEvents answers with at most 1 MB of events. */
const MAX_RESPONSE_BYTES = 1_048_576;
/**
 * How much log a single FilterLogEvents call generates before it returns what it found with a
 * `nextToken`, counted in expected events (stream rate × minutes). Real CloudWatch Logs also
 * stops after a bounded scan and may return few or no events with a token.
 */
const SCAN_BUDGET_EVENTS = 400_000;
/** Operations whose verbs look mutating but only read. */
const READ_ONLY_STARTS = new Set([
  'StartQuery',
  'StopQuery',
  'StartLiveTail',
  'TestMetricFilter',
  'TestTransformer',
]);

function invalidParameter(message: string): AwsError {
  return new AwsError('InvalidParameterException', message, 400);
}

function groupNotFound(): AwsError {
  return new AwsError('ResourceNotFoundException', 'The specified log group does not exist.', 400);
}

function checkLimit(limit: number | undefined, max: number): number | undefined {
  if (limit !== undefined && (limit < 1 || limit > max)) {
    throw invalidParameter(
      `1 validation error detected: Value '${limit}' at 'limit' failed to satisfy constraint: Member must have value ${limit < 1 ? 'greater than or equal to 1' : `less than or equal to ${max}`}`,
    );
  }
  return limit;
}

/** Deterministic ingestion delay: events reach CloudWatch Logs a fraction of a second after they happen. */
function ingestionTimeOf(event: LogEvent): number {
  return event.timestamp + 150 + (event.timestamp % 850);
}

/**
 * Creates the CloudWatch Logs service: DescribeLogGroups, DescribeLogStreams and FilterLogEvents
 * (with real filter pattern syntax, `limit` ≤ 10,000, a 1 MB response cap and `nextToken`
 * paging). Events come from the estate's log generator, only inside the group's retention and
 * never after the estate's "now". Put/Create/Delete/… operations route as mutating.
 */
export function createLogsService(context: AwsContext): LogsService {
  const { index } = context;

  const respond = (call: AwsCall, body: unknown): WireResponse =>
    renderAwsResponse(LOGS_PROFILE, JSON.stringify(body), call.requestId);

  const arnOf = (group: EstateLogGroup): string =>
    `arn:aws:logs:${group.region}:${group.account}:log-group:${group.name}`;

  /** The oldest moment whose events the group still holds. */
  const retainedSince = (group: EstateLogGroup): number => {
    const created = Date.parse(group.createdTime);
    const retention =
      group.retentionDays === undefined
        ? Number.NEGATIVE_INFINITY
        : context.anchorMs - group.retentionDays * DAY_MS;
    return Math.max(Number.isFinite(created) ? created : 0, retention);
  };

  const resolveGroup = (call: AwsCall, input: Input): EstateLogGroup => {
    const name = readString(input, 'logGroupName');
    const identifier = readString(input, 'logGroupIdentifier');
    if (name !== undefined && identifier !== undefined) {
      throw invalidParameter('LogGroup name and LogGroup ARN are mutually exclusive parameters.');
    }
    let groupName = name ?? identifier;
    if (groupName === undefined)
      throw invalidParameter('Either logGroupName or logGroupIdentifier must be specified.');
    if (groupName.startsWith('arn:')) {
      // arn:aws:logs:{region}:{account}:log-group:{name}[:*]
      const match = /^arn:[^:]+:logs:([^:]*):(\d{12}):log-group:(.+?)(?::\*)?$/.exec(groupName);
      if (match === null || match[1] !== call.region || match[2] !== call.account) throw groupNotFound();
      groupName = match[3]!;
    }
    const group = index.logGroup('aws', call.account, call.region, groupName);
    if (group === undefined) throw groupNotFound();
    return group;
  };

  const describeLogGroups = (call: AwsCall, input: Input): WireResponse => {
    const prefix = readString(input, 'logGroupNamePrefix');
    const pattern = readString(input, 'logGroupNamePattern');
    if (prefix !== undefined && pattern !== undefined) {
      throw invalidParameter(
        'LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.',
      );
    }
    const identifiers = readStringList(input, 'logGroupIdentifiers');
    const logGroupClass = readString(input, 'logGroupClass');
    const limit = checkLimit(readInteger(input, 'limit'), 50) ?? 50;
    const needle = pattern?.toLowerCase();
    const wanted =
      identifiers.length === 0 ? undefined : new Set(identifiers.map((id) => id.replace(/:\*$/, '')));
    const groups = index
      .logGroupsIn('aws', call.account, call.region)
      .filter(
        (group) =>
          (prefix === undefined || group.name.startsWith(prefix)) &&
          (needle === undefined || group.name.toLowerCase().includes(needle)) &&
          (wanted === undefined || wanted.has(group.name) || wanted.has(arnOf(group))) &&
          (logGroupClass === undefined || logGroupClass === 'STANDARD'),
      );
    const scope = JSON.stringify([
      'DescribeLogGroups',
      call.account,
      call.region,
      prefix,
      pattern,
      identifiers,
      logGroupClass,
    ]);
    const offset = readOffset(scope, readString(input, 'nextToken'));
    const size = context.pageSizeCap === undefined ? limit : Math.min(limit, context.pageSizeCap);
    const page = groups.slice(offset, offset + size);
    const more = offset + size < groups.length;
    return respond(call, {
      logGroups: page.map((group) => ({
        logGroupName: group.name,
        creationTime: Date.parse(group.createdTime),
        ...(group.retentionDays === undefined ? {} : { retentionInDays: group.retentionDays }),
        metricFilterCount: 0,
        arn: `${arnOf(group)}:*`,
        storedBytes: group.storedBytes,
        logGroupClass: 'STANDARD',
        logGroupArn: arnOf(group),
        deletionProtectionEnabled: false,
      })),
      ...(more ? { nextToken: encodePageToken(scope, { o: offset + size }) } : {}),
    });
  };

  /** The timestamp of a stream's latest event before the estate's "now" (searching the last hour). */
  const lastEventOf = (group: EstateLogGroup, stream: EstateLogStream): number | undefined => {
    if (!(stream.ratePerMinute > 0)) return undefined;
    const until = context.anchorMs;
    const since = Math.max(retainedSince(group), until - 60 * MINUTE_MS);
    const events = logEventsBetween(group, since, until, { streams: [stream.name] });
    return events.at(-1)?.timestamp;
  };

  const describeLogStreams = (call: AwsCall, input: Input): WireResponse => {
    const group = resolveGroup(call, input);
    const prefix = readString(input, 'logStreamNamePrefix');
    const orderBy = readString(input, 'orderBy') ?? 'LogStreamName';
    if (orderBy !== 'LogStreamName' && orderBy !== 'LastEventTime')
      throw invalidParameter(`Invalid orderBy: ${orderBy}`);
    if (orderBy === 'LastEventTime' && prefix !== undefined) {
      throw invalidParameter('Cannot order by LastEventTime with a logStreamNamePrefix.');
    }
    const descending = readBoolean(input, 'descending') ?? false;
    const limit = checkLimit(readInteger(input, 'limit'), 50) ?? 50;
    const created = Date.parse(group.createdTime);
    const firstEvent = retainedSince(group);
    let streams = group.streams
      .filter((stream) => prefix === undefined || stream.name.startsWith(prefix))
      .map((stream) => ({ stream, last: lastEventOf(group, stream) }));
    streams = streams.sort((a, b) =>
      orderBy === 'LogStreamName'
        ? a.stream.name < b.stream.name
          ? -1
          : a.stream.name > b.stream.name
            ? 1
            : 0
        : (a.last ?? 0) - (b.last ?? 0) || (a.stream.name < b.stream.name ? -1 : 1),
    );
    if (descending) streams.reverse();
    const scope = JSON.stringify([
      'DescribeLogStreams',
      call.account,
      call.region,
      group.name,
      prefix,
      orderBy,
      descending,
    ]);
    const offset = readOffset(scope, readString(input, 'nextToken'));
    const size = context.pageSizeCap === undefined ? limit : Math.min(limit, context.pageSizeCap);
    const page = streams.slice(offset, offset + size);
    const more = offset + size < streams.length;
    return respond(call, {
      logStreams: page.map(({ stream, last }) => ({
        logStreamName: stream.name,
        creationTime: created,
        ...(last === undefined
          ? {}
          : { firstEventTimestamp: firstEvent, lastEventTimestamp: last, lastIngestionTime: last + 500 }),
        arn: `${arnOf(group)}:log-stream:${stream.name}`,
        storedBytes: 0,
      })),
      ...(more ? { nextToken: encodePageToken(scope, { o: offset + size }) } : {}),
    });
  };

  const filterLogEvents = (call: AwsCall, input: Input): WireResponse => {
    const group = resolveGroup(call, input);
    const streamNames = readStringList(input, 'logStreamNames');
    const streamPrefix = readString(input, 'logStreamNamePrefix');
    if (streamNames.length > 0 && streamPrefix !== undefined) {
      throw invalidParameter('logStreamNames and logStreamNamePrefix are mutually exclusive parameters.');
    }
    if (streamNames.length > 100) throw invalidParameter('logStreamNames must contain at most 100 names.');
    const limit = checkLimit(readInteger(input, 'limit'), MAX_EVENTS) ?? MAX_EVENTS;
    const pattern = readString(input, 'filterPattern');
    let matches: (message: string) => boolean;
    try {
      matches = compileFilterPattern(pattern);
    } catch (error) {
      if (error instanceof FilterPatternError) throw invalidParameter(error.message);
      throw error;
    }
    const streams =
      streamNames.length > 0
        ? group.streams.filter((stream) => streamNames.includes(stream.name))
        : group.streams.filter(
            (stream) => streamPrefix === undefined || stream.name.startsWith(streamPrefix),
          );
    if (streamNames.length > 0 && streams.length < new Set(streamNames).size) {
      throw new AwsError('ResourceNotFoundException', 'The specified log stream does not exist.', 400);
    }
    const startTime = readInteger(input, 'startTime');
    const endTime = readInteger(input, 'endTime');
    if (startTime !== undefined && endTime !== undefined && startTime > endTime) {
      throw invalidParameter('startTime must be less than or equal to endTime.');
    }
    const windowStart = Math.max(startTime ?? 0, retainedSince(group));
    // endTime is inclusive; nothing exists after the estate's "now".
    const windowEnd = Math.min(
      endTime === undefined ? Number.POSITIVE_INFINITY : endTime + 1,
      context.anchorMs + 1,
    );

    const scope = JSON.stringify([
      'FilterLogEvents',
      call.account,
      call.region,
      group.name,
      streamNames,
      streamPrefix,
      pattern,
      startTime,
      endTime,
    ]);
    const token = readString(input, 'nextToken');
    let from = windowStart;
    let after: string | undefined;
    if (token !== undefined && token !== '') {
      const cursor: PageCursor | undefined = decodePageToken(scope, token);
      const resumeAt = cursor?.t;
      if (typeof resumeAt !== 'number') throw invalidParameter('The specified nextToken is invalid.');
      from = Math.max(from, resumeAt);
      after = typeof cursor?.a === 'string' ? cursor.a : undefined;
    }

    const streamSet = streams.map((stream) => stream.name);
    const ratePerMinute = Math.max(
      1,
      streams.reduce((sum, stream) => sum + Math.max(0, stream.ratePerMinute), 0),
    );
    const chunkMs = Math.max(MINUTE_MS, Math.floor(SCAN_BUDGET_EVENTS / ratePerMinute / 8) * MINUTE_MS);
    const events: LogEvent[] = [];
    let bytes = 0;
    let budget = SCAN_BUDGET_EVENTS;
    let resume: PageCursor | undefined;
    let cursorTime = from;
    while (streamSet.length > 0 && cursorTime < windowEnd) {
      const chunkEnd = Math.min(windowEnd, cursorTime + chunkMs);
      const found = logEventsBetween(group, cursorTime, chunkEnd, {
        filter: (event) => matches(event.message),
        limit: limit - events.length,
        streams: streamSet,
        ...(after === undefined ? {} : { afterEventId: after }),
      });
      let stoppedEarly = false;
      for (const event of found) {
        const size = event.message.length + event.stream.length + 120;
        if (events.length > 0 && bytes + size > MAX_RESPONSE_BYTES) {
          stoppedEarly = true;
          break;
        }
        events.push(event);
        bytes += size;
      }
      const last = events.at(-1);
      if (stoppedEarly || events.length >= limit) {
        resume = last === undefined ? { t: chunkEnd } : { t: last.timestamp, a: last.eventId };
        break;
      }
      after = undefined;
      budget -= ((chunkEnd - cursorTime) / MINUTE_MS) * ratePerMinute;
      cursorTime = chunkEnd;
      if (budget <= 0 && cursorTime < windowEnd) {
        // Everything before cursorTime has been searched and returned.
        resume = { t: cursorTime };
        break;
      }
    }
    // A page that ends exactly at the window's end has nothing after it.
    if (resume !== undefined && typeof resume.t === 'number' && resume.t >= windowEnd) resume = undefined;
    return respond(call, {
      events: events.map((event) => ({
        logStreamName: event.stream,
        timestamp: event.timestamp,
        message: event.message,
        ingestionTime: ingestionTimeOf(event),
        eventId: event.eventId,
      })),
      searchedLogStreams: streams.map((stream) => ({
        logStreamName: stream.name,
        searchedCompletely: resume === undefined,
      })),
      ...(resume === undefined ? {} : { nextToken: encodePageToken(scope, resume) }),
    });
  };

  const operations: Readonly<Record<string, (call: AwsCall, input: Input) => WireResponse>> = {
    DescribeLogGroups: describeLogGroups,
    DescribeLogStreams: describeLogStreams,
    FilterLogEvents: filterLogEvents,
  };

  return {
    route(call, operation, body) {
      const handler = Object.hasOwn(operations, operation) ? operations[operation] : undefined;
      if (handler !== undefined)
        return createAwsRoute(LOGS_PROFILE, call, operation, false, () => handler(call, parseJsonBody(body)));
      if (isMutatingAction(operation) && !READ_ONLY_STARTS.has(operation)) {
        return createAwsRoute(LOGS_PROFILE, call, operation, true, () => {
          throw new AwsError(
            'AccessDeniedException',
            `${operation} is refused by the read-only emulator.`,
            400,
          );
        });
      }
      return undefined;
    },
  };
}

/** The offset of a `nextToken` (0 without one). */
function readOffset(scope: string, token: string | undefined): number {
  if (token === undefined || token === '') return 0;
  const offset = decodePageToken(scope, token)?.o;
  if (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0) {
    throw new AwsError('InvalidParameterException', 'The specified nextToken is invalid.', 400);
  }
  return offset;
}
