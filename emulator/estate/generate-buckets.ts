import { STORAGE_CLASSES } from './cloud-catalog.js';
import { DAY_MS, armResourceId, buildTags, timeBefore, toIsoTime } from './estate-naming.js';
import type { EstateBucket, Provider } from './model.js';
import type { AccountPlan, EstatePlan } from './plan-estate.js';
import { PEOPLE } from './presets.js';

/** Bucket purposes with the team that owns them and how likely they are to be public. */
const PURPOSES: readonly (readonly [purpose: string, team: string, publicChance: number])[] = [
  ['logs', 'sre', 0.01],
  ['backups', 'platform', 0.01],
  ['assets', 'storefront', 0.3],
  ['datalake', 'data', 0.02],
  ['artifacts', 'devex', 0.03],
  ['exports', 'finance', 0.05],
  ['tfstate', 'platform', 0.01],
  ['uploads', 'storefront', 0.08],
  ['static', 'storefront', 0.4],
  ['reports', 'finance', 0.04],
  ['mlmodels', 'ml', 0.02],
  ['audit', 'sre', 0.01],
];

const UNENCRYPTED_CHANCE: Readonly<Record<Provider, number>> = { aws: 0.08, azure: 0.03, gcp: 0 };

/**
 * Generates the buckets of one account (S3 buckets, Azure storage accounts, GCS buckets), spread
 * over the account's regions by weight. Names are globally unique, as the clouds require:
 * `acme-logs-prod-use1-8f3a`, `stlogsprod8f3a`, `shop-prod-4821-logs`.
 */
export function generateBuckets(plan: EstatePlan, account: AccountPlan, taken: Set<string>): EstateBucket[] {
  const buckets: EstateBucket[] = [];
  const random = plan.random(`buckets/${account.provider}/${account.id}`);
  const provider = account.provider;
  const environment = account.environment;
  const regionWeights = account.preset.regions.map((share) => [share.region, share.weight] as const);
  for (let index = 0; index < account.buckets; index++) {
    const region = random.weighted(regionWeights);
    const short = account.cells.find((cell) => cell.region.name === region)?.region.short ?? region;
    const [purpose, team, publicChance] = random.pick(PURPOSES);
    let name = '';
    for (let attempt = 0; name === '' || taken.has(name); attempt++) {
      switch (provider) {
        case 'aws':
          name = `acme-${purpose}-${environment}-${short}-${random.hex(4)}`;
          break;
        case 'azure':
          // Storage account names: 3–24 lowercase letters and digits.
          name = `st${purpose}${environment}${random.hex(6)}`.slice(0, 24);
          break;
        case 'gcp':
          name = attempt === 0 ? `${account.id}-${purpose}` : `${account.id}-${purpose}-${random.hex(4)}`;
          break;
      }
    }
    taken.add(name);
    const resourceGroup = provider === 'azure' ? `rg-storage-${environment}-${short}` : undefined;
    buckets.push({
      provider,
      id:
        provider === 'azure'
          ? armResourceId(account.id, resourceGroup!, 'Microsoft.Storage/storageAccounts', name)
          : name,
      name,
      account: account.id,
      region,
      createdTime: toIsoTime(timeBefore(plan.anchorMs, 1_100 * DAY_MS, random)),
      // The first bucket of each account is a sure finding: public in production, unencrypted
      // elsewhere (where the cloud allows it), so every estate exercises those checks.
      publicAccess: random.chance(publicChance) || (index === 0 && environment === 'prod'),
      encrypted:
        !random.chance(UNENCRYPTED_CHANCE[provider]) &&
        !(index === 0 && environment !== 'prod' && provider !== 'gcp'),
      versioning: random.chance(provider === 'gcp' ? 0.3 : 0.4),
      storageClass: random.weighted(STORAGE_CLASSES[provider]),
      tags: buildTags(provider, { environment, team, app: purpose, owner: random.pick(PEOPLE) }, random),
      ...(resourceGroup === undefined ? {} : { resourceGroup }),
    });
  }
  return buckets;
}
