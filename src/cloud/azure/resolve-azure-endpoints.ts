import { SreError } from '../../core/errors/sre-error.js';

/** One endpoint override. */
export interface AzureEndpoint {
  /** Base URL without a trailing slash. */
  readonly url: string;
  /**
   * True for plain `http` on a loopback address (the emulator): requests to it go out without TLS
   * and without a bearer token, so no credential is created for it.
   */
  readonly insecureLoopback: boolean;
}

/** Where the adapter sends its calls, resolved once from the settings. */
export interface AzureEndpoints {
  /** ARM endpoint override; absent = the SDKs' default (`https://management.azure.com`). */
  readonly arm?: AzureEndpoint;
  /** Log Analytics query endpoint override; absent = the SDK's default (`https://api.loganalytics.io/v1`). */
  readonly logs?: AzureEndpoint;
  /**
   * Azure Monitor metrics batch (`metrics:getBatch`) endpoint override, for every region; absent =
   * the regional public host of each call (`https://{region}.metrics.monitor.azure.com`).
   */
  readonly metrics?: AzureEndpoint;
  /**
   * True when ARM is overridden with an https endpoint (another cloud, a proxy) and no metrics
   * endpoint is given: the metrics data plane of that cloud is unknown, so metrics are read per VM
   * with `Metrics_List` through the ARM endpoint, as before the batch API was used.
   */
  readonly metricsThroughArm?: true;
}

/** The public metrics data-plane host of a region (`eastus` → `https://eastus.metrics.monitor.azure.com`). */
export function publicMetricsEndpoint(region: string): string {
  return `https://${region}.metrics.monitor.azure.com`;
}

/** True for a programmatic location name that can stand as a host label (`eastus2`, `westeurope`). */
export function isLocationName(region: string): boolean {
  return /^[a-z][a-z0-9]{1,62}$/.test(region) && region !== 'global';
}

/** True for `localhost`, `127.0.0.0/8` and `::1` (brackets allowed), the hosts that never leave the machine. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host === '::1' || host === '0:0:0:0:0:0:0:1') return true;
  const octets = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  return octets !== null && octets.slice(1).every((octet) => Number(octet) <= 255);
}

function parseEndpoint(name: string, value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch (error) {
    throw new SreError('CONFIG_INVALID', `${name} "${value}" is not a valid URL.`, {
      cause: error,
      details: { provider: 'azure', key: name },
    });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new SreError('CONFIG_INVALID', `${name} "${value}" must be an http(s) URL.`, {
      details: { provider: 'azure', key: name },
    });
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new SreError(
      'CONFIG_INVALID',
      `${name} "${value}" uses plain http on a non-loopback host; Azure credentials are only sent over https. Use https, or a loopback address (127.0.0.1, localhost, ::1) for the emulator.`,
      { details: { provider: 'azure', key: name } },
    );
  }
  return url;
}

function toEndpoint(url: URL): AzureEndpoint {
  return { url: url.href.replace(/\/+$/, ''), insecureLoopback: url.protocol === 'http:' };
}

/**
 * Validates the endpoint overrides. `logsEndpoint` defaults to `endpoint` when only `endpoint` is
 * set (the emulator serves ARM and Log Analytics on one port). `metricsEndpoint` defaults to
 * `endpoint` when that is a loopback emulator, which also serves the metrics batch API on its one
 * port (a batch call then names no region in its URL: the region is that of its resources); an
 * https `endpoint` without `metricsEndpoint` sets `metricsThroughArm`. Plain `http` is accepted only for
 * loopback hosts, where no token is sent.
 * @throws SreError `CONFIG_INVALID` for a malformed URL, a scheme other than http(s), or plain
 *   http on a host that is not loopback (127.0.0.0/8, localhost, ::1).
 */
export function resolveAzureEndpoints(settings: {
  readonly endpoint?: string;
  readonly logsEndpoint?: string;
  readonly metricsEndpoint?: string;
}): AzureEndpoints {
  const arm =
    settings.endpoint === undefined || settings.endpoint === ''
      ? undefined
      : parseEndpoint('SRE_AZURE_ENDPOINT', settings.endpoint);
  const logs =
    settings.logsEndpoint === undefined || settings.logsEndpoint === ''
      ? arm
      : parseEndpoint('SRE_AZURE_LOGS_ENDPOINT', settings.logsEndpoint);
  const metrics =
    settings.metricsEndpoint === undefined || settings.metricsEndpoint === ''
      ? arm?.protocol === 'http:'
        ? arm
        : undefined
      : parseEndpoint('metricsEndpoint', settings.metricsEndpoint);
  return {
    ...(arm === undefined ? {} : { arm: toEndpoint(arm) }),
    ...(logs === undefined ? {} : { logs: toEndpoint(logs) }),
    ...(metrics === undefined ? {} : { metrics: toEndpoint(metrics) }),
    ...(arm !== undefined && metrics === undefined ? { metricsThroughArm: true as const } : {}),
  };
}
