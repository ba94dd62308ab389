import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generateEstate } from '../../emulator/estate/generate-estate.js';
import type { Estate, Provider } from '../../emulator/estate/model.js';
import type { JournalEntry } from '../../emulator/server/call-journal.js';
import { startEmulator, type RunningEmulator } from '../../emulator/server/start-emulator.js';
import { loadConfig } from '../../src/app/config/load-config.js';
import { createApp, type App } from '../../src/app/create-app.js';
import type { ResilienceEvent, RetryEvent } from '../../src/resilience/resilience-event.js';
import { TEST_ANCHOR, TEST_NOW } from './app-harness.js';

/**
 * Retry-After and circuit breakers through the whole app: real SDKs, the real runner, the emulator's
 * real error shapes; waits are measured on the emulator's journal (arrival times).
 */

/** Journal `at` is wall-clock ms; timers count whole ms of the monotonic clock: allow 1 ms of rounding. */
const CLOCK_ROUNDING_MS = 1;

interface Rig {
  readonly app: App;
  readonly events: ResilienceEvent[];
}

/** An app over every provider of the estate, with its own runner (breakers, buckets) and event log. */
function createRig(
  emulator: RunningEmulator,
  estate: Estate,
  delayScale: number,
  onEvent?: (event: ResilienceEvent) => void,
): Rig {
  const ids = (p: Provider) => estate.accounts.filter((a) => a.provider === p).map((a) => a.id);
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
      'resilience.delayScale': delayScale,
    },
  });
  const events: ResilienceEvent[] = [];
  const app = createApp(config, {
    now: () => TEST_NOW,
    awsCredentialSets: ids('aws').map((id) => ({
      label: id,
      accessKeyId: `EMULATOR${id}`,
      secretAccessKey: 'x',
    })),
    onResilienceEvent: (event) => {
      events.push(event);
      onEvent?.(event);
    },
  });
  return { app, events };
}

/** The calls of one scope and operation (one page at a time: every call after a throttle is its retry). */
function callsLike(emulator: RunningEmulator, call: JournalEntry, sinceSeq: number): JournalEntry[] {
  return emulator.journal
    .query({ provider: call.provider, service: call.service, operation: call.operation, sinceSeq })
    .filter((e) => e.account === call.account && e.region === call.region);
}

function retriesOf(events: readonly ResilienceEvent[], call: JournalEntry): RetryEvent[] {
  return events.filter(
    (e): e is RetryEvent =>
      e.type === 'retry' &&
      e.key.provider === call.provider &&
      e.key.account === call.account &&
      e.key.operation === call.operation,
  );
}

describe('Retry-After is honoured, measured on the emulator journal', () => {
  /**
   * delayScale 0.1 and a 10 s hint: the runner waits 10 s × 0.1 = 1 000 ms, while the scaled backoff
   * alone is at most 100 ms (AWS, GCP: base 1 s) or 200 ms (Azure: base 2 s) before the first retry,
   * twice that before the second. So a wait of 1 s can only come from the hint.
   */
  const DELAY_SCALE = 0.1;
  const HINT_SECONDS = 10;
  const HONOURED_MS = HINT_SECONDS * 1000 * DELAY_SCALE;
  const BASE_DELAY_MS: Record<Provider, number> = { aws: 1000, azure: 2000, gcp: 1000 };

  let emulator: RunningEmulator;
  let estate: Estate;
  let rig: Rig;

  beforeAll(async () => {
    estate = generateEstate({ seed: 11, size: 'small', anchorTime: TEST_ANCHOR });
    emulator = await startEmulator({ estate });
    rig = createRig(emulator, estate, DELAY_SCALE);
  });

  afterEach(() => {
    emulator.faults.clear();
    rig.events.length = 0;
  });

  afterAll(async () => {
    await emulator.close();
  });

  /** Asks, with the fault in force, and returns the answer and what the journal recorded meanwhile. */
  async function askThrottled(question: string): Promise<{
    answer: Awaited<ReturnType<App['ask']>>;
    throttled: JournalEntry[];
    sinceSeq: number;
  }> {
    const sinceSeq = emulator.journal.total();
    const answer = await rig.app.ask(question);
    const throttled = emulator.journal.query({ sinceSeq }).filter((e) => e.fault === 'throttle');
    return { answer, throttled, sinceSeq };
  }

  // Each cloud's real throttling shape with its own hint: Lambda 429 TooManyRequestsException +
  // Retry-After, ARM 429 + Retry-After + x-ms-ratelimit-remaining-*, Google 429 RESOURCE_EXHAUSTED +
  // google.rpc.RetryInfo.
  it.each([
    ['aws', 'lambda', 'ListFunctions', 'list AWS functions'],
    ['azure', 'Microsoft.Web', 'WebApps_List', 'list Azure functions'],
    ['gcp', 'cloudfunctions', 'functions.list', 'list GCP functions'],
  ] as const)(
    '%s %s: the retry of a throttled call arrives no earlier than the hinted delay, and the answer is complete',
    async (provider, service, operation, question) => {
      emulator.faults.add({
        kind: 'throttle',
        provider,
        service,
        operation,
        retryAfterSeconds: HINT_SECONDS,
        maxHits: 1,
      });

      const { answer, throttled, sinceSeq } = await askThrottled(question);

      expect(throttled).toHaveLength(1);
      const first = throttled[0]!;
      expect(first.status).toBe(429);
      const calls = callsLike(emulator, first, sinceSeq);
      // One throttled call and one retry: the SDK does not retry on its own (retries never multiply).
      expect(calls.map((c) => c.status)).toEqual([429, 200]);
      expect(calls[1]!.at - first.at).toBeGreaterThanOrEqual(HONOURED_MS - CLOCK_ROUNDING_MS);
      // The runner's own account of the wait: min(cap, max(backoff, hint × delayScale)).
      expect(retriesOf(rig.events, first).map((e) => [e.code, e.delayMs])).toEqual([
        ['CLOUD_THROTTLED', HONOURED_MS],
      ]);
      expect(answer.ok, JSON.stringify(answer.error)).toBe(true);
      expect(answer.partial).toBe(false);
      expect(answer.coverage.every((c) => c.status === 'ok')).toBe(true);
      expect(answer.count).toBe(estate.functions.filter((f) => f.provider === provider).length);
    },
  );

  it('a hint longer than the backoff wins at every retry; without a hint the backoff alone applies', async () => {
    // Both hits on the same call: one project, one page.
    const project = estate.accounts.find((a) => a.provider === 'gcp')!.id;
    const fault = {
      kind: 'throttle',
      provider: 'gcp',
      service: 'cloudfunctions',
      operation: 'functions.list',
      account: project,
      maxHits: 2,
    } as const;

    emulator.faults.add({ ...fault, retryAfterSeconds: HINT_SECONDS });
    const hinted = await askThrottled('list GCP functions');
    const hintedDelays = retriesOf(rig.events, hinted.throttled[0]!).map((e) => e.delayMs);
    emulator.faults.clear();
    rig.events.length = 0;
    emulator.faults.add(fault);
    const plain = await askThrottled('list GCP functions');

    for (const run of [hinted, plain]) {
      expect(run.answer.ok).toBe(true);
      expect(run.answer.partial).toBe(false);
      expect(run.throttled).toHaveLength(2);
    }
    // With the hint: both waits are the hint (1 s), though the backoff is at most 100 then 200 ms.
    expect(hintedDelays).toEqual([HONOURED_MS, HONOURED_MS]);
    const withHint = callsLike(emulator, hinted.throttled[0]!, hinted.sinceSeq).filter(
      (c) => c.seq <= plain.sinceSeq,
    );
    expect(withHint.map((c) => c.status)).toEqual([429, 429, 200]);
    expect(withHint[1]!.at - withHint[0]!.at).toBeGreaterThanOrEqual(HONOURED_MS - CLOCK_ROUNDING_MS);
    expect(withHint[2]!.at - withHint[1]!.at).toBeGreaterThanOrEqual(HONOURED_MS - CLOCK_ROUNDING_MS);
    // Without one (no RetryInfo): equal-jitter backoff, in [d/2, d] with d = base × 2^(n-1) × delayScale.
    const base = BASE_DELAY_MS.gcp * DELAY_SCALE;
    const delays = retriesOf(rig.events, plain.throttled[0]!).map((e) => e.delayMs);
    expect(delays).toHaveLength(2);
    expect(delays[0]).toBeGreaterThanOrEqual(base / 2);
    expect(delays[0]).toBeLessThanOrEqual(base);
    expect(delays[1]).toBeGreaterThanOrEqual(base);
    expect(delays[1]).toBeLessThanOrEqual(2 * base);
    const withoutHint = callsLike(emulator, plain.throttled[0]!, plain.sinceSeq);
    expect(withoutHint.map((c) => c.status)).toEqual([429, 429, 200]);
    expect(withoutHint[1]!.at - withoutHint[0]!.at).toBeGreaterThanOrEqual(delays[0]! - CLOCK_ROUNDING_MS);
    expect(withoutHint[2]!.at - withoutHint[1]!.at).toBeGreaterThanOrEqual(delays[1]! - CLOCK_ROUNDING_MS);
  });

  it('a hint shorter than the backoff does not shorten it (Azure Retry-After: 0)', async () => {
    emulator.faults.add({
      kind: 'throttle',
      provider: 'azure',
      service: 'Microsoft.Web',
      retryAfterSeconds: 0,
      maxHits: 1,
    });

    const { answer, throttled, sinceSeq } = await askThrottled('list Azure functions');

    expect(answer.ok).toBe(true);
    expect(answer.partial).toBe(false);
    const [delay] = retriesOf(rig.events, throttled[0]!).map((e) => e.delayMs);
    // Azure's first backoff is in [1 s, 2 s] × delayScale (equal jitter on a 2 s base).
    expect(delay).toBeGreaterThanOrEqual((BASE_DELAY_MS.azure * DELAY_SCALE) / 2);
    const calls = callsLike(emulator, throttled[0]!, sinceSeq);
    expect(calls.map((c) => c.status)).toEqual([429, 200]);
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(delay! - CLOCK_ROUNDING_MS);
  });

  it('never attempts a mutating call', () => {
    expect(emulator.journal.query({ mutating: true })).toEqual([]);
  });
});

describe('an open circuit breaker stops calls, then recovers through half-open', () => {
  /** delayScale 0.1: the breaker stays open 30 s × 0.1 = 3 s; AWS backoff 50–200 ms. */
  const DELAY_SCALE = 0.1;
  const OPEN_MS = 30_000 * DELAY_SCALE;

  let emulator: RunningEmulator;
  let estate: Estate;

  beforeAll(async () => {
    estate = generateEstate({ seed: 11, size: 'small', anchorTime: TEST_ANCHOR });
    emulator = await startEmulator({ estate });
  });

  afterAll(async () => {
    await emulator.close();
  });

  it('fails fast while open without calling EC2, keeps reading other clouds, and closes after trials', async () => {
    let openedAt = 0;
    // One app for every question: its runner holds the breakers.
    const { app, events } = createRig(emulator, estate, DELAY_SCALE, (event) => {
      if (event.type === 'breaker_state_change' && event.to === 'open') openedAt = Date.now();
    });
    const question = 'list all instances on all clouds';
    const aws = estate.accounts.filter((a) => a.provider === 'aws');
    const awsEc2Scopes = aws.length * new Set(aws.flatMap((a) => a.regions)).size;
    const nonAws = estate.instances.filter((i) => i.provider !== 'aws').length;
    const ec2Calls = (sinceSeq: number) =>
      emulator.journal.query({ provider: 'aws', service: 'ec2', sinceSeq });

    // 1. EC2 answers 503 to everything: 5 consecutive failed attempts open the aws/ec2 breaker.
    const fault = emulator.faults.add({ kind: 'unavailable', provider: 'aws', service: 'ec2' });
    let since = emulator.journal.total();
    const failing = await app.ask(question);

    expect(ec2Calls(since).length).toBeGreaterThanOrEqual(5);
    expect(ec2Calls(since).every((c) => c.status === 503 && c.fault === 'unavailable')).toBe(true);
    expect(failing.ok).toBe(true);
    expect(failing.partial).toBe(true);
    expect(failing.count).toBe(nonAws);
    const ec2Failing = failing.coverage.filter((c) => c.provider === 'aws' && c.service === 'ec2');
    expect(ec2Failing).toHaveLength(awsEc2Scopes);
    expect(ec2Failing.every((c) => c.status === 'error' && c.errorCode === 'CLOUD_UNAVAILABLE')).toBe(true);

    // 2. While open: every EC2 scope fails fast, the emulator sees no EC2 call; Azure and GCP are read.
    since = emulator.journal.total();
    const whileOpen = await app.ask(question);

    expect(ec2Calls(since)).toEqual([]);
    const seen = new Set(
      emulator.journal.query({ sinceSeq: since }).map((e) => `${e.provider}/${e.service}`),
    );
    expect(seen).toEqual(new Set(['azure/Microsoft.Compute', 'gcp/compute']));
    const ec2Coverage = whileOpen.coverage.filter((c) => c.provider === 'aws' && c.service === 'ec2');
    expect(ec2Coverage).toHaveLength(awsEc2Scopes);
    for (const entry of ec2Coverage) {
      expect(entry).toMatchObject({ status: 'error', errorCode: 'CLOUD_UNAVAILABLE' });
      expect(entry.reason).toMatch(/^circuit open for aws\/ec2; retry in \d+ s$/);
    }
    expect(whileOpen.coverage.filter((c) => c.provider !== 'aws').every((c) => c.status === 'ok')).toBe(true);
    expect(whileOpen.count).toBe(nonAws);

    // 3. EC2 recovers; after the open period the next question's calls are half-open trials.
    emulator.faults.remove(fault.id);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, openedAt + OPEN_MS + 50 - Date.now())));
    since = emulator.journal.total();
    const trial = await app.ask(question);

    const trials = ec2Calls(since);
    expect(trials.length).toBeGreaterThanOrEqual(2); // successThreshold
    expect(trials.every((c) => c.status === 200 && c.fault === undefined)).toBe(true);
    // At most halfOpenMaxTrials (3) at a time; the other scopes wait for the trials' verdict (the
    // breaker closes) instead of failing, so the first question after the outage is complete.
    expect(trial.ok).toBe(true);
    expect(trial.partial).toBe(false);
    expect(trial.count).toBe(estate.instances.length);
    expect(trial.coverage.every((c) => c.status === 'ok')).toBe(true);

    // 4. Closed again: the next question reads every EC2 scope and is complete.
    since = emulator.journal.total();
    const recovered = await app.ask(question);

    expect(recovered.ok).toBe(true);
    expect(recovered.partial).toBe(false);
    expect(recovered.count).toBe(estate.instances.length);
    expect(ec2Calls(since).length).toBeGreaterThanOrEqual(awsEc2Scopes);
    expect(ec2Calls(since).every((c) => c.status === 200)).toBe(true);

    const transitions = events.flatMap((e) =>
      e.type === 'breaker_state_change' ? [`${e.breaker}: ${e.from} -> ${e.to}`] : [],
    );
    expect(transitions).toEqual([
      'aws/ec2: closed -> open',
      'aws/ec2: open -> half_open',
      'aws/ec2: half_open -> closed',
    ]);
    const rejected = events.filter((e) => e.type === 'breaker_rejected');
    expect(rejected.length).toBeGreaterThanOrEqual(awsEc2Scopes);
    expect(rejected.every((e) => e.breaker === 'aws/ec2')).toBe(true);
    expect(emulator.journal.query({ mutating: true })).toEqual([]);
  });
});
