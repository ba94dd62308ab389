import type { AccessToken, TokenCredential } from '@azure/identity';
import { bearerTokenAuthenticationPolicyName, type PipelinePolicy } from '@azure/core-rest-pipeline';

/**
 * Pointing the official Azure SDK clients at the emulator (plain HTTP on loopback).
 *
 * The SDKs refuse two things the emulator needs: `bearerTokenAuthenticationPolicy` throws on any
 * non-`https` URL, and the HTTP client refuses `http:` unless the request allows an insecure
 * connection. So a client is built with {@link azureEmulatorClientOptions} (endpoint, insecure
 * connections allowed, retries off, and {@link createAzureEmulatorPolicy} which sends a dummy
 * bearer token), then {@link connectToAzureEmulator} removes the SDK's bearer-token policy:
 *
 * ```ts
 * const compute = connectToAzureEmulator(
 *   new ComputeManagementClient(emulatorTokenCredential, subscriptionId, azureEmulatorClientOptions(endpoint)),
 * );
 * const logs = connectToAzureEmulator(new LogsQueryClient(emulatorTokenCredential, azureEmulatorClientOptions(endpoint)));
 * ```
 */

/** Name of the pipeline policy that authorizes emulator requests. */
export const AZURE_EMULATOR_POLICY_NAME = 'azureEmulatorPolicy';

/** The dummy bearer token the emulator accepts (it checks nothing). */
export const AZURE_EMULATOR_TOKEN = 'emulator';

/** Far in the future (2100-01-01), so the SDK never tries to refresh the token. */
const TOKEN_EXPIRY_MS = 4_102_444_800_000;

/** A static credential: always the same dummy token, never expiring. Reads no environment and no clock. */
export const emulatorTokenCredential: TokenCredential = Object.freeze({
  getToken: (): Promise<AccessToken> =>
    Promise.resolve({
      token: AZURE_EMULATOR_TOKEN,
      expiresOnTimestamp: TOKEN_EXPIRY_MS,
      tokenType: 'Bearer' as const,
    }),
});

function isLoopbackHttp(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (
      parsed.protocol === 'http:' &&
      (parsed.hostname === '127.0.0.1' || parsed.hostname === 'localhost' || parsed.hostname === '[::1]')
    );
  } catch {
    return false;
  }
}

/**
 * A pipeline policy for emulator requests: sets `Authorization: Bearer emulator` and, for plain
 * HTTP to a loopback address only, allows the insecure connection. Other URLs pass unchanged.
 */
export function createAzureEmulatorPolicy(): PipelinePolicy {
  return {
    name: AZURE_EMULATOR_POLICY_NAME,
    sendRequest(request, next) {
      if (isLoopbackHttp(request.url)) {
        request.allowInsecureConnection = true;
        if (!request.headers.has('authorization'))
          request.headers.set('authorization', `Bearer ${AZURE_EMULATOR_TOKEN}`);
      }
      return next(request);
    },
  };
}

/** Client options shared by the ARM clients and `LogsQueryClient` when they talk to the emulator. */
export interface AzureEmulatorClientOptions {
  readonly endpoint: string;
  readonly allowInsecureConnection: true;
  readonly retryOptions: { readonly maxRetries: number };
  readonly additionalPolicies: {
    readonly policy: PipelinePolicy;
    readonly position: 'perCall' | 'perRetry';
  }[];
}

/**
 * Options that point an Azure SDK client at the emulator: `endpoint`, insecure (HTTP) connections
 * allowed, SDK retries off (so injected faults surface; our resilience layer owns retries), and
 * the emulator policy. Pair with {@link connectToAzureEmulator}.
 * @param endpoint the emulator's Azure base URL (`http://127.0.0.1:PORT`).
 */
export function azureEmulatorClientOptions(endpoint: string): AzureEmulatorClientOptions {
  return {
    endpoint,
    allowInsecureConnection: true,
    retryOptions: { maxRetries: 0 },
    additionalPolicies: [{ policy: createAzureEmulatorPolicy(), position: 'perCall' }],
  };
}

/** Anything with an Azure pipeline (every ARM client and `LogsQueryClient`). */
export interface PipelineOwner {
  readonly pipeline: { removePolicy(options: { name?: string }): unknown };
}

/**
 * Removes the SDK's `bearerTokenAuthenticationPolicy` (which refuses non-https URLs) from a client
 * built with {@link azureEmulatorClientOptions}; the emulator policy supplies the header instead.
 * @returns the same client, for chaining.
 */
export function connectToAzureEmulator<T extends PipelineOwner>(client: T): T {
  client.pipeline.removePolicy({ name: bearerTokenAuthenticationPolicyName });
  return client;
}
