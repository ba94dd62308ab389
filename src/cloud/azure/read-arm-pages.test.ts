import { describe, expect, it } from 'vitest';
import type { CallKey, CallRunner } from '../../core/ports/call-runner.js';
import { readArmPages, readSdkPages, takeFirstPage, type ArmPage } from './read-arm-pages.js';

describe('readArmPages', () => {
  it('follows nextLinks until the last page', async () => {
    const pages: Record<string, ArmPage<number>> = {
      first: { items: [1, 2], nextLink: 'p2' },
      p2: { items: [3], nextLink: 'p3' },
      p3: { items: [4], nextLink: undefined },
    };
    const seen: number[] = [];
    const links: (string | undefined)[] = [];

    await readArmPages<number>(
      'X_List',
      (link) => {
        links.push(link);
        return Promise.resolve(pages[link ?? 'first']!);
      },
      (items) => {
        seen.push(...items);
        return true;
      },
    );

    expect(seen).toEqual([1, 2, 3, 4]);
    expect(links).toEqual([undefined, 'p2', 'p3']);
  });

  it('stops when the consumer has enough', async () => {
    let calls = 0;

    await readArmPages<number>(
      'X_List',
      () => {
        calls += 1;
        return Promise.resolve({ items: [1], nextLink: `p${calls}` });
      },
      () => false,
    );

    expect(calls).toBe(1);
  });

  it('fails as a malformed response when a nextLink repeats', async () => {
    const read = readArmPages<number>(
      'X_List',
      () => Promise.resolve({ items: [], nextLink: 'same' }),
      () => true,
    );

    await expect(read).rejects.toMatchObject({ code: 'CLOUD_MALFORMED_RESPONSE' });
  });
});

describe('takeFirstPage', () => {
  it('returns the first page with its link and closes the iterator without reading on', async () => {
    let produced = 0;
    let closed = false;
    async function* pages(): AsyncGenerator<number[] & { continuationToken?: string }> {
      try {
        await Promise.resolve(); // the SDK fetches each page
        produced += 1;
        yield Object.assign([1, 2], { continuationToken: 'next' });
        produced += 1;
        yield Object.assign([3], { continuationToken: undefined });
      } finally {
        closed = true;
      }
    }

    const page = await takeFirstPage(pages(), (p) => p.continuationToken);

    expect([...page.items]).toEqual([1, 2]);
    expect(page.nextLink).toBe('next');
    expect(produced).toBe(1);
    expect(closed).toBe(true);
  });

  it('gives an empty last page for an empty iterator', async () => {
    async function* none(): AsyncGenerator<number[]> {
      // An SDK iterator over an empty result yields no page at all.
    }

    expect(await takeFirstPage(none(), () => 'x')).toEqual({ items: [], nextLink: undefined });
  });
});

describe('readSdkPages', () => {
  const key: CallKey = {
    provider: 'azure',
    account: 'sub-1',
    region: 'global',
    service: 'Microsoft.Compute',
    operation: 'Disks_List',
  };

  it('opens a fresh listing per page with the attempt signal, from the previous page link, one runner call each', async () => {
    const pages: Record<string, number[] & { continuationToken?: string }> = {
      first: Object.assign([1, 2], { continuationToken: 'p2' }),
      p2: Object.assign([3], { continuationToken: undefined }),
    };
    const runs: CallKey[] = [];
    const attempt = new AbortController().signal;
    const runner: CallRunner = {
      run: (runKey, call) => {
        runs.push(runKey);
        return call(attempt);
      },
    };
    const opened: { signal: AbortSignal; from: string | undefined }[] = [];
    const seen: number[] = [];

    await readSdkPages(
      runner,
      key,
      (abortSignal) => ({
        byPage: (settings) => {
          opened.push({ signal: abortSignal, from: settings?.continuationToken });
          const page = pages[settings?.continuationToken ?? 'first']!;
          return (async function* () {
            await Promise.resolve();
            yield page;
          })();
        },
      }),
      (page) => page.continuationToken,
      (items) => {
        seen.push(...items);
        return true;
      },
    );

    expect(seen).toEqual([1, 2, 3]);
    expect(opened).toEqual([
      { signal: attempt, from: undefined },
      { signal: attempt, from: 'p2' },
    ]);
    expect(runs).toEqual([key, key]);
  });

  it('maps an SDK failure to an SreError naming the resource', async () => {
    const runner: CallRunner = { run: (_key, call) => call(new AbortController().signal) };

    const read = readSdkPages(
      runner,
      key,
      () => ({
        byPage: (): AsyncIterableIterator<number[]> => ({
          next: () =>
            Promise.reject(
              Object.assign(new Error('denied'), { statusCode: 403, code: 'AuthorizationFailed' }),
            ),
          [Symbol.asyncIterator]() {
            return this;
          },
        }),
      }),
      () => undefined,
      () => true,
      { resource: 'disk-1' },
    );

    await expect(read).rejects.toMatchObject({
      code: 'CLOUD_AUTHORIZATION',
      details: { provider: 'azure', operation: 'Disks_List', resource: 'disk-1', subscription: 'sub-1' },
    });
  });
});
