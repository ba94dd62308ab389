import type { Bucket, ListBucketsCommandOutput } from '@aws-sdk/client-s3';
import { SreError } from '../../core/errors/sre-error.js';
import type { ListHints, ResourceRecord, ScopeTarget } from '../../core/ports/cloud-port.js';
import type { AwsAdapterContext } from './aws-adapter-context.js';
import { pageSizeFor } from '../shared/page-size-for.js';
import { mapWithConcurrency } from '../shared/map-with-concurrency.js';
import { readAwsPages } from './read-aws-pages.js';
import { listBucketDetailFields, readBucketDetails } from './read-bucket-details.js';
import { runAwsCall } from './run-aws-call.js';
import { sortById } from '../shared/sort-by-id.js';
import { toBucketRecord, toBucketRegion } from './to-bucket-record.js';
import { toCallKey } from './to-call-key.js';

/** GetBucketLocation calls in flight at once, for buckets whose region ListBuckets did not give. */
const LOCATION_CONCURRENCY = 8;
/** Buckets whose details (tags, public, encrypted, versioning) are read at once. */
const DETAIL_CONCURRENCY = 8;

/**
 * Every S3 bucket of the account (ListBuckets is account-wide: the executor passes region
 * `global`), all pages. Each bucket's region comes from ListBuckets' `BucketRegion` when present,
 * else from one GetBucketLocation call per bucket (bounded concurrency). With a regional scope
 * only the buckets of that region are returned. A bucket deleted between the two calls is skipped.
 * `tags`, `public`, `encrypted` and `versioning` are read per bucket, in its region, only when
 * `hints.fields` asks for them (see `readBucketDetails`), at most 8 buckets at once.
 */
export async function listBuckets(
  context: AwsAdapterContext,
  scope: ScopeTarget,
  hints: ListHints,
  signal?: AbortSignal,
): Promise<ResourceRecord[]> {
  const regions = await context.regions();
  // ListBuckets answers the same from any region; use a configured one so no extra region is touched.
  const clientRegion = scope.region === 'global' ? (regions[0] ?? 'us-east-1') : scope.region;
  const { client, module } = await context.pool.get('s3', clientRegion);
  const listKey = toCallKey(scope, 's3', 'ListBuckets');
  const buckets: Bucket[] = [];
  await readAwsPages<ListBucketsCommandOutput>(
    context.runner,
    listKey,
    (token, abortSignal) =>
      client.send(
        new module.ListBucketsCommand({
          MaxBuckets: pageSizeFor(context, 1, 10_000),
          ContinuationToken: token,
        }),
        { abortSignal },
      ),
    (page) => page.ContinuationToken,
    (page) => {
      buckets.push(...(page.Buckets ?? []));
      return true;
    },
    { signal },
  );
  const locationKey = toCallKey(scope, 's3', 'GetBucketLocation');
  const located = await mapWithConcurrency(buckets, LOCATION_CONCURRENCY, async (bucket) => {
    if (bucket.BucketRegion !== undefined && bucket.BucketRegion !== '')
      return { bucket, region: bucket.BucketRegion };
    const name = bucket.Name ?? '';
    try {
      const output = await runAwsCall(
        context.runner,
        locationKey,
        (abortSignal) => client.send(new module.GetBucketLocationCommand({ Bucket: name }), { abortSignal }),
        { signal, resource: name },
      );
      return { bucket, region: toBucketRegion(output.LocationConstraint) };
    } catch (error) {
      if (error instanceof SreError && error.code === 'CLOUD_NOT_FOUND') return undefined;
      throw error;
    }
  });
  const inScope = located.filter(
    (entry): entry is NonNullable<typeof entry> =>
      entry !== undefined && (scope.region === 'global' || entry.region === scope.region),
  );
  const needed = listBucketDetailFields(hints);
  if (needed.length === 0) {
    return sortById(inScope.map((entry) => toBucketRecord(entry.bucket, scope.account, entry.region)));
  }
  const detailed = await mapWithConcurrency(inScope, DETAIL_CONCURRENCY, async (entry) => {
    const address = { name: entry.bucket.Name ?? '', account: scope.account, region: entry.region };
    const details = await readBucketDetails(context, address, needed, signal);
    return details === undefined
      ? undefined
      : toBucketRecord(entry.bucket, scope.account, entry.region, details);
  });
  return sortById(detailed.filter((record) => record !== undefined));
}
