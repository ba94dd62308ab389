import { CATALOG_REGIONS, PROVIDERS, type CatalogRegion } from './cloud-catalog.js';
import type { Provider } from './model.js';
import {
  ACCOUNT_PRESETS,
  PROVIDER_SHARES,
  SIZE_PRESETS,
  type AccountPreset,
  type SizePreset,
} from './presets.js';
import { createRandom, type Random } from './random.js';
import { createTimeFormatter } from './estate-naming.js';

/** One (account, region) pair of the plan and how many resources of each kind it gets. */
export interface CellPlan {
  readonly provider: Provider;
  readonly account: AccountPlan;
  readonly region: CatalogRegion;
  /** Index of the cell within its provider; unique, used for private IP ranges. */
  readonly index: number;
  readonly instances: number;
  readonly functions: number;
  readonly databases: number;
}

/** One account of the plan with its drawn identifiers. */
export interface AccountPlan {
  readonly provider: Provider;
  readonly preset: AccountPreset;
  /** AWS 12-digit id, Azure subscription GUID, GCP project id. */
  readonly id: string;
  readonly name: string;
  /** GCP project number. */
  readonly number?: string;
  readonly environment: string;
  /** Number of buckets in this account. */
  readonly buckets: number;
  readonly cells: readonly CellPlan[];
}

/** Everything the generators share: the seed, the anchor, the accounts and their cells. */
export interface EstatePlan {
  readonly seed: number;
  readonly size: SizePreset;
  readonly anchorMs: number;
  readonly accounts: readonly AccountPlan[];
  readonly cells: readonly CellPlan[];
  /** A generator for one part of the estate; the label isolates parts from each other. */
  random(label: string): Random;
  /** Formats epoch milliseconds like `toIsoTime`, faster (see `createTimeFormatter`). */
  readonly formatTime: (epochMs: number) => string;
}

/**
 * Splits `total` into integers proportional to `weights` (largest remainder, ties to the lower
 * index). When `total` allows it, every share gets at least `minimum`.
 */
export function apportion(total: number, weights: readonly number[], minimum = 0): number[] {
  const floor = total >= minimum * weights.length ? minimum : 0;
  const rest = total - floor * weights.length;
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
  const exact = weights.map((weight) => (weightSum > 0 ? (rest * weight) / weightSum : 0));
  const shares = exact.map((value) => Math.floor(value));
  let missing = rest - shares.reduce((sum, share) => sum + share, 0);
  const order = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of order) {
    if (missing <= 0) break;
    shares[index]!++;
    missing--;
  }
  return shares.map((share) => share + floor);
}

function drawAccountId(preset: AccountPreset, random: Random): { id: string; number?: string } {
  switch (preset.provider) {
    case 'aws':
      return { id: random.digits(12) };
    case 'azure':
      return { id: random.uuid() };
    case 'gcp':
      return { id: `${preset.projectPrefix ?? 'project'}-${random.digits(4)}`, number: random.digits(12) };
  }
}

/**
 * Lays out an estate: draws account identifiers from the seed and decides how many resources of
 * each kind every account and region gets. Counts come from {@link SIZE_PRESETS} and
 * {@link PROVIDER_SHARES}; instance totals are exact, every cell gets at least one instance when
 * there are enough, every provider at least two functions and one database, every account at
 * least two buckets.
 */
export function planEstate(seed: number, size: SizePreset, anchorMs: number): EstatePlan {
  const counts = SIZE_PRESETS[size];
  const shares = PROVIDERS.map((provider) => PROVIDER_SHARES[provider]);
  const instancesPerProvider = apportion(counts.instances, shares);
  const functionsPerProvider = apportion(counts.functions, shares, 2);
  const databasesPerProvider = apportion(counts.databases, shares, 1);
  const bucketsPerProvider = apportion(counts.buckets, shares);
  const idRandom = createRandom(`${seed}/accounts`);

  const accounts: AccountPlan[] = [];
  const cells: CellPlan[] = [];
  PROVIDERS.forEach((provider, providerIndex) => {
    const presets = ACCOUNT_PRESETS.filter((preset) => preset.provider === provider);
    const cellWeights: number[] = [];
    const cellKeys: { preset: AccountPreset; region: CatalogRegion }[] = [];
    for (const preset of presets) {
      for (const share of preset.regions) {
        const region = CATALOG_REGIONS[provider].find((candidate) => candidate.name === share.region)!;
        cellWeights.push(preset.weight * share.weight);
        cellKeys.push({ preset, region });
      }
    }
    const instances = apportion(instancesPerProvider[providerIndex]!, cellWeights, 1);
    const functions = apportion(functionsPerProvider[providerIndex]!, cellWeights);
    const databases = apportion(databasesPerProvider[providerIndex]!, cellWeights);
    const buckets = apportion(
      Math.max(bucketsPerProvider[providerIndex]!, 2 * presets.length),
      presets.map((preset) => preset.weight),
      2,
    );

    let cellIndex = 0;
    presets.forEach((preset, accountIndex) => {
      const { id, number } = drawAccountId(preset, idRandom);
      const accountCells: CellPlan[] = [];
      const account: AccountPlan = {
        provider,
        preset,
        id,
        name: preset.name,
        ...(number === undefined ? {} : { number }),
        environment: preset.environment,
        buckets: buckets[accountIndex]!,
        cells: accountCells,
      };
      for (const key of cellKeys) {
        if (key.preset !== preset) continue;
        accountCells.push({
          provider,
          account,
          region: key.region,
          index: cellIndex,
          instances: instances[cellIndex]!,
          functions: functions[cellIndex]!,
          databases: databases[cellIndex]!,
        });
        cellIndex++;
      }
      accounts.push(account);
      cells.push(...accountCells);
    });
  });

  return {
    seed,
    size,
    anchorMs,
    accounts,
    cells,
    random: (label) => createRandom(`${seed}/${label}`),
    formatTime: createTimeFormatter(),
  };
}
