import type { GetBucketAclOutput } from '@aws-sdk/client-s3';
import type { FieldValue, ListHints } from '../../core/ports/cloud-port.js';
import type { AwsAdapterContext } from './aws-adapter-context.js';
import { isFieldNeeded } from './is-field-needed.js';
import { readResourceDetail, type ResourceDetail } from './read-resource-detail.js';
import { toCallKey } from './to-call-key.js';
import { toTagMap } from './to-tag-map.js';

/** Bucket fields ListBuckets does not return; each costs one or more calls per bucket. */
export const BUCKET_DETAIL_FIELDS = ['tags', 'public', 'encrypted', 'versioning'] as const;
/** A bucket field that costs extra calls. */
export type BucketDetailField = (typeof BUCKET_DETAIL_FIELDS)[number];

/** What the extra calls found: field values (`null` = access denied) and tags (absent = unknown). */
export interface BucketDetails {
  readonly fields: Readonly<Record<string, FieldValue>>;
  readonly tags?: Readonly<Record<string, string>>;
}

/** The bucket a detail read addresses. */
export interface BucketAddress {
  readonly name: string;
  readonly account: string;
  /** The bucket's own region: S3 answers bucket-level calls there (elsewhere it redirects). */
  readonly region: string;
}

/** ACL grantee groups that make a bucket public (AWS counts "any authenticated AWS user" as public). */
const PUBLIC_GRANTEES: ReadonlySet<string> = new Set([
  'http://acs.amazonaws.com/groups/global/AllUsers',
  'http://acs.amazonaws.com/groups/global/AuthenticatedUsers',
]);

const NO_SUCH_BUCKET = ['NoSuchBucket'];

/** The detail fields a plan asks for, in a fixed order. */
export function listBucketDetailFields(hints: ListHints): BucketDetailField[] {
  return BUCKET_DETAIL_FIELDS.filter((field) => isFieldNeeded(hints, field));
}

/** A detail value: the answer, the "missing" default, `null` when denied; `gone` passes through. */
function valueOf<T, V>(detail: ResourceDetail<T>, read: (value: T) => V, whenMissing: V): V | null | 'gone' {
  switch (detail.status) {
    case 'read':
      return read(detail.value);
    case 'missing':
      return whenMissing;
    case 'unreadable':
      return null;
    case 'gone':
      return 'gone';
  }
}

/**
 * Reads the fields of one bucket that ListBuckets does not return, only those asked for, one call
 * after the other (the caller bounds how many buckets are read at once), each through the runner
 * against the bucket's region:
 * - `tags`: GetBucketTagging; `NoSuchTagSet` = no tags; denied = unknown (`tags` absent).
 * - `encrypted`: GetBucketEncryption has a default-encryption rule. Since 2023-01-05 S3 applies
 *   SSE-S3 to every bucket, so on AWS this is true unless the call is denied;
 *   `ServerSideEncryptionConfigurationNotFoundError` (older S3-compatible endpoints) = false.
 *   https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-encryption-faq.html
 * - `versioning`: GetBucketVersioning `Status` is `Enabled` (`Suspended` or never enabled = false).
 * - `public`: see {@link readBucketPublic}.
 * A denied call leaves its field `null` (the executor reports it); `NoSuchBucket` (deleted since
 * it was listed) returns `undefined` so the bucket is skipped; any other error is thrown.
 */
export async function readBucketDetails(
  context: AwsAdapterContext,
  bucket: BucketAddress,
  needed: readonly BucketDetailField[],
  signal: AbortSignal | undefined,
): Promise<BucketDetails | undefined> {
  const { client, module } = await context.pool.get('s3', bucket.region);
  const options = { signal, resource: bucket.name, goneCodes: NO_SUCH_BUCKET };
  const keyOf = (operation: string) => toCallKey(bucket, 's3', operation);
  const fields: Record<string, FieldValue> = {};
  let tags: Record<string, string> | undefined;
  for (const field of needed) {
    switch (field) {
      case 'tags': {
        const detail = await readResourceDetail(
          context.runner,
          keyOf('GetBucketTagging'),
          (abortSignal) =>
            client.send(new module.GetBucketTaggingCommand({ Bucket: bucket.name }), { abortSignal }),
          { ...options, missingCodes: ['NoSuchTagSet'] },
        );
        const value = valueOf(detail, (output) => toTagMap(output.TagSet), {});
        if (value === 'gone') return undefined;
        tags = value ?? undefined;
        break;
      }
      case 'encrypted': {
        const detail = await readResourceDetail(
          context.runner,
          keyOf('GetBucketEncryption'),
          (abortSignal) =>
            client.send(new module.GetBucketEncryptionCommand({ Bucket: bucket.name }), { abortSignal }),
          { ...options, missingCodes: ['ServerSideEncryptionConfigurationNotFoundError'] },
        );
        const value = valueOf(
          detail,
          (output) =>
            (output.ServerSideEncryptionConfiguration?.Rules ?? []).some(
              (rule) => (rule.ApplyServerSideEncryptionByDefault?.SSEAlgorithm ?? '') !== '',
            ),
          false,
        );
        if (value === 'gone') return undefined;
        fields.encrypted = value;
        break;
      }
      case 'versioning': {
        const detail = await readResourceDetail(
          context.runner,
          keyOf('GetBucketVersioning'),
          (abortSignal) =>
            client.send(new module.GetBucketVersioningCommand({ Bucket: bucket.name }), { abortSignal }),
          options,
        );
        const value = valueOf(detail, (output) => output.Status === 'Enabled', false);
        if (value === 'gone') return undefined;
        fields.versioning = value;
        break;
      }
      case 'public': {
        const value = await readBucketPublic(context, bucket, signal);
        if (value === 'gone') return undefined;
        fields.public = value;
        break;
      }
    }
  }
  return tags === undefined ? { fields } : { fields, tags };
}

/**
 * Whether a bucket is public now, following AWS's definition
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html):
 * public when its bucket policy is public and the bucket's Block Public Access does not set
 * `RestrictPublicBuckets`, or when its ACL grants anything to AllUsers / AuthenticatedUsers and
 * Block Public Access does not set `IgnorePublicAcls`. (`BlockPublicPolicy` and `BlockPublicAcls`
 * only refuse future changes; they do not close access that exists.) Calls, stopping as soon as
 * the answer is known:
 * 1. GetPublicAccessBlock (`NoSuchPublicAccessBlockConfiguration` = no block); with both
 *    `RestrictPublicBuckets` and `IgnorePublicAcls` the bucket cannot be public.
 * 2. GetBucketPolicyStatus `IsPublic` (`NoSuchBucketPolicy` = no policy), unless restricted.
 * 3. GetBucketAcl, unless public ACLs are ignored.
 * Not read: the account-level Block Public Access (S3 Control), which can make a bucket reported
 * public here unreachable in fact, and per-object ACLs (the console's "objects can be public").
 * Returns `null` when a call is denied, `gone` when the bucket no longer exists.
 */
export async function readBucketPublic(
  context: AwsAdapterContext,
  bucket: BucketAddress,
  signal: AbortSignal | undefined,
): Promise<boolean | null | 'gone'> {
  const { client, module } = await context.pool.get('s3', bucket.region);
  const options = { signal, resource: bucket.name, goneCodes: NO_SUCH_BUCKET };
  const keyOf = (operation: string) => toCallKey(bucket, 's3', operation);

  const block = await readResourceDetail(
    context.runner,
    keyOf('GetPublicAccessBlock'),
    (abortSignal) =>
      client.send(new module.GetPublicAccessBlockCommand({ Bucket: bucket.name }), { abortSignal }),
    { ...options, missingCodes: ['NoSuchPublicAccessBlockConfiguration'] },
  );
  if (block.status === 'gone') return 'gone';
  if (block.status === 'unreadable') return null;
  const configuration = block.status === 'read' ? block.value.PublicAccessBlockConfiguration : undefined;
  const restrictsPolicy = configuration?.RestrictPublicBuckets === true;
  const ignoresAcls = configuration?.IgnorePublicAcls === true;
  if (restrictsPolicy && ignoresAcls) return false;

  if (!restrictsPolicy) {
    const status = await readResourceDetail(
      context.runner,
      keyOf('GetBucketPolicyStatus'),
      (abortSignal) =>
        client.send(new module.GetBucketPolicyStatusCommand({ Bucket: bucket.name }), { abortSignal }),
      { ...options, missingCodes: ['NoSuchBucketPolicy'] },
    );
    const policyPublic = valueOf(status, (output) => output.PolicyStatus?.IsPublic === true, false);
    if (policyPublic !== false) return policyPublic;
  }
  if (ignoresAcls) return false;

  const acl = await readResourceDetail(
    context.runner,
    keyOf('GetBucketAcl'),
    (abortSignal) => client.send(new module.GetBucketAclCommand({ Bucket: bucket.name }), { abortSignal }),
    options,
  );
  return valueOf(acl, hasPublicGrant, false);
}

function hasPublicGrant(output: GetBucketAclOutput): boolean {
  return (output.Grants ?? []).some(
    (grant) => grant.Grantee?.Type === 'Group' && PUBLIC_GRANTEES.has(grant.Grantee.URI ?? ''),
  );
}
