import type * as CloudTrail from '@aws-sdk/client-cloudtrail';
import type * as CloudWatch from '@aws-sdk/client-cloudwatch';
import type * as CloudWatchLogs from '@aws-sdk/client-cloudwatch-logs';
import type * as Ec2 from '@aws-sdk/client-ec2';
import type * as Lambda from '@aws-sdk/client-lambda';
import type * as Rds from '@aws-sdk/client-rds';
import type * as S3 from '@aws-sdk/client-s3';
import type * as Sts from '@aws-sdk/client-sts';
import { createRequire } from 'node:module';

// The SDK packages are CommonJS. `require` loads them about 40 % faster than `import()`, which first
// scans a package's whole source for its export names (client-ec2 is 2 MB: ~350 ms per cold process).
const require = createRequire(import.meta.url);

/**
 * The SDK packages the adapter uses, by service. Only *types* are imported here: each package is
 * loaded (`require`) the first time its service is needed, so a run that only lists
 * EC2 instances never pays for parsing the Lambda or S3 clients (cold start matters for the CLI).
 */
export interface AwsSdkModules {
  readonly ec2: typeof Ec2;
  readonly cloudwatch: typeof CloudWatch;
  readonly logs: typeof CloudWatchLogs;
  readonly lambda: typeof Lambda;
  readonly rds: typeof Rds;
  readonly s3: typeof S3;
  readonly cloudtrail: typeof CloudTrail;
  readonly sts: typeof Sts;
}

/** The SDK client class of each service. */
export interface AwsSdkClients {
  readonly ec2: Ec2.EC2Client;
  readonly cloudwatch: CloudWatch.CloudWatchClient;
  readonly logs: CloudWatchLogs.CloudWatchLogsClient;
  readonly lambda: Lambda.LambdaClient;
  readonly rds: Rds.RDSClient;
  readonly s3: S3.S3Client;
  readonly cloudtrail: CloudTrail.CloudTrailClient;
  readonly sts: Sts.STSClient;
}

/** A service the adapter talks to; also the `service` of its call keys (`ec2`, `logs`, `cloudwatch`…). */
export type AwsService = keyof AwsSdkModules;

/** A client and the package it came from (the package supplies the command classes). */
export interface AwsSdkHandle<S extends AwsService> {
  readonly module: AwsSdkModules[S];
  readonly client: AwsSdkClients[S];
}

/** Static credentials (e.g. for the emulator); without them the SDK's default provider chain is used. */
export interface AwsStaticCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

/** How one SDK client is configured. */
export interface AwsClientOptions {
  readonly region: string;
  /** Endpoint override; absent = the SDK's own resolution (which honours `AWS_ENDPOINT_URL[_<SERVICE>]`). */
  readonly endpoint?: string;
  /** Shared-config profile; absent = the SDK default (`AWS_PROFILE` or `default`). */
  readonly profile?: string;
  readonly credentials?: AwsStaticCredentials;
  /** S3 only: path-style addressing (needed by emulators and most S3-compatible endpoints). */
  readonly forcePathStyle?: boolean;
}

/** Builds SDK clients. Injected so tests can replace the SDK with fakes. */
export interface AwsClientFactory {
  /** Loads the service's package (lazily) and builds a client with SDK retries off. */
  createClient<S extends AwsService>(service: S, options: AwsClientOptions): Promise<AwsSdkHandle<S>>;
  /**
   * The region the SDK would use when none is configured here (`AWS_REGION`, `AWS_DEFAULT_REGION`,
   * the profile's `region`), or `undefined` when it finds none.
   */
  resolveDefaultRegion(options: { readonly profile?: string }): Promise<string | undefined>;
}

/** Config common to every SDK client: our resilience layer owns retries, so the SDK makes one attempt. */
function baseConfig(options: AwsClientOptions): {
  region: string;
  maxAttempts: number;
  endpoint?: string;
  profile?: string;
  credentials?: AwsStaticCredentials;
} {
  return {
    region: options.region,
    // One attempt per call: the CallRunner retries one page at a time, so retries never multiply.
    maxAttempts: 1,
    ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
    ...(options.profile === undefined ? {} : { profile: options.profile }),
    ...(options.credentials === undefined ? {} : { credentials: options.credentials }),
  };
}

type Loaders = { readonly [S in AwsService]: (options: AwsClientOptions) => AwsSdkHandle<S> };

const LOADERS: Loaders = {
  ec2: (options) => {
    const module = require('@aws-sdk/client-ec2') as typeof Ec2;
    return { module, client: new module.EC2Client(baseConfig(options)) };
  },
  cloudwatch: (options) => {
    const module = require('@aws-sdk/client-cloudwatch') as typeof CloudWatch;
    return { module, client: new module.CloudWatchClient(baseConfig(options)) };
  },
  logs: (options) => {
    const module = require('@aws-sdk/client-cloudwatch-logs') as typeof CloudWatchLogs;
    return { module, client: new module.CloudWatchLogsClient(baseConfig(options)) };
  },
  lambda: (options) => {
    const module = require('@aws-sdk/client-lambda') as typeof Lambda;
    return { module, client: new module.LambdaClient(baseConfig(options)) };
  },
  rds: (options) => {
    const module = require('@aws-sdk/client-rds') as typeof Rds;
    return { module, client: new module.RDSClient(baseConfig(options)) };
  },
  s3: (options) => {
    const module = require('@aws-sdk/client-s3') as typeof S3;
    const client = new module.S3Client({
      ...baseConfig(options),
      ...(options.forcePathStyle === undefined ? {} : { forcePathStyle: options.forcePathStyle }),
    });
    return { module, client };
  },
  cloudtrail: (options) => {
    const module = require('@aws-sdk/client-cloudtrail') as typeof CloudTrail;
    return { module, client: new module.CloudTrailClient(baseConfig(options)) };
  },
  sts: (options) => {
    const module = require('@aws-sdk/client-sts') as typeof Sts;
    return { module, client: new module.STSClient(baseConfig(options)) };
  },
};

/**
 * The production client factory: official AWS SDK v3 clients, each package imported on first use,
 * SDK retries off (`maxAttempts: 1`), credentials from the SDK's default chain unless static ones
 * are given.
 */
export function createAwsClientFactory(): AwsClientFactory {
  return {
    // A failing require (a broken install) becomes a rejection, like any other client error.
    createClient: async (service, options) => Promise.resolve().then(() => LOADERS[service](options)),
    async resolveDefaultRegion(options) {
      const module = require('@aws-sdk/client-sts') as typeof Sts;
      // A client built without a region resolves it through the SDK's own chain (env, profile).
      const client = new module.STSClient(options.profile === undefined ? {} : { profile: options.profile });
      try {
        const region = await client.config.region();
        return region === '' ? undefined : region;
      } catch {
        return undefined;
      } finally {
        client.destroy();
      }
    },
  };
}
