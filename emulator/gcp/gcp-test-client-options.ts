import type { LoggingOptions } from '@google-cloud/logging';
import { googleAuthLibrary, type CallOptions } from 'google-gax';

/**
 * Options that point the official Google Cloud client libraries at the emulator with no network
 * access beyond loopback: no metadata-server probe, no token exchange, no real Google endpoint.
 *
 * The gax-based clients (`@google-cloud/compute`, `functions`, `sql`, `monitoring`, and the
 * `@google-cloud/logging` API clients) run their HTTP/1.1 REST transport (`fallback: true`) over
 * plain `http` to `127.0.0.1:PORT`. Authentication is an `OAuth2Client` that already holds an
 * access token valid until 2100, so google-auth-library never refreshes it, never looks for
 * Application Default Credentials and never probes the GCE metadata server. The client is the
 * google-auth-library that google-gax itself uses (v10), because gax's REST transport sends every
 * request through the auth client's own `fetch`, which google-auth-library v9 lacks.
 */

/** A token expiry far in the future (2100-01-01T00:00:00Z), in epoch milliseconds. */
const FAR_EXPIRY_MS = 4_102_444_800_000;

/** The bearer token the emulator clients send (the emulator does not check it). */
export const GCP_EMULATOR_ACCESS_TOKEN = 'emulator-access-token';

/** The `OAuth2Client` type of the google-auth-library that google-gax uses. */
export type GcpEmulatorAuthClient = InstanceType<typeof googleAuthLibrary.OAuth2Client>;

/**
 * Options for gax-based clients (`new InstancesClient(options)`, `new MetricServiceClient(options)`…).
 * A type alias, not an interface, so that it is assignable to gax's index-signature `ClientOptions`.
 */
export type GcpEmulatorClientOptions = {
  /** Host only (`127.0.0.1`): gax builds `protocol://apiEndpoint:port/…`. */
  readonly apiEndpoint: string;
  readonly port: number;
  /** Plain HTTP (gax's REST transport reads `protocol` from the client options). */
  readonly protocol: 'http';
  /** The HTTP/1.1 REST transport (`fallback: true`); gax ≥ 4 has no other fallback. */
  readonly fallback: true;
  readonly authClient: GcpEmulatorAuthClient;
  /** A project id, so that nothing asks google-auth-library to discover one. */
  readonly projectId?: string;
};

/** Options for `new Storage(options)` of `@google-cloud/storage`. */
export type GcpEmulatorStorageOptions = {
  /** Full base URL (`http://127.0.0.1:PORT`); the library appends `/storage/v1`. */
  readonly apiEndpoint: string;
  /** Custom endpoints skip authentication unless this is true; keep it false. */
  readonly useAuthWithCustomEndpoint: false;
  /** Default project of `getBuckets()`; without one, pass `{ project }` on every call. */
  readonly projectId?: string;
  /** The library's own retries are off, so injected faults surface at once. */
  readonly retryOptions: { readonly autoRetry: false; readonly maxRetries: 0 };
};

/**
 * Call options that turn off gax's retries for one call (`client.method(request, gcpNoRetry())`);
 * a fresh object each time, because gax writes into the options it is given.
 * With the REST transport of google-gax 5.0.x, HTTP errors surface as `GaxiosError` whose `code`
 * is the HTTP status, which matches no gRPC retry code anyway; this makes the intent explicit.
 */
export function gcpNoRetry(): CallOptions {
  return { retry: { retryCodes: [] } };
}

/** An auth client holding a fixed, long-lived access token: it never touches the network. */
export function createGcpEmulatorAuthClient(): GcpEmulatorAuthClient {
  const client = new googleAuthLibrary.OAuth2Client();
  client.setCredentials({
    access_token: GCP_EMULATOR_ACCESS_TOKEN,
    token_type: 'Bearer',
    expiry_date: FAR_EXPIRY_MS,
  });
  return client;
}

function parseLoopback(endpoint: string): URL {
  const url = new URL(endpoint);
  if (url.protocol !== 'http:')
    throw new RangeError(`The GCP emulator endpoint must be http://, got '${endpoint}'.`);
  return url;
}

/**
 * Client options for a gax-based client talking to the emulator at `endpoint` (`http://127.0.0.1:PORT`).
 * @param projectId - optional default project, so clients never try to discover one.
 * @throws RangeError when `endpoint` is not an `http://` URL with a port.
 */
export function gcpEmulatorClientOptions(endpoint: string, projectId?: string): GcpEmulatorClientOptions {
  const url = parseLoopback(endpoint);
  const port = Number(url.port);
  if (!Number.isInteger(port) || port <= 0)
    throw new RangeError(`The GCP emulator endpoint needs a port, got '${endpoint}'.`);
  return {
    apiEndpoint: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port,
    protocol: 'http',
    fallback: true,
    authClient: createGcpEmulatorAuthClient(),
    ...(projectId === undefined ? {} : { projectId }),
  };
}

/**
 * Options for the handwritten `new Logging(options)` of `@google-cloud/logging`.
 *
 * `Logging` builds its own google-auth-library v9 `GoogleAuth` (from the nested google-gax 4) only
 * to read `projectId`, and hands the options to its API clients, which run on google-gax 5 and use
 * `authClient`. The v10 client is therefore right at run time although `LoggingOptions` types
 * `authClient` as v9's, hence the cast.
 * @param projectId - required: without it `Logging` asks google-auth-library to discover one.
 */
export function gcpEmulatorLoggingOptions(endpoint: string, projectId: string): LoggingOptions {
  return gcpEmulatorClientOptions(endpoint, projectId) as unknown as LoggingOptions;
}

/**
 * Options for `@google-cloud/storage` talking to the emulator at `endpoint`.
 * @param projectId - the project `getBuckets()` lists by default. Give one (or pass `{ project }`
 *   on each call): without it the library asks google-auth-library to discover the project, which
 *   probes the GCE metadata server.
 */
export function gcpEmulatorStorageOptions(endpoint: string, projectId?: string): GcpEmulatorStorageOptions {
  const url = parseLoopback(endpoint);
  return {
    apiEndpoint: url.origin,
    useAuthWithCustomEndpoint: false,
    ...(projectId === undefined ? {} : { projectId }),
    retryOptions: { autoRetry: false, maxRetries: 0 },
  };
}
