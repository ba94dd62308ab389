/**
 * The contract between the emulator's HTTP core and its per-provider wire handlers.
 *
 * The core (see `start-emulator.ts`) owns sockets, body reading, the call journal, fault
 * injection and the refusal of mutating calls. A provider handler only does two things:
 * it recognizes an operation in a raw request (`route`) and it renders responses and errors in its
 * cloud's exact wire format.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Provider } from '../estate/model.js';

/** A raw HTTP request as received by the emulator (body fully read). */
export interface WireRequest {
  readonly method: string;
  /** Absolute URL (`http://127.0.0.1:PORT/path?query`). */
  readonly url: URL;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

/** A response to put on the wire. `body` strings are sent as UTF-8. */
export interface WireResponse {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Buffer;
}

/** An operation recognized in a request. */
export interface OperationRoute {
  /** Service name as the cloud knows it: `ec2`, `monitoring`, `logs`, `lambda`, `rds`, `s3`, `cloudtrail`, `sts`;
   * Azure `Microsoft.Compute`, `Microsoft.Web`, `Microsoft.Sql`, `Microsoft.Storage`, `Microsoft.Insights`,
   * `subscriptions`, `loganalytics`; GCP `compute`, `cloudfunctions`, `sqladmin`, `storage`, `monitoring`, `logging`. */
  readonly service: string;
  /** Operation name as the cloud's API reference names it (`DescribeInstances`, `VirtualMachines_ListAll`, `instances.aggregatedList`). */
  readonly operation: string;
  /** True for anything that would change the cloud. Mutating calls are journaled and refused, never served. */
  readonly mutating: boolean;
  /** AWS account id, Azure subscription id or GCP project id the call addresses, when known. */
  readonly account?: string;
  /** Region/location the call addresses, when known (AWS: signing region). */
  readonly region?: string;
  /** Produces the response of a read operation. Never called for mutating operations. */
  readonly serve: () => WireResponse | Promise<WireResponse>;
}

/** The kinds of errors the core asks a handler to render in its cloud's shape. */
export type EmulatedErrorKind =
  /** Rate limited: AWS `Throttling`/`ThrottlingException`/`RequestLimitExceeded` (400) or S3 `SlowDown` (503);
   * Azure 429 with `Retry-After` and `x-ms-ratelimit-remaining-*`; GCP 429 RESOURCE_EXHAUSTED. */
  | 'throttled'
  /** 5xx: AWS `ServiceUnavailable`/`InternalError`; Azure 503; GCP 503 UNAVAILABLE. */
  | 'unavailable'
  /** Access denied: AWS `UnauthorizedOperation`/`AccessDenied`/`AccessDeniedException` (403);
   * Azure 403 `AuthorizationFailed`; GCP 403 PERMISSION_DENIED. */
  | 'denied'
  /** The region is down: rendered like `unavailable` (connection-level failures are not emulated). */
  | 'region_down'
  /** A mutating call: refused with an authorization-style error that says the emulator is read-only. */
  | 'mutation_refused'
  /** The operation is unknown to the emulator. */
  | 'unknown_operation'
  /** Bad request parameters (e.g. an invalid NextToken). */
  | 'invalid'
  /** A named resource does not exist. */
  | 'not_found';

/** An error the core asks a handler to render. */
export interface EmulatedError {
  readonly kind: EmulatedErrorKind;
  readonly message: string;
  /** Seconds the client should wait, for `throttled` (Azure `Retry-After`, AWS/GCP in message/details). */
  readonly retryAfterSeconds?: number;
}

/** One cloud's wire protocol. */
export interface ProviderHandler {
  readonly provider: Provider;
  /** Recognizes the operation in a request; `undefined` when it is not one this emulator knows. */
  route(request: WireRequest): OperationRoute | undefined;
  /** Renders an error in this cloud's exact wire shape (status, headers, body). */
  renderError(error: EmulatedError, request: WireRequest, route: OperationRoute | undefined): WireResponse;
  /** Renders a syntactically broken success response for the `malformed` fault (right content type, truncated body). */
  renderMalformed(request: WireRequest, route: OperationRoute): WireResponse;
}
