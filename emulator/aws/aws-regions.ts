/**
 * The AWS regions the emulator knows besides the estate's own: the commercial regions, with their
 * opt-in status as a fresh account sees them (DescribeRegions lists the enabled ones).
 */
const DEFAULT_REGIONS = [
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-south-1',
  'ap-southeast-1',
  'ap-southeast-2',
  'ca-central-1',
  'eu-central-1',
  'eu-north-1',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'sa-east-1',
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
] as const;

const OPT_IN_REGIONS = [
  'af-south-1',
  'ap-east-1',
  'ap-south-2',
  'ap-southeast-3',
  'ap-southeast-4',
  'ap-southeast-5',
  'ap-southeast-7',
  'ca-west-1',
  'eu-central-2',
  'eu-south-1',
  'eu-south-2',
  'il-central-1',
  'me-central-1',
  'me-south-1',
  'mx-central-1',
] as const;

/** A region as DescribeRegions reports it. */
export interface AwsRegionInfo {
  readonly name: string;
  readonly optInStatus: 'opt-in-not-required' | 'opted-in' | 'not-opted-in';
}

/**
 * Every region DescribeRegions knows, sorted by name: the default regions, the opt-in regions
 * (`opted-in` when the estate has resources there, `not-opted-in` otherwise) and any other region
 * the estate uses (reported as `opted-in`).
 */
export function listAwsRegions(estateRegions: readonly string[]): AwsRegionInfo[] {
  const used = new Set(estateRegions);
  const regions = new Map<string, AwsRegionInfo>();
  for (const name of DEFAULT_REGIONS) regions.set(name, { name, optInStatus: 'opt-in-not-required' });
  for (const name of OPT_IN_REGIONS)
    regions.set(name, { name, optInStatus: used.has(name) ? 'opted-in' : 'not-opted-in' });
  for (const name of used) if (!regions.has(name)) regions.set(name, { name, optInStatus: 'opted-in' });
  return [...regions.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

const DIRECTIONS: Readonly<Record<string, string>> = {
  east: 'e',
  west: 'w',
  north: 'n',
  south: 's',
  central: 'c',
  northeast: 'ne',
  northwest: 'nw',
  southeast: 'se',
  southwest: 'sw',
};

/** The short code AWS uses in zone ids: `us-east-1` → `use1`, `ap-southeast-2` → `apse2`. */
export function regionShortCode(region: string): string {
  const [geography, direction, number] = region.split('-');
  if (geography === undefined || direction === undefined || number === undefined)
    return region.replaceAll('-', '');
  return `${geography}${DIRECTIONS[direction] ?? direction.slice(0, 2)}${number}`;
}

/** The zone id of a zone name: `us-east-1b` → `use1-az2` (AWS shuffles the mapping per account; we do not). */
export function zoneIdOf(zone: string, region: string): string {
  const letter = zone.slice(region.length);
  const position = letter.length === 1 ? letter.charCodeAt(0) - 96 : 1;
  return `${regionShortCode(region)}-az${position}`;
}

/** The zones of a region the estate does not describe: `a`, `b`, `c`, like most real regions. */
export function defaultZonesOf(region: string): string[] {
  return ['a', 'b', 'c'].map((letter) => `${region}${letter}`);
}
