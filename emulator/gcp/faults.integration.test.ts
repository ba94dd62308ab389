import { InstancesClient } from '@google-cloud/compute';
import { MetricServiceClient } from '@google-cloud/monitoring';
import { Storage } from '@google-cloud/storage';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generateEstate } from '../estate/generate-estate.js';
import type { Estate, EstateInstance } from '../estate/model.js';
import type { FaultRuleInput } from '../server/fault-rules.js';
import { startEmulator, type RunningEmulator } from '../server/start-emulator.js';
import {
  gcpEmulatorClientOptions,
  gcpEmulatorStorageOptions,
  gcpNoRetry,
} from './gcp-test-client-options.js';

const ANCHOR = '2026-11-20T00:00:00.000Z';

let estate: Estate;
let emulator: RunningEmulator;
let instance: EstateInstance;

beforeAll(async () => {
  estate = generateEstate({ seed: 7, size: 'tiny', anchorTime: ANCHOR });
  instance = estate.instances.find((item) => item.provider === 'gcp')!;
  emulator = await startEmulator({ estate });
});

afterEach(() => {
  emulator.faults.clear();
});

afterAll(async () => {
  await emulator.close();
});

/** What a failed call surfaced: gax 5's REST transport throws GaxiosError (status = HTTP status). */
interface Failure {
  readonly name: string;
  readonly status: unknown;
  readonly code: unknown;
  readonly body: {
    error?: {
      code?: number;
      status?: string;
      details?: { '@type': string; reason?: string; retryDelay?: string }[];
      errors?: { reason: string; domain: string }[];
    };
  };
}

async function failureOf(call: Promise<unknown>): Promise<Failure> {
  try {
    await call;
  } catch (error) {
    const { message, status, code } = error as Error & { status?: unknown; code?: unknown };
    // Neither GaxiosError nor ApiError sets `name`; the class is what tells them apart.
    const name = (error as Error).constructor.name;
    let body: Failure['body'] = {};
    try {
      body = JSON.parse(message) as Failure['body'];
    } catch {
      body = {};
    }
    return { name, status, code, body };
  }
  throw new Error('expected the call to fail');
}

const listZone = () =>
  new InstancesClient(gcpEmulatorClientOptions(emulator.endpoints.gcp)).list(
    { project: instance.account, zone: instance.zone },
    { ...gcpNoRetry(), autoPaginate: false },
  );

describe('injected faults through the gax REST clients', () => {
  it.each<[string, FaultRuleInput, number, string, string]>([
    [
      'throttle',
      { kind: 'throttle', provider: 'gcp', service: 'compute', retryAfterSeconds: 5 },
      429,
      'RESOURCE_EXHAUSTED',
      'rateLimitExceeded',
    ],
    [
      'unavailable',
      { kind: 'unavailable', provider: 'gcp', service: 'compute' },
      503,
      'UNAVAILABLE',
      'backendError',
    ],
    [
      'denied',
      { kind: 'denied', provider: 'gcp', service: 'compute' },
      403,
      'PERMISSION_DENIED',
      'forbidden',
    ],
    [
      'region_down',
      { kind: 'region_down', provider: 'gcp', region: 'REGION' },
      503,
      'UNAVAILABLE',
      'backendError',
    ],
  ])(
    '%s surfaces as the HTTP status with the canonical status name',
    async (_kind, rule, status, canonical, legacyReason) => {
      emulator.faults.add(rule.region === 'REGION' ? { ...rule, region: instance.region } : rule);

      const failure = await failureOf(listZone());

      expect(failure).toMatchObject({ name: 'GaxiosError', status });
      expect(failure.body.error).toMatchObject({ code: status, status: canonical });
      expect(failure.body.error?.errors?.[0]?.reason).toBe(legacyReason);
      expect(emulator.journal.query({ operation: 'instances.list' }).at(-1)).toMatchObject({
        status,
        fault: rule.kind,
      });
    },
  );

  it('throttles with ErrorInfo RATE_LIMIT_EXCEEDED and RetryInfo, as Compute does', async () => {
    emulator.faults.add({ kind: 'throttle', provider: 'gcp', service: 'compute', retryAfterSeconds: 5 });

    const failure = await failureOf(listZone());

    expect(failure.body.error?.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
          reason: 'RATE_LIMIT_EXCEEDED',
        }),
        { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '5s' },
      ]),
    );
    expect(failure.body.error?.errors?.[0]).toMatchObject({
      domain: 'usageLimits',
      reason: 'rateLimitExceeded',
    });
  });

  it('serves truncated JSON for the malformed fault, which the client cannot parse', async () => {
    emulator.faults.add({ kind: 'malformed', provider: 'gcp', service: 'monitoring' });
    const client = new MetricServiceClient(gcpEmulatorClientOptions(emulator.endpoints.gcp));

    const failure = await failureOf(
      client.listTimeSeries(
        {
          name: `projects/${instance.account}`,
          filter: 'metric.type = "compute.googleapis.com/instance/cpu/utilization"',
          interval: { endTime: { seconds: Date.parse(ANCHOR) / 1000 } },
        },
        { ...gcpNoRetry(), autoPaginate: false },
      ),
    );

    expect(failure.name).toBe('SyntaxError');
    expect(emulator.journal.query({ operation: 'timeSeries.list' }).at(-1)).toMatchObject({
      status: 200,
      fault: 'malformed',
    });
  });

  it('adds latency without failing the call', async () => {
    emulator.faults.add({ kind: 'latency', provider: 'gcp', service: 'compute', latencyMs: 300 });
    const started = Date.now();

    const [instances] = await listZone();

    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(instances.map((item) => item.name)).toContain(instance.name);
  });
});

describe('injected faults through @google-cloud/storage', () => {
  it.each<[FaultRuleInput['kind'], number]>([
    ['throttle', 429],
    ['unavailable', 503],
    ['denied', 403],
  ])('%s surfaces as an ApiError with the HTTP status', async (kind, status) => {
    emulator.faults.add({ kind, provider: 'gcp', service: 'storage' });
    const storage = new Storage(gcpEmulatorStorageOptions(emulator.endpoints.gcp, instance.account));

    const failure = await failureOf(storage.getBuckets());

    expect(failure).toMatchObject({ name: 'ApiError', code: status });
  });
});

describe('mutating calls', () => {
  it('refuses instances.stop and instances.delete with 403 and journals them as mutating', async () => {
    const client = new InstancesClient(gcpEmulatorClientOptions(emulator.endpoints.gcp));
    const target = { project: instance.account, zone: instance.zone, instance: instance.name };
    const sinceSeq = emulator.journal.total();

    const stop = await failureOf(client.stop(target, gcpNoRetry()));
    const remove = await failureOf(client.delete(target, gcpNoRetry()));

    for (const failure of [stop, remove]) {
      expect(failure).toMatchObject({ name: 'GaxiosError', status: 403 });
      expect(failure.body.error).toMatchObject({ status: 'PERMISSION_DENIED' });
    }
    expect(
      emulator.journal
        .query({ mutating: true, sinceSeq })
        .map((entry) => [entry.service, entry.operation, entry.status, entry.region]),
    ).toEqual([
      ['compute', 'instances.stop', 403, instance.region],
      ['compute', 'instances.delete', 403, instance.region],
    ]);
  });

  it('refuses a bucket delete with ApiError 403', async () => {
    const bucket = estate.buckets.find((item) => item.provider === 'gcp')!;
    const storage = new Storage(gcpEmulatorStorageOptions(emulator.endpoints.gcp, bucket.account));
    const sinceSeq = emulator.journal.total();

    const failure = await failureOf(storage.bucket(bucket.name).delete());

    expect(failure).toMatchObject({ name: 'ApiError', code: 403 });
    expect(emulator.journal.query({ mutating: true, sinceSeq })).toMatchObject([
      { service: 'storage', operation: 'buckets.delete', account: bucket.account, status: 403 },
    ]);
  });
});
