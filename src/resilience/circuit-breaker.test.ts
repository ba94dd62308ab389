import { describe, expect, it, vi } from 'vitest';
import { SreError } from '../core/errors/sre-error.js';
import {
  CircuitBreaker,
  isBreakerRejection,
  type BreakerStateChange,
  type BreakerVerdict,
} from './circuit-breaker.js';
import { classifyFailure } from './classify-failure.js';
import { createFakeTime, type FakeTime } from './create-fake-time.js';

function setup(overrides: { initialState?: ReturnType<CircuitBreaker['toJSON']>; time?: FakeTime } = {}) {
  const time = overrides.time ?? createFakeTime(1_700_000_000_000);
  const changes: BreakerStateChange[] = [];
  const breaker = new CircuitBreaker({
    name: 'aws/ec2',
    failureThreshold: 5,
    openMs: 30_000,
    halfOpenMaxTrials: 3,
    successThreshold: 2,
    classify: (error): BreakerVerdict => classifyFailure(error).breaker,
    clock: time.clock,
    onStateChange: (change) => changes.push(change),
    ...(overrides.initialState === undefined ? {} : { initialState: overrides.initialState }),
  });
  return { breaker, time, changes };
}

const unavailable = () => Promise.reject(new SreError('CLOUD_UNAVAILABLE', '503'));
const succeed = () => Promise.resolve('ok');

async function failTimes(breaker: CircuitBreaker, count: number): Promise<void> {
  for (let index = 0; index < count; index++) await breaker.execute(unavailable).catch(() => undefined);
}

function deferred() {
  let resolve!: (value: string) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<string>((onResolve, onReject) => {
    resolve = onResolve;
    reject = onReject;
  });
  return { promise, resolve, reject };
}

describe('CircuitBreaker', () => {
  it('stays closed below the threshold and opens at the 5th consecutive failure', async () => {
    const { breaker, changes } = setup();

    await failTimes(breaker, 4);
    const beforeThreshold = breaker.state;
    await failTimes(breaker, 1);

    expect(beforeThreshold).toBe('closed');
    expect(breaker.state).toBe('open');
    expect(changes).toEqual([{ breaker: 'aws/ec2', from: 'closed', to: 'open' }]);
  });

  it.each([
    ['a success', succeed],
    ['an answered error (not found)', () => Promise.reject(new SreError('CLOUD_NOT_FOUND', 'no such group'))],
    ['throttling', () => Promise.reject(new SreError('CLOUD_THROTTLED', 'slow down'))],
  ])('resets the consecutive count after %s', async (_label, outcome) => {
    const { breaker } = setup();
    await failTimes(breaker, 4);

    await breaker.execute(outcome).catch(() => undefined);
    await failTimes(breaker, 4);

    expect(breaker.state).toBe('closed');
  });

  it('neither counts nor resets on errors that say nothing about the dependency', async () => {
    const { breaker } = setup();
    await failTimes(breaker, 4);

    await breaker.execute(() => Promise.reject(new Error('adapter bug'))).catch(() => undefined);
    await failTimes(breaker, 1);

    expect(breaker.state).toBe('open');
  });

  it('fails fast while open, without calling the function, and says when to retry', async () => {
    const { breaker, time } = setup();
    await failTimes(breaker, 5);
    time.advance(7_000);
    const fn = vi.fn(succeed);

    const error: unknown = await breaker.execute(fn).catch((rejection: unknown) => rejection);

    expect(fn).not.toHaveBeenCalled();
    expect(isBreakerRejection(error)).toBe(true);
    expect(error).toMatchObject({
      code: 'CLOUD_UNAVAILABLE',
      retryable: true,
      retryAfterSeconds: 23,
      message: 'circuit open for aws/ec2; retry in 23 s',
      details: { breaker: 'open', retryInSeconds: 23 },
    });
  });

  it('admits at most 3 concurrent trial calls; a 4th waits and runs once the trials close it', async () => {
    const { breaker, time } = setup();
    await failTimes(breaker, 5);
    time.advance(30_000);
    const trials = [deferred(), deferred(), deferred()];
    const fourthCall = vi.fn(succeed);

    const running = trials.map((trial) => breaker.execute(() => trial.promise));
    const fourth = breaker.execute(fourthCall);
    await Promise.resolve();

    expect(fourthCall).not.toHaveBeenCalled();
    expect(breaker.state).toBe('half_open');
    trials.forEach((trial) => {
      trial.resolve('ok');
    });
    await Promise.all(running);
    await fourth;
    expect(fourthCall).toHaveBeenCalledTimes(1);
    expect(breaker.state).toBe('closed');
  });

  it('ends a wait for trials when the caller aborts, without calling and without taking a slot', async () => {
    const { breaker, time } = setup();
    await failTimes(breaker, 5);
    time.advance(30_000);
    const trials = [deferred(), deferred(), deferred()];
    const fourthCall = vi.fn(succeed);
    const controller = new AbortController();

    const running = trials.map((trial) => breaker.execute(() => trial.promise));
    const fourth = breaker.execute(fourthCall, controller.signal);
    controller.abort(new Error('deadline'));

    await expect(fourth).rejects.toThrow('deadline');
    trials.forEach((trial) => {
      trial.resolve('ok');
    });
    await Promise.all(running);
    expect(fourthCall).not.toHaveBeenCalled();
    expect(breaker.state).toBe('closed');
  });

  it('fails a waiting call fast when the trials reopen the breaker', async () => {
    const { breaker, time } = setup();
    await failTimes(breaker, 5);
    time.advance(30_000);
    const trials = [deferred(), deferred(), deferred()];
    const fourthCall = vi.fn(succeed);

    const running = trials.map((trial) => breaker.execute(() => trial.promise).catch(() => 'failed'));
    const fourth = breaker.execute(fourthCall);
    trials[0]?.reject(new SreError('CLOUD_UNAVAILABLE', 'still down', { retryable: true }));

    await expect(fourth).rejects.toMatchObject({ details: { breaker: 'open', retryInSeconds: 30 } });
    expect(fourthCall).not.toHaveBeenCalled();
    trials.forEach((trial) => {
      trial.resolve('ok');
    });
    await Promise.all(running);
  });

  it('closes after 2 successful trials', async () => {
    const { breaker, time, changes } = setup();
    await failTimes(breaker, 5);
    time.advance(30_000);

    await breaker.execute(succeed);
    const afterOne = breaker.state;
    await breaker.execute(succeed);

    expect(afterOne).toBe('half_open');
    expect(breaker.state).toBe('closed');
    expect(changes.map((change) => change.to)).toEqual(['open', 'half_open', 'closed']);
  });

  it('reopens on a failed trial and restarts the open period', async () => {
    const { breaker, time } = setup();
    await failTimes(breaker, 5);
    time.advance(30_000);
    await breaker.execute(succeed);

    await failTimes(breaker, 1);
    time.advance(29_000);
    const stillOpen = breaker.state;
    time.advance(1_000);

    expect(stillOpen).toBe('open');
    expect(breaker.state).toBe('half_open');
  });

  it('frees the trial slot of a trial that ends without a verdict', async () => {
    const { breaker, time } = setup();
    await failTimes(breaker, 5);
    time.advance(30_000);
    const cancelled = () => Promise.reject(new DOMException('aborted', 'AbortError'));

    for (let index = 0; index < 3; index++) await breaker.execute(cancelled).catch(() => undefined);
    await breaker.execute(succeed);
    await breaker.execute(succeed);

    expect(breaker.state).toBe('closed');
  });

  it('ignores the late outcome of a call admitted before the breaker opened', async () => {
    const { breaker, time } = setup();
    const slow = deferred();
    const slowCall = breaker.execute(() => slow.promise);
    await failTimes(breaker, 5);
    time.advance(30_000);
    await breaker.execute(succeed);

    slow.resolve('late');
    await slowCall;

    expect(breaker.state).toBe('half_open');
  });

  it('resumes from a snapshot: an open breaker stays open for the rest of its period', async () => {
    const first = setup();
    await failTimes(first.breaker, 5);
    first.time.advance(10_000);
    const snapshot = JSON.parse(JSON.stringify(first.breaker.toJSON())) as ReturnType<
      CircuitBreaker['toJSON']
    >;

    const second = setup({ initialState: snapshot, time: first.time });
    const error: unknown = await second.breaker.execute(succeed).catch((rejection: unknown) => rejection);

    expect(second.breaker.state).toBe('open');
    expect(error).toMatchObject({ details: { retryInSeconds: 20 } });
  });

  it('resumes from a snapshot: a closed breaker keeps its failure count', async () => {
    const first = setup();
    await failTimes(first.breaker, 4);

    const second = setup({ initialState: first.breaker.toJSON(), time: first.time });
    await failTimes(second.breaker, 1);

    expect(second.breaker.state).toBe('open');
  });

  it('saves a half-open breaker as open with its period over', async () => {
    const { breaker, time } = setup();
    await failTimes(breaker, 5);
    time.advance(30_000);
    await breaker.execute(succeed);

    const restored = setup({ initialState: breaker.toJSON(), time });

    expect(restored.breaker.state).toBe('half_open');
  });
});
