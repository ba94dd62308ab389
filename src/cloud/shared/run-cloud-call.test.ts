import { describe, expect, it } from 'vitest';
import { SreError } from '../../core/errors/sre-error.js';
import type { CallKey, CallRunner } from '../../core/ports/call-runner.js';
import { type CloudCallAttempt, runCloudCallWith } from './run-cloud-call.js';

const key: CallKey = { provider: 'aws', account: '1', region: 'eu-west-1', service: 'ec2', operation: 'Op' };

/** A runner that runs the call once under its own attempt signal and records what it was given. */
function recordingRunner() {
  const attemptSignal = new AbortController().signal;
  const seen: { key: CallKey; signal: AbortSignal | undefined }[] = [];
  const runner: CallRunner = {
    run: (runKey, call, signal) => {
      seen.push({ key: runKey, signal });
      return call(attemptSignal);
    },
  };
  return { runner, seen, attemptSignal };
}

describe('runCloudCallWith', () => {
  it('runs the call under the key with the attempt signal and passes the caller signal to the runner', async () => {
    const { runner, seen, attemptSignal } = recordingRunner();
    const caller = new AbortController().signal;
    let given: AbortSignal | undefined;

    const run = runCloudCallWith(() => new SreError('CLOUD_UNKNOWN', 'unused'));

    const value = await run(
      runner,
      key,
      (signal) => {
        given = signal;
        return Promise.resolve(42);
      },
      { signal: caller },
    );

    expect(value).toBe(42);
    expect(given).toBe(attemptSignal);
    expect(seen).toEqual([{ key, signal: caller }]);
  });

  it('maps a failure inside the attempt, naming the resource only when one was given', async () => {
    const { runner, attemptSignal } = recordingRunner();
    const failure = new Error('boom');
    const attempts: CloudCallAttempt[] = [];
    const run = runCloudCallWith((error, failedKey, attempt) => {
      attempts.push(attempt);
      return new SreError('CLOUD_THROTTLED', `mapped ${failedKey.operation}`, { cause: error });
    });

    const named = run(runner, key, () => Promise.reject(failure), { resource: 'b1' });
    await expect(named).rejects.toMatchObject({
      code: 'CLOUD_THROTTLED',
      message: 'mapped Op',
      cause: failure,
    });
    const anonymous = run(runner, key, () => Promise.reject(failure));
    await expect(anonymous).rejects.toMatchObject({ code: 'CLOUD_THROTTLED' });

    expect(attempts).toEqual([{ signal: attemptSignal, resource: 'b1' }, { signal: attemptSignal }]);
    expect('resource' in attempts[1]!).toBe(false);
  });
});
