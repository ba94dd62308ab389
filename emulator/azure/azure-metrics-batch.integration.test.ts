import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isRestError, type RestError } from '@azure/core-rest-pipeline';
import { aggregateMetric } from '../estate/metrics.js';
import { generateEstate } from '../estate/generate-estate.js';
import type { Estate, EstateInstance } from '../estate/model.js';
import { startEmulator, type RunningEmulator } from '../server/start-emulator.js';
import { createAzureTestClients, type AzureTestClients } from './create-azure-test-clients.js';

const ANCHOR = '2026-11-20T00:00:00.000Z';
const ANCHOR_MS = Date.parse(ANCHOR);
const HOUR_MS = 3_600_000;
const NAMESPACE = 'Microsoft.Compute/virtualMachines';

async function failure(promise: Promise<unknown>): Promise<RestError> {
  try {
    await promise;
  } catch (error) {
    if (isRestError(error)) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('Azure Monitor metrics:getBatch with the official SDK (@azure/monitor-query-metrics)', () => {
  let estate: Estate;
  let emulator: RunningEmulator;
  let clients: AzureTestClients;
  /** VMs of one subscription and region, running for the whole day before the anchor. */
  let group: EstateInstance[];
  /** A VM of the same subscription in another region. */
  let elsewhere: EstateInstance;

  beforeAll(async () => {
    estate = generateEstate({ seed: 7, size: 'small', anchorTime: ANCHOR });
    emulator = await startEmulator({ estate });
    clients = createAzureTestClients(emulator.endpoints.azure);
    const running = estate.instances.filter(
      (instance) =>
        instance.provider === 'azure' && Date.parse(instance.createdTime) < ANCHOR_MS - 24 * HOUR_MS,
    );
    const first = running[0]!;
    group = running.filter((i) => i.account === first.account && i.region === first.region).slice(0, 5);
    elsewhere = running.find((i) => i.account === first.account && i.region !== first.region)!;
  });

  afterEach(() => {
    emulator.faults.clear();
  });

  afterAll(async () => {
    await emulator.close();
  });

  it('returns, per VM, the values Metrics_List returns, in one journaled Metrics_Batch call', async () => {
    const startMs = ANCHOR_MS - 3 * HOUR_MS;
    const since = emulator.journal.query().at(-1)?.seq ?? 0;

    const results = await clients.metrics.queryResources(
      group.map((i) => i.id),
      ['Percentage CPU', 'Available Memory Percentage'],
      NAMESPACE,
      {
        startTime: new Date(startMs),
        endTime: new Date(ANCHOR_MS),
        interval: 'PT5M',
        aggregation: 'average,count,maximum',
      },
    );

    expect(results.map((r) => r.resourceId)).toEqual(group.map((i) => i.id));
    for (const [index, instance] of group.entries()) {
      const result = results[index]!;
      expect(result.resourceRegion).toBe(instance.region);
      expect(result.granularity).toBe('PT5M');
      expect(result.timespan).toEqual({ startTime: new Date(startMs), endTime: new Date(ANCHOR_MS) });
      const cpu = result.getMetricByName('Percentage CPU')!;
      expect(cpu).toMatchObject({ unit: 'Percent', errorCode: 'Success' });
      const data = cpu.timeseries[0]!.data!;
      const averages = aggregateMetric(instance.metrics.cpu, startMs, ANCHOR_MS, 300, 'Average');
      const maxima = aggregateMetric(instance.metrics.cpu, startMs, ANCHOR_MS, 300, 'Maximum');
      expect(data.map((p) => p.timeStamp.getTime())).toEqual(averages.map((p) => p.timestamp));
      expect(data.map((p) => p.average)).toEqual(averages.map((p) => p.value));
      expect(data.map((p) => p.maximum)).toEqual(maxima.map((p) => p.value));
      expect(data.every((p) => p.count === 5)).toBe(true);
      // Memory is published as available: 100 − used.
      const memory = result.getMetricByName('Available Memory Percentage')!.timeseries[0]!.data!;
      const used = aggregateMetric(instance.metrics.memory, startMs, ANCHOR_MS, 300, 'Average');
      expect(memory.map((p) => p.average)).toEqual(used.map((p) => Math.round((100 - p.value) * 1e6) / 1e6));
    }
    // Same numbers as the per-resource API.
    const single = await clients.monitor(group[0]!.account).metrics.list(group[0]!.id, {
      metricnames: 'Percentage CPU',
      timespan: `${new Date(startMs).toISOString()}/${ANCHOR}`,
      interval: 'PT5M',
      aggregation: 'average,count,maximum',
    });
    expect(results[0]!.getMetricByName('Percentage CPU')!.timeseries[0]!.data).toEqual(
      single.value[0]!.timeseries[0]!.data,
    );
    const batches = emulator.journal.query({ operation: 'Metrics_Batch', sinceSeq: since });
    expect(batches).toHaveLength(1);
    expect(batches[0]).toMatchObject({
      provider: 'azure',
      service: 'Microsoft.Insights',
      account: group[0]!.account,
      region: group[0]!.region,
      method: 'POST',
      status: 200,
      mutating: false,
    });
  });

  it('answers a VM the estate does not have with ResourceNotFound metrics and serves the rest', async () => {
    const missing = `${group[0]!.id}-deleted`;

    const results = await clients.metrics.queryResources(
      [group[0]!.id, missing],
      ['Percentage CPU'],
      NAMESPACE,
      { startTime: new Date(ANCHOR_MS - HOUR_MS), endTime: new Date(ANCHOR_MS), interval: 'PT1H' },
    );

    expect(results).toHaveLength(2);
    expect(results[0]!.metrics[0]!.errorCode).toBe('Success');
    expect(results[0]!.metrics[0]!.timeseries[0]!.data).toHaveLength(1);
    expect(results[1]!.resourceId).toBe(missing);
    expect(results[1]!.metrics[0]).toMatchObject({ errorCode: 'ResourceNotFound', timeseries: [] });
  });

  it('refuses more than 50 distinct resource ids with 400 BadRequest', async () => {
    const ids = Array.from({ length: 51 }, (_, n) => `${group[0]!.id}-${n}`);

    const error = await failure(clients.metrics.queryResources(ids, ['Percentage CPU'], NAMESPACE));

    expect(error.statusCode).toBe(400);
    expect(error.code).toBe('BadRequest');
    expect(error.message).toContain('exceeds the maximum of 50');
    // 50 distinct ids, each twice, are one batch of 50.
    const twice = ids.slice(0, 50).flatMap((id) => [id, id.toUpperCase()]);
    const results = await clients.metrics.queryResources(twice, ['Percentage CPU'], NAMESPACE);
    expect(results).toHaveLength(50);
  });

  it('refuses VMs of two regions with 400 BadRequest', async () => {
    const error = await failure(
      clients.metrics.queryResources([group[0]!.id, elsewhere.id], ['Percentage CPU'], NAMESPACE),
    );

    expect(error.statusCode).toBe(400);
    expect(error.code).toBe('BadRequest');
    expect(error.message).toContain('same region');
  });

  it('refuses an unknown metric, a foreign namespace and a resource of another subscription', async () => {
    const unknown = await failure(clients.metrics.queryResources([group[0]!.id], ['Disk Magic'], NAMESPACE));
    const namespace = await failure(
      clients.metrics.queryResources([group[0]!.id], ['Percentage CPU'], 'Microsoft.Storage/storageAccounts'),
    );
    const other = estate.accounts.find((a) => a.provider === 'azure' && a.id !== group[0]!.account)!;
    const foreign = await failure(
      clients.metrics.queryResources(
        [group[0]!.id, group[1]!.id.replace(group[1]!.account, other.id)],
        ['Percentage CPU'],
        NAMESPACE,
      ),
    );

    expect(unknown).toMatchObject({ statusCode: 400, code: 'BadRequest' });
    expect(unknown.message).toContain('Failed to find metric configuration');
    expect(namespace).toMatchObject({ statusCode: 400, code: 'BadRequest' });
    expect(foreign).toMatchObject({ statusCode: 400, code: 'BadRequest' });
  });

  it('answers 404 SubscriptionNotFound and needs the api-version', async () => {
    const url = `${emulator.endpoints.azure}/subscriptions/${group[0]!.account}/metrics:getBatch?metricnamespace=${NAMESPACE}`;
    const body = JSON.stringify({ resourceids: [group[0]!.id] });

    const noVersion = await fetch(url, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json' },
    });
    const noSubscription = await fetch(
      url.replace(group[0]!.account, '00000000-0000-0000-0000-000000000000') + '&api-version=2024-02-01',
      { method: 'POST', body, headers: { 'content-type': 'application/json' } },
    );
    const badBody = await fetch(`${url}&api-version=2024-02-01`, {
      method: 'POST',
      body: JSON.stringify({ resourceIds: [group[0]!.id] }),
      headers: { 'content-type': 'application/json' },
    });

    expect(noVersion.status).toBe(400);
    expect(((await noVersion.json()) as { error: { code: string } }).error.code).toBe(
      'MissingApiVersionParameter',
    );
    expect(noSubscription.status).toBe(404);
    expect(((await noSubscription.json()) as { error: { code: string } }).error.code).toBe(
      'SubscriptionNotFound',
    );
    expect(badBody.status).toBe(400);
  });

  it('applies faults to Metrics_Batch like any other call', async () => {
    emulator.faults.add({
      kind: 'throttle',
      provider: 'azure',
      operation: 'Metrics_Batch',
      retryAfterSeconds: 3,
    });

    const error = await failure(
      clients.metrics.queryResources([group[0]!.id], ['Percentage CPU'], NAMESPACE),
    );

    expect(error.statusCode).toBe(429);
    expect(error.code).toBe('TooManyRequests');
    expect(error.response?.headers.get('retry-after')).toBe('3');
    expect(emulator.journal.query({ operation: 'Metrics_Batch' }).at(-1)).toMatchObject({
      status: 429,
      fault: 'throttle',
    });
  });
});
