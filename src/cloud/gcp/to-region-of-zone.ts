/**
 * The region of a zone: everything before the last `-` (`us-central1-a` → `us-central1`).
 * A name that is not zone-shaped (a region, `global`, a multi-region) is returned unchanged.
 */
export function toRegionOfZone(zone: string): string {
  return /^[a-z]+-[a-z]+\d+-[a-z]$/.test(zone) ? zone.slice(0, zone.lastIndexOf('-')) : zone;
}
