/*
 * Google APIs name resources by full URL
 * (`https://www.googleapis.com/compute/v1/projects/p/zones/us-central1-a/machineTypes/e2-medium`)
 * or by relative name (`projects/p/locations/us-central1/functions/f`).
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
