import { describe, expect, it } from 'vitest';
import { directCallRunner } from '../../core/ports/call-runner.js';
import type { ScopeTarget } from '../../core/ports/cloud-port.js';
import { createAwsProvider } from './create-aws-provider.js';
import {
  type FakeAwsCall,
  createFakeAwsClientFactory,
  fakeAwsServiceError,
} from './create-fake-aws-client-factory.js';

const ACCOUNT = '123456789012';
const global: ScopeTarget = { provider: 'aws', account: ACCOUNT, region: 'global' };
const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';
const AUTHENTICATED_USERS = 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers';

/** How the fake S3 answers one bucket's calls: an output, or an error to throw. */
type BucketAnswers = Partial<Record<string, unknown>>;

const blockAll = {
  PublicAccessBlockConfiguration: {
    BlockPublicAcls: true,
    IgnorePublicAcls: true,
    BlockPublicPolicy: true,
    RestrictPublicBuckets: true,
  },
};
const noBlock = fakeAwsServiceError('NoSuchPublicAccessBlockConfiguration', 404);
const noPolicy = fakeAwsServiceError('NoSuchBucketPolicy', 404);
const privateAcl = {
  Grants: [{ Grantee: { Type: 'CanonicalUser', ID: 'owner' }, Permission: 'FULL_CONTROL' }],
};
const denied = fakeAwsServiceError('AccessDenied', 403);

function setup(buckets: Readonly<Record<string, { region: string; answers: BucketAnswers }>>) {
  const factory = createFakeAwsClientFactory((call: FakeAwsCall) => {
    if (call.operation === 'ListBuckets') {
      return {
        Buckets: Object.entries(buckets).map(([name, b]) => ({
          Name: name,
          BucketRegion: b.region,
          CreationDate: new Date(0),
        })),
      };
    }
    const answer = buckets[String(call.input.Bucket)]?.answers[call.operation];
    if (answer instanceof Error) throw answer;
    if (answer === undefined)
      throw new Error(`unexpected ${call.operation} for ${String(call.input.Bucket)}`);
    return answer;
  });
  const provider = createAwsProvider(
    { regions: ['eu-west-1'] },
    { runner: directCallRunner, clientFactory: factory, warn: () => undefined },
  );
  return { provider, factory };
}

describe('listBuckets details', () => {
  it('makes no per-bucket call when the plan needs no detail, and marks tags unknown', async () => {
    const { provider, factory } = setup({ logs: { region: 'eu-west-1', answers: {} } });

    const records = await provider.listResources('bucket', global, { fields: ['created_time'] }, {});

    expect(factory.calls.map((c) => c.operation)).toEqual(['ListBuckets']);
    expect(records).toEqual([
      expect.objectContaining({
        id: 'logs',
        tags: {},
        tagsUnknown: true,
        fields: { created_time: '1970-01-01T00:00:00.000Z' },
      }),
    ]);
  });

  it.each([
    {
      name: 'fully blocked',
      answers: { GetPublicAccessBlock: blockAll },
      expected: false,
      calls: ['GetPublicAccessBlock'],
    },
    {
      name: 'public policy, no block',
      answers: { GetPublicAccessBlock: noBlock, GetBucketPolicyStatus: { PolicyStatus: { IsPublic: true } } },
      expected: true,
      calls: ['GetPublicAccessBlock', 'GetBucketPolicyStatus'],
    },
    {
      name: 'public policy neutralized by RestrictPublicBuckets, private ACL',
      answers: {
        GetPublicAccessBlock: {
          PublicAccessBlockConfiguration: { RestrictPublicBuckets: true, BlockPublicPolicy: true },
        },
        GetBucketAcl: privateAcl,
      },
      expected: false,
      calls: ['GetPublicAccessBlock', 'GetBucketAcl'],
    },
    {
      name: 'no policy, public-read ACL',
      answers: {
        GetPublicAccessBlock: noBlock,
        GetBucketPolicyStatus: noPolicy,
        GetBucketAcl: { Grants: [{ Grantee: { Type: 'Group', URI: ALL_USERS }, Permission: 'READ' }] },
      },
      expected: true,
      calls: ['GetPublicAccessBlock', 'GetBucketPolicyStatus', 'GetBucketAcl'],
    },
    {
      name: 'ACL for any authenticated AWS user',
      answers: {
        GetPublicAccessBlock: noBlock,
        GetBucketPolicyStatus: { PolicyStatus: { IsPublic: false } },
        GetBucketAcl: {
          Grants: [{ Grantee: { Type: 'Group', URI: AUTHENTICATED_USERS }, Permission: 'WRITE' }],
        },
      },
      expected: true,
      calls: ['GetPublicAccessBlock', 'GetBucketPolicyStatus', 'GetBucketAcl'],
    },
    {
      name: 'public ACL ignored by IgnorePublicAcls, private policy',
      answers: {
        GetPublicAccessBlock: { PublicAccessBlockConfiguration: { IgnorePublicAcls: true } },
        GetBucketPolicyStatus: { PolicyStatus: { IsPublic: false } },
      },
      expected: false,
      calls: ['GetPublicAccessBlock', 'GetBucketPolicyStatus'],
    },
    {
      name: 'no block, private policy and ACL',
      answers: {
        GetPublicAccessBlock: noBlock,
        GetBucketPolicyStatus: { PolicyStatus: { IsPublic: false } },
        GetBucketAcl: privateAcl,
      },
      expected: false,
      calls: ['GetPublicAccessBlock', 'GetBucketPolicyStatus', 'GetBucketAcl'],
    },
    {
      name: 'block denied',
      answers: { GetPublicAccessBlock: denied },
      expected: null,
      calls: ['GetPublicAccessBlock'],
    },
    {
      name: 'policy status denied',
      answers: { GetPublicAccessBlock: noBlock, GetBucketPolicyStatus: denied },
      expected: null,
      calls: ['GetPublicAccessBlock', 'GetBucketPolicyStatus'],
    },
  ])('public: $name → $expected', async ({ answers, expected, calls }) => {
    const { provider, factory } = setup({ site: { region: 'eu-west-1', answers } });

    const [record] = await provider.listResources('bucket', global, { fields: ['public'] }, {});

    expect(record?.fields.public).toBe(expected);
    expect(factory.calls.slice(1).map((c) => c.operation)).toEqual(calls);
  });

  it('reads tags, encryption and versioning in each bucket region, only those asked for', async () => {
    const { provider, factory } = setup({
      'a-tagged': {
        region: 'us-east-2',
        answers: {
          GetBucketTagging: { TagSet: [{ Key: 'owner', Value: 'ann' }] },
          GetBucketEncryption: {
            ServerSideEncryptionConfiguration: {
              Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' } }],
            },
          },
          GetBucketVersioning: { Status: 'Enabled' },
        },
      },
      'b-bare': {
        region: 'eu-west-1',
        answers: {
          GetBucketTagging: fakeAwsServiceError('NoSuchTagSet', 404),
          GetBucketEncryption: fakeAwsServiceError('ServerSideEncryptionConfigurationNotFoundError', 404),
          GetBucketVersioning: { Status: 'Suspended' },
        },
      },
      'c-locked': {
        region: 'eu-west-1',
        answers: { GetBucketTagging: denied, GetBucketEncryption: denied, GetBucketVersioning: denied },
      },
    });

    const records = await provider.listResources(
      'bucket',
      global,
      { fields: ['encrypted', 'tag:owner', 'versioning'] },
      {},
    );

    expect(
      records.map((r) => [r.id, r.tags, r.tagsUnknown, r.fields.encrypted, r.fields.versioning]),
    ).toEqual([
      ['a-tagged', { owner: 'ann' }, undefined, true, true],
      ['b-bare', {}, undefined, false, false],
      ['c-locked', {}, true, null, null],
    ]);
    const details = factory.calls.filter((c) => c.operation !== 'ListBuckets');
    expect(details.filter((c) => c.input.Bucket === 'a-tagged').every((c) => c.region === 'us-east-2')).toBe(
      true,
    );
    expect(details.filter((c) => c.input.Bucket !== 'a-tagged').every((c) => c.region === 'eu-west-1')).toBe(
      true,
    );
    expect(new Set(details.map((c) => c.operation))).toEqual(
      new Set(['GetBucketTagging', 'GetBucketEncryption', 'GetBucketVersioning']),
    );
    expect(details).toHaveLength(9);
  });

  it('skips a bucket deleted after it was listed', async () => {
    const { provider } = setup({
      kept: { region: 'eu-west-1', answers: { GetBucketVersioning: {} } },
      gone: {
        region: 'eu-west-1',
        answers: { GetBucketVersioning: fakeAwsServiceError('NoSuchBucket', 404) },
      },
    });

    const records = await provider.listResources('bucket', global, { fields: ['versioning'] }, {});

    expect(records.map((r) => [r.id, r.fields.versioning])).toEqual([['kept', false]]);
  });

  it('reads details only for the buckets of a regional scope', async () => {
    const { provider, factory } = setup({
      here: { region: 'eu-west-1', answers: { GetBucketVersioning: { Status: 'Enabled' } } },
      there: { region: 'us-east-1', answers: {} },
    });

    const records = await provider.listResources(
      'bucket',
      { ...global, region: 'eu-west-1' },
      { fields: ['versioning'] },
      {},
    );

    expect(records.map((r) => r.id)).toEqual(['here']);
    expect(factory.calls.map((c) => c.input.Bucket).filter((b) => b !== undefined)).toEqual(['here']);
  });
});
