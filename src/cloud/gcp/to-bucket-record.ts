import type { BucketMetadata } from '@google-cloud/storage';
import type { ResourceRecord } from '../../core/ports/cloud-port.js';
import { compactFields } from '../shared/compact-fields.js';
import { toIsoTime } from './to-iso-time.js';

/** IAM members that make a bucket's objects readable by anyone. */
const PUBLIC_MEMBERS = new Set(['allUsers', 'allAuthenticatedUsers']);

/** True when `publicAccessPrevention` is `enforced`: nothing in the bucket can be made public. */
export function isPublicAccessPrevented(bucket: BucketMetadata): boolean {
  return bucket.iamConfiguration?.publicAccessPrevention === 'enforced';
}

/** True when a bucket IAM policy grants any role to `allUsers` or `allAuthenticatedUsers`. */
export function grantsPublicAccess(bindings: readonly { readonly members: readonly string[] }[]): boolean {
  return bindings.some((binding) => binding.members.some((member) => PUBLIC_MEMBERS.has(member)));
}

/**
 * The region of a bucket location: lower case (`EUROPE-WEST1` → `europe-west1`); multi-regions and
 * dual-regions keep their names (`US` → `us`, `EU` → `eu`, `NAM4` → `nam4`).
 */
export function toBucketRegion(location: string | undefined): string {
  return location === undefined || location === '' ? 'global' : location.toLowerCase();
}

/**
 * Normalizes a Cloud Storage bucket (`buckets.list`). Id and name are the bucket name.
 * `public` is decided by the caller (see `list-buckets.ts`): `false` when public access
 * prevention is enforced, else whether the bucket IAM policy grants `allUsers` or
 * `allAuthenticatedUsers` (absent when the policy could not be read). `encrypted` is always true
 * (Cloud Storage encrypts at rest); `encryption_type` is customer-managed with a default KMS key.
 */
export function toBucketRecord(
  bucket: BucketMetadata,
  project: string,
  isPublic: boolean | undefined,
): ResourceRecord {
  const name = bucket.name ?? '';
  const kmsKey = bucket.encryption?.defaultKmsKeyName;
  const labels: Record<string, string> = {};
  for (const [key, value] of Object.entries(bucket.labels ?? {}))
    if (typeof value === 'string') labels[key] = value;
  return {
    provider: 'gcp',
    kind: 'bucket',
    id: name,
    name,
    account: project,
    region: toBucketRegion(bucket.location),
    tags: labels,
    fields: compactFields({
      created_time: toIsoTime(bucket.timeCreated),
      public: isPublic,
      encrypted: true,
      encryption_type: kmsKey !== undefined && kmsKey !== '' ? 'customer-managed' : 'google-managed',
      versioning: bucket.versioning?.enabled === true,
      storage_class: bucket.storageClass,
    }),
  };
}
