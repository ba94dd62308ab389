import { describe, expect, it } from 'vitest';
import type { WireRequest } from '../server/wire.js';
import { pageArmList } from './page-arm-list.js';

function request(path: string): WireRequest {
  return {
    method: 'GET',
    url: new URL(`http://127.0.0.1:4000${path}`),
    headers: { host: '127.0.0.1:4000' },
    body: Buffer.alloc(0),
  };
}

const ITEMS = Array.from({ length: 7 }, (_, index) => ({ n: index }));
const toJson = (item: { n: number }): string => JSON.stringify(item);

interface Page {
  readonly value: readonly { n: number }[];
  readonly nextLink?: string;
}

function pageAt(path: string, pageSize = 3, allowTop = false): Page {
  const result = pageArmList(request(path), ITEMS, toJson, { pageSize, allowTop });
  if (!result.ok) throw new Error(result.error.message);
  return JSON.parse(result.body) as Page;
}

describe('pageArmList', () => {
  it('follows nextLink to the end, keeping the query parameters', () => {
    const seen: number[] = [];
    let path: string | undefined =
      "/subscriptions/s/providers/Microsoft.Insights/eventtypes/management/values?api-version=2015-04-01&$filter=eventTimestamp ge '2026-11-01'";
    const links: string[] = [];

    while (path !== undefined) {
      const page = pageAt(path);
      seen.push(...page.value.map((item) => item.n));
      if (page.nextLink !== undefined) links.push(page.nextLink);
      path = page.nextLink?.replace('http://127.0.0.1:4000', '');
    }

    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(links).toHaveLength(2);
    const next = new URL(links[0]!);
    expect(next.origin).toBe('http://127.0.0.1:4000');
    expect(next.searchParams.get('api-version')).toBe('2015-04-01');
    expect(next.searchParams.get('$filter')).toBe("eventTimestamp ge '2026-11-01'");
    expect(links[0]).toContain('&$skiptoken=');
  });

  it('honours $top only where the API documents it', () => {
    expect(pageAt('/x?api-version=1&$top=2', 3, true).value).toHaveLength(2);
    expect(pageAt('/x?api-version=1&$top=2', 3, false).value).toHaveLength(3);
  });

  it.each([['$skiptoken=not-a-token'], ['$skipToken=bm9wZQ']])(
    'rejects a skip token it did not issue (%s)',
    (query) => {
      const result = pageArmList(request(`/x?api-version=1&${query}`), ITEMS, toJson, { pageSize: 3 });

      expect(result.ok ? undefined : result.error).toMatchObject({ status: 400, code: 'InvalidSkipToken' });
    },
  );
});
