import type { BucketMetadata } from '@google-cloud/storage';
import { SreError } from '../../core/errors/sre-error.js';
import type { ResourceRecord, ScopeTarget } from '../../core/ports/cloud-port.js';
import type { GcpAdapterContext } from './gcp-adapter-context.js';
import { pageSizeFor } from '../shared/page-size-for.js';
import type { GcpBucketPage } from './gcp-client-factory.js';
import { inRegion } from '../shared/in-region.js';
import { mapWithConcurrency } from '../shared/map-with-concurrency.js';
import { pageTokenOf, readGcpPages } from './read-gcp-pages.js';
import { runGcpCall } from './run-gcp-call.js';
import { sortById } from '../shared/sort-by-id.js';
import {
  grantsPublicAccess,
  isPublicAccessPrevented,
  toBucketRecord,
  toBucketRegion,
} from './to-bucket-record.js';
import { toCallKey } from './to-call-key.js';

/** `buckets.list` returns at most 1,000 buckets per page. */
const STORAGE_MAX_RESULTS = 1000;
/** `buckets.getIamPolicy` calls in flight at once. */
const POLICY_CONCURRENCY = 8;

/**
 * Every Cloud Storage bucket of a project (`buckets.list`, all pages), normalized and sorted by
 * id; with a regional scope only the buckets of that location.
 *
 * Public access: a bucket with public access prevention `enforced` is not public, whatever its
 * policy says. For every other bucket the IAM policy is read (`buckets.getIamPolicy`, one call per
 * such bucket, bounded concurrency) and the bucket is public when a binding grants `allUsers` or
 * `allAuthenticatedUsers`. Legacy object ACLs (buckets without uniform bucket-level access) are
 * not inspected. A policy the credentials may not read leaves `public` absent (unknown) with one
 * warning; a bucket deleted in between is skipped.
 */
export async function listBuckets(
  context: GcpAdapterContext,
  scope: ScopeTarget,
  signal?: AbortSignal,
): Promise<ResourceRecord[]> {
  const client = await context.pool.get('storage');
  const listKey = toCallKey(scope, 'storage', 'buckets.list');
  const buckets: BucketMetadata[] = [];
  await readGcpPages<GcpBucketPage>(
    context.runner,
    listKey,
    (token, abortSignal) =>
      client.listBuckets(
        {
          project: scope.account,
          maxResults: pageSizeFor(context, 1, STORAGE_MAX_RESULTS),
          ...pageTokenOf(token),
        },
        { signal: abortSignal },
      ),
    (page) => page.nextPageToken,
    (page) => {
      buckets.push(...page.buckets);
      return true;
    },
    { signal },
  );
  const wanted = buckets.filter(
    (bucket) => scope.region === 'global' || toBucketRegion(bucket.location) === scope.region,
  );
  const policyKey = toCallKey(scope, 'storage', 'buckets.getIamPolicy');
  let denied = 0;
  const judged = await mapWithConcurrency(wanted, POLICY_CONCURRENCY, async (bucket) => {
    if (isPublicAccessPrevented(bucket)) return { bucket, isPublic: false as boolean | undefined };
    const name = bucket.name ?? '';
    try {
      const policy = await runGcpCall(
        context.runner,
        policyKey,
        (abortSignal) => client.getBucketIamPolicy(name, { signal: abortSignal }),
        { signal, resource: name },
      );
      return { bucket, isPublic: grantsPublicAccess(policy.bindings) as boolean | undefined };
    } catch (error) {
      if (error instanceof SreError && error.code === 'CLOUD_NOT_FOUND') return undefined;
      if (error instanceof SreError && error.code === 'CLOUD_AUTHORIZATION') {
        denied += 1;
        return { bucket, isPublic: undefined };
      }
      throw error;
    }
  });
  if (denied > 0) {
    context.warn(
      `GCP project ${scope.account}: the IAM policy of ${denied} bucket(s) could not be read (storage.buckets.getIamPolicy denied); their "public" field is unknown.`,
    );
  }
  const records = judged
    .filter(
      (entry): entry is { bucket: BucketMetadata; isPublic: boolean | undefined } => entry !== undefined,
    )
    .map((entry) => toBucketRecord(entry.bucket, scope.account, entry.isPublic));
  return sortById(inRegion(records, scope));
}
