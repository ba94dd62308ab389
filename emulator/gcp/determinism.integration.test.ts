import { afterAll, beforeAll, expect, it } from 'vitest';
import { generateEstate } from '../estate/generate-estate.js';
import type { Estate } from '../estate/model.js';
import { startEmulator, type RunningEmulator } from '../server/start-emulator.js';

const ANCHOR = '2026-11-20T00:00:00.000Z';

let estates: Estate[];
let emulators: RunningEmulator[];

beforeAll(async () => {
  estates = [1, 2].map(() => generateEstate({ seed: 7, size: 'small', anchorTime: ANCHOR }));
  emulators = await Promise.all(estates.map((estate) => startEmulator({ estate, pageSizeCaps: { gcp: 7 } })));
});

afterAll(async () => {
  await Promise.all(emulators.map((emulator) => emulator.close()));
});

interface Call {
  readonly path: string;
  readonly body?: Record<string, unknown>;
}

/** Follows page tokens and returns the raw bytes of every page. */
async function fetchPages(base: string, call: Call): Promise<string[]> {
  const pages: string[] = [];
  let token: string | undefined;
  do {
    const url = new URL(`${base}${call.path}`);
    if (token !== undefined && call.body === undefined) url.searchParams.set('pageToken', token);
    const response = await fetch(url, {
      method: call.body === undefined ? 'GET' : 'POST',
      ...(call.body === undefined
        ? {}
        : { body: JSON.stringify({ ...call.body, ...(token === undefined ? {} : { pageToken: token }) }) }),
    });
    const text = await response.text();
    expect(response.status).toBe(200);
    pages.push(text);
    token = (JSON.parse(text) as { nextPageToken?: string }).nextPageToken;
  } while (token !== undefined && pages.length < 50);
  return pages;
}

it('serves byte-identical responses, page tokens included, from two emulators of the same seed', async () => {
  const project = estates[0]!.accounts.filter((account) => account.provider === 'gcp')[1]!.id;
  const metricQuery = new URLSearchParams({
    filter: 'metric.type = "compute.googleapis.com/instance/cpu/utilization"',
    'interval.startTime': '2026-11-19T22:00:00Z',
    'interval.endTime': ANCHOR,
    'aggregation.alignmentPeriod': '600s',
    'aggregation.perSeriesAligner': 'ALIGN_MEAN',
    $alt: 'json;enum-encoding=int',
  });
  const calls: Call[] = [
    { path: `/compute/v1/projects/${project}/aggregated/instances` },
    { path: `/compute/v1/projects/${project}/aggregated/disks` },
    { path: `/compute/v1/projects/${project}/zones` },
    { path: `/v2/projects/${project}/locations/-/functions?$alt=json%3Benum-encoding%3Dint` },
    { path: `/v1/projects/${project}/instances` },
    { path: `/storage/v1/b?project=${project}` },
    { path: `/v3/projects/${project}/timeSeries?${metricQuery.toString()}` },
    {
      path: '/v2/entries:list',
      body: {
        resourceNames: [`projects/${project}`],
        filter: 'timestamp >= "2026-11-19T23:00:00Z" AND severity >= WARNING',
        orderBy: 'timestamp desc',
      },
    },
    {
      path: '/v2/entries:list',
      body: {
        resourceNames: [`projects/${project}`],
        filter: 'log_id("cloudaudit.googleapis.com/activity") timestamp >= "2026-09-01T00:00:00Z"',
      },
    },
  ];

  for (const call of calls) {
    const [first, second] = await Promise.all(
      emulators.map((emulator) => fetchPages(emulator.endpoints.gcp, call)),
    );

    expect(second, call.path).toEqual(first);
    expect(first!.length, call.path).toBeGreaterThanOrEqual(call.path.includes('/zones') ? 2 : 1);
  }
});
