import { hashString } from '../estate/random.js';

/**
 * Deterministic values derived from a resource's identity (fingerprints, etags, numeric ids of
 * things the estate does not model), so that the same estate always renders the same bytes.
 */

/** `count` bytes derived from `seed`. */
export function deriveBytes(seed: string, count: number): Buffer {
  const bytes = Buffer.alloc(count);
  for (let offset = 0; offset < count; offset += 4) {
    const word = hashString(`${seed}\u0000${offset}`);
    for (let index = 0; index < 4 && offset + index < count; index++)
      bytes[offset + index] = (word >>> (8 * index)) & 0xff;
  }
  return bytes;
}

/** A Compute-style fingerprint or etag: 8 derived bytes in base64 (`42WmSpB8rSM=`). */
export function deriveFingerprint(seed: string): string {
  return deriveBytes(seed, 8).toString('base64');
}

/** `length` lowercase hex characters derived from `seed`. */
export function deriveHex(seed: string, length: number): string {
  return deriveBytes(seed, Math.ceil(length / 2))
    .toString('hex')
    .slice(0, length);
}

/** A decimal id of `digits` digits (no leading zero) derived from `seed`, like GCP numeric ids. */
export function deriveDecimalId(seed: string, digits: number): string {
  let text = '';
  let round = 0;
  while (text.length < digits) text += String(hashString(`${seed}\u0000id${round++}`)).padStart(10, '0');
  const id = text.slice(0, digits);
  return id.startsWith('0') ? `1${id.slice(1)}` : id;
}

/** `count` lowercase letters and digits derived from `seed` (Cloud Run revision suffixes, hashes). */
export function deriveAlphanumeric(seed: string, count: number): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return [...deriveBytes(seed, count)].map((byte) => alphabet[byte % alphabet.length]).join('');
}

/** An IPv4 address in `prefix`.x.y.z derived from `seed`. */
export function deriveIpv4(seed: string, prefix: number): string {
  const bytes = deriveBytes(seed, 3);
  return `${prefix}.${bytes[0]}.${bytes[1]}.${Math.max(2, bytes[2]! % 254)}`;
}

/**
 * Whether an always-encrypted GCP resource (a bucket, a Cloud SQL instance) uses a customer-managed
 * key. Google encrypts everything at rest; the estate's `encrypted` flag cannot say which resources
 * use CMEK, so about one in five encrypted ones do, decided by `seed` (the resource's identity).
 */
export function usesCustomerManagedKey(seed: string): boolean {
  return hashString(`cmek:${seed}`) % 5 === 0;
}
