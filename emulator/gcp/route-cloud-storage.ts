import type { EstateAccount, EstateBucket } from '../estate/model.js';
import type { OperationRoute, WireRequest } from '../server/wire.js';
import { deriveDecimalId, usesCustomerManagedKey } from './derive-gcp-value.js';
import type { GcpContext } from './gcp-context.js';
import {
  gcpJsonResponse,
  memoize,
  renderResource,
  serializeList,
  type JsonObject,
  type RenderedResource,
} from './gcp-json.js';
import {
  decodeOffsetToken,
  encodePageToken,
  parseIntegerParameter,
  queryFingerprint,
  resolvePageSize,
  slicePage,
} from './gcp-paging.js';
import { gcpRoute, requireProject } from './gcp-route.js';
import { GcpRequestError, invalidArgument } from './render-gcp-error.js';

/** `buckets.list` returns at most 1,000 buckets per page. */
const STORAGE_MAX_RESULTS = 1000;

/** Routes Cloud Storage JSON API requests; `segments` start after `/storage/v1/` (or `/upload/storage/v1/`). */
export type CloudStorageRouter = (
  request: WireRequest,
  segments: readonly string[],
  upload: boolean,
) => OperationRoute | undefined;

const MULTI_REGIONS = new Set(['us', 'eu', 'asia']);
const DUAL_REGIONS = new Set(['nam4', 'eur4', 'asia1', 'eur5', 'eur7', 'eur8', 'nam7', 'nam8']);

/** GCS `location` (upper case) and `locationType` of an estate region. */
function locationOf(region: string): { location: string; locationType: string } {
  const lower = region.toLowerCase();
  if (MULTI_REGIONS.has(lower)) return { location: region.toUpperCase(), locationType: 'multi-region' };
  if (DUAL_REGIONS.has(lower)) return { location: region.toUpperCase(), locationType: 'dual-region' };
  return { location: region.toUpperCase(), locationType: 'region' };
}

function renderBucket(bucket: EstateBucket, project: EstateAccount | undefined): RenderedResource {
  const number = project?.number ?? deriveDecimalId(`project:${bucket.account}`, 12);
  const created = Date.parse(bucket.createdTime);
  const { location, locationType } = locationOf(bucket.region);
  const object: JsonObject = {
    kind: 'storage#bucket',
    selfLink: `https://www.googleapis.com/storage/v1/b/${bucket.name}`,
    id: bucket.name,
    name: bucket.name,
    projectNumber: number,
    generation: String(created * 1000 + 123),
    metageneration: '1',
    location,
    storageClass: bucket.storageClass,
    etag: 'CAE=',
    timeCreated: bucket.createdTime,
    updated: bucket.createdTime,
    ...(bucket.encrypted && usesCustomerManagedKey(`bucket:${bucket.name}`)
      ? {
          encryption: {
            defaultKmsKeyName: `projects/${bucket.account}/locations/${bucket.region.toLowerCase()}/keyRings/storage/cryptoKeys/${bucket.name}`,
          },
        }
      : {}),
    softDeletePolicy: { retentionDurationSeconds: '604800', effectiveTime: bucket.createdTime },
    iamConfiguration: {
      bucketPolicyOnly: { enabled: !bucket.publicAccess },
      uniformBucketLevelAccess: { enabled: !bucket.publicAccess },
      publicAccessPrevention: bucket.publicAccess ? 'inherited' : 'enforced',
    },
    locationType,
    ...(Object.keys(bucket.tags).length > 0 ? { labels: bucket.tags } : {}),
    versioning: { enabled: bucket.versioning },
    ...(locationType === 'region' ? {} : { rpo: 'DEFAULT' }),
  };
  return renderResource(object);
}

function renderBucketPolicy(bucket: EstateBucket): string {
  const bindings: JsonObject[] = [
    {
      role: 'roles/storage.legacyBucketOwner',
      members: [`projectEditor:${bucket.account}`, `projectOwner:${bucket.account}`],
    },
    { role: 'roles/storage.legacyBucketReader', members: [`projectViewer:${bucket.account}`] },
  ];
  if (bucket.publicAccess) bindings.push({ role: 'roles/storage.objectViewer', members: ['allUsers'] });
  return JSON.stringify({
    kind: 'storage#policy',
    resourceId: `projects/_/buckets/${bucket.name}`,
    version: 1,
    etag: 'CAE=',
    bindings,
  });
}

/** The GCS operation of a mutating request. */
function mutatingOperation(method: string, segments: readonly string[], upload: boolean): string {
  if (upload) return 'objects.insert';
  const [, bucket, sub, object] = segments;
  if (bucket === undefined) return 'buckets.insert';
  if (sub === undefined)
    return method === 'DELETE' ? 'buckets.delete' : method === 'PUT' ? 'buckets.update' : 'buckets.patch';
  if (sub === 'o') {
    if (object === undefined) return 'objects.insert';
    return method === 'DELETE'
      ? 'objects.delete'
      : method === 'PUT'
        ? 'objects.update'
        : method === 'POST'
          ? `objects.${segments[4] ?? 'compose'}`
          : 'objects.patch';
  }
  if (sub === 'iam') return 'buckets.setIamPolicy';
  if (sub === 'lockRetentionPolicy') return 'buckets.lockRetentionPolicy';
  return `${sub}.${method === 'DELETE' ? 'delete' : method === 'POST' ? 'insert' : 'update'}`;
}

/** Creates the Cloud Storage JSON API router over an estate. */
export function createCloudStorageRouter(context: GcpContext): CloudStorageRouter {
  const rendered = memoize((bucket: EstateBucket) => renderBucket(bucket, context.project(bucket.account)));
  const bucketsOf = memoize((account: string): EstateBucket[] =>
    [...context.index.bucketsIn('gcp', account)].sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    ),
  );

  const requireBucket = (name: string): EstateBucket => {
    const bucket = context.index.bucket('gcp', name);
    if (bucket) return bucket;
    throw new GcpRequestError({ kind: 'not_found', message: 'The specified bucket does not exist.' });
  };

  return (request, segments, upload) => {
    if (segments[0] !== 'b') return undefined;
    const method = request.method.toUpperCase();
    const bucketName = segments[1];
    const bucket = bucketName === undefined ? undefined : context.index.bucket('gcp', bucketName);
    const projectParam = request.url.searchParams.get('project') ?? undefined;
    const account = bucket?.account ?? (bucketName === undefined ? projectParam : undefined);
    const base = {
      service: 'storage' as const,
      ...(account === undefined || account === '' ? {} : { account }),
    };
    if (method !== 'GET' || upload) {
      if (method !== 'POST' && method !== 'PUT' && method !== 'PATCH' && method !== 'DELETE')
        return undefined;
      return gcpRoute({ ...base, operation: mutatingOperation(method, segments, upload), mutating: true });
    }

    if (bucketName === undefined) {
      return gcpRoute({
        ...base,
        operation: 'buckets.list',
        serve: () => {
          const params = request.url.searchParams;
          if (projectParam === undefined || projectParam === '') {
            throw new GcpRequestError({
              kind: 'invalid',
              message: 'Required parameter: project',
              legacyReason: 'required',
            });
          }
          const project = requireProject(context, 'storage', projectParam, 'storage.buckets.list');
          const prefix = params.get('prefix') ?? '';
          const fingerprint = queryFingerprint(project.id, prefix);
          const maxResults = parseIntegerParameter(params.get('maxResults'), 'maxResults');
          if (maxResults === 0)
            invalidArgument('Invalid argument: maxResults must be positive.', 'maxResults');
          const pageSize = resolvePageSize(
            maxResults,
            STORAGE_MAX_RESULTS,
            STORAGE_MAX_RESULTS,
            context.pageSizeCap,
          );
          const offset = decodeOffsetToken(params.get('pageToken'), fingerprint);
          const page = slicePage(
            bucketsOf(project.id).filter((item) => item.name.startsWith(prefix)),
            offset,
            pageSize,
          );
          return gcpJsonResponse(
            serializeList(
              { kind: 'storage#buckets' },
              'items',
              page.items.map((item) => rendered(item).json('name')),
              {
                nextPageToken:
                  page.nextOffset === undefined ? undefined : encodePageToken(fingerprint, page.nextOffset),
              },
            ),
          );
        },
      });
    }

    if (segments.length === 2) {
      return gcpRoute({
        ...base,
        operation: 'buckets.get',
        serve: () => gcpJsonResponse(rendered(requireBucket(bucketName)).json('name')),
      });
    }
    if (segments.length === 3 && segments[2] === 'iam') {
      return gcpRoute({
        ...base,
        operation: 'buckets.getIamPolicy',
        serve: () => gcpJsonResponse(renderBucketPolicy(requireBucket(bucketName))),
      });
    }
    return undefined;
  };
}
