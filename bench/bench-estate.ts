import { generateEstate } from '../emulator/estate/generate-estate.js';
import type { Estate, EstateInstance } from '../emulator/estate/model.js';

/** Fixed anchor so every benchmark run reads the same data. */
export const BENCH_ANCHOR = '2026-11-20T00:00:00.000Z';

/**
 * An estate with `count` EC2 instances in one AWS account spread over `regions`, built from the
 * xl preset's instances (their names, types, states, tags and metric patterns) re-homed to AWS,
 * for the listing and metric benchmarks. Deterministic.
 */
export function buildAwsBenchEstate(count: number, regions: readonly string[]): Estate {
  const base = generateEstate({ seed: 42, size: 'xl', anchorTime: BENCH_ANCHOR });
  const account = base.accounts.find((a) => a.provider === 'aws')!;
  const awsTemplates = base.instances.filter((i) => i.provider === 'aws');
  const instances: EstateInstance[] = [];
  for (let n = 0; n < count; n++) {
    const source = base.instances[n % base.instances.length]!;
    const template = awsTemplates[n % awsTemplates.length]!;
    const region = regions[n % regions.length]!;
    instances.push({
      ...template,
      id: `i-${n.toString(16).padStart(17, '0')}`,
      account: account.id,
      region,
      zone: `${region}a`,
      metrics: source.metrics,
      volumeIds: [],
    });
  }
  instances.sort((a, b) => (a.region < b.region ? -1 : a.region > b.region ? 1 : a.id < b.id ? -1 : 1));
  return {
    ...base,
    size: `bench-${count}`,
    accounts: [{ ...account, regions: [...regions] }],
    regions: base.regions.filter((r) => r.provider === 'aws' && regions.includes(r.name)),
    instances,
    volumes: [],
    functions: [],
    databases: [],
    buckets: [],
    logGroups: [],
    auditEvents: [],
  };
}
