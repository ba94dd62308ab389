// requestTimeoutSeconds: a question answers by its deadline with what it could read, and says what it could not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateEstate } from '../../emulator/estate/generate-estate.js';
import { startEmulator, type RunningEmulator } from '../../emulator/server/start-emulator.js';
import { loadConfig } from '../../src/app/config/load-config.js';
import { createApp } from '../../src/app/create-app.js';
import { TEST_ANCHOR, TEST_NOW } from './app-harness.js';

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({
    estate: generateEstate({ seed: 7, size: 'small', anchorTime: TEST_ANCHOR }),
  });
});
afterAll(async () => {
  await emulator.close();
});

describe('the question deadline (requestTimeoutSeconds)', () => {
  it('reports a scope that is still answering at the deadline and keeps every other scope', async () => {
    const accounts = emulator.estate.accounts.filter((a) => a.provider === 'aws');
    const regions = [...new Set(accounts.flatMap((a) => a.regions))].sort();
    const slowRegion = regions[0]!;
    const config = loadConfig({
      env: {},
      overrides: {
        providers: ['aws'],
        'aws.endpoint': emulator.endpoints.aws,
        'aws.regions': regions,
        requestTimeoutSeconds: 3,
        'resilience.delayScale': 0.001,
      },
    });
    const app = createApp(config, {
      now: () => TEST_NOW,
      awsCredentialSets: accounts.map((a) => ({
        label: a.id,
        accessKeyId: `EMULATOR${a.id}`,
        secretAccessKey: 'emulator',
      })),
    });
    // Warm up (SDK loaded, identities known), so only the slow region can miss the deadline.
    expect((await app.ask('how many instances?')).partial).toBe(false);
    emulator.faults.add({
      kind: 'latency',
      latencyMs: 10_000,
      provider: 'aws',
      service: 'ec2',
      region: slowRegion,
    });

    const answer = await app.ask('list all instances');
    emulator.faults.clear();

    const slow = answer.coverage.filter((c) => c.region === slowRegion && c.service === 'ec2');
    const others = answer.coverage.filter((c) => c.region !== slowRegion && c.service === 'ec2');
    expect(answer.ok).toBe(true);
    expect(answer.partial).toBe(true);
    expect(slow.length).toBeGreaterThan(0);
    for (const entry of slow) {
      expect(entry).toMatchObject({ status: 'error', errorCode: 'QUESTION_DEADLINE_EXCEEDED' });
      expect(entry.reason).toContain("question's deadline of 3 s");
    }
    expect(others.length).toBeGreaterThan(0);
    expect(others.every((c) => c.status === 'ok')).toBe(true);
    const expected = emulator.estate.instances.filter((i) => i.provider === 'aws' && i.region !== slowRegion);
    expect(answer.count).toBe(expected.length);
    expect(answer.rows.every((row) => row.region !== slowRegion)).toBe(true);
  });
});
