import {
  DisksClient,
  InstancesClient,
  ProjectsClient,
  RegionsClient,
  ZonesClient,
  type protos,
} from '@google-cloud/compute';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateEstate } from '../estate/generate-estate.js';
import type { Estate, EstateAccount, EstateInstance } from '../estate/model.js';
import { startEmulator, type RunningEmulator } from '../server/start-emulator.js';
import { gcpEmulatorClientOptions } from './gcp-test-client-options.js';

const ANCHOR = '2026-11-20T00:00:00.000Z';

let estate: Estate;
let emulator: RunningEmulator;
let projects: EstateAccount[];

beforeAll(async () => {
  estate = generateEstate({ seed: 7, size: 'small', anchorTime: ANCHOR });
  projects = estate.accounts.filter((account) => account.provider === 'gcp');
  emulator = await startEmulator({ estate, pageSizeCaps: { gcp: 10 } });
});

afterAll(async () => {
  await emulator.close();
});

const options = () => gcpEmulatorClientOptions(emulator.endpoints.gcp);
const instancesOf = (project: string): EstateInstance[] =>
  estate.instances.filter((instance) => instance.provider === 'gcp' && instance.account === project);

async function aggregatedInstances(
  project: string,
  filter?: string,
): Promise<protos.google.cloud.compute.v1.IInstance[]> {
  const client = new InstancesClient(options());
  const found: protos.google.cloud.compute.v1.IInstance[] = [];
  for await (const [, scoped] of client.aggregatedListAsync({
    project,
    ...(filter === undefined ? {} : { filter }),
  })) {
    found.push(...(scoped.instances ?? []));
  }
  return found;
}

async function firstOf<T>(items: AsyncIterable<T>): Promise<T | undefined> {
  for await (const item of items) return item;
  return undefined;
}

/** Compute errors surface from gax 5's REST transport as GaxiosError with the HTTP status. */
async function httpStatusOf(call: Promise<unknown>): Promise<{ status: unknown; message: string }> {
  try {
    await call;
  } catch (error) {
    return { status: (error as { status?: unknown }).status, message: (error as Error).message };
  }
  throw new Error('expected the call to fail');
}

describe('instances.aggregatedList', () => {
  it('returns every instance of every project, page after page', async () => {
    for (const project of projects) {
      const sinceSeq = emulator.journal.total();

      const found = await aggregatedInstances(project.id);

      expect(found.map((instance) => instance.id).sort()).toEqual(
        instancesOf(project.id)
          .map((instance) => instance.id)
          .sort(),
      );
      const pages = emulator.journal.query({ operation: 'instances.aggregatedList', sinceSeq });
      expect(pages.length).toBe(Math.max(1, Math.ceil(found.length / 10)));
      expect(pages.every((entry) => entry.account === project.id && entry.status === 200)).toBe(true);
    }
    expect(instancesOf(projects[1]!.id).length).toBeGreaterThan(20);
  });

  it('keys scopes by zone and marks empty zones with NO_RESULTS_ON_PAGE', async () => {
    const response = await fetch(
      `${emulator.endpoints.gcp}/compute/v1/projects/${projects[0]!.id}/aggregated/instances?maxResults=1`,
    );
    const body = (await response.json()) as {
      items: Record<string, { instances?: unknown[]; warning?: { code: string } }>;
      nextPageToken?: string;
    };

    const scopes = Object.entries(body.items);
    expect(scopes.filter(([, scoped]) => scoped.instances !== undefined)).toHaveLength(1);
    expect(scopes.filter(([, scoped]) => scoped.warning?.code === 'NO_RESULTS_ON_PAGE').length).toBe(
      scopes.length - 1,
    );
    expect(scopes.every(([key]) => /^zones\/[a-z]+-[a-z]+\d-[a-z]$/.test(key))).toBe(true);
    expect(body.nextPageToken).toEqual(expect.any(String));
  });

  it.each([
    ['status = RUNNING', (instance: EstateInstance) => instance.state === 'RUNNING'],
    ['status != TERMINATED', (instance: EstateInstance) => instance.state !== 'TERMINATED'],
    ['labels.env = prod', (instance: EstateInstance) => instance.tags.env === 'prod'],
    ['name = web-*', (instance: EstateInstance) => instance.name.startsWith('web-')],
    [
      '(status = RUNNING) (labels.team = platform)',
      (instance: EstateInstance) => instance.state === 'RUNNING' && instance.tags.team === 'platform',
    ],
    ['labels.owner:*', (instance: EstateInstance) => instance.tags.owner !== undefined],
    ['name eq .*-prod-[0-9]+', (instance: EstateInstance) => /^.*-prod-[0-9]+$/.test(instance.name)],
  ])('filters with %s', async (filter, expected) => {
    const project = projects[1]!.id;

    const found = await aggregatedInstances(project, filter);

    expect(found.map((instance) => instance.name).sort()).toEqual(
      instancesOf(project)
        .filter(expected)
        .map((instance) => instance.name)
        .sort(),
    );
  });

  it('refuses a filter outside the supported syntax with 400', async () => {
    const client = new InstancesClient(options());

    const failure = await httpStatusOf(
      firstOf(client.aggregatedListAsync({ project: projects[0]!.id, filter: 'status = ' })),
    );

    expect(failure.status).toBe(400);
    expect(failure.message).toContain('INVALID_ARGUMENT');
  });

  it('answers 403 PERMISSION_DENIED for a project the caller cannot see', async () => {
    const client = new InstancesClient(options());

    const failure = await httpStatusOf(firstOf(client.aggregatedListAsync({ project: 'not-a-project-1' })));

    expect(failure.status).toBe(403);
    expect(failure.message).toContain(
      "Required 'compute.instances.list' permission for 'projects/not-a-project-1'",
    );
  });
});

describe('instances.list and instances.get', () => {
  it('lists one zone and gets one instance with the estate values in Compute shape', async () => {
    const running = instancesOf(projects[1]!.id).find(
      (instance) => instance.state === 'RUNNING' && instance.publicIp !== undefined,
    )!;
    const client = new InstancesClient(options());
    const zoneIds: string[] = [];
    for await (const instance of client.listAsync({ project: running.account, zone: running.zone }))
      zoneIds.push(String(instance.id));

    const [got] = await client.get({ project: running.account, zone: running.zone, instance: running.name });

    expect(zoneIds.sort()).toEqual(
      instancesOf(running.account)
        .filter((instance) => instance.zone === running.zone)
        .map((instance) => instance.id)
        .sort(),
    );
    const zoneUrl = `https://www.googleapis.com/compute/v1/projects/${running.account}/zones/${running.zone}`;
    expect(got).toMatchObject({
      kind: 'compute#instance',
      id: running.id,
      name: running.name,
      status: 'RUNNING',
      zone: zoneUrl,
      machineType: `${zoneUrl}/machineTypes/${running.type}`,
      selfLink: `${zoneUrl}/instances/${running.name}`,
      labels: running.tags,
    });
    expect(Date.parse(got.creationTimestamp!)).toBe(Date.parse(running.createdTime));
    expect(got.creationTimestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}-0[78]:00$/);
    expect(Date.parse(got.lastStartTimestamp!)).toBe(Date.parse(running.launchTime));
    expect(got.networkInterfaces?.[0]?.networkIP).toBe(running.privateIp);
    expect(got.networkInterfaces?.[0]?.accessConfigs?.[0]?.natIP).toBe(running.publicIp);
    expect(got.disks?.[0]).toMatchObject({ boot: true });
    expect(got.disks?.map((disk) => disk.source?.split('/').at(-1))).toEqual(
      running.volumeIds.map((id) => estate.volumes.find((volume) => volume.id === id)!.name),
    );
    expect(got.cpuPlatform).toMatch(/^(Intel|AMD) /);
  });

  it('reports lastStopTimestamp for a TERMINATED instance', async () => {
    const stopped = estate.instances.find(
      (instance) => instance.provider === 'gcp' && instance.state === 'TERMINATED',
    )!;
    const client = new InstancesClient(options());

    const [got] = await client.get({ project: stopped.account, zone: stopped.zone, instance: stopped.name });

    expect(got.status).toBe('TERMINATED');
    expect(Date.parse(got.lastStopTimestamp!)).toBeGreaterThanOrEqual(Date.parse(stopped.launchTime));
    expect(Date.parse(got.lastStopTimestamp!)).toBeLessThanOrEqual(Date.parse(ANCHOR));
  });

  it('answers 404 for an instance that does not exist', async () => {
    const client = new InstancesClient(options());

    const failure = await httpStatusOf(
      client.get({ project: projects[0]!.id, zone: 'us-central1-a', instance: 'no-such-vm' }),
    );

    expect(failure.status).toBe(404);
    expect(failure.message).toContain("The resource 'projects/");
  });
});

describe('disks, zones, regions, projects', () => {
  it('aggregates every disk with size, type, users and customer-managed keys', async () => {
    const project = projects[1]!.id;
    const client = new DisksClient(options());
    const disks: protos.google.cloud.compute.v1.IDisk[] = [];

    for await (const [, scoped] of client.aggregatedListAsync({ project }))
      disks.push(...(scoped.disks ?? []));

    const expected = estate.volumes.filter(
      (volume) => volume.provider === 'gcp' && volume.account === project,
    );
    expect(disks.map((disk) => disk.id).sort()).toEqual(expected.map((volume) => volume.id).sort());
    for (const volume of expected) {
      const disk = disks.find((candidate) => candidate.id === volume.id)!;
      expect(disk.sizeGb).toBe(String(volume.sizeGb));
      expect(disk.type?.endsWith(`/diskTypes/${volume.volumeType}`)).toBe(true);
      expect(disk.status).toBe('READY');
      expect(disk.diskEncryptionKey?.kmsKeyName ?? undefined).toBe(
        volume.kmsKeyId === undefined ? undefined : `${volume.kmsKeyId}/cryptoKeyVersions/1`,
      );
      expect((disk.users ?? []).length).toBe(volume.attachedTo === undefined ? 0 : 1);
    }
  });

  it('lists zones and regions, all UP, regions naming their zones', async () => {
    const project = projects[0]!.id;
    const zones: protos.google.cloud.compute.v1.IZone[] = [];
    const regions: protos.google.cloud.compute.v1.IRegion[] = [];

    for await (const zone of new ZonesClient(options()).listAsync({ project })) zones.push(zone);
    for await (const region of new RegionsClient(options()).listAsync({ project })) regions.push(region);

    const known = estate.regions.filter((region) => region.provider === 'gcp');
    expect(zones.map((zone) => zone.name).sort()).toEqual(known.flatMap((region) => region.zones).sort());
    expect(regions.map((region) => region.name).sort()).toEqual(known.map((region) => region.name).sort());
    expect([...zones, ...regions].every((item) => item.status === 'UP')).toBe(true);
    const first = regions[0]!;
    expect(first.zones?.map((url) => url.split('/').at(-1)).sort()).toEqual(
      [...known.find((region) => region.name === first.name)!.zones].sort(),
    );
  });

  it('gets the project with its number', async () => {
    const project = projects[0]!;

    const [got] = await new ProjectsClient(options()).get({ project: project.id });

    expect(got).toMatchObject({ kind: 'compute#project', name: project.id, id: project.number });
  });
});
