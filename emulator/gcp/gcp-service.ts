/**
 * The GCP APIs the emulator serves on its single GCP port, told apart by path prefix.
 *
 * `service` values are the names the call journal records (`OperationRoute.service`); `host` is the
 * API's real host name, used where Google puts it on the wire (`ErrorInfo.domain`, quota metadata).
 */
export type GcpService =
  'compute' | 'cloudfunctions' | 'sqladmin' | 'storage' | 'monitoring' | 'logging' | 'cloudresourcemanager';

/**
 * How an API shapes its errors:
 * - `legacy`: Compute and Cloud SQL Admin — `{error: {code, message, errors: [{message, domain, reason}], status, details}}`
 *   (the old Apiary `errors` array next to the AIP-193 fields);
 * - `storage`: the Cloud Storage JSON API — `{error: {code, message, errors: [...]}}`, no `status`, no `details`;
 * - `aip193`: Cloud Functions v2, Monitoring, Logging, Resource Manager — `{error: {code, message, status, details}}`.
 */
export type GcpErrorStyle = 'legacy' | 'storage' | 'aip193';

/** The real host of a service. */
export function gcpServiceHost(service: GcpService): string {
  return `${service}.googleapis.com`;
}

/** The error style of a service (see {@link GcpErrorStyle}). */
export function gcpErrorStyle(service: GcpService): GcpErrorStyle {
  switch (service) {
    case 'compute':
    case 'sqladmin':
      return 'legacy';
    case 'storage':
      return 'storage';
    case 'cloudfunctions':
    case 'monitoring':
    case 'logging':
    case 'cloudresourcemanager':
      return 'aip193';
  }
}

/**
 * The service a request path belongs to, or `undefined` when it matches none. Used to pick the
 * error shape for paths no route recognized.
 */
export function gcpServiceOfPath(pathname: string): GcpService | undefined {
  if (pathname.startsWith('/compute/')) return 'compute';
  if (pathname.startsWith('/storage/') || pathname.startsWith('/upload/storage/')) return 'storage';
  if (pathname.startsWith('/sql/') || /^\/v1\/projects\/[^/]+\/instances(?:\/|$)/.test(pathname))
    return 'sqladmin';
  if (/^\/v1\/projects\/[^/]+\/(?:flags|tiers|operations|backupRuns)(?:\/|$)/.test(pathname))
    return 'sqladmin';
  if (pathname.startsWith('/v2/projects/') && pathname.includes('/functions')) return 'cloudfunctions';
  if (
    pathname.startsWith('/v3/projects/') &&
    /\/(?:timeSeries|metricDescriptors|monitoredResourceDescriptors)/.test(pathname)
  ) {
    return 'monitoring';
  }
  if (/^\/v3\/projects\/[^/]+$/.test(pathname)) return 'cloudresourcemanager';
  if (pathname.startsWith('/v2/entries') || /^\/v2\/projects\/[^/]+\/logs/.test(pathname)) return 'logging';
  return undefined;
}
