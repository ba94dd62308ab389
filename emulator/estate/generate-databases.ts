import { DATABASE_ENGINES, DATABASE_STATUSES } from './cloud-catalog.js';
import { DAY_MS, armResourceId, buildTags, timeBefore, toIsoTime } from './estate-naming.js';
import type { EstateDatabase, Provider } from './model.js';
import type { CellPlan, EstatePlan } from './plan-estate.js';
import { PEOPLE } from './presets.js';

/** Database applications with the team that owns them. */
const DATABASE_APPS: readonly (readonly [app: string, team: string])[] = [
  ['orders', 'orders'],
  ['payments', 'payments'],
  ['users', 'platform-api'],
  ['inventory', 'orders'],
  ['catalog', 'storefront'],
  ['analytics', 'data'],
  ['billing', 'finance'],
  ['auth', 'platform-api'],
  ['reporting', 'finance'],
  ['search', 'data'],
];

const PUBLIC_CHANCE: Readonly<Record<Provider, number>> = { aws: 0.06, azure: 0.2, gcp: 0.15 };
const ENCRYPTED_CHANCE: Readonly<Record<Provider, number>> = { aws: 0.88, azure: 0.97, gcp: 1 };
const STORAGE_GB = [20, 50, 100, 200, 500, 1000, 2000, 4000];

/**
 * Generates the managed databases of one cell: RDS instances (identifier `orders-pg-prod`), Azure
 * SQL databases on logical servers (one to three databases per server), Cloud SQL instances.
 * Production databases are multi-AZ more often; a few are public or unencrypted.
 */
export function generateDatabases(plan: EstatePlan, cell: CellPlan): EstateDatabase[] {
  const databases: EstateDatabase[] = [];
  if (cell.databases === 0) return databases;
  const random = plan.random(`databases/${cell.provider}/${cell.account.id}/${cell.region.name}`);
  const provider = cell.provider;
  const account = cell.account.id;
  const region = cell.region.name;
  const environment = cell.account.environment;
  const counters = new Map<string, number>();
  let server:
    { name: string; resourceGroup: string; remaining: number; publiclyAccessible: boolean } | undefined;

  for (let index = 0; index < cell.databases; index++) {
    const [app, team] = random.pick(DATABASE_APPS);
    const engine = random.weighted(DATABASE_ENGINES[provider]);
    const stem = `${app}-${engine.short}-${environment}`;
    const counter = (counters.get(stem) ?? 0) + 1;
    counters.set(stem, counter);
    const shortName = counter === 1 ? stem : `${stem}-${counter}`;
    const multiAz = random.chance(environment === 'prod' ? 0.55 : 0.1);
    // The first database of a non-production cell is reachable from the internet: the classic
    // forgotten dev database, and a sure finding in every estate.
    let publiclyAccessible =
      random.chance(PUBLIC_CHANCE[provider]) || (index === 0 && environment !== 'prod');
    const zones = cell.region.zones;

    let id = shortName;
    let name = shortName;
    let zone = random.pick(zones);
    let resourceGroup: string | undefined;
    let serverName: string | undefined;
    if (provider === 'azure') {
      if (!server || server.remaining === 0) {
        server = {
          // Logical server names are global DNS names, hence the random suffix.
          name: `sql-${app}-${environment}-${random.hex(4)}`,
          resourceGroup: `rg-${app}-data-${environment}-${cell.region.short}`,
          remaining: random.int(1, 3),
          publiclyAccessible,
        };
      }
      server.remaining--;
      // Public network access is a server setting, shared by its databases.
      publiclyAccessible = server.publiclyAccessible;
      serverName = server.name;
      resourceGroup = server.resourceGroup;
      name = counter === 1 ? `${app}db` : `${app}db${counter}`;
      id = armResourceId(account, resourceGroup, 'Microsoft.Sql/servers', `${serverName}/databases/${name}`);
      zone = multiAz ? '' : random.pick(zones);
    }

    databases.push({
      provider,
      id,
      name,
      account,
      region,
      zone,
      engine: engine.engine,
      engineVersion: random.pick(engine.versions),
      instanceClass: random.pick(engine.classes),
      status: random.weighted(DATABASE_STATUSES[provider]),
      multiAz,
      publiclyAccessible,
      storageGb: random.pick(STORAGE_GB),
      encrypted: random.chance(ENCRYPTED_CHANCE[provider]),
      createdTime: toIsoTime(timeBefore(plan.anchorMs, 900 * DAY_MS, random)),
      tags: buildTags(provider, { environment, team, app, owner: random.pick(PEOPLE) }, random),
      ...(resourceGroup === undefined ? {} : { resourceGroup }),
      ...(serverName === undefined ? {} : { server: serverName }),
    });
  }
  return databases;
}
