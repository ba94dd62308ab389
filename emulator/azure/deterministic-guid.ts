import { hashString } from '../estate/random.js';

const VARIANTS = '89ab';

/**
 * A GUID-shaped identifier (lowercase, version-4 layout) derived from `text` alone, so the same
 * estate always yields the same vmIds, tenant ids, correlation ids and workspace ids.
 * Not random and not unique across different inputs by construction — four independent 32-bit
 * hashes make collisions practically irrelevant for an emulated estate.
 */
export function deterministicGuid(text: string): string {
  let hex = '';
  for (let part = 0; part < 4; part++)
    hex += hashString(`${part}\u0000${text}`).toString(16).padStart(8, '0');
  const variant = VARIANTS.charAt(Number.parseInt(hex.charAt(16), 16) & 3);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
