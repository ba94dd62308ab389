import { v2 as functionsV2 } from '@google-cloud/functions';
import { SqlInstancesServiceClient } from '@google-cloud/sql';
import { Storage } from '@google-cloud/storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateEstate } from '../estate/generate-estate.js';
import type { Estate, EstateAccount } from '../estate/model.js';
import { startEmulator, type RunningEmulator } from '../server/start-emulator.js';
import { gcpEmulatorClientOptions, gcpEmulatorStorageOptions } from './gcp-test-client-options.js';

const ANCHOR = '2026-11-20T00:00:00.000Z';
/** Small pages, so that every list below takes several round trips. */
const PAGE_CAP = 5;

let estate: Estate;
let emulator: RunningEmulator;
let projects: EstateAccount[];

beforeAll(async () => {
  // `medium` holds enough functions, Cloud SQL instances and buckets per project for several pages.
  estate = generateEstate({ seed: 7, size: 'medium', anchorTime: ANCHOR });
  projects = estate.accounts.filter((account) => account.provider === 'gcp');
  emulator = await startEmulator({ estate, pageSizeCaps: { gcp: PAGE_CAP } });
});

afterAll(async () => {
  await emulator.close();
});

const options = () => gcpEmulatorClientOptions(emulator.endpoints.gcp);

describe('Cloud Functions v2 functions.list', () => {
  it('lists every function of a project across locations (-), page after page', async () => {
    const project = projects.reduce((best, candidate) =>
      estate.functions.filter((item) => item.account === candidate.id).length >
      estate.functions.filter((item) => item.account === best.id).length
        ? candidate
        : best,
    );
    const expected = estate.functions.filter(
      (item) => item.provider === 'gcp' && item.account === project.id,
    );
    const client = new functionsV2.FunctionServiceClient(options());
    const sinceSeq = emulator.journal.total();
    const names: string[] = [];

    for await (const item of client.listFunctionsAsync({ parent: `projects/${project.id}/locations/-` }))
      names.push(item.name!);

    expect(names.sort()).toEqual(expected.map((item) => item.id).sort());
    expect(emulator.journal.query({ operation: 'functions.list', sinceSeq }).length).toBe(
      Math.ceil(expected.length / PAGE_CAP),
    );
    expect(expected.length).toBeGreaterThan(2 * PAGE_CAP);
  });

  it('renders state, runtime, entry point, memory and GEN_2, and lists one location only', async () => {
    const sample = estate.functions.find((item) => item.provider === 'gcp')!;
    const client = new functionsV2.FunctionServiceClient(options());
    const found: string[] = [];

    for await (const item of client.listFunctionsAsync({
      parent: `projects/${sample.account}/locations/${sample.region}`,
    }))
      found.push(item.name!);
    const [got] = await client.getFunction({ name: sample.id });

    expect(found.sort()).toEqual(
      estate.functions
        .filter((item) => item.account === sample.account && item.region === sample.region)
        .map((item) => item.id)
        .sort(),
    );
    expect(got).toMatchObject({
      name: sample.id,
      state: sample.state,
      environment: 'GEN_2',
      buildConfig: { runtime: sample.runtime, entryPoint: sample.handler },
      serviceConfig: { timeoutSeconds: sample.timeoutSeconds },
    });
    expect(got.serviceConfig?.availableMemory).toMatch(
      new RegExp(`^(${sample.memoryMb}M|${sample.memoryMb / 1024}Gi)$`),
    );
    expect(Number(got.updateTime?.seconds) * 1000).toBe(
      Math.floor(Date.parse(sample.lastModified) / 1000) * 1000,
    );
  });

  it('sends enum numbers to clients that ask for them, names to others', async () => {
    const sample = estate.functions.find((item) => item.provider === 'gcp')!;
    const base = `${emulator.endpoints.gcp}/v2/${sample.id}`;

    const byName = (await (await fetch(base)).json()) as { state: unknown; environment: unknown };
    const byNumber = (await (await fetch(`${base}?$alt=json%3Benum-encoding%3Dint`)).json()) as {
      state: unknown;
      environment: unknown;
    };

    expect(byName).toMatchObject({ state: sample.state, environment: 'GEN_2' });
    expect(byNumber).toMatchObject({
      state: { ACTIVE: 1, FAILED: 2, DEPLOYING: 3 }[sample.state],
      environment: 2,
    });
  });
});

describe('Cloud SQL Admin v1 instances.list', () => {
  it('pages through every instance of a project with pageToken', async () => {
    const project = projects.reduce((best, candidate) =>
      estate.databases.filter((item) => item.account === candidate.id).length >
      estate.databases.filter((item) => item.account === best.id).length
        ? candidate
        : best,
    );
    const expected = estate.databases.filter(
      (item) => item.provider === 'gcp' && item.account === project.id,
    );
    const client = new SqlInstancesServiceClient(options());
    const names: string[] = [];
    let pageToken: string | undefined;
    let pages = 0;

    do {
      const [response] = await client.list({
        project: project.id,
        ...(pageToken === undefined ? {} : { pageToken }),
      });
      names.push(...(response.items ?? []).map((item) => item.name!));
      pageToken = response.nextPageToken || undefined;
      pages++;
    } while (pageToken !== undefined);

    expect(names.sort()).toEqual(expected.map((item) => item.name).sort());
    expect(pages).toBe(Math.ceil(expected.length / PAGE_CAP));
    expect(pages).toBeGreaterThanOrEqual(3);
  });

  it('renders version, tier, availability, public IP and the stopped state the Cloud SQL way', async () => {
    const client = new SqlInstancesServiceClient(options());
    const all = estate.databases.filter((item) => item.provider === 'gcp');
    // Cloud SQL names are unique per project; the generator may repeat one across regions, and
    // `instances.get` can only name one of them.
    const unique = all.filter(
      (item) =>
        all.filter((other) => other.account === item.account && other.name === item.name).length === 1,
    );
    for (const database of unique.slice(0, 12)) {
      const [got] = await client.get({ project: database.account, instance: database.name });

      expect(got).toMatchObject({
        name: database.name,
        databaseVersion: database.engine,
        region: database.region,
        gceZone: database.zone,
        state: database.status === 'STOPPED' ? 'RUNNABLE' : database.status,
        settings: {
          tier: database.instanceClass,
          availabilityType: database.multiAz ? 'REGIONAL' : 'ZONAL',
          activationPolicy: database.status === 'STOPPED' ? 'NEVER' : 'ALWAYS',
          ipConfiguration: { ipv4Enabled: { value: database.publiclyAccessible } },
          dataDiskSizeGb: { value: String(database.storageGb) },
        },
      });
      expect(got.ipAddresses?.[0]?.type).toBe(database.publiclyAccessible ? 'PRIMARY' : 'PRIVATE');
    }
  });
});

describe('Cloud Storage buckets.list', () => {
  it('lists every bucket of each project with autoPaginate', async () => {
    for (const project of projects) {
      const storage = new Storage(gcpEmulatorStorageOptions(emulator.endpoints.gcp, project.id));
      const sinceSeq = emulator.journal.total();

      const [buckets] = await storage.getBuckets({ autoPaginate: true });

      const expected = estate.buckets.filter(
        (item) => item.provider === 'gcp' && item.account === project.id,
      );
      expect(buckets.map((bucket) => bucket.name).sort()).toEqual(expected.map((item) => item.name).sort());
      expect(emulator.journal.query({ operation: 'buckets.list', sinceSeq }).length).toBe(
        Math.max(1, Math.ceil(expected.length / PAGE_CAP)),
      );
    }
  });

  it('renders location, class, versioning and public access prevention', async () => {
    const bucket = estate.buckets.find((item) => item.provider === 'gcp')!;
    const storage = new Storage(gcpEmulatorStorageOptions(emulator.endpoints.gcp, bucket.account));

    const [metadata] = await storage.bucket(bucket.name).getMetadata();

    expect(metadata).toMatchObject({
      kind: 'storage#bucket',
      name: bucket.name,
      location: bucket.region.toUpperCase(),
      storageClass: bucket.storageClass,
      versioning: { enabled: bucket.versioning },
      iamConfiguration: { publicAccessPrevention: bucket.publicAccess ? 'inherited' : 'enforced' },
      projectNumber: projects.find((project) => project.id === bucket.account)!.number,
    });
  });
});
