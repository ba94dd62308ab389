import { createHash } from 'node:crypto';

/**
 * A deterministic lowercase hex string derived from `parts` (SHA-256, repeated when more than 64
 * characters are asked for). The emulator uses it for ids that the estate does not carry, such as
 * VPC, subnet and reservation ids, so that they are stable across runs.
 */
export function deriveHex(parts: readonly (string | number)[], length: number): string {
  const seed = parts.join('\u0000');
  let text = '';
  let round = 0;
  while (text.length < length) {
    text += createHash('sha256').update(`${seed}\u0000${round++}`).digest('hex');
  }
  return text.slice(0, length);
}

/** A UUID-shaped (version 4 layout) deterministic id derived from `parts`. */
export function deriveUuid(parts: readonly (string | number)[]): string {
  const hex = deriveHex(parts, 32);
  const variant = '89ab'[Number.parseInt(hex[16]!, 16) & 3]!;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
