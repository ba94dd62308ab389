import { describe, expect, it } from 'vitest';
import { SreError } from '../../core/errors/sre-error.js';
import type { CallKey, CallRunner } from '../../core/ports/call-runner.js';
import { readPagesThrough, readTokenPages, type PagedListing } from './read-token-pages.js';
import { runCloudCallWith } from './run-cloud-call.js';

interface Page {
  readonly items: readonly number[];
  readonly next?: string | null;
}

const listing: PagedListing = { provider: 'gcp', operation: 'things.list', tokenName: 'page token' };

describe('readTokenPages', () => {
  it('follows tokens from the first page (no token) to the last', async () => {
    const pages: Record<string, Page> = {
      first: { items: [1, 2], next: 't2' },
      t2: { items: [3], next: 't3' },
      t3: { items: [4] },
    };
    const tokens: (string | undefined)[] = [];
    const seen: number[] = [];

    await readTokenPages<Page>(
      listing,
      (token) => {
        tokens.push(token);
        return Promise.resolve(pages[token ?? 'first']!);
      },
      (page) => page.next,
      (page) => {
        seen.push(...page.items);
        return true;
      },
    );

    expect(tokens).toEqual([undefined, 't2', 't3']);
    expect(seen).toEqual([1, 2, 3, 4]);
  });

  it.each([null, ''])('stops at a %j token', async (last) => {
    let calls = 0;

    await readTokenPages<Page>(
      listing,
      () => {
        calls += 1;
        return Promise.resolve({ items: [], next: calls === 1 ? 'more' : last });
      },
      (page) => page.next,
      () => undefined,
    );

    expect(calls).toBe(2);
  });

  it('stops when the consumer returns false, before asking for the next page', async () => {
    let calls = 0;

    await readTokenPages<Page>(
      listing,
      () => {
        calls += 1;
        return Promise.resolve({ items: [1], next: `t${calls}` });
      },
      (page) => page.next,
      () => false,
    );

    expect(calls).toBe(1);
  });

  it('fails as a malformed response, naming the provider and token, when a token comes back', async () => {
    const tokens = ['a', 'b', 'a'];

    const read = readTokenPages<Page>(
      { provider: 'azure', operation: 'X_List', tokenName: 'nextLink' },
      () => Promise.resolve({ items: [], next: tokens.shift() ?? null }),
      (page) => page.next,
      () => true,
    );

    await expect(read).rejects.toMatchObject({
      code: 'CLOUD_MALFORMED_RESPONSE',
      message:
        'Azure X_List returned a nextLink it had already returned; paging stopped to avoid an endless loop.',
      details: { provider: 'azure', operation: 'X_List' },
    });
  });

  it('passes a page failure through untouched', async () => {
    const failure = new Error('page 2 failed');

    const read = readTokenPages<Page>(
      listing,
      (token) => (token === undefined ? Promise.resolve({ items: [], next: 'p2' }) : Promise.reject(failure)),
      (page) => page.next,
      () => true,
    );

    await expect(read).rejects.toBe(failure);
  });
});

describe('readPagesThrough', () => {
  const key: CallKey = {
    provider: 'aws',
    account: '1',
    region: 'eu-west-1',
    service: 'logs',
    operation: 'Op',
  };

  it('makes one runner call per page under the key, each fetching from the previous token', async () => {
    const attempt = new AbortController().signal;
    const caller = new AbortController().signal;
    const runs: { key: CallKey; signal: AbortSignal | undefined }[] = [];
    const runner: CallRunner = {
      run: (runKey, call, signal) => {
        runs.push({ key: runKey, signal });
        return call(attempt);
      },
    };
    const read = readPagesThrough(
      runCloudCallWith(() => new SreError('CLOUD_UNKNOWN', 'unused')),
      { provider: 'aws', tokenName: 'page token' },
    );
    const fetched: { token: string | undefined; signal: AbortSignal }[] = [];

    await read<Page>(
      runner,
      key,
      (token, abortSignal) => {
        fetched.push({ token, signal: abortSignal });
        return Promise.resolve(token === undefined ? { items: [1], next: 'n2' } : { items: [2] });
      },
      (page) => page.next,
      () => true,
      { signal: caller },
    );

    expect(fetched).toEqual([
      { token: undefined, signal: attempt },
      { token: 'n2', signal: attempt },
    ]);
    expect(runs).toEqual([
      { key, signal: caller },
      { key, signal: caller },
    ]);
  });

  it('names the key operation when a token repeats, and maps page failures with the adapter mapper', async () => {
    const runner: CallRunner = { run: (_key, call) => call(new AbortController().signal) };
    const read = readPagesThrough(
      runCloudCallWith(
        (error, failedKey, attempt) =>
          new SreError('CLOUD_UNAVAILABLE', `${failedKey.operation} ${attempt.resource ?? ''}`, {
            cause: error,
          }),
      ),
      { provider: 'aws', tokenName: 'page token' },
    );

    const looping = read<Page>(
      runner,
      key,
      () => Promise.resolve({ items: [], next: 'same' }),
      (p) => p.next,
      () => true,
    );
    await expect(looping).rejects.toMatchObject({
      code: 'CLOUD_MALFORMED_RESPONSE',
      message:
        'AWS Op returned a page token it had already returned; paging stopped to avoid an endless loop.',
    });
    const failing = read<Page>(
      runner,
      key,
      () => Promise.reject(new Error('x')),
      (p) => p.next,
      () => true,
      {
        resource: 'group-1',
      },
    );
    await expect(failing).rejects.toMatchObject({ code: 'CLOUD_UNAVAILABLE', message: 'Op group-1' });
  });
});
