import { isIP } from 'node:net';
import { SreError } from '../../core/errors/sre-error.js';

/** A validated endpoint override for every Google API the adapter calls. */
export interface GcpEndpoint {
  /** `http://127.0.0.1:8085` (no path, no trailing slash). */
  readonly origin: string;
  readonly protocol: 'http' | 'https';
  /** Host name without IPv6 brackets (`127.0.0.1`, `::1`, `localhost`, `storage.example.com`). */
  readonly host: string;
  /** The port (the scheme's default when the URL names none). */
  readonly port: number;
  /**
   * True for a loopback host (127.0.0.0/8, `localhost`, `::1`): a local emulator. Such endpoints
   * get a fixed dummy token instead of Application Default Credentials, so nothing ever asks the
   * metadata server or a token endpoint.
   */
  readonly loopback: boolean;
}

/** True for `localhost`, an IPv4 address in 127.0.0.0/8, or `::1` (brackets allowed). */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (bare === 'localhost' || bare === '::1') return true;
  return isIP(bare) === 4 && bare.split('.')[0] === '127';
}

function invalid(message: string): SreError {
  return new SreError('CONFIG_INVALID', message, {
    details: { key: 'SRE_GCP_ENDPOINT' },
    suggestions: [
      'Use https:// for a remote endpoint, or http://127.0.0.1:PORT for a local emulator (plain http is accepted for loopback hosts only).',
    ],
  });
}

/**
 * Validates `SRE_GCP_ENDPOINT`. Plain `http` is accepted for loopback hosts only: anything else
 * would send requests (and, with real credentials, bearer tokens) over the network unencrypted.
 * @returns `undefined` when no endpoint is configured (the libraries use Google's endpoints).
 * @throws SreError CONFIG_INVALID for a malformed URL, another scheme, a path, credentials in the
 *   URL, or plain `http` to a non-loopback host.
 */
export function parseGcpEndpoint(endpoint: string | undefined): GcpEndpoint | undefined {
  if (endpoint === undefined || endpoint.trim() === '') return undefined;
  let url: URL;
  try {
    url = new URL(endpoint.trim());
  } catch {
    throw invalid(`SRE_GCP_ENDPOINT "${endpoint}" is not a valid URL.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw invalid(`SRE_GCP_ENDPOINT must be an http(s) URL, got "${url.protocol}".`);
  }
  if (url.username !== '' || url.password !== '') {
    throw invalid('SRE_GCP_ENDPOINT must not carry credentials in the URL.');
  }
  if ((url.pathname !== '' && url.pathname !== '/') || url.search !== '' || url.hash !== '') {
    throw invalid(
      `SRE_GCP_ENDPOINT must be a base URL without path or query (e.g. http://127.0.0.1:8085), got "${endpoint}".`,
    );
  }
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const loopback = isLoopbackHost(host);
  if (protocol === 'http' && !loopback) {
    throw invalid(
      `SRE_GCP_ENDPOINT "${endpoint}" uses plain http to a non-loopback host; only 127.0.0.0/8, localhost and ::1 may use http.`,
    );
  }
  const port = url.port === '' ? (protocol === 'http' ? 80 : 443) : Number(url.port);
  return { origin: url.origin, protocol, host, port, loopback };
}
