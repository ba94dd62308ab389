import {
  DeleteDBInstanceCommand,
  DescribeDBInstancesCommand,
  paginateDescribeDBInstances,
  RDSClient,
  type DBInstance,
} from '@aws-sdk/client-rds';
import {
  DeleteBucketCommand,
  GetBucketEncryptionCommand,
  GetBucketLocationCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  GetPublicAccessBlockCommand,
  HeadBucketCommand,
  ListBucketsCommand,
  paginateListBuckets,
  S3Client,
} from '@aws-sdk/client-s3';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generateEstate } from '../estate/generate-estate.js';
import type { Estate, EstateBucket, EstateDatabase } from '../estate/model.js';
import { startEmulator, type RunningEmulator } from '../server/start-emulator.js';
import { awsTestClientConfig } from './aws-test-client-config.js';

const ANCHOR = '2026-11-20T00:00:00.000Z';

describe('RDS, S3 and STS over the AWS SDK', () => {
  let emulator: RunningEmulator;
  let estate: Estate;

  beforeAll(async () => {
    // Medium: enough databases and buckets in one account for several pages.
    estate = generateEstate({ seed: 11, size: 'medium', anchorTime: ANCHOR });
    emulator = await startEmulator({ estate, pageSizeCaps: {} });
  });

  afterAll(async () => {
    await emulator.close();
  });

  beforeEach(() => {
    emulator.faults.clear();
  });

  describe('RDS', () => {
    /** An emulator whose pages hold at most 4 items, so that a dozen databases span several pages. */
    let capped: RunningEmulator;
    const rds = (account: string, region: string, target = emulator): RDSClient =>
      new RDSClient(awsTestClientConfig(target.endpoints.aws, region, `emulator-${account}`));

    beforeAll(async () => {
      capped = await startEmulator({ estate, pageSizeCaps: { aws: 4 } });
    });

    afterAll(async () => {
      await capped.close();
    });

    const biggest = (): EstateDatabase[] => {
      const groups = new Map<string, EstateDatabase[]>();
      for (const db of estate.databases.filter((d) => d.provider === 'aws')) {
        const key = `${db.account}/${db.region}`;
        groups.set(key, [...(groups.get(key) ?? []), db]);
      }
      return [...groups.values()].sort((a, b) => b.length - a.length)[0]!;
    };

    it('pages DescribeDBInstances with MaxRecords and Marker', async () => {
      const databases = biggest();
      const { account, region } = databases[0]!;

      const listed: DBInstance[] = [];
      let pages = 0;
      for await (const page of paginateDescribeDBInstances(
        { client: rds(account, region, capped), pageSize: 20 },
        {},
      )) {
        pages++;
        listed.push(...(page.DBInstances ?? []));
      }

      expect(pages).toBe(Math.ceil(databases.length / 4));
      expect(pages).toBeGreaterThanOrEqual(3);
      expect(listed.map((d) => d.DBInstanceIdentifier).sort()).toEqual(databases.map((d) => d.id).sort());
      const db = databases[0]!;
      expect(listed.find((d) => d.DBInstanceIdentifier === db.id)).toMatchObject({
        DBInstanceClass: db.instanceClass,
        Engine: db.engine,
        EngineVersion: db.engineVersion,
        DBInstanceStatus: db.status,
        MultiAZ: db.multiAz,
        PubliclyAccessible: db.publiclyAccessible,
        StorageEncrypted: db.encrypted,
        AvailabilityZone: db.zone,
        InstanceCreateTime: new Date(db.createdTime),
        DBInstanceArn: `arn:aws:rds:${region}:${account}:db:${db.id}`,
        TagList: Object.entries(db.tags).map(([Key, Value]) => ({ Key, Value })),
      });
    });

    it('filters by engine and identifier, and answers DBInstanceNotFound for a missing one', async () => {
      const databases = biggest();
      const { account, region, engine, id } = databases[0]!;

      const byEngine = await rds(account, region).send(
        new DescribeDBInstancesCommand({ Filters: [{ Name: 'engine', Values: [engine] }] }),
      );
      const byId = await rds(account, region).send(
        new DescribeDBInstancesCommand({ DBInstanceIdentifier: id }),
      );
      const missing = await rds(account, region)
        .send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'no-such-db' }))
        .catch((e: unknown) => e);
      const badPage = await rds(account, region)
        .send(new DescribeDBInstancesCommand({ MaxRecords: 5 }))
        .catch((e: unknown) => e);

      expect(byEngine.DBInstances?.map((d) => d.DBInstanceIdentifier).sort()).toEqual(
        databases
          .filter((d) => d.engine === engine)
          .map((d) => d.id)
          .sort(),
      );
      expect(byId.DBInstances?.map((d) => d.DBInstanceIdentifier)).toEqual([id]);
      expect(missing).toMatchObject({ name: 'DBInstanceNotFoundFault', $metadata: { httpStatusCode: 404 } });
      expect(badPage).toMatchObject({ name: 'InvalidParameterValue' });
    });

    it.each([
      ['throttle', 'Throttling', 400],
      ['unavailable', 'ServiceUnavailable', 503],
      ['denied', 'AccessDenied', 403],
    ] as const)('renders a %s fault as %s (%i)', async (kind, name, status) => {
      emulator.faults.add({ kind, provider: 'aws', service: 'rds' });
      const { account, region } = biggest()[0]!;

      const error = await rds(account, region)
        .send(new DescribeDBInstancesCommand({}))
        .catch((e: unknown) => e);

      expect(error).toMatchObject({ name, $metadata: { httpStatusCode: status } });
    });

    it('refuses DeleteDBInstance', async () => {
      const { account, region, id } = biggest()[0]!;

      const error = await rds(account, region)
        .send(new DeleteDBInstanceCommand({ DBInstanceIdentifier: id, SkipFinalSnapshot: true }))
        .catch((e: unknown) => e);

      expect(error).toMatchObject({ name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
      expect(emulator.journal.query({ mutating: true, operation: 'DeleteDBInstance' })).toHaveLength(1);
    });
  });

  describe('S3', () => {
    const s3 = (account: string, region = 'us-east-1'): S3Client =>
      new S3Client(awsTestClientConfig(emulator.endpoints.aws, region, `emulator-${account}`));
    const bucketsOf = (account: string): EstateBucket[] =>
      estate.buckets
        .filter((b) => b.provider === 'aws' && b.account === account)
        .sort((a, b) => (a.name < b.name ? -1 : 1));
    const richest = (): string => {
      const accounts = estate.accounts.filter((a) => a.provider === 'aws').map((a) => a.id);
      return accounts.sort((a, b) => bucketsOf(b).length - bucketsOf(a).length)[0]!;
    };

    it('lists every bucket of the account, in one page or with max-buckets paging', async () => {
      const account = richest();
      const expected = bucketsOf(account);

      const all = await s3(account).send(new ListBucketsCommand({}));
      const names: string[] = [];
      let pages = 0;
      for await (const page of paginateListBuckets(
        { client: s3(account), pageSize: Math.max(1, Math.floor(expected.length / 3)) },
        {},
      )) {
        pages++;
        names.push(...(page.Buckets ?? []).map((b) => b.Name!));
      }
      const inRegion = await s3(account).send(
        new ListBucketsCommand({ BucketRegion: expected[0]!.region, MaxBuckets: 1000 }),
      );

      expect(all.Buckets?.map((b) => b.Name)).toEqual(expected.map((b) => b.name));
      expect(all.Buckets?.[0]?.CreationDate).toEqual(new Date(expected[0]!.createdTime));
      expect(all.Owner?.ID).toMatch(/^[0-9a-f]{64}$/);
      expect(pages).toBeGreaterThanOrEqual(3);
      expect(names).toEqual(expected.map((b) => b.name));
      expect(inRegion.Buckets?.every((b) => b.BucketRegion === expected[0]!.region)).toBe(true);
      expect(inRegion.Buckets?.length).toBe(expected.filter((b) => b.region === expected[0]!.region).length);
    });

    it('answers GetBucketLocation like S3 (empty for us-east-1) and NoSuchBucket for an unknown bucket', async () => {
      const account = richest();
      const buckets = bucketsOf(account);
      const useast = buckets.find((b) => b.region === 'us-east-1');
      const elsewhere = buckets.find((b) => b.region !== 'us-east-1');

      const missing = await s3(account)
        .send(new GetBucketLocationCommand({ Bucket: 'no-such-bucket-anywhere' }))
        .catch((e: unknown) => e);

      if (useast !== undefined) {
        expect(
          (await s3(account).send(new GetBucketLocationCommand({ Bucket: useast.name }))).LocationConstraint,
        ).toBeUndefined();
      }
      if (elsewhere !== undefined) {
        expect(
          (await s3(account).send(new GetBucketLocationCommand({ Bucket: elsewhere.name })))
            .LocationConstraint,
        ).toBe(elsewhere.region);
      }
      expect(missing).toMatchObject({ name: 'NoSuchBucket', $metadata: { httpStatusCode: 404 } });
    });

    it('reports versioning, encryption, tags and public access of a bucket', async () => {
      const account = richest();
      const bucket = bucketsOf(account)[0]!;

      const head = await s3(account).send(new HeadBucketCommand({ Bucket: bucket.name }));
      const versioning = await s3(account).send(new GetBucketVersioningCommand({ Bucket: bucket.name }));
      const encryption = await s3(account)
        .send(new GetBucketEncryptionCommand({ Bucket: bucket.name }))
        .catch((e: unknown) => e);
      const tagging = await s3(account)
        .send(new GetBucketTaggingCommand({ Bucket: bucket.name }))
        .catch((e: unknown) => e);
      const block = await s3(account)
        .send(new GetPublicAccessBlockCommand({ Bucket: bucket.name }))
        .catch((e: unknown) => e);

      expect(head.BucketRegion).toBe(bucket.region);
      expect(versioning.Status).toBe(bucket.versioning ? 'Enabled' : undefined);
      if (bucket.encrypted) {
        expect(encryption).toMatchObject({
          ServerSideEncryptionConfiguration: {
            Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
          },
        });
      } else {
        expect(encryption).toMatchObject({ name: 'ServerSideEncryptionConfigurationNotFoundError' });
      }
      if (Object.keys(bucket.tags).length > 0) {
        expect(tagging).toMatchObject({
          TagSet: Object.entries(bucket.tags).map(([Key, Value]) => ({ Key, Value })),
        });
      }
      if (bucket.publicAccess) expect(block).toMatchObject({ name: 'NoSuchPublicAccessBlockConfiguration' });
      else
        expect(block).toMatchObject({
          PublicAccessBlockConfiguration: { BlockPublicAcls: true, RestrictPublicBuckets: true },
        });
    });

    it('refuses DeleteBucket as AccessDenied and journals it as mutating', async () => {
      const account = richest();
      const bucket = bucketsOf(account)[0]!;

      const error = await s3(account)
        .send(new DeleteBucketCommand({ Bucket: bucket.name }))
        .catch((e: unknown) => e);

      expect(error).toMatchObject({ name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
      expect(emulator.journal.query({ mutating: true, operation: 'DeleteBucket' }).at(-1)).toMatchObject({
        service: 's3',
        status: 403,
      });
    });

    it.each([
      ['throttle', 'SlowDown', 503],
      ['unavailable', 'ServiceUnavailable', 503],
      ['denied', 'AccessDenied', 403],
    ] as const)('renders a %s fault as %s (%i)', async (kind, name, status) => {
      emulator.faults.add({ kind, provider: 'aws', service: 's3' });

      const error = await s3(richest())
        .send(new ListBucketsCommand({}))
        .catch((e: unknown) => e);

      expect(error).toMatchObject({ name, $metadata: { httpStatusCode: status } });
    });
  });

  describe('STS', () => {
    it('answers GetCallerIdentity for the account of the access key, or the first account', async () => {
      const accounts = estate.accounts
        .filter((a) => a.provider === 'aws')
        .map((a) => a.id)
        .sort();
      const sts = (key: string): STSClient =>
        new STSClient(awsTestClientConfig(emulator.endpoints.aws, 'us-east-1', key));

      const defaulted = await sts('emulator').send(new GetCallerIdentityCommand({}));
      const chosen = await sts(`AKIA${accounts[1]!}ABCD`).send(new GetCallerIdentityCommand({}));

      expect(defaulted).toMatchObject({
        Account: accounts[0],
        Arn: `arn:aws:iam::${accounts[0]!}:user/emulator`,
      });
      expect(defaulted.UserId).toMatch(/^AIDA[A-Z2-7]{17}$/);
      expect(chosen.Account).toBe(accounts[1]);
    });

    it('assumes a role into an estate account with credentials that address that account', async () => {
      const accounts = estate.accounts
        .filter((a) => a.provider === 'aws')
        .map((a) => a.id)
        .sort();
      const sts = new STSClient(awsTestClientConfig(emulator.endpoints.aws));

      const assumed = await sts.send(
        new AssumeRoleCommand({
          RoleArn: `arn:aws:iam::${accounts[2]!}:role/ReadOnly`,
          RoleSessionName: 'sre-agent',
        }),
      );
      const identity = await new STSClient(
        awsTestClientConfig(emulator.endpoints.aws, 'us-east-1', assumed.Credentials!.AccessKeyId),
      ).send(new GetCallerIdentityCommand({}));
      const denied = await sts
        .send(
          new AssumeRoleCommand({
            RoleArn: 'arn:aws:iam::999999999999:role/ReadOnly',
            RoleSessionName: 'sre-agent',
          }),
        )
        .catch((e: unknown) => e);

      expect(assumed.AssumedRoleUser?.Arn).toBe(
        `arn:aws:sts::${accounts[2]!}:assumed-role/ReadOnly/sre-agent`,
      );
      expect(assumed.Credentials?.Expiration?.getTime()).toBeGreaterThan(Date.now());
      expect(identity.Account).toBe(accounts[2]);
      expect(denied).toMatchObject({ name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
    });

    it('renders a throttle fault as Throttling (400)', async () => {
      emulator.faults.add({ kind: 'throttle', provider: 'aws', service: 'sts' });

      const error = await new STSClient(awsTestClientConfig(emulator.endpoints.aws))
        .send(new GetCallerIdentityCommand({}))
        .catch((e: unknown) => e);

      expect(error).toMatchObject({ name: 'Throttling', $metadata: { httpStatusCode: 400 } });
    });
  });
});
