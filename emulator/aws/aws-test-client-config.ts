/** Client configuration that points an AWS SDK v3 client at the emulator. */
export interface AwsTestClientConfig {
  readonly endpoint: string;
  readonly region: string;
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string };
  /** S3 only: bucket in the path (`/bucket`), never in the host name. */
  readonly forcePathStyle: true;
  /** SDK retries off: tests observe every fault the emulator injects. */
  readonly maxAttempts: 1;
}

/**
 * Configuration for an AWS SDK v3 client that talks to the emulator in tests.
 *
 * The emulator picks the AWS account from the access key id: put an estate account's 12-digit id
 * in it (`emulator-123456789012`) to address that account; any other key addresses the estate's
 * first AWS account.
 * @param endpoint - the emulator's AWS base URL (`emulator.endpoints.aws`).
 * @param region - the signing region, which is also the region the calls address (default `us-east-1`).
 * @param accessKeyId - access key id (default `emulator`).
 */
export function awsTestClientConfig(
  endpoint: string,
  region = 'us-east-1',
  accessKeyId = 'emulator',
): AwsTestClientConfig {
  return {
    endpoint,
    region,
    credentials: { accessKeyId, secretAccessKey: 'emulator' },
    forcePathStyle: true,
    maxAttempts: 1,
  };
}
