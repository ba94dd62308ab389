import type { AwsServiceProfile } from './aws-service-profile.js';
import { deriveHex } from './derive-hex.js';

/** Produces request ids in each service's format. */
export type RequestIdSource = (profile: AwsServiceProfile) => string;

/**
 * Request ids derived from the estate seed and a per-handler sequence number, so that two
 * emulators built from the same seed answer the same sequence of calls with byte-identical
 * bodies (request ids appear in XML bodies). S3 ids are 16 uppercase hex characters, all other
 * services use UUIDs.
 */
export function createRequestIds(seed: number): RequestIdSource {
  let sequence = 0;
  return (profile) => {
    const hex = deriveHex(['request-id', seed, sequence++], 32);
    if (profile.protocol === 'rest-xml') return hex.slice(0, 16).toUpperCase();
    const variant = '89ab'[Number.parseInt(hex[16]!, 16) & 3]!;
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  };
}
