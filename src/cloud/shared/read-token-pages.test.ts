import { describe, expect, it } from 'vitest';
import { readTokenPages, type PagedListing } from './read-token-pages.js';

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
