import { describe, expect, it } from 'vitest';
import { SreError } from '../../core/errors/sre-error.js';
import type { CallKey, CallRunner } from '../../core/ports/call-runner.js';
import type { ScopeTarget } from '../../core/ports/cloud-port.js';
import { createAwsProvider } from './create-aws-provider.js';
import {
  type FakeAwsCall,
  createFakeAwsClientFactory,
  fakeAwsServiceError,
} from './create-fake-aws-client-factory.js';

const ACCOUNT = '123456789012';
const scope: ScopeTarget = { provider: 'aws', account: ACCOUNT, region: 'eu-west-1' };
const NOW = new Date('2026-11-20T00:00:00.000Z');

/** A runner that records keys and retries a retryable SreError once (like the real one, per page). */
function createRecordingRunner(): CallRunner & { readonly keys: CallKey[] } {
  const keys: CallKey[] = [];
  return {
    keys,
    async run<T>(key: CallKey, call: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
      keys.push(key);
      const attempt = (): Promise<T> => call(signal ?? new AbortController().signal);
      try {
        return await attempt();
      } catch (error) {
        if (error instanceof SreError && error.retryable) return attempt();
        throw error;
      }
    },
  };
}

function setup(
  respond: (call: FakeAwsCall) => unknown,
  settings: Parameters<typeof createAwsProvider>[0] = { regions: ['eu-west-1'] },
) {
  const factory = createFakeAwsClientFactory(respond);
  const runner = createRecordingRunner();
  const warnings: string[] = [];
  const provider = createAwsProvider(settings, {
    runner,
    clientFactory: factory,
    now: () => NOW,
    warn: (message) => warnings.push(message),
  });
  return { provider, factory, runner, warnings };
}

/** Serves `items` in pages of `size`, with tokens `t1`, `t2`… */
function page<T>(
  items: readonly T[],
  size: number,
  token: unknown,
): { items: T[]; next: string | undefined } {
  const start = typeof token === 'string' ? Number(token.slice(1)) * size : 0;
  const next = start + size < items.length ? `t${start / size + 1}` : undefined;
  return { items: items.slice(start, start + size), next };
}

describe('createAwsProvider', () => {
  it('maps kinds to services and knows buckets are global', () => {
    const { provider } = setup(() => ({}));

    expect(
      ['instance', 'volume', 'function', 'database', 'bucket', 'log_group', 'metrics', 'logs', 'audit'].map(
        (k) => provider.serviceFor(k as never),
      ),
    ).toEqual(['ec2', 'ec2', 'lambda', 'rds', 's3', 'logs', 'cloudwatch', 'logs', 'cloudtrail']);
    expect(provider.isGlobal('bucket')).toBe(true);
    expect(provider.isGlobal('instance')).toBe(false);
  });

  describe('listScopes', () => {
    it('returns one scope per region and asks STS once', async () => {
      const { provider, factory } = setup(() => ({ Account: ACCOUNT }), {
        regions: ['eu-west-1', 'us-east-2', 'eu-west-1'],
      });

      const first = await provider.listScopes({});
      const second = await provider.listScopes({});

      expect(first).toEqual([
        { provider: 'aws', account: ACCOUNT, region: 'eu-west-1' },
        { provider: 'aws', account: ACCOUNT, region: 'us-east-2' },
      ]);
      expect(second).toEqual(first);
      expect(factory.calls.map((c) => c.operation)).toEqual(['GetCallerIdentity']);
    });

    it('asks STS again after a failure', async () => {
      let attempts = 0;
      const { provider } = setup(() => {
        attempts += 1;
        if (attempts === 1) throw fakeAwsServiceError('ExpiredToken', 400);
        return { Account: ACCOUNT };
      });

      await expect(provider.listScopes({})).rejects.toMatchObject({ code: 'CLOUD_AUTHENTICATION' });
      await expect(provider.listScopes({})).resolves.toHaveLength(1);
    });

    it('uses the SDK default region, else us-east-1 with a warning', async () => {
      const runner = createRecordingRunner();
      const warnings: string[] = [];
      const withDefault = createAwsProvider(
        {},
        { runner, clientFactory: createFakeAwsClientFactory(() => ({ Account: ACCOUNT }), 'ap-south-1') },
      );
      const withNone = createAwsProvider(
        {},
        {
          runner,
          clientFactory: createFakeAwsClientFactory(() => ({ Account: ACCOUNT })),
          warn: (m) => warnings.push(m),
        },
      );

      expect((await withDefault.listScopes({})).map((s) => s.region)).toEqual(['ap-south-1']);
      expect((await withNone.listScopes({})).map((s) => s.region)).toEqual(['us-east-1']);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain('us-east-1');
    });
  });

  describe('listResources', () => {
    const instances = Array.from({ length: 7 }, (_, i) => ({
      InstanceId: `i-${String(9 - i).padStart(4, '0')}`,
      InstanceType: 't3.micro',
      State: { Name: 'running' },
    }));

    it('reads every page, one runner call per page, and sorts by id', async () => {
      const { provider, factory, runner } = setup(
        (call) => {
          const { items, next } = page(instances, 3, call.input.NextToken);
          return { Reservations: [{ Instances: items }], NextToken: next };
        },
        { regions: ['eu-west-1'], pageSize: 3 },
      );

      const records = await provider.listResources('instance', scope, { states: ['running', 'stopped'] }, {});

      expect(records.map((r) => r.id)).toEqual([...instances.map((i) => i.InstanceId)].sort());
      expect(factory.calls.map((c) => c.input.NextToken)).toEqual([undefined, 't1', 't2']);
      expect(factory.calls[0]?.input).toMatchObject({
        MaxResults: 5,
        Filters: [{ Name: 'instance-state-name', Values: ['running', 'stopped'] }],
      });
      expect(runner.keys).toHaveLength(3);
      expect(runner.keys[0]).toEqual({
        provider: 'aws',
        account: ACCOUNT,
        region: 'eu-west-1',
        service: 'ec2',
        operation: 'DescribeInstances',
      });
    });

    it('repeats only the failed page on a retry', async () => {
      let failed = false;
      const { provider, factory } = setup((call) => {
        if (call.input.NextToken === 't1' && !failed) {
          failed = true;
          throw fakeAwsServiceError('RequestLimitExceeded', 503);
        }
        const { items, next } = page(instances, 3, call.input.NextToken);
        return { Reservations: [{ Instances: items }], NextToken: next };
      });

      const records = await provider.listResources('instance', scope, {}, {});

      expect(records).toHaveLength(7);
      expect(factory.calls.map((c) => c.input.NextToken)).toEqual([undefined, 't1', 't1', 't2']);
    });

    it('fails with a mapped SreError when a page keeps failing', async () => {
      const { provider } = setup(() => {
        throw fakeAwsServiceError('UnauthorizedOperation', 403);
      });

      await expect(provider.listResources('volume', scope, {}, {})).rejects.toMatchObject({
        code: 'CLOUD_AUTHORIZATION',
        details: { operation: 'DescribeVolumes', awsCode: 'UnauthorizedOperation' },
      });
    });

    it('stops on a page token the API already returned', async () => {
      const { provider } = setup(() => ({ Reservations: [], NextToken: 'same' }));

      await expect(provider.listResources('instance', scope, {}, {})).rejects.toMatchObject({
        code: 'CLOUD_MALFORMED_RESPONSE',
      });
    });

    it('creates clients lazily, one per service and region', async () => {
      const { provider, factory } = setup((call) =>
        call.operation === 'DescribeInstances'
          ? { Reservations: [] }
          : call.operation === 'DescribeVolumes'
            ? { Volumes: [] }
            : { Functions: [] },
      );

      await provider.listResources('instance', scope, {}, {});
      await provider.listResources('volume', scope, {}, {});
      await provider.listResources('instance', { ...scope, region: 'us-east-1' }, {}, {});
      const servicesAfterEc2 = factory.created.map((c) => `${c.service}@${c.options.region}`);
      await provider.listResources('function', scope, {}, {});

      expect(servicesAfterEc2).toEqual(['ec2@eu-west-1', 'ec2@us-east-1']);
      expect(factory.created.map((c) => c.service)).toEqual(['ec2', 'ec2', 'lambda']);
    });

    it('passes endpoint, profile, credentials and path style to the clients', async () => {
      const { provider, factory } = setup(() => ({ Buckets: [] }), {
        regions: ['eu-west-1'],
        endpoint: 'http://127.0.0.1:4566',
        profile: 'dev',
        credentials: { accessKeyId: 'emulator', secretAccessKey: 'emulator' },
      });

      await provider.listResources('bucket', { ...scope, region: 'global' }, {}, {});

      expect(factory.created[0]?.options).toEqual({
        region: 'eu-west-1',
        endpoint: 'http://127.0.0.1:4566',
        profile: 'dev',
        credentials: { accessKeyId: 'emulator', secretAccessKey: 'emulator' },
        forcePathStyle: true,
      });
    });

    it('pages Lambda with Marker and flags deprecated runtimes', async () => {
      const functions = [
        { FunctionName: 'b', Runtime: 'python3.8' },
        { FunctionName: 'a', Runtime: 'python3.12' },
        { FunctionName: 'c', Runtime: 'brainfuck1.0' },
      ];
      const { provider, factory, warnings } = setup((call) => {
        const { items, next } = page(functions, 2, call.input.Marker);
        return { Functions: items, NextMarker: next };
      });

      const records = await provider.listResources('function', scope, {}, {});

      expect(records.map((r) => [r.id, r.fields.runtime_deprecated])).toEqual([
        ['a', false],
        ['b', true],
        ['c', undefined],
      ]);
      expect(factory.calls.map((c) => c.input.Marker)).toEqual([undefined, 't1']);
      expect(warnings).toEqual([expect.stringContaining('brainfuck1.0') as string]);
    });

    it('pages RDS with Marker', async () => {
      const dbs = Array.from({ length: 5 }, (_, i) => ({
        DBInstanceIdentifier: `db-${i}`,
        Engine: 'sqlserver-se',
        DBInstanceStatus: 'available',
      }));
      const { provider, factory } = setup((call) => {
        const { items, next } = page(dbs, 2, call.input.Marker);
        return { DBInstances: items, Marker: next };
      });

      const records = await provider.listResources('database', scope, {}, {});

      expect(records.map((r) => r.fields.engine)).toEqual(Array(5).fill('sqlserver'));
      expect(factory.calls).toHaveLength(3);
      expect(factory.calls[0]?.input.MaxRecords).toBe(100);
    });

    it('pages log groups with nextToken', async () => {
      const groups = Array.from({ length: 4 }, (_, i) => ({ logGroupName: `/g/${i}`, creationTime: 0 }));
      const { provider, factory } = setup((call) => {
        const { items, next } = page(groups, 3, call.input.nextToken);
        return { logGroups: items, nextToken: next };
      });

      const records = await provider.listResources('log_group', scope, {}, {});

      expect(records).toHaveLength(4);
      expect(factory.calls.map((c) => c.input.nextToken)).toEqual([undefined, 't1']);
    });

    it('locates buckets from BucketRegion or GetBucketLocation, skipping vanished ones', async () => {
      const buckets = [
        { Name: 'b-west', BucketRegion: 'eu-west-1', CreationDate: new Date(0) },
        { Name: 'a-legacy', CreationDate: new Date(0) },
        { Name: 'c-eu', CreationDate: new Date(0) },
        { Name: 'd-gone', CreationDate: new Date(0) },
      ];
      const locations: Record<string, string | undefined> = { 'a-legacy': undefined, 'c-eu': 'EU' };
      const { provider, factory } = setup((call) => {
        if (call.operation === 'ListBuckets') {
          const { items, next } = page(buckets, 3, call.input.ContinuationToken);
          return { Buckets: items, ContinuationToken: next };
        }
        const bucket = String(call.input.Bucket);
        if (bucket === 'd-gone') throw fakeAwsServiceError('NoSuchBucket', 404);
        return { LocationConstraint: locations[bucket] };
      });

      const all = await provider.listResources('bucket', { ...scope, region: 'global' }, {}, {});
      const west = await provider.listResources('bucket', scope, {}, {});

      expect(all.map((r) => [r.id, r.region])).toEqual([
        ['a-legacy', 'us-east-1'],
        ['b-west', 'eu-west-1'],
        ['c-eu', 'eu-west-1'],
      ]);
      expect(west.map((r) => r.id)).toEqual(['b-west', 'c-eu']);
      const firstRun = factory.calls.slice(0, 5);
      expect(
        firstRun
          .filter((c) => c.operation === 'GetBucketLocation')
          .map((c) => c.input.Bucket)
          .sort(),
      ).toEqual(['a-legacy', 'c-eu', 'd-gone']);
    });
  });

  describe('getMetrics', () => {
    const window = {
      start: new Date('2026-11-19T23:00:00Z'),
      end: new Date('2026-11-20T00:00:00Z'),
      periodSeconds: 3600,
    };

    it('batches 500 queries per call and maps values back to ids', async () => {
      const ids = Array.from({ length: 1200 }, (_, i) => `i-${String(i).padStart(5, '0')}`);
      const { provider, factory, runner } = setup((call) => {
        const queries = call.input.MetricDataQueries as {
          Id: string;
          MetricStat: { Metric: { Dimensions: { Value: string }[] } };
        }[];
        return {
          MetricDataResults: queries.map((q) => ({
            Id: q.Id,
            Timestamps: [window.start],
            Values: [Number(q.MetricStat.Metric.Dimensions[0]?.Value.slice(2))],
            StatusCode: 'Complete',
          })),
        };
      });

      const values = await provider.getMetrics(
        { metric: 'cpu', statistic: 'p95', resourceIds: ids, ...window },
        scope,
        {},
      );

      expect(factory.calls).toHaveLength(3);
      expect(factory.calls.map((c) => (c.input.MetricDataQueries as unknown[]).length)).toEqual([
        500, 500, 200,
      ]);
      expect(factory.calls[0]?.input).toMatchObject({
        StartTime: window.start,
        EndTime: window.end,
        ScanBy: 'TimestampAscending',
      });
      expect((factory.calls[2]?.input.MetricDataQueries as unknown[])[199]).toEqual({
        Id: 'm199',
        MetricStat: {
          Metric: {
            Namespace: 'AWS/EC2',
            MetricName: 'CPUUtilization',
            Dimensions: [{ Name: 'InstanceId', Value: 'i-01199' }],
          },
          Period: 3600,
          Stat: 'p95',
        },
        ReturnData: true,
      });
      expect(values.size).toBe(1200);
      expect(values.get('i-00000')).toBe(0);
      expect(values.get('i-01199')).toBe(1199);
      expect(runner.keys.every((k) => k.service === 'cloudwatch' && k.operation === 'GetMetricData')).toBe(
        true,
      );
    });

    it('follows NextToken, merges periods per statistic and reports null without data', async () => {
      const { provider, factory } = setup((call) =>
        call.input.NextToken === undefined
          ? { MetricDataResults: [{ Id: 'm0', Values: [10] }], NextToken: 'n1' }
          : {
              MetricDataResults: [
                { Id: 'm0', Values: [30] },
                { Id: 'm1', Values: [] },
              ],
            },
      );

      const values = await provider.getMetrics(
        { metric: 'memory', statistic: 'avg', resourceIds: ['i-a', 'i-b', 'i-a'], ...window },
        scope,
        {},
      );

      expect(factory.calls).toHaveLength(2);
      expect(factory.calls[0]?.input.MetricDataQueries).toMatchObject([
        { MetricStat: { Metric: { Namespace: 'CWAgent', MetricName: 'mem_used_percent' }, Stat: 'Average' } },
        {},
      ]);
      expect([...values]).toEqual([
        ['i-a', 20],
        ['i-b', null],
      ]);
    });

    it('makes no call for no resources', async () => {
      const { provider, factory } = setup(() => ({}));

      const values = await provider.getMetrics(
        { metric: 'cpu', statistic: 'max', resourceIds: [], ...window },
        scope,
        {},
      );

      expect(values.size).toBe(0);
      expect(factory.calls).toHaveLength(0);
    });

    it('surfaces a per-query Forbidden status as an authorization error', async () => {
      const { provider } = setup(() => ({
        MetricDataResults: [{ Id: 'm0', StatusCode: 'Forbidden', Values: [] }],
      }));

      await expect(
        provider.getMetrics({ metric: 'cpu', statistic: 'max', resourceIds: ['i-1'], ...window }, scope, {}),
      ).rejects.toMatchObject({
        code: 'CLOUD_AUTHORIZATION',
      });
    });
  });

  describe('searchLogs', () => {
    const base = { start: new Date('2026-11-19T23:45:00Z'), end: new Date('2026-11-20T00:00:00Z') };
    const eventsOf = (group: string, count: number) =>
      Array.from({ length: count }, (_, i) => ({
        eventId: `${group}-${i}`,
        logStreamName: 's',
        timestamp: base.start.getTime() + i * 1000,
        message: i % 2 === 0 ? `ERROR failure ${i}` : `INFO ok ${i}`,
      }));

    function logsResponder(groups: Record<string, ReturnType<typeof eventsOf>>) {
      return (call: FakeAwsCall) => {
        const all = groups[String(call.input.logGroupName)];
        if (all === undefined)
          throw fakeAwsServiceError(
            'ResourceNotFoundException',
            400,
            'The specified log group does not exist.',
          );
        const offset = call.input.nextToken === undefined ? 0 : Number(call.input.nextToken);
        const limit = Number(call.input.limit);
        const slice = all.slice(offset, offset + Math.min(limit, 4));
        const next = offset + slice.length < all.length ? String(offset + slice.length) : undefined;
        return { events: slice, nextToken: next };
      };
    }

    it('collects across pages and groups with the time window and filter', async () => {
      const { provider, factory } = setup(logsResponder({ '/a': eventsOf('a', 5), '/b': eventsOf('b', 3) }));

      const result = await provider.searchLogs(
        { ...base, logGroups: ['/a', '/b'], level: 'error', limit: 100 },
        scope,
        {},
      );

      expect(result.truncated).toBe(false);
      expect(result.events).toHaveLength(8);
      expect(result.events[0]).toEqual({
        provider: 'aws',
        account: ACCOUNT,
        region: 'eu-west-1',
        logGroup: '/a',
        stream: 's',
        timestamp: '2026-11-19T23:45:00.000Z',
        message: 'ERROR failure 0',
        eventId: 'a-0',
      });
      expect(factory.calls[0]?.input).toMatchObject({
        logGroupName: '/a',
        startTime: base.start.getTime(),
        endTime: base.end.getTime() - 1,
        filterPattern: '?ERROR ?Error ?error',
      });
    });

    it('reports truncation only when more events exist', async () => {
      const { provider } = setup(logsResponder({ '/a': eventsOf('a', 5), '/b': eventsOf('b', 3) }));

      const exact = await provider.searchLogs({ ...base, logGroups: ['/a', '/b'], limit: 8 }, scope, {});
      const cut = await provider.searchLogs({ ...base, logGroups: ['/a', '/b'], limit: 6 }, scope, {});

      expect(exact.truncated).toBe(false);
      expect(exact.events).toHaveLength(8);
      expect(cut.truncated).toBe(true);
      // Groups are read in order: all of /a, then /b until the limit; the result is sorted by time.
      expect(cut.events.map((e) => e.eventId)).toEqual(['a-0', 'b-0', 'a-1', 'a-2', 'a-3', 'a-4']);
    });

    it('caps the limit at logEventLimit', async () => {
      const { provider } = setup(logsResponder({ '/a': eventsOf('a', 5) }), {
        regions: ['eu-west-1'],
        logEventLimit: 2,
      });

      const result = await provider.searchLogs({ ...base, logGroups: ['/a'], limit: 100 }, scope, {});

      expect(result.events).toHaveLength(2);
      expect(result.truncated).toBe(true);
    });

    it('applies the level on the client when a pattern is given', async () => {
      const { provider, factory } = setup(logsResponder({ '/a': eventsOf('a', 5) }));

      const result = await provider.searchLogs(
        { ...base, logGroups: ['/a'], pattern: 'failure', level: 'error', limit: 10 },
        scope,
        {},
      );

      expect(factory.calls[0]?.input.filterPattern).toBe('failure');
      expect(result.events.map((e) => e.eventId)).toEqual(['a-0', 'a-2', 'a-4']);
    });

    it('fails with CLOUD_NOT_FOUND naming an unknown log group', async () => {
      const { provider } = setup(logsResponder({}));

      await expect(
        provider.searchLogs({ ...base, logGroups: ['/nope'], limit: 10 }, scope, {}),
      ).rejects.toMatchObject({
        code: 'CLOUD_NOT_FOUND',
        message: expect.stringContaining('"/nope"') as string,
      });
    });
  });

  describe('lookupAudit', () => {
    const event = (
      id: string,
      name: string,
      time: string,
      resources: { ResourceType: string; ResourceName: string }[],
    ) => ({
      EventId: id,
      EventName: name,
      EventTime: new Date(time),
      Username: 'alice',
      Resources: resources,
      CloudTrailEvent: JSON.stringify({ userIdentity: { arn: 'arn:aws:iam::123456789012:user/alice' } }),
    });

    it('looks up each event name with paging, in [start, end)', async () => {
      const { provider, factory, runner } = setup((call) => {
        const attribute = (call.input.LookupAttributes as { AttributeValue: string }[])[0]?.AttributeValue;
        if (attribute === 'RunInstances') {
          return call.input.NextToken === undefined
            ? {
                Events: [
                  event('e1', 'RunInstances', '2026-11-10T00:00:00Z', [
                    { ResourceType: 'AWS::EC2::Instance', ResourceName: 'i-1' },
                  ]),
                ],
                NextToken: 'p2',
              }
            : {
                Events: [
                  event('e2', 'RunInstances', '2026-11-11T00:00:00Z', [
                    { ResourceType: 'AWS::EC2::Instance', ResourceName: 'i-2' },
                    { ResourceType: 'AWS::EC2::Instance', ResourceName: 'i-3' },
                    { ResourceType: 'AWS::EC2::SecurityGroup', ResourceName: 'sg-1' },
                  ]),
                  event('e9', 'RunInstances', '2026-11-19T00:00:00Z', [
                    { ResourceType: 'AWS::EC2::Instance', ResourceName: 'i-9' },
                  ]),
                ],
              };
        }
        return {
          Events: [
            event('e3', 'TerminateInstances', '2026-11-12T00:00:00Z', [
              { ResourceType: 'AWS::EC2::Instance', ResourceName: 'i-1' },
            ]),
          ],
        };
      });

      const records = await provider.lookupAudit(
        {
          resource: 'instance',
          actions: ['create', 'delete'],
          start: new Date('2026-11-01T00:00:00Z'),
          end: new Date('2026-11-19T00:00:00Z'),
        },
        scope,
        {},
      );

      expect(records.map((r) => [r.eventId, r.action, r.operation, r.resourceId])).toEqual([
        ['e1', 'create', 'RunInstances', 'i-1'],
        ['e2', 'create', 'RunInstances', 'i-2'],
        ['e2', 'create', 'RunInstances', 'i-3'],
        ['e3', 'delete', 'TerminateInstances', 'i-1'],
      ]);
      expect(records[0]).toMatchObject({
        actor: 'arn:aws:iam::123456789012:user/alice',
        resourceType: 'AWS::EC2::Instance',
        time: '2026-11-10T00:00:00.000Z',
      });
      expect(
        factory.calls.map((c) => [
          (c.input.LookupAttributes as { AttributeValue: string }[])[0]?.AttributeValue,
          c.input.NextToken,
        ]),
      ).toEqual([
        ['RunInstances', undefined],
        ['RunInstances', 'p2'],
        ['TerminateInstances', undefined],
      ]);
      expect(factory.calls[0]?.input.MaxResults).toBe(50);
      expect(runner.keys.every((k) => k.service === 'cloudtrail' && k.operation === 'LookupEvents')).toBe(
        true,
      );
    });

    it('clamps the window to 90 days and says so', async () => {
      const { provider, factory, warnings } = setup(() => ({ Events: [] }));

      await provider.lookupAudit(
        { resource: 'database', actions: ['stop'], start: new Date('2026-01-01T00:00:00Z'), end: NOW },
        scope,
        {},
      );

      expect(factory.calls[0]?.input.StartTime).toEqual(new Date(NOW.getTime() - 90 * 86_400_000));
      expect(warnings).toEqual([expect.stringContaining('90 days') as string]);
    });

    it('looks up a global scope in every configured region and skips verbs a kind lacks', async () => {
      const { provider, factory } = setup(() => ({ Events: [] }), { regions: ['eu-west-1', 'us-east-1'] });

      await provider.lookupAudit(
        {
          resource: 'bucket',
          actions: ['create', 'start'],
          start: new Date('2026-11-01T00:00:00Z'),
          end: NOW,
        },
        { ...scope, region: 'global' },
        {},
      );

      expect(factory.calls.map((c) => c.region)).toEqual(['eu-west-1', 'us-east-1']);
    });
  });
});
