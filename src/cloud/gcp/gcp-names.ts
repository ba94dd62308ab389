/**
 * Helpers for the names Google APIs use: full resource URLs
 * (`https://www.googleapis.com/compute/v1/projects/p/zones/us-central1-a/machineTypes/e2-medium`),
 * relative names (`projects/p/locations/us-central1/functions/f`) and zone names.
 */

/** The last path segment of a URL or resource name (`e2-medium`); `undefined` for empty input. */
export function toShortName(nameOrUrl: string | null | undefined): string | undefined {
  if (nameOrUrl === null || nameOrUrl === undefined || nameOrUrl === '') return undefined;
  const trimmed = nameOrUrl.replace(/\/+$/, '');
  const last = trimmed.slice(trimmed.lastIndexOf('/') + 1);
  return last === '' ? undefined : last;
}

/** The segment after `collection` in a resource name (`projects/p/locations/r` → `r` for `locations`). */
export function segmentAfter(name: string | null | undefined, collection: string): string | undefined {
  if (name === null || name === undefined) return undefined;
  const parts = name.split('/');
  const index = parts.indexOf(collection);
  const value = index < 0 ? undefined : parts[index + 1];
  return value === undefined || value === '' ? undefined : value;
}

/**
 * The region of a zone: everything before the last `-` (`us-central1-a` → `us-central1`).
 * A name that is not zone-shaped (a region, `global`, a multi-region) is returned unchanged.
 */
export function toRegionOfZone(zone: string): string {
  return /^[a-z]+-[a-z]+\d+-[a-z]$/.test(zone) ? zone.slice(0, zone.lastIndexOf('-')) : zone;
}
