import type { EstateBucket } from '../estate/model.js';
import type { WireResponse } from '../server/wire.js';
import type { AwsContext } from './aws-context.js';
import { AwsError } from './aws-error.js';
import { createAwsRoute, type AwsCall, type AwsRoute } from './aws-route.js';
import { S3_PROFILE } from './aws-service-profile.js';
import { deriveHex } from './derive-hex.js';
import { escapeXml, xmlLeaf } from './escape-xml.js';
import { cursorOffset, decodePageToken, encodePageToken } from './page-token.js';
import { renderAwsResponse, XML_DECLARATION } from './render-aws-response.js';

/** The S3 part of the AWS handler. */
export interface S3Service {
  /** Routes a restXml request (path-style, or virtual-host style on a loopback host name). */
  route(call: AwsCall): AwsRoute | undefined;
}

const MAX_BUCKETS = 10_000;
/** Host names that carry the bucket in front of them (`bucket.localhost:4566`, `bucket.s3.amazonaws.com`). */
const VIRTUAL_HOST = /^(.+?)\.(?:localhost|127\.0\.0\.1|s3(?:[.-][a-z0-9-]+)?\.amazonaws\.com)$/;

/** Sub-resources whose GET the emulator answers. */
const BUCKET_READS: Readonly<Record<string, string>> = {
  location: 'GetBucketLocation',
  versioning: 'GetBucketVersioning',
  encryption: 'GetBucketEncryption',
  tagging: 'GetBucketTagging',
  policyStatus: 'GetBucketPolicyStatus',
  publicAccessBlock: 'GetPublicAccessBlock',
};

/** Query parameters of listings and of the SDK's own bookkeeping, which are not sub-resources. */
const NOT_SUBRESOURCES = new Set([
  'prefix',
  'delimiter',
  'marker',
  'encoding-type',
  'max-keys',
  'list-type',
  'continuation-token',
  'start-after',
  'fetch-owner',
  'x-id',
]);

function capitalize(text: string): string {
  return text.length === 0 ? text : text[0]!.toUpperCase() + text.slice(1);
}

/** Bucket and key of a request: virtual-host style when the Host names a bucket, path style otherwise. */
function addressOf(
  host: string | undefined,
  pathname: string,
): { bucket: string | undefined; key: string | undefined } {
  const hostName = (host ?? '').replace(/:\d+$/, '');
  const virtual = VIRTUAL_HOST.exec(hostName);
  const path = pathname.replace(/^\/+/, '');
  const decode = (text: string): string => {
    try {
      return decodeURIComponent(text);
    } catch {
      return text;
    }
  };
  if (virtual !== null && !/^s3(?:[.-]|$)/.test(virtual[1]!)) {
    return { bucket: virtual[1], key: path === '' ? undefined : decode(path) };
  }
  if (path === '') return { bucket: undefined, key: undefined };
  const slash = path.indexOf('/');
  if (slash < 0) return { bucket: decode(path), key: undefined };
  const key = path.slice(slash + 1);
  return { bucket: decode(path.slice(0, slash)), key: key === '' ? undefined : decode(key) };
}

/**
 * Creates the S3 service: ListBuckets (`max-buckets`, `continuation-token`, `prefix`,
 * `bucket-region`), GetBucketLocation (empty for us-east-1, like S3), HeadBucket,
 * GetBucketVersioning, GetBucketEncryption, GetBucketTagging, GetBucketPolicyStatus,
 * GetPublicAccessBlock, and ListObjects(V2)/GetObject on empty buckets. A bucket of another
 * account answers `AccessDenied`, an unknown one `NoSuchBucket`. PUT, POST and DELETE route as
 * mutating (CreateBucket, DeleteBucket, PutObject, PutBucketPolicy…).
 */
export function createS3Service(context: AwsContext): S3Service {
  const { index } = context;
  const ownerIdOf = (account: string): string => deriveHex(['s3-owner', account], 64);

  const xmlResponse = (
    call: AwsCall,
    body: string,
    headers: Readonly<Record<string, string>> = {},
  ): WireResponse => renderAwsResponse(S3_PROFILE, `${XML_DECLARATION}${body}`, call.requestId, headers);

  const ns = `xmlns="${S3_PROFILE.xmlNamespace!}"`;

  /** The bucket a call addresses, or the error S3 gives for it. */
  const bucketOf = (call: AwsCall, name: string): EstateBucket => {
    const bucket = index.bucket('aws', name);
    if (bucket === undefined) {
      throw new AwsError('NoSuchBucket', 'The specified bucket does not exist', 404, {
        extra: { BucketName: name },
      });
    }
    if (bucket.account !== call.account) throw new AwsError('AccessDenied', 'Access Denied', 403);
    return bucket;
  };

  const listBuckets = (call: AwsCall, url: URL): WireResponse => {
    const params = url.searchParams;
    const maxText = params.get('max-buckets');
    const prefix = params.get('prefix') ?? undefined;
    const bucketRegion = params.get('bucket-region') ?? undefined;
    const token = params.get('continuation-token');
    let maxBuckets: number | undefined;
    if (maxText !== null) {
      maxBuckets = Number(maxText);
      if (!Number.isInteger(maxBuckets) || maxBuckets < 1 || maxBuckets > MAX_BUCKETS) {
        throw new AwsError(
          'InvalidArgument',
          `Argument max-buckets must be an integer between 1 and ${MAX_BUCKETS}`,
          400,
          {
            extra: { ArgumentName: 'max-buckets', ArgumentValue: maxText },
          },
        );
      }
    }
    const buckets = index
      .bucketsIn('aws', call.account)
      .filter(
        (bucket) =>
          (prefix === undefined || bucket.name.startsWith(prefix)) &&
          (bucketRegion === undefined || bucket.region === bucketRegion),
      );
    const scope = JSON.stringify(['ListBuckets', call.account, prefix, bucketRegion]);
    let offset = 0;
    if (token !== null && token !== '') {
      const decoded = cursorOffset(decodePageToken(scope, token));
      if (decoded === undefined) {
        throw new AwsError('InvalidArgument', 'The continuation token provided is incorrect', 400, {
          extra: { ArgumentName: 'continuation-token' },
        });
      }
      offset = decoded;
    }
    let size = maxBuckets ?? MAX_BUCKETS;
    if (context.pageSizeCap !== undefined) size = Math.min(size, context.pageSizeCap);
    const page = buckets.slice(offset, offset + size);
    const end = offset + page.length;
    // BucketRegion is part of the answer when the request used one of the listing parameters.
    const withRegion =
      maxText !== null || token !== null || prefix !== undefined || bucketRegion !== undefined;
    const items = page
      .map(
        (bucket) =>
          `<Bucket>${xmlLeaf('Name', bucket.name)}${xmlLeaf('CreationDate', bucket.createdTime)}` +
          `${withRegion ? xmlLeaf('BucketRegion', bucket.region) : ''}</Bucket>`,
      )
      .join('');
    return xmlResponse(
      call,
      `<ListAllMyBucketsResult ${ns}><Owner>${xmlLeaf('ID', ownerIdOf(call.account))}</Owner><Buckets>${items}</Buckets>` +
        (end < buckets.length ? xmlLeaf('ContinuationToken', encodePageToken(scope, { o: end })) : '') +
        (prefix === undefined ? '' : xmlLeaf('Prefix', prefix)) +
        '</ListAllMyBucketsResult>',
    );
  };

  const bucketRead = (call: AwsCall, operation: string, bucket: EstateBucket): WireResponse => {
    switch (operation) {
      case 'GetBucketLocation':
        // us-east-1 buckets have an empty LocationConstraint.
        return xmlResponse(
          call,
          bucket.region === 'us-east-1'
            ? `<LocationConstraint ${ns}/>`
            : `<LocationConstraint ${ns}>${escapeXml(bucket.region)}</LocationConstraint>`,
        );
      case 'GetBucketVersioning':
        return xmlResponse(
          call,
          bucket.versioning
            ? `<VersioningConfiguration ${ns}><Status>Enabled</Status></VersioningConfiguration>`
            : `<VersioningConfiguration ${ns}/>`,
        );
      case 'GetBucketEncryption':
        if (!bucket.encrypted) {
          throw new AwsError(
            'ServerSideEncryptionConfigurationNotFoundError',
            'The server side encryption configuration was not found',
            404,
            {
              extra: { BucketName: bucket.name },
            },
          );
        }
        return xmlResponse(
          call,
          `<ServerSideEncryptionConfiguration ${ns}><Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>AES256</SSEAlgorithm>` +
            '</ApplyServerSideEncryptionByDefault><BucketKeyEnabled>false</BucketKeyEnabled></Rule></ServerSideEncryptionConfiguration>',
        );
      case 'GetBucketTagging': {
        const tags = Object.entries(bucket.tags);
        if (tags.length === 0)
          throw new AwsError('NoSuchTagSet', 'The TagSet does not exist', 404, {
            extra: { BucketName: bucket.name },
          });
        return xmlResponse(
          call,
          `<Tagging ${ns}><TagSet>${tags.map(([key, value]) => `<Tag>${xmlLeaf('Key', key)}${xmlLeaf('Value', value)}</Tag>`).join('')}</TagSet></Tagging>`,
        );
      }
      case 'GetBucketPolicyStatus':
        return xmlResponse(
          call,
          `<PolicyStatus ${ns}><IsPublic>${bucket.publicAccess}</IsPublic></PolicyStatus>`,
        );
      case 'GetPublicAccessBlock':
        if (bucket.publicAccess) {
          throw new AwsError(
            'NoSuchPublicAccessBlockConfiguration',
            'The public access block configuration was not found',
            404,
            {
              extra: { BucketName: bucket.name },
            },
          );
        }
        return xmlResponse(
          call,
          `<PublicAccessBlockConfiguration ${ns}><BlockPublicAcls>true</BlockPublicAcls><IgnorePublicAcls>true</IgnorePublicAcls>` +
            '<BlockPublicPolicy>true</BlockPublicPolicy><RestrictPublicBuckets>true</RestrictPublicBuckets></PublicAccessBlockConfiguration>',
        );
      default:
        throw new AwsError('NotImplemented', `${operation} is not implemented by the emulator.`, 501);
    }
  };

  const listObjects = (call: AwsCall, bucket: EstateBucket, url: URL, version2: boolean): WireResponse => {
    const prefix = url.searchParams.get('prefix') ?? '';
    const maxKeys = url.searchParams.get('max-keys') ?? '1000';
    return xmlResponse(
      call,
      `<ListBucketResult ${ns}>${xmlLeaf('Name', bucket.name)}${xmlLeaf('Prefix', prefix)}` +
        (version2 ? '<KeyCount>0</KeyCount>' : '<Marker/>') +
        `${xmlLeaf('MaxKeys', maxKeys)}<IsTruncated>false</IsTruncated></ListBucketResult>`,
    );
  };

  return {
    route(call) {
      const { request } = call;
      const { bucket: bucketName, key } = addressOf(
        typeof request.headers.host === 'string' ? request.headers.host : undefined,
        request.url.pathname,
      );
      const subresources = [...request.url.searchParams.keys()].filter((name) => !NOT_SUBRESOURCES.has(name));
      const method = request.method;
      if (method !== 'GET' && method !== 'HEAD') {
        const what = subresources[0];
        let operation: string;
        if (bucketName === undefined) operation = 'UnknownMutatingOperation';
        else if (key !== undefined)
          operation = method === 'DELETE' ? 'DeleteObject' : method === 'POST' ? 'PostObject' : 'PutObject';
        else if (method === 'POST' && request.url.searchParams.has('delete')) operation = 'DeleteObjects';
        else if (what === undefined) operation = method === 'DELETE' ? 'DeleteBucket' : 'CreateBucket';
        else operation = `${method === 'DELETE' ? 'Delete' : 'Put'}Bucket${capitalize(what)}`;
        return createAwsRoute(S3_PROFILE, call, operation, true, () => {
          throw new AwsError('AccessDenied', `${operation} is refused by the read-only emulator.`, 403);
        });
      }
      if (bucketName === undefined)
        return createAwsRoute(S3_PROFILE, call, 'ListBuckets', false, () => listBuckets(call, request.url));
      if (key !== undefined) {
        return createAwsRoute(S3_PROFILE, call, method === 'HEAD' ? 'HeadObject' : 'GetObject', false, () => {
          bucketOf(call, bucketName);
          throw new AwsError('NoSuchKey', 'The specified key does not exist.', 404, { extra: { Key: key } });
        });
      }
      if (method === 'HEAD') {
        return createAwsRoute(S3_PROFILE, call, 'HeadBucket', false, () => {
          const bucket = bucketOf(call, bucketName);
          return renderAwsResponse(S3_PROFILE, '', call.requestId, {
            'x-amz-bucket-region': bucket.region,
            'x-amz-access-point-alias': 'false',
          });
        });
      }
      const read = subresources
        .map((name) => BUCKET_READS[name])
        .find((operation) => operation !== undefined);
      if (read !== undefined)
        return createAwsRoute(S3_PROFILE, call, read, false, () =>
          bucketRead(call, read, bucketOf(call, bucketName)),
        );
      if (subresources.length > 0) return undefined;
      const version2 = request.url.searchParams.get('list-type') === '2';
      return createAwsRoute(S3_PROFILE, call, version2 ? 'ListObjectsV2' : 'ListObjects', false, () =>
        listObjects(call, bucketOf(call, bucketName), request.url, version2),
      );
    },
  };
}
