import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/core/answer/answer.js';
import { startAppHarness, type AppHarness } from './app-harness.js';

const schema = JSON.parse(
  readFileSync(new URL('../../docs/answer.schema.json', import.meta.url), 'utf8'),
) as object;
const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false });
const validate = ajv.compile(schema);

function expectValid(answer: Answer): void {
  const valid = validate(JSON.parse(JSON.stringify(answer)));
  expect(validate.errors ?? [], JSON.stringify(validate.errors)).toEqual([]);
  expect(valid).toBe(true);
}

describe('sre ask on AWS, end to end against the emulator', () => {
  let h: AppHarness;

  beforeAll(async () => {
    h = await startAppHarness({ pageSizeCaps: { aws: 5 } });
  });

  afterAll(async () => {
    await h.close();
  });

  const awsInstances = () =>
    h.estate.instances.filter((i) => i.provider === 'aws' && i.account === h.awsAccount);

  it('lists running instances completely, across pages and regions, in a stable order', async () => {
    const answer = await h.app.ask('list running EC2 instances');

    expectValid(answer);
    const expected = awsInstances().filter((i) => i.state === 'running');
    expect(answer.ok).toBe(true);
    expect(answer.count).toBe(expected.length);
    expect(answer.rows.map((r) => r.id).sort()).toEqual(expected.map((i) => i.id).sort());
    expect(answer.partial).toBe(false);
    expect(answer.coverage.every((c) => c.status === 'ok')).toBe(true);
  });

  it('answers "how many per region" with groups that add up to the estate', async () => {
    const answer = await h.app.ask('how many instances per region?');

    expectValid(answer);
    const byRegion = new Map<string, number>();
    for (const i of awsInstances()) byRegion.set(i.region, (byRegion.get(i.region) ?? 0) + 1);
    expect(Object.fromEntries(answer.groups!.map((g) => [g.key, g.count]))).toEqual(
      Object.fromEntries(byRegion),
    );
  });

  it('understands Chinese: 未加密的卷 lists exactly the unencrypted volumes', async () => {
    const answer = await h.app.ask('列出未加密的卷');

    expectValid(answer);
    const expected = h.estate.volumes.filter(
      (v) => v.provider === 'aws' && v.account === h.awsAccount && !v.encrypted,
    );
    expect(answer.rows.map((r) => r.id).sort()).toEqual(expected.map((v) => v.id).sort());
  });

  it('gives the same resultHash for the same question every time', async () => {
    const first = await h.app.ask('instances without an owner tag');
    const second = await h.app.ask('instances without an owner tag');

    expect(first.provenance.resultHash).toBe(second.provenance.resultHash);
    expect(first.provenance.planFingerprint).toBe(second.provenance.planFingerprint);
    expect(first.count).toBeGreaterThan(0);
  });

  it('refuses a mutation and never calls a mutating API', async () => {
    h.emulator.journal.clear();

    const answer = await h.app.ask('terminate all stopped instances');

    expectValid(answer);
    expect(answer.ok).toBe(false);
    expect(answer.error?.code).toBe('POLICY_READ_ONLY');
    expect(h.emulator.journal.query()).toEqual([]);
  });

  it('does not guess: an unparseable question gets suggestions', async () => {
    const answer = await h.app.ask('what is the meaning of life');

    expectValid(answer);
    expect(answer.error?.code).toBe('PLAN_UNRECOGNIZED');
    expect(answer.suggestions?.length).toBeGreaterThan(0);
  });

  it('keeps the other regions intact when one is denied and one throttled', async () => {
    const regions = [...new Set(awsInstances().map((i) => i.region))].sort();
    const [denied, throttled] = regions;
    h.emulator.faults.add({ id: 'deny', kind: 'denied', provider: 'aws', service: 'ec2', region: denied! });
    h.emulator.faults.add({
      id: 'throttle',
      kind: 'throttle',
      provider: 'aws',
      service: 'ec2',
      region: throttled!,
    });
    try {
      const answer = await h.app.ask('list all instances');

      expectValid(answer);
      expect(answer.ok).toBe(true);
      expect(answer.partial).toBe(true);
      const status = Object.fromEntries(answer.coverage.map((c) => [c.region, c.status]));
      expect(status[denied!]).toBe('denied');
      expect(status[throttled!]).toBe('throttled');
      const others = awsInstances().filter((i) => i.region !== denied && i.region !== throttled);
      expect(answer.rows.map((r) => r.id).sort()).toEqual(others.map((i) => i.id).sort());
    } finally {
      h.emulator.faults.clear();
    }
  });

  it('returns the fault-free resultHash under 30% throttling on every service', async () => {
    const clean = await h.app.ask('list stopped instances in us-east-1');
    h.emulator.faults.add({ kind: 'throttle', provider: 'aws', probability: 0.3 });
    try {
      const throttled = await h.app.ask('list stopped instances in us-east-1');

      expect(throttled.partial).toBe(false);
      expect(throttled.provenance.resultHash).toBe(clean.provenance.resultHash);
      expect(h.emulator.journal.query({ provider: 'aws' }).some((e) => e.fault === 'throttle')).toBe(true);
    } finally {
      h.emulator.faults.clear();
    }
  });
});
