import type { Bucket } from '@aws-sdk/client-s3';
import type { ResourceRecord } from '../../core/ports/cloud-port.js';
import { compactFields } from './compact-fields.js';
import { toIsoTime } from './to-iso-time.js';

/**
 * Normalizes an S3 bucket (ListBuckets) whose region is known. Only `created_time` is filled:
 * public access, encryption, versioning and tags each need another call per bucket and are left
 * absent (unknown) rather than guessed.
 */
export function toBucketRecord(bucket: Bucket, account: string, region: string): ResourceRecord {
  const name = bucket.Name ?? '';
  return {
    provider: 'aws',
    kind: 'bucket',
    id: name,
    name,
    account,
    region,
    tags: {},
    fields: compactFields({ created_time: toIsoTime(bucket.CreationDate) }),
  };
}

/**
 * The region of a bucket from a GetBucketLocation `LocationConstraint`: empty or absent means
 * `us-east-1`, the legacy `EU` means `eu-west-1`.
 * See https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketLocation.html
 */
export function toBucketRegion(locationConstraint: string | undefined): string {
  if (locationConstraint === undefined || locationConstraint === '') return 'us-east-1';
  if (locationConstraint === 'EU') return 'eu-west-1';
  return locationConstraint;
}
