import { describe, expect, it } from 'vitest';
import { generateEstate } from './generate-estate.js';
import { summarizeEstate } from './summarize-estate.js';

const estate = generateEstate({ seed: 3, size: 'tiny', anchorTime: '2026-11-25T00:00:00.000Z' });

describe('summarizeEstate', () => {
  it('counts every kind in the totals', () => {
    const summary = summarizeEstate(estate);

    expect(summary.totals).toEqual({
      accounts: estate.accounts.length,
      regions: estate.regions.length,
      instances: estate.instances.length,
      volumes: estate.volumes.length,
      functions: estate.functions.length,
      databases: estate.databases.length,
      buckets: estate.buckets.length,
      logGroups: estate.logGroups.length,
      auditEvents: estate.auditEvents.length,
    });
  });

  it.each(['aws', 'azure', 'gcp'] as const)('breaks down %s by state and finding', (provider) => {
    const summary = summarizeEstate(estate);

    const row = summary.providers.find((p) => p.provider === provider)!;

    expect(row.instances).toBe(estate.instances.filter((i) => i.provider === provider).length);
    expect(Object.values(row.instancesByState).reduce((a, b) => a + b, 0)).toBe(row.instances);
    expect(Object.keys(row.instancesByState)).toEqual(Object.keys(row.instancesByState).sort());
    expect(row.unattachedVolumes).toBe(
      estate.volumes.filter((v) => v.provider === provider && !v.attachedTo).length,
    );
    expect(row.deprecatedRuntimeFunctions).toBe(
      estate.functions.filter((f) => f.provider === provider && f.runtimeDeprecated).length,
    );
    expect(row.accounts).toBe(3);
  });

  it('counts per account and per region add up to the totals', () => {
    const summary = summarizeEstate(estate);

    const byAccount = summary.accounts.reduce((sum, account) => sum + account.instances, 0);
    const byRegion = summary.regions.reduce((sum, region) => sum + region.instances, 0);

    expect(byAccount).toBe(estate.instances.length);
    expect(byRegion).toBe(estate.instances.length);
  });

  it('is plain, stable data', () => {
    expect(JSON.parse(JSON.stringify(summarizeEstate(estate)))).toEqual(summarizeEstate(estate));
  });
});
