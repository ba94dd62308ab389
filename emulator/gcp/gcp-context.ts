import type { EstateIndex } from '../estate/estate-index.js';
import type { Estate, EstateAccount, EstateRegion } from '../estate/model.js';
import type { HandlerDeps } from '../server/start-emulator.js';

/** The page size cap for GCP when the emulator options name none (the core documents 500). */
export const DEFAULT_GCP_PAGE_SIZE_CAP = 500;

/** What every GCP API router reads: the estate, its index and the derived lookups they share. */
export interface GcpContext {
  readonly estate: Estate;
  readonly index: EstateIndex;
  /** Most items (Monitoring `FULL` view: points) one page may hold, whatever the client asks. */
  readonly pageSizeCap: number;
  /** The estate's "now" in epoch milliseconds. */
  readonly anchorMs: number;
  /** GCP regions known to the estate, sorted by name. */
  readonly regions: readonly EstateRegion[];
  /** Every zone of {@link regions}, sorted by name. */
  readonly zones: readonly string[];
  /** A GCP project by id (or by project number, which Google APIs accept too), or `undefined`. */
  project(id: string): EstateAccount | undefined;
  /** The region of a zone (`europe-west1` for `europe-west1-b`), or `undefined` for unknown zones. */
  regionOfZone(zone: string): string | undefined;
  /** The regions where a project may hold resources: its own list, else every known region. */
  projectRegions(project: EstateAccount): readonly string[];
}

/** Builds the shared lookups once; everything returned is immutable. */
export function createGcpContext(deps: HandlerDeps): GcpContext {
  const { estate, index } = deps;
  const regions = index.regions('gcp');
  const zoneToRegion = new Map<string, string>();
  for (const region of regions) for (const zone of region.zones) zoneToRegion.set(zone, region.name);
  const zones = Object.freeze([...zoneToRegion.keys()].sort());
  const regionNames = Object.freeze(regions.map((region) => region.name));
  const cap = deps.pageSizeCaps.gcp;
  const byNumber = new Map<string, EstateAccount>();
  for (const account of index.accounts('gcp'))
    if (account.number !== undefined) byNumber.set(account.number, account);
  return {
    estate,
    index,
    pageSizeCap: cap !== undefined && Number.isInteger(cap) && cap > 0 ? cap : DEFAULT_GCP_PAGE_SIZE_CAP,
    anchorMs: Date.parse(estate.anchorTime),
    regions,
    zones,
    project: (id) => index.account('gcp', id) ?? (/^\d+$/.test(id) ? byNumber.get(id) : undefined),
    regionOfZone: (zone) => zoneToRegion.get(zone) ?? regionFromZoneName(zone),
    projectRegions: (project) => (project.regions.length > 0 ? project.regions : regionNames),
  };
}

/** `europe-west1` from `europe-west1-b`; `undefined` when the name does not look like a GCP zone. */
function regionFromZoneName(zone: string): string | undefined {
  const match = /^([a-z]+-[a-z]+\d+)-[a-z]$/.exec(zone);
  return match?.[1];
}
