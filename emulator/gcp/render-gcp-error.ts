import type { EmulatedErrorKind, WireResponse } from '../server/wire.js';
import { GCP_JSON_CONTENT_TYPE } from './gcp-json.js';
import { gcpErrorStyle, gcpServiceHost, type GcpService } from './gcp-service.js';

/** An `ErrorInfo` detail (https://cloud.google.com/apis/design/errors#error_info). */
export interface GcpErrorInfo {
  readonly reason: string;
  /** Defaults to the service host (`compute.googleapis.com`). */
  readonly domain?: string;
  readonly metadata?: Readonly<Record<string, string>>;
}

/** Everything needed to render one GCP error. */
export interface GcpErrorSpec {
  readonly kind: EmulatedErrorKind;
  readonly message: string;
  /** For `throttled`: adds a `google.rpc.RetryInfo` detail with this delay. */
  readonly retryAfterSeconds?: number;
  /** Overrides the legacy `errors[0].reason` (Compute `notFound`, Cloud SQL `instanceDoesNotExist`…). */
  readonly legacyReason?: string;
  /** Overrides the default `ErrorInfo` detail of the kind (or adds one where the kind has none). */
  readonly errorInfo?: GcpErrorInfo;
  /** For `invalid`: the request field at fault, rendered as a `google.rpc.BadRequest` field violation. */
  readonly field?: string;
  /** The field violation's description (default: the message). */
  readonly fieldDescription?: string;
}

/** A request the API rejects; thrown inside `serve()` and rendered by {@link renderGcpError}. */
export class GcpRequestError extends Error {
  constructor(readonly spec: GcpErrorSpec) {
    super(spec.message);
    this.name = 'GcpRequestError';
  }
}

/** Throws a {@link GcpRequestError} of kind `invalid` (HTTP 400 INVALID_ARGUMENT). */
export function invalidArgument(message: string, field?: string, fieldDescription?: string): never {
  throw new GcpRequestError({
    kind: 'invalid',
    message,
    ...(field === undefined ? {} : { field }),
    ...(fieldDescription === undefined ? {} : { fieldDescription }),
  });
}

interface KindShape {
  readonly code: number;
  readonly status: string;
  readonly domain: string;
  readonly reason: string;
}

const KIND_SHAPES: Readonly<Record<EmulatedErrorKind, KindShape>> = {
  throttled: { code: 429, status: 'RESOURCE_EXHAUSTED', domain: 'usageLimits', reason: 'rateLimitExceeded' },
  unavailable: { code: 503, status: 'UNAVAILABLE', domain: 'global', reason: 'backendError' },
  region_down: { code: 503, status: 'UNAVAILABLE', domain: 'global', reason: 'backendError' },
  denied: { code: 403, status: 'PERMISSION_DENIED', domain: 'global', reason: 'forbidden' },
  mutation_refused: { code: 403, status: 'PERMISSION_DENIED', domain: 'global', reason: 'forbidden' },
  unknown_operation: { code: 404, status: 'NOT_FOUND', domain: 'global', reason: 'notFound' },
  invalid: { code: 400, status: 'INVALID_ARGUMENT', domain: 'global', reason: 'invalid' },
  not_found: { code: 404, status: 'NOT_FOUND', domain: 'global', reason: 'notFound' },
};

type Detail = Record<string, unknown>;

function defaultErrorInfo(spec: GcpErrorSpec, host: string): GcpErrorInfo | undefined {
  switch (spec.kind) {
    case 'throttled':
      return {
        reason: 'RATE_LIMIT_EXCEEDED',
        domain: 'googleapis.com',
        metadata: {
          service: host,
          quota_metric: `${host}/read_requests`,
          quota_limit: 'ReadRequestsPerMinutePerProject',
          quota_location: 'global',
        },
      };
    case 'denied':
    case 'mutation_refused':
      return { reason: 'IAM_PERMISSION_DENIED', domain: host };
    case 'unavailable':
    case 'region_down':
    case 'unknown_operation':
    case 'invalid':
    case 'not_found':
      return undefined;
  }
}

function detailsOf(spec: GcpErrorSpec, host: string): Detail[] {
  const details: Detail[] = [];
  const info = spec.errorInfo ?? defaultErrorInfo(spec, host);
  if (info) {
    details.push({
      '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
      reason: info.reason,
      domain: info.domain ?? host,
      ...(info.metadata === undefined ? {} : { metadata: info.metadata }),
    });
  }
  if (spec.kind === 'throttled' && spec.retryAfterSeconds !== undefined) {
    details.push({
      '@type': 'type.googleapis.com/google.rpc.RetryInfo',
      retryDelay: `${spec.retryAfterSeconds}s`,
    });
  }
  if (spec.kind === 'invalid' && spec.field !== undefined) {
    details.push({
      '@type': 'type.googleapis.com/google.rpc.BadRequest',
      fieldViolations: [{ field: spec.field, description: spec.fieldDescription ?? spec.message }],
    });
  }
  return details;
}

/**
 * Renders an error in the exact shape of the GCP API that owns the request (see `GcpErrorStyle`):
 * canonical HTTP status and `status` name, the legacy `errors` array where the API has one, and
 * `ErrorInfo` / `RetryInfo` / `BadRequest` details where Google sends them. Throttling renders as
 * 429 RESOURCE_EXHAUSTED with `ErrorInfo.reason` RATE_LIMIT_EXCEEDED (plus the legacy
 * `usageLimits`/`rateLimitExceeded` entry for Compute, Cloud SQL and Storage).
 * @param service - the owning API; `undefined` (no API recognized) renders the AIP-193 shape.
 */
export function renderGcpError(service: GcpService | undefined, spec: GcpErrorSpec): WireResponse {
  const shape = KIND_SHAPES[spec.kind];
  const host = service === undefined ? 'googleapis.com' : gcpServiceHost(service);
  const style = service === undefined ? 'aip193' : gcpErrorStyle(service);
  const legacyReason =
    spec.legacyReason ??
    (service === 'sqladmin' && (spec.kind === 'denied' || spec.kind === 'mutation_refused')
      ? 'notAuthorized'
      : shape.reason);
  const legacy = [{ message: spec.message, domain: shape.domain, reason: legacyReason }];
  let error: Record<string, unknown>;
  if (style === 'storage') {
    error = { code: shape.code, message: spec.message, errors: legacy };
  } else {
    const details = detailsOf(spec, host);
    error = {
      code: shape.code,
      message: spec.message,
      ...(style === 'legacy' ? { errors: legacy } : {}),
      status: shape.status,
      ...(details.length > 0 ? { details } : {}),
    };
  }
  return {
    status: shape.code,
    headers: { 'content-type': GCP_JSON_CONTENT_TYPE },
    body: JSON.stringify({ error }),
  };
}
