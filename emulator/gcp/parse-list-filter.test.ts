import { describe, expect, it } from 'vitest';
import type { JsonObject } from './gcp-json.js';
import { FilterSyntaxError, parseListFilter } from './parse-list-filter.js';

const web: JsonObject = {
  name: 'web-prod-1',
  status: 'RUNNING',
  labels: { env: 'prod', team: 'storefront' },
  scheduling: { automaticRestart: true },
  cpuPlatform: 'Intel Broadwell',
  id: '1234',
  creationTimestamp: '2026-10-01T02:03:04.000-07:00',
  networkInterfaces: [{ networkIP: '10.0.0.5' }],
};
const batch: JsonObject = {
  name: 'batch-worker-2',
  status: 'TERMINATED',
  labels: { env: 'dev' },
  scheduling: { automaticRestart: false },
  cpuPlatform: 'Unknown CPU Platform',
  id: '99',
  creationTimestamp: '2026-11-01T00:00:00.000-07:00',
  networkInterfaces: [{ networkIP: '10.0.0.9' }],
};

describe('parseListFilter', () => {
  it.each<[string, boolean, boolean]>([
    ['', true, true],
    ['status = RUNNING', true, false],
    ['status != TERMINATED', true, false],
    ['status = "RUNNING"', true, false],
    ["status = 'TERMINATED'", false, true],
    ['labels.env = prod', true, false],
    ['name = web-*', true, false],
    ['name = *-2', false, true],
    ['labels.team:*', true, false],
    ['NOT labels.team:*', false, true],
    ['-labels.team:*', false, true],
    ['cpuPlatform : Broadwell', true, false],
    ['scheduling.automaticRestart = false', false, true],
    ['id > 100', true, false],
    ['creationTimestamp >= "2026-10-15T00:00:00Z"', false, true],
    ['networkInterfaces.networkIP = 10.0.0.9', false, true],
    ['(status = RUNNING) (labels.env = prod)', true, false],
    ['status = RUNNING AND labels.env = dev', false, false],
    ['status = RUNNING OR labels.env = dev', true, true],
    // AIP-160: OR binds tighter than AND.
    ['status = TERMINATED OR labels.env = prod AND name = web-*', true, false],
    ['name eq web-.*', true, false],
    ['name ne web-.*', false, true],
    ["name eq 'batch-worker-[0-9]+'", false, true],
    ['(name eq .*-prod-.*) (status ne TERMINATED)', true, false],
  ])('%j matches web: %s, batch: %s', (filter, matchesWeb, matchesBatch) => {
    const parsed = parseListFilter(filter);

    expect(parsed(web)).toBe(matchesWeb);
    expect(parsed(batch)).toBe(matchesBatch);
  });

  it.each([
    'status =',
    'status RUNNING',
    '(status = RUNNING',
    '"RUNNING"',
    'name eq (',
    'status = RUNNING name eq web',
  ])('refuses %j', (filter) => {
    expect(() => parseListFilter(filter)).toThrow(FilterSyntaxError);
  });

  it('refuses the regular-expression syntax where the API has none', () => {
    expect(() => parseListFilter('name eq web-.*', { allowRegex: false })).toThrow(FilterSyntaxError);
  });
});
