import type { Bucket } from '@aws-sdk/client-s3';
import type { ResourceRecord } from '../../core/ports/cloud-port.js';
import { compactFields } from '../shared/compact-fields.js';
import type { BucketDetails } from './read-bucket-details.js';
import { toIsoTime } from './to-iso-time.js';

/**
 * Normalizes an S3 bucket (ListBuckets) whose region is known. ListBuckets gives only
 * `created_time`: public access, encryption, versioning and tags each need another call per
 * bucket, made only when the plan needs them (`details`, see `readBucketDetails`). Fields not read
 * stay absent and tags not read are marked `tagsUnknown`, never guessed.
 */
export function toBucketRecord(
  bucket: Bucket,
  account: string,
  region: string,
  details: BucketDetails = { fields: {} },
): ResourceRecord {
  const name = bucket.Name ?? '';
  return {
    provider: 'aws',
    kind: 'bucket',
    id: name,
    name,
    account,
    region,
    tags: details.tags ?? {},
    fields: { ...compactFields({ created_time: toIsoTime(bucket.CreationDate) }), ...details.fields },
    ...(details.tags === undefined ? { tagsUnknown: true } : {}),
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
