import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateEstate } from '../../emulator/estate/generate-estate.js';
import type { Estate } from '../../emulator/estate/model.js';
import { startEmulator, type RunningEmulator } from '../../emulator/server/start-emulator.js';
import { loadConfig } from '../../src/app/config/load-config.js';
import { createApp, type App } from '../../src/app/create-app.js';
import { TEST_ANCHOR, TEST_NOW } from './app-harness.js';

describe('sre ask across AWS, Azure and GCP, end to end against the emulator', () => {
  let emulator: RunningEmulator;
  let estate: Estate;
  let app: App;

  beforeAll(async () => {
    estate = generateEstate({ seed: 11, size: 'small', anchorTime: TEST_ANCHOR });
    emulator = await startEmulator({ estate, pageSizeCaps: { aws: 50, azure: 10, gcp: 10 } });
    const ids = (p: string) => estate.accounts.filter((a) => a.provider === p).map((a) => a.id);
    const awsRegions = [
      ...new Set(estate.accounts.filter((a) => a.provider === 'aws').flatMap((a) => a.regions)),
    ].sort();
    const config = loadConfig({
      env: {},
      overrides: {
        providers: ['aws', 'azure', 'gcp'],
        'aws.endpoint': emulator.endpoints.aws,
        'aws.regions': awsRegions,
        'azure.endpoint': emulator.endpoints.azure,
        'azure.subscriptions': ids('azure'),
        'gcp.endpoint': emulator.endpoints.gcp,
        'gcp.projects': ids('gcp'),
        'resilience.delayScale': 0.001,
      },
    });
    app = createApp(config, {
      now: () => TEST_NOW,
      awsCredentialSets: ids('aws').map((id) => ({
        label: id,
        accessKeyId: `EMULATOR${id}`,
        secretAccessKey: 'x',
      })),
    });
  });

  afterAll(async () => {
    await emulator.close();
  });

  it('counts instances per provider across every account, subscription and project', async () => {
    const answer = await app.ask('count instances by provider across all clouds');

    expect(answer.ok, JSON.stringify(answer.error ?? answer.coverage.filter((c) => c.status !== 'ok'))).toBe(
      true,
    );
    expect(answer.partial).toBe(false);
    const expected: Record<string, number> = {};
    for (const i of estate.instances) expected[i.provider] = (expected[i.provider] ?? 0) + 1;
    expect(Object.fromEntries(answer.groups!.map((g) => [g.key, g.count]))).toEqual(expected);
  });

  it("reads Azure log groups over the look-back window of the app's clock, not the machine's", async () => {
    // TEST_NOW is days before the wall clock: an adapter on the wall clock would look at an empty day.
    const answer = await app.ask('how many log groups in azure?');

    expect(answer.partial).toBe(false);
    expect(answer.count).toBeGreaterThan(0);
  });

  it.each([
    ['show deallocated Azure VMs', 'azure', (i: Estate['instances'][number]) => i.state === 'deallocated'],
    ['列出 GCP 上正在运行的虚拟机', 'gcp', (i: Estate['instances'][number]) => i.state === 'RUNNING'],
  ])('%s', async (question, provider, predicate) => {
    const answer = await app.ask(question);

    expect(answer.ok, JSON.stringify(answer.error)).toBe(true);
    const expected = estate.instances.filter((i) => i.provider === provider && predicate(i));
    expect(answer.count).toBe(expected.length);
  });

  it('answers with the same resultHash under 30% throttling on every cloud', async () => {
    const clean = await app.ask('list stopped instances on all clouds');
    emulator.faults.add({ kind: 'throttle', probability: 0.3 });
    try {
      const throttled = await app.ask('list stopped instances on all clouds');

      expect(throttled.partial).toBe(false);
      expect(throttled.provenance.resultHash).toBe(clean.provenance.resultHash);
    } finally {
      emulator.faults.clear();
    }
  });

  it('a subscription that is down yields a partial answer with the rest intact', async () => {
    const down = estate.accounts.find((a) => a.provider === 'azure')!.id;
    emulator.faults.add({ kind: 'unavailable', provider: 'azure', account: down });
    try {
      const answer = await app.ask('list all instances on all clouds');

      expect(answer.ok).toBe(true);
      expect(answer.partial).toBe(true);
      expect(
        answer.coverage.some((c) => c.provider === 'azure' && c.account === down && c.status === 'error'),
      ).toBe(true);
      const others = estate.instances.filter((i) => !(i.provider === 'azure' && i.account === down));
      expect(answer.count).toBe(others.length);
    } finally {
      emulator.faults.clear();
    }
  });

  it('never attempts a mutating call', () => {
    expect(emulator.journal.query({ mutating: true })).toEqual([]);
  });
});
