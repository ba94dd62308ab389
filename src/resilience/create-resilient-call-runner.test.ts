import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ErrorCode } from '../core/errors/error-catalogue.js';
import { SreError, type SreErrorOptions } from '../core/errors/sre-error.js';
import type { CallKey } from '../core/ports/call-runner.js';
import type { Provider } from '../core/ports/cloud-port.js';
import { createFakeTime } from './create-fake-time.js';
import { createResilientCallRunner } from './create-resilient-call-runner.js';
import type { ResilienceDeps, Sleep } from './resilience-deps.js';
import type { ResilienceEvent } from './resilience-event.js';
import { ResilienceSettingsSchema, type ResilienceSettingsInput } from './resilience-settings-schema.js';

const START = 1_700_000_000_000;

function keyFor(provider: Provider, overrides: Partial<CallKey> = {}): CallKey {
  return {
    provider,
    account: 'acct-1',
    region: 'region-1',
    service: 'compute',
    operation: 'ListThings',
    ...overrides,
  };
}

const ec2: CallKey = {
  provider: 'aws',
  account: '111122223333',
  region: 'us-east-1',
  service: 'ec2',
  operation: 'DescribeInstances',
};

function setup(input: ResilienceSettingsInput = {}, deps: Partial<ResilienceDeps> = {}) {
  const time = createFakeTime(START);
  const events: ResilienceEvent[] = [];
  const runner = createResilientCallRunner(ResilienceSettingsSchema.parse(input), {
    clock: time.clock,
    sleep: time.sleep,
    random: () => 0,
    onEvent: (event) => events.push(event),
    ...deps,
  });
  return { runner, time, events };
}

/** A cloud call that always throws an SreError with `code`. */
function failing(code: ErrorCode, options?: SreErrorOptions) {
  return vi.fn(() => Promise.reject(new SreError(code, `${code} from the cloud`, options)));
}

/** A cloud call that throws the given codes in turn, then returns `value`. */
function failingThen<T>(codes: readonly ErrorCode[], value: T) {
  let calls = 0;
  return vi.fn(() => {
    const code = codes[calls++];
    return code === undefined
      ? Promise.resolve(value)
      : Promise.reject(new SreError(code, `${code} from the cloud`));
  });
}

function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

/** A sleep that only ends when aborted; `waiting` resolves once someone sleeps. */
function createSleepUntilAborted(): { sleep: Sleep; waiting: Promise<void> } {
  let markWaiting = (): void => undefined;
  const waiting = new Promise<void>((resolve) => {
    markWaiting = resolve;
  });
  const sleep: Sleep = (_ms, signal) =>
    new Promise<void>((_resolve, reject) => {
      markWaiting();
      signal.addEventListener('abort', () => {
        reject(signal.reason as Error);
      });
    });
  return { sleep, waiting };
}

const oneAttempt = { aws: { retry: { maxAttempts: 1 } } } satisfies ResilienceSettingsInput;

describe('createResilientCallRunner: retries', () => {
  it('retries CLOUD_THROTTLED up to maxThrottledAttempts (10 by default), then rethrows it', async () => {
    const { runner } = setup();
    const call = failing('CLOUD_THROTTLED');

    const error = await rejectionOf(runner.run(ec2, call));

    expect(call).toHaveBeenCalledTimes(10);
    expect(error).toMatchObject({ code: 'CLOUD_THROTTLED', details: { attempts: 10 } });
  });

  it('counts each error against its own budget: a throttle after 2 failures still gets retried', async () => {
    const { runner } = setup();

    const value = await runner.run(
      ec2,
      failingThen(['CLOUD_UNAVAILABLE', 'CLOUD_UNAVAILABLE', 'CLOUD_THROTTLED', 'CLOUD_THROTTLED'], 'ok'),
    );
    const unavailable = await rejectionOf(
      runner.run(ec2, failingThen(['CLOUD_THROTTLED', 'CLOUD_THROTTLED', 'CLOUD_UNAVAILABLE'], 'ok')),
    );

    expect(value).toBe('ok');
    expect(unavailable).toMatchObject({ code: 'CLOUD_UNAVAILABLE', details: { attempts: 3 } });
  });

  it.each<ErrorCode>(['CLOUD_UNAVAILABLE', 'CLOUD_TIMEOUT', 'CLOUD_UNREACHABLE', 'CLOUD_MALFORMED_RESPONSE'])(
    'retries %s up to 3 attempts, then rethrows it with details.attempts',
    async (code) => {
      const { runner } = setup();
      const call = failing(code);

      const error = await rejectionOf(runner.run(ec2, call));

      expect(call).toHaveBeenCalledTimes(3);
      expect(error).toBeInstanceOf(SreError);
      expect(error).toMatchObject({ code, details: { attempts: 3 } });
    },
  );

  it.each<ErrorCode>([
    'CLOUD_AUTHENTICATION',
    'CLOUD_AUTHORIZATION',
    'CLOUD_NOT_FOUND',
    'CLOUD_INVALID_PARAMETER',
    'CLOUD_QUOTA_EXCEEDED',
    'CLOUD_UNKNOWN',
  ])('does not retry %s', async (code) => {
    const { runner, time } = setup();
    const call = failing(code);

    const error = await rejectionOf(runner.run(ec2, call));

    expect(call).toHaveBeenCalledTimes(1);
    expect(error).toMatchObject({ code, details: { attempts: 1 } });
    expect(time.sleeps).toEqual([]);
  });

  it('does not retry an error whose retryable flag is off', async () => {
    const { runner } = setup();
    const call = failing('CLOUD_THROTTLED', { retryable: false });

    await rejectionOf(runner.run(ec2, call));

    expect(call).toHaveBeenCalledTimes(1);
  });

  it('turns anything else thrown into INTERNAL, without retrying', async () => {
    const { runner } = setup();
    const call = vi.fn(() => Promise.reject(new TypeError('cannot read properties of undefined')));

    const error = await rejectionOf(runner.run(ec2, call));

    expect(call).toHaveBeenCalledTimes(1);
    expect(error).toMatchObject({ code: 'INTERNAL', message: 'cannot read properties of undefined' });
  });

  it.each<[Provider, ResilienceSettingsInput, number]>([
    ['aws', {}, 3],
    ['azure', {}, 3],
    ['gcp', {}, 3],
    ['gcp', { gcp: { retry: { maxAttempts: 5 } } }, 5],
    ['azure', { azure: { retry: { maxAttempts: 1 } } }, 1],
  ])('makes as many attempts as the %s policy says (%o → %i)', async (provider, input, expected) => {
    const { runner } = setup(input);
    const call = failing('CLOUD_UNAVAILABLE');

    await rejectionOf(runner.run(keyFor(provider), call));

    expect(call).toHaveBeenCalledTimes(expected);
  });

  it('returns the value once a retry succeeds', async () => {
    const { runner } = setup();
    const call = failingThen(['CLOUD_THROTTLED', 'CLOUD_UNAVAILABLE'], ['i-1', 'i-2']);

    const value = await runner.run(ec2, call);

    expect(value).toEqual(['i-1', 'i-2']);
    expect(call).toHaveBeenCalledTimes(3);
  });

  it.each<[Provider, number[]]>([
    ['aws', [500, 1_000]],
    ['azure', [1_000, 2_000]],
    ['gcp', [500, 1_000]],
  ])(
    'backs off exponentially with jitter between %s attempts (lowest jitter)',
    async (provider, expected) => {
      const { runner, time } = setup();

      await rejectionOf(runner.run(keyFor(provider), failing('CLOUD_UNAVAILABLE')));

      expect(time.sleeps).toEqual(expected);
    },
  );

  it('waits at least the retry-after hint (Azure 429 with Retry-After: 7)', async () => {
    const { runner, time } = setup({ azure: { retry: { maxThrottledAttempts: 3 } } });
    const call = failing('CLOUD_THROTTLED', { retryAfterSeconds: 7 });

    const error = await rejectionOf(runner.run(keyFor('azure'), call));

    expect(time.sleeps).toEqual([7_000, 7_000]);
    expect(error).toMatchObject({ retryAfterSeconds: 7, details: { attempts: 3 } });
  });

  it('scales every wait by delayScale', async () => {
    const { runner, time } = setup({ delayScale: 0.01, azure: { retry: { maxThrottledAttempts: 3 } } });
    const call = failing('CLOUD_THROTTLED', { retryAfterSeconds: 7 });

    await rejectionOf(runner.run(keyFor('azure'), call));

    expect(time.sleeps).toEqual([70, 70]);
  });

  it('reports each retry with the attempt about to run, its delay and the cause', async () => {
    const { runner, events } = setup();

    await runner.run(ec2, failingThen(['CLOUD_THROTTLED', 'CLOUD_UNREACHABLE'], 'ok'));

    expect(events.filter((event) => event.type === 'retry')).toEqual([
      { type: 'retry', key: ec2, attempt: 2, delayMs: 500, code: 'CLOUD_THROTTLED' },
      { type: 'retry', key: ec2, attempt: 3, delayMs: 1_000, code: 'CLOUD_UNREACHABLE' },
    ]);
  });
});

describe('createResilientCallRunner: circuit breaker', () => {
  it('opens after 5 consecutive unavailable calls and then fails fast without calling the cloud', async () => {
    const { runner, events } = setup(oneAttempt);
    for (let index = 0; index < 5; index++) await rejectionOf(runner.run(ec2, failing('CLOUD_UNAVAILABLE')));
    const call = vi.fn(() => Promise.resolve('never'));

    const error = await rejectionOf(runner.run(ec2, call));

    expect(call).not.toHaveBeenCalled();
    expect(error).toMatchObject({
      code: 'CLOUD_UNAVAILABLE',
      retryable: true,
      message: 'circuit open for aws/ec2; retry in 30 s',
      details: { breaker: 'open', retryInSeconds: 30, attempts: 0 },
    });
    expect(runner.breakerStates()).toEqual({ 'aws/ec2': 'open' });
    expect(events).toContainEqual({
      type: 'breaker_state_change',
      breaker: 'aws/ec2',
      from: 'closed',
      to: 'open',
    });
    expect(events).toContainEqual({
      type: 'breaker_rejected',
      key: ec2,
      breaker: 'aws/ec2',
      retryInSeconds: 30,
    });
  });

  it('shares one breaker per provider and service across accounts and regions', async () => {
    const { runner } = setup(oneAttempt);
    const regions = ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-south-1', 'sa-east-1'];
    for (const region of regions) await rejectionOf(runner.run({ ...ec2, region }, failing('CLOUD_TIMEOUT')));

    const otherService = await runner.run({ ...ec2, service: 's3' }, () => Promise.resolve('buckets'));
    const error = await rejectionOf(runner.run({ ...ec2, region: 'eu-north-1' }, () => Promise.resolve('x')));

    expect(otherService).toBe('buckets');
    expect(error).toMatchObject({ details: { breaker: 'open' } });
  });

  it('keeps a breaker per region when breaker.scope is region', async () => {
    const { runner } = setup({ ...oneAttempt, breaker: { scope: 'region' } });
    for (let index = 0; index < 5; index++) await rejectionOf(runner.run(ec2, failing('CLOUD_UNREACHABLE')));

    const otherRegion = await runner.run({ ...ec2, region: 'eu-west-1' }, () => Promise.resolve('ok'));

    expect(otherRegion).toBe('ok');
    expect(runner.breakerStates()).toEqual({ 'aws/ec2/us-east-1': 'open', 'aws/ec2/eu-west-1': 'closed' });
  });

  it.each<ErrorCode>([
    'CLOUD_THROTTLED',
    'CLOUD_AUTHORIZATION',
    'CLOUD_NOT_FOUND',
    'CLOUD_INVALID_PARAMETER',
  ])('is not opened by %s', async (code) => {
    const { runner } = setup(oneAttempt);

    for (let index = 0; index < 10; index++) await rejectionOf(runner.run(ec2, failing(code)));

    expect(runner.breakerStates()).toEqual({ 'aws/ec2': 'closed' });
  });

  it('half-opens after the open period and closes after 2 successful trials', async () => {
    const { runner, time, events } = setup(oneAttempt);
    for (let index = 0; index < 5; index++) await rejectionOf(runner.run(ec2, failing('CLOUD_UNAVAILABLE')));
    time.advance(30_000);

    await runner.run(ec2, () => Promise.resolve(1));
    const afterOneTrial = runner.breakerStates()['aws/ec2'];
    await runner.run(ec2, () => Promise.resolve(2));

    expect(afterOneTrial).toBe('half_open');
    expect(runner.breakerStates()).toEqual({ 'aws/ec2': 'closed' });
    expect(events.filter((event) => event.type === 'breaker_state_change').map((event) => event.to)).toEqual([
      'open',
      'half_open',
      'closed',
    ]);
  });

  it('admits at most 3 concurrent trials while half-open; the rest wait for their verdict', async () => {
    const { runner, time } = setup(oneAttempt);
    for (let index = 0; index < 5; index++) await rejectionOf(runner.run(ec2, failing('CLOUD_UNAVAILABLE')));
    time.advance(30_000);
    const releases: (() => void)[] = [];
    const hanging = vi.fn(
      () =>
        new Promise<string>((resolve) => {
          releases.push(() => {
            resolve('ok');
          });
        }),
    );

    const trials = [1, 2, 3].map(() => runner.run(ec2, hanging));
    const fourth = runner.run(ec2, hanging);
    await vi.waitFor(() => {
      expect(hanging).toHaveBeenCalledTimes(3);
    });
    // The 4th waits for the trials' verdict instead of failing; the breaker closes and it runs.
    releases.splice(0).forEach((release) => {
      release();
    });
    await Promise.all(trials);
    await vi.waitFor(() => {
      expect(hanging).toHaveBeenCalledTimes(4);
    });
    releases.forEach((release) => {
      release();
    });

    await expect(fourth).resolves.toBe('ok');
    expect(runner.breakerStates()).toEqual({ 'aws/ec2': 'closed' });
  });

  it('reopens when a half-open trial fails', async () => {
    const { runner, time } = setup(oneAttempt);
    for (let index = 0; index < 5; index++) await rejectionOf(runner.run(ec2, failing('CLOUD_UNAVAILABLE')));
    time.advance(30_000);

    await rejectionOf(runner.run(ec2, failing('CLOUD_TIMEOUT')));
    const call = vi.fn(() => Promise.resolve('x'));
    const error = await rejectionOf(runner.run(ec2, call));

    expect(call).not.toHaveBeenCalled();
    expect(error).toMatchObject({ details: { breaker: 'open', retryInSeconds: 30 } });
  });

  it('stops retrying, without a backoff wait, once its own failures open the breaker', async () => {
    const { runner, time } = setup({ breaker: { failureThreshold: 2 } });
    const call = failing('CLOUD_UNAVAILABLE');

    const error = await rejectionOf(runner.run(ec2, call));

    expect(call).toHaveBeenCalledTimes(2);
    expect(time.sleeps).toEqual([500]);
    expect(error).toMatchObject({ details: { breaker: 'open', attempts: 2 } });
  });

  it('names the error that opened the breaker when its own failures did', async () => {
    const { runner } = setup({ breaker: { failureThreshold: 2 } });

    const error = await rejectionOf(runner.run(ec2, failing('CLOUD_UNREACHABLE')));

    expect(error).toMatchObject({
      code: 'CLOUD_UNAVAILABLE',
      message: 'circuit open for aws/ec2; retry in 30 s; last error: CLOUD_UNREACHABLE from the cloud',
      details: { breaker: 'open', attempts: 2, lastErrorCode: 'CLOUD_UNREACHABLE' },
      cause: { code: 'CLOUD_UNREACHABLE' },
    });
    // A call refused before any attempt has nothing more to say.
    expect(await rejectionOf(runner.run(ec2, failing('CLOUD_UNREACHABLE')))).toMatchObject({
      message: 'circuit open for aws/ec2; retry in 30 s',
      details: { attempts: 0 },
    });
  });

  it('saves and restores breaker state across runners', async () => {
    const first = setup(oneAttempt);
    for (let index = 0; index < 5; index++)
      await rejectionOf(first.runner.run(ec2, failing('CLOUD_UNAVAILABLE')));
    first.time.advance(12_000);
    const saved: unknown = JSON.parse(JSON.stringify(first.runner.exportBreakerState()));
    const second = setup(oneAttempt, { clock: first.time.clock });
    const call = vi.fn(() => Promise.resolve('x'));

    second.runner.importBreakerState(saved);
    const error = await rejectionOf(second.runner.run(ec2, call));

    expect(call).not.toHaveBeenCalled();
    expect(error).toMatchObject({ message: 'circuit open for aws/ec2; retry in 18 s' });
  });

  it('refuses an invalid breaker snapshot and keeps its breakers', async () => {
    const { runner } = setup(oneAttempt);
    for (let index = 0; index < 5; index++) await rejectionOf(runner.run(ec2, failing('CLOUD_UNAVAILABLE')));

    const importing = () => {
      runner.importBreakerState({ version: 1, breakers: { 'aws/ec2': { state: 'ajar' } } });
    };

    expect(importing).toThrow(expect.objectContaining({ code: 'INTERNAL' }));
    expect(runner.breakerStates()).toEqual({ 'aws/ec2': 'open' });
  });
});

describe('createResilientCallRunner: cancellation and timeouts', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('rejects promptly with the abort reason when the caller aborts during a backoff wait', async () => {
    const { sleep, waiting } = createSleepUntilAborted();
    const { runner } = setup({}, { sleep });
    const controller = new AbortController();
    const reason = new Error('user pressed Ctrl-C');
    const call = failing('CLOUD_THROTTLED');

    const outcome = rejectionOf(runner.run(ec2, call, controller.signal));
    await waiting;
    controller.abort(reason);

    expect(await outcome).toBe(reason);
    expect(call).toHaveBeenCalledTimes(1);
    expect(runner.stats().total).toMatchObject({ cancelled: 1, failures: 0 });
  });

  it('does not call the cloud when the signal is already aborted', async () => {
    const { runner } = setup();
    const controller = new AbortController();
    controller.abort(new Error('too late'));
    const call = vi.fn(() => Promise.resolve('x'));

    const error = await rejectionOf(runner.run(ec2, call, controller.signal));

    expect(call).not.toHaveBeenCalled();
    expect(error).toMatchObject({ message: 'too late' });
  });

  it('passes the abort on to the running call', async () => {
    const { runner } = setup();
    const controller = new AbortController();
    let seen: AbortSignal | undefined;
    const call = (signal: AbortSignal) => {
      seen = signal;
      return new Promise<string>(() => undefined);
    };

    const outcome = rejectionOf(runner.run(ec2, call, controller.signal));
    await vi.waitFor(() => {
      expect(seen).toBeDefined();
    });
    controller.abort(new Error('stop'));

    expect(await outcome).toMatchObject({ message: 'stop' });
    expect(seen?.aborted).toBe(true);
  });

  it('turns an attempt that exceeds its timeout into CLOUD_TIMEOUT and aborts the call', async () => {
    vi.useFakeTimers({ now: START });
    const { runner, events } = setup({ aws: { timeoutMs: 5_000, retry: { maxAttempts: 1 } } });
    let seen: AbortSignal | undefined;
    const call = (signal: AbortSignal) => {
      seen = signal;
      return new Promise<string>(() => undefined);
    };

    const outcome = rejectionOf(runner.run(ec2, call));
    await vi.advanceTimersByTimeAsync(5_000);
    const error = await outcome;

    expect(error).toMatchObject({
      code: 'CLOUD_TIMEOUT',
      retryable: true,
      details: { timeoutMs: 5_000, attempts: 1 },
    });
    expect(seen?.aborted).toBe(true);
    expect(events).toContainEqual({ type: 'timeout', key: ec2, attempt: 1, timeoutMs: 5_000 });
  });

  it('retries timed-out attempts like any retryable error', async () => {
    vi.useFakeTimers({ now: START });
    const { runner } = setup({ aws: { timeoutMs: 1_000 } });
    const call = vi.fn(() => new Promise<string>(() => undefined));

    const outcome = rejectionOf(runner.run(ec2, call));
    await vi.advanceTimersByTimeAsync(10_000);
    const error = await outcome;

    expect(call).toHaveBeenCalledTimes(3);
    expect(error).toMatchObject({ code: 'CLOUD_TIMEOUT', details: { attempts: 3 } });
    expect(runner.stats().total.timeouts).toBe(3);
  });
});

describe('createResilientCallRunner: rate limits', () => {
  it('paces CloudTrail LookupEvents to 2 per second after a burst of 2', async () => {
    const { runner, time, events } = setup();
    const lookup: CallKey = { ...ec2, service: 'cloudtrail', operation: 'LookupEvents' };

    for (let index = 0; index < 6; index++) await runner.run(lookup, () => Promise.resolve(index));

    expect(time.sleeps).toEqual([500, 500, 500, 500]);
    expect(events.filter((event) => event.type === 'throttled_wait')).toHaveLength(4);
    expect(runner.stats().byKey['aws/111122223333/us-east-1/cloudtrail']).toMatchObject({
      throttledWaits: 4,
      throttledWaitMs: 2_000,
    });
  });

  it('keeps a bucket per account, region and service', async () => {
    const { runner, time } = setup({ aws: { rateLimit: { default: { perSecond: 1, burst: 1 } } } });

    await runner.run(ec2, () => Promise.resolve(1));
    await runner.run({ ...ec2, region: 'eu-west-1' }, () => Promise.resolve(2));
    await runner.run({ ...ec2, account: '999988887777' }, () => Promise.resolve(3));
    await runner.run({ ...ec2, service: 'rds' }, () => Promise.resolve(4));
    const beforeRepeat = [...time.sleeps];
    await runner.run(ec2, () => Promise.resolve(5));

    expect(beforeRepeat).toEqual([]);
    expect(time.sleeps).toEqual([1_000]);
  });

  it('rejects with the abort reason when aborted while waiting for a token', async () => {
    const { sleep, waiting } = createSleepUntilAborted();
    const { runner } = setup({ aws: { rateLimit: { default: { perSecond: 1, burst: 1 } } } }, { sleep });
    await runner.run(ec2, () => Promise.resolve('first'));
    const controller = new AbortController();
    const call = vi.fn(() => Promise.resolve('second'));

    const outcome = rejectionOf(runner.run(ec2, call, controller.signal));
    await waiting;
    controller.abort(new Error('gave up'));

    expect(await outcome).toMatchObject({ message: 'gave up' });
    expect(call).not.toHaveBeenCalled();
  });
});

describe('createResilientCallRunner: stats and events', () => {
  it('counts calls, attempts, retries and failures per key', async () => {
    const { runner } = setup();

    await runner.run(ec2, failingThen(['CLOUD_THROTTLED'], 'ok'));
    await rejectionOf(runner.run(ec2, failing('CLOUD_NOT_FOUND')));
    await runner.run(keyFor('gcp'), () => Promise.resolve('ok'));

    const stats = runner.stats();
    expect(stats.byKey['aws/111122223333/us-east-1/ec2']).toMatchObject({
      calls: 2,
      successes: 1,
      failures: 1,
      attempts: 3,
      retries: 1,
    });
    expect(stats.byKey['gcp/acct-1/region-1/compute']).toMatchObject({ calls: 1, successes: 1, attempts: 1 });
    expect(stats.total).toMatchObject({ calls: 3, successes: 2, failures: 1, attempts: 4, retries: 1 });
  });

  it('returns a copy of the stats', async () => {
    const { runner } = setup();
    const before = runner.stats();

    await runner.run(ec2, () => Promise.resolve('ok'));

    expect(before.total.calls).toBe(0);
    expect(runner.stats().total.calls).toBe(1);
  });

  it('is not disturbed by a listener that throws', async () => {
    const { runner } = setup(
      {},
      {
        onEvent: () => {
          throw new Error('metrics exporter down');
        },
      },
    );

    const value = await runner.run(ec2, failingThen(['CLOUD_THROTTLED'], 'ok'));

    expect(value).toBe('ok');
  });
});
