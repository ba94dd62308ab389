import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isRestError } from '@azure/core-rest-pipeline';
import { aggregateMetric } from '../estate/metrics.js';
import { generateEstate } from '../estate/generate-estate.js';
import type { Estate, EstateInstance } from '../estate/model.js';
import { startEmulator, type RunningEmulator } from '../server/start-emulator.js';
import { createAzureTestClients, type AzureTestClients } from './create-azure-test-clients.js';

const ANCHOR = '2026-11-20T00:00:00.000Z';
const ANCHOR_MS = Date.parse(ANCHOR);
const PAGE_SIZE = 5;

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

function isoSeconds(epochMs: number): string {
  return new Date(epochMs).toISOString().replace('.000Z', 'Z');
}

describe('Azure Monitor metrics and Activity Log with the official SDK', () => {
  let estate: Estate;
  let emulator: RunningEmulator;
  let clients: AzureTestClients;
  let vm: EstateInstance;

  beforeAll(async () => {
    estate = generateEstate({ seed: 7, size: 'small', anchorTime: ANCHOR });
    emulator = await startEmulator({ estate, pageSizeCaps: { azure: PAGE_SIZE } });
    clients = createAzureTestClients(emulator.endpoints.azure);
    // A VM of the busiest subscription, so the Activity Log spans several pages whatever the seed draws.
    const perAccount = new Map<string, number>();
    for (const event of estate.auditEvents) {
      if (event.provider === 'azure') perAccount.set(event.account, (perAccount.get(event.account) ?? 0) + 1);
    }
    const busiest = [...perAccount.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
    vm = estate.instances.find(
      (instance) =>
        instance.provider === 'azure' &&
        instance.account === busiest &&
        Date.parse(instance.createdTime) < ANCHOR_MS - 86_400_000,
    )!;
  });

  afterAll(async () => {
    await emulator.close();
  });

  it('returns Percentage CPU equal to aggregateMetric for every requested aggregation', async () => {
    const startMs = ANCHOR_MS - 3 * 3_600_000;
    const monitor = clients.monitor(vm.account);

    const response = await monitor.metrics.list(vm.id, {
      metricnames: 'Percentage CPU',
      timespan: `${new Date(startMs).toISOString()}/${ANCHOR}`,
      interval: 'PT5M',
      aggregation: 'Average,Maximum,Minimum,Count',
    });

    const metric = response.value[0]!;
    expect(metric).toMatchObject({
      type: 'Microsoft.Insights/metrics',
      unit: 'Percent',
      name: { value: 'Percentage CPU' },
    });
    expect(response.namespace).toBe('Microsoft.Compute/virtualMachines');
    expect(response.resourceregion).toBe(vm.region);
    const data = metric.timeseries[0]!.data!;
    const averages = aggregateMetric(vm.metrics.cpu, startMs, ANCHOR_MS, 300, 'Average');
    const maxima = aggregateMetric(vm.metrics.cpu, startMs, ANCHOR_MS, 300, 'Maximum');
    const minima = aggregateMetric(vm.metrics.cpu, startMs, ANCHOR_MS, 300, 'Minimum');
    expect(data).toHaveLength(36);
    expect(data.map((point) => point.timeStamp.toISOString())).toEqual(
      averages.map((point) => new Date(point.timestamp).toISOString()),
    );
    expect(data.map((point) => point.average)).toEqual(averages.map((point) => point.value));
    expect(data.map((point) => point.maximum)).toEqual(maxima.map((point) => point.value));
    expect(data.map((point) => point.minimum)).toEqual(minima.map((point) => point.value));
    expect(data.every((point) => point.count === 5)).toBe(true);
  });

  it('returns several metrics in request order, network totals in bytes per minute', async () => {
    const startMs = ANCHOR_MS - 3_600_000;
    const monitor = clients.monitor(vm.account);

    const response = await monitor.metrics.list(vm.id, {
      metricnames: 'Network In Total,Percentage CPU,Available Memory Bytes',
      timespan: `${isoSeconds(startMs)}/${isoSeconds(ANCHOR_MS)}`,
      interval: 'PT1H',
      aggregation: 'Total,Average',
    });

    expect(response.value.map((metric) => metric.name.value)).toEqual([
      'Network In Total',
      'Percentage CPU',
      'Available Memory Bytes',
    ]);
    expect(response.value.map((metric) => metric.unit)).toEqual(['Bytes', 'Percent', 'Bytes']);
    const network = response.value[0]!.timeseries[0]!.data![0]!;
    const sum = aggregateMetric(vm.metrics.networkIn, startMs, ANCHOR_MS, 3600, 'Sum')[0]!.value;
    expect(network.total).toBeCloseTo(sum * 60, 3);
    expect(response.timespan).toBe(`${isoSeconds(startMs)}/${isoSeconds(ANCHOR_MS)}`);
  });

  it('rejects an unknown metric name with the flat Insights 400', async () => {
    const monitor = clients.monitor(vm.account);

    const error: unknown = await monitor.metrics
      .list(vm.id, { metricnames: 'Disk Magic' })
      .catch((caught: unknown) => caught);

    expect(isRestError(error)).toBe(true);
    expect(error).toMatchObject({ statusCode: 400, code: 'BadRequest' });
    expect((error as Error).message).toContain('Failed to find metric configuration');
  });

  it('lists Activity Log events newest first, paged, filtered by time and resource group', async () => {
    const events = estate.auditEvents.filter(
      (event) => event.provider === 'azure' && event.account === vm.account,
    );
    const startMs = ANCHOR_MS - 60 * 86_400_000;
    const inWindow = events.filter(
      (event) => Date.parse(event.time) >= startMs && Date.parse(event.time) <= ANCHOR_MS,
    );
    const monitor = clients.monitor(vm.account);
    const filter = `eventTimestamp ge '${new Date(startMs).toISOString()}' and eventTimestamp le '${ANCHOR}'`;

    const listed = await collect(monitor.activityLogs.list(filter));
    const pages = await collect(monitor.activityLogs.list(filter).byPage());
    const group = inWindow[0]!.resourceGroup!;
    const inGroup = await collect(monitor.activityLogs.list(`${filter} and resourceGroupName eq '${group}'`));

    expect(inWindow.length).toBeGreaterThan(PAGE_SIZE * 3);
    expect(listed.map((event) => event.eventDataId).sort()).toEqual(inWindow.map((event) => event.id).sort());
    expect(pages.length).toBe(Math.ceil(inWindow.length / PAGE_SIZE));
    const times = listed.map((event) => event.eventTimestamp!.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(inGroup.map((event) => event.eventDataId).sort()).toEqual(
      inWindow
        .filter((event) => event.resourceGroup === group)
        .map((event) => event.id)
        .sort(),
    );
    const first = listed.find((event) => event.eventDataId === inWindow[0]!.id)!;
    expect(first).toMatchObject({
      caller: inWindow[0]!.actor,
      resourceId: inWindow[0]!.resourceId,
      operationName: { value: inWindow[0]!.operation },
      category: { value: 'Administrative' },
      status: { value: 'Succeeded' },
      level: 'Informational',
      subscriptionId: vm.account,
    });
  });

  it('keeps only $select fields and rejects a filter without the start time', async () => {
    const monitor = clients.monitor(vm.account);
    const filter = `eventTimestamp ge '${new Date(ANCHOR_MS - 30 * 86_400_000).toISOString()}'`;

    const selected = await collect(
      monitor.activityLogs.list(filter, { select: 'eventName,operationName,eventTimestamp' }),
    );
    const missing: unknown = await collect(monitor.activityLogs.list(`resourceGroupName eq 'x'`)).catch(
      (caught: unknown) => caught,
    );
    const tooOld: unknown = await collect(
      monitor.activityLogs.list(
        `eventTimestamp ge '${new Date(ANCHOR_MS - 120 * 86_400_000).toISOString()}'`,
      ),
    ).catch((caught: unknown) => caught);

    expect(selected.length).toBeGreaterThan(0);
    expect(
      selected.every((event) => event.caller === undefined && event.operationName?.value !== undefined),
    ).toBe(true);
    expect(missing).toMatchObject({ statusCode: 400, code: 'BadRequest' });
    expect(tooOld).toMatchObject({ statusCode: 400, code: 'BadRequest' });
  });
});
