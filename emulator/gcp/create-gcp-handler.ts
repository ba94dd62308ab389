import type { HandlerDeps } from '../server/start-emulator.js';
import type { OperationRoute, ProviderHandler, WireRequest } from '../server/wire.js';
import { createGcpContext } from './gcp-context.js';
import { GCP_JSON_CONTENT_TYPE } from './gcp-json.js';
import { gcpServiceHost, gcpServiceOfPath, type GcpService } from './gcp-service.js';
import { renderGcpError } from './render-gcp-error.js';
import { createCloudFunctionsRouter } from './route-cloud-functions.js';
import { createCloudSqlRouter } from './route-cloud-sql.js';
import { createCloudStorageRouter } from './route-cloud-storage.js';
import { createComputeRouter } from './route-compute.js';
import { createLoggingRouter } from './route-logging.js';
import { createMonitoringRouter } from './route-monitoring.js';
import { createResourceManagerRouter } from './route-resource-manager.js';

const GCP_SERVICES: ReadonlySet<string> = new Set<GcpService>([
  'compute',
  'cloudfunctions',
  'sqladmin',
  'storage',
  'monitoring',
  'logging',
  'cloudresourcemanager',
]);

function isGcpService(value: string): value is GcpService {
  return GCP_SERVICES.has(value);
}

/** Path segments, percent-decoded (a segment that does not decode is kept as sent). */
function segmentsOf(pathname: string): string[] {
  return pathname
    .split('/')
    .slice(1)
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    });
}

/** A plausible first part of each API's list response, cut short for the `malformed` fault. */
function malformedBody(service: GcpService | undefined): string {
  const samples: Readonly<Record<GcpService, string>> = {
    compute:
      '{"kind":"compute#instanceAggregatedList","id":"projects/p/aggregated/instances","items":{"zones/us-central1-a":{"instances":[{"kind":"compute#instance","id":"8',
    cloudfunctions:
      '{"functions":[{"name":"projects/p/locations/us-central1/functions/f","buildConfig":{"runtime":"py',
    sqladmin: '{"kind":"sql#instancesList","items":[{"kind":"sql#instance","state":"RUNN',
    storage: '{"kind":"storage#buckets","items":[{"kind":"storage#bucket","id":"b',
    monitoring:
      '{"timeSeries":[{"metric":{"type":"compute.googleapis.com/instance/cpu/utilization"},"points":[{"value":{"doubleValue":0.',
    logging:
      '{"entries":[{"logName":"projects/p/logs/cloudaudit.googleapis.com%2Factivity","timestamp":"2026-',
    cloudresourcemanager: '{"name":"projects/1","projectId":"p',
  };
  return service === undefined ? '{"error":{"code":' : samples[service];
}

/** Google's words for a per-minute quota hit (the emulator's throttle fault). */
function quotaExceededMessage(service: GcpService | undefined): string {
  if (service === 'storage')
    return 'The rate of requests to this project exceeded the rate limit. Please reduce the request rate.';
  const host = service === undefined ? 'googleapis.com' : gcpServiceHost(service);
  return `Quota exceeded for quota metric 'Read requests' and limit 'Read requests per minute' of service '${host}'.`;
}

/**
 * The GCP wire handler: Compute Engine v1, Cloud Functions v2, Cloud SQL Admin v1/v1beta4, Cloud
 * Storage JSON v1, Cloud Monitoring v3, Cloud Logging v2 and Resource Manager v3 `projects.get`,
 * all on one port and told apart by path prefix, answering in each API's exact JSON and error shapes.
 */
export function createGcpHandler(deps: HandlerDeps): ProviderHandler {
  const context = createGcpContext(deps);
  const compute = createComputeRouter(context);
  const functions = createCloudFunctionsRouter(context);
  const sql = createCloudSqlRouter(context);
  const storage = createCloudStorageRouter(context);
  const monitoring = createMonitoringRouter(context);
  const logging = createLoggingRouter(context);
  const resourceManager = createResourceManagerRouter(context);

  const route = (request: WireRequest): OperationRoute | undefined => {
    const segments = segmentsOf(request.url.pathname);
    const [first, second, third] = segments;
    if (first === 'compute' && second === 'v1') return compute(request, segments.slice(2));
    if (first === 'storage' && second === 'v1') return storage(request, segments.slice(2), false);
    if (first === 'upload' && second === 'storage' && third === 'v1')
      return storage(request, segments.slice(3), true);
    if (first === 'sql' && second === 'v1beta4') return sql(request, segments.slice(2), 'v1beta4');
    if (first === 'v1') return sql(request, segments.slice(1), 'v1');
    if (first === 'v2') return functions(request, segments.slice(1)) ?? logging(request, segments.slice(1));
    if (first === 'v3')
      return monitoring(request, segments.slice(1)) ?? resourceManager(request, segments.slice(1));
    return undefined;
  };

  const serviceOf = (request: WireRequest, matched: OperationRoute | undefined): GcpService | undefined =>
    matched !== undefined && isGcpService(matched.service)
      ? matched.service
      : gcpServiceOfPath(request.url.pathname);

  return {
    provider: 'gcp',
    route,
    renderError: (error, request, matched) => {
      const service = serviceOf(request, matched);
      return renderGcpError(service, {
        kind: error.kind,
        message: error.kind === 'throttled' ? quotaExceededMessage(service) : error.message,
        ...(error.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: error.retryAfterSeconds }),
      });
    },
    renderMalformed: (request, matched) => ({
      status: 200,
      headers: { 'content-type': GCP_JSON_CONTENT_TYPE },
      body: malformedBody(serviceOf(request, matched)),
    }),
  };
}
