import { PROVIDERS, findCatalogRegion } from './cloud-catalog.js';
import { toIsoTime } from './estate-naming.js';
import { generateAuditEvents } from './generate-audit-events.js';
import { generateBuckets } from './generate-buckets.js';
import { createComputeOutput, generateCompute } from './generate-compute.js';
import { generateDatabases } from './generate-databases.js';
import { generateFunctions } from './generate-functions.js';
import { generateLogGroups } from './generate-log-groups.js';
import type {
  Estate,
  EstateAccount,
  EstateAuditEvent,
  EstateBucket,
  EstateDatabase,
  EstateFunction,
  EstateInstance,
  EstateLogGroup,
  EstateRegion,
  EstateVolume,
} from './model.js';
import { planEstate } from './plan-estate.js';
import { compareText, sortByPlacement, type Placed } from './sort-by-placement.js';
import { isSizePreset, type SizePreset } from './presets.js';

/** Inputs of {@link generateEstate}. */
export interface GenerateEstateOptions {
  /** Any finite number; the same seed gives the same estate. */
  readonly seed: number;
  readonly size: SizePreset;
  /** The estate's "now" (ISO-8601); creation times, audit events and log windows lie before it. */
  readonly anchorTime: string;
}

function byId(a: { readonly id: string }, b: { readonly id: string }): number {
  return compareText(a.id, b.id);
}

/** Appends without spreading, which overflows the stack for very long arrays. */
function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

/**
 * Generates a deterministic estate: the same seed, size and anchor always give a deep-equal
 * estate (identical `JSON.stringify`), and nothing reads the clock or `Math.random`.
 *
 * The estate has 3 AWS accounts (prod, staging, dev; 12-digit ids), 3 Azure subscriptions
 * (GUIDs) and 3 GCP projects (`shop-prod-4821`, with project numbers), spread over 5 AWS regions,
 * 4 Azure locations and 4 GCP regions (see `ACCOUNT_PRESETS`), with instance counts from
 * `SIZE_PRESETS` (36 to 100,000) and functions, databases, buckets, log groups and 90 days of
 * audit events in proportion. Arrays are sorted by (provider, account, region, id).
 *
 * @throws RangeError when the seed is not finite, the size is unknown or the anchor is not a time.
 */
export function generateEstate(options: GenerateEstateOptions): Estate {
  const { seed, size, anchorTime } = options;
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
  if (!isSizePreset(size)) throw new RangeError(`unknown size preset '${String(size)}'`);
  const anchorMs = Date.parse(anchorTime);
  if (Number.isNaN(anchorMs))
    throw new RangeError(`anchorTime must be an ISO-8601 time, got '${anchorTime}'`);

  const plan = planEstate(seed, size, anchorMs);
  const instances: EstateInstance[] = [];
  const volumes: EstateVolume[] = [];
  const functions: EstateFunction[] = [];
  const databases: EstateDatabase[] = [];
  const buckets: EstateBucket[] = [];
  const logGroups: EstateLogGroup[] = [];
  const auditEvents: EstateAuditEvent[] = [];

  // Cells are visited in the model's order and each cell's items sorted by id, which yields the
  // (provider, account, region, id) order without sorting 400,000 items with a 4-key comparator.
  const cells = [...plan.cells].sort(
    (a, b) =>
      compareText(a.provider, b.provider) ||
      compareText(a.account.id, b.account.id) ||
      compareText(a.region.name, b.region.name),
  );
  for (const cell of cells) {
    const compute = createComputeOutput();
    generateCompute(plan, cell, compute);
    const serverless = {
      functions: [] as EstateFunction[],
      logGroups: generateLogGroups(plan, cell, compute),
    };
    generateFunctions(plan, cell, serverless);
    const events = generateAuditEvents(plan, cell, compute);
    append(instances, compute.instances.sort(byId));
    append(volumes, compute.volumes.sort(byId));
    append(functions, serverless.functions.sort(byId));
    append(logGroups, serverless.logGroups.sort(byId));
    append(databases, generateDatabases(plan, cell).sort(byId));
    append(auditEvents, events.sort(byId));
  }
  const bucketNames = new Set<string>();
  for (const account of plan.accounts) append(buckets, generateBuckets(plan, account, bucketNames));
  sortByPlacement(buckets);

  const usedRegions = new Map<string, Set<string>>();
  for (const list of [instances, volumes, functions, databases, buckets, logGroups] as Placed[][]) {
    let last: Placed | undefined;
    for (const item of list) {
      // Lists are in placement order: only look at the first item of each account and region.
      if (
        last &&
        last.provider === item.provider &&
        last.account === item.account &&
        last.region === item.region
      ) {
        continue;
      }
      last = item;
      const key = `${item.provider}\u0000${item.account}`;
      let regions = usedRegions.get(key);
      if (!regions) usedRegions.set(key, (regions = new Set()));
      regions.add(item.region);
    }
  }
  const accounts: EstateAccount[] = plan.accounts
    .map((account) => {
      const used = usedRegions.get(`${account.provider}\u0000${account.id}`) ?? new Set<string>();
      return {
        provider: account.provider,
        id: account.id,
        name: account.name,
        regions: account.preset.regions.map((share) => share.region).filter((region) => used.has(region)),
        environment: account.environment,
        ...(account.number === undefined ? {} : { number: account.number }),
      };
    })
    .sort((a, b) => compareText(a.provider, b.provider) || compareText(a.id, b.id));

  const regions: EstateRegion[] = [];
  for (const provider of PROVIDERS) {
    const names = new Set(accounts.filter((a) => a.provider === provider).flatMap((a) => a.regions));
    for (const name of [...names].sort()) {
      regions.push({ provider, name, zones: findCatalogRegion(provider, name)?.zones ?? [] });
    }
  }

  return Object.freeze({
    seed,
    size,
    anchorTime: toIsoTime(anchorMs),
    accounts: Object.freeze(accounts),
    regions: Object.freeze(regions),
    instances: Object.freeze(instances),
    volumes: Object.freeze(volumes),
    functions: Object.freeze(functions),
    databases: Object.freeze(databases),
    buckets: Object.freeze(buckets),
    logGroups: Object.freeze(logGroups),
    auditEvents: Object.freeze(auditEvents),
  });
}
