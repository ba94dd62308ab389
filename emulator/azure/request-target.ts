import type { WireRequest } from '../server/wire.js';

function hostHeader(request: WireRequest): string | undefined {
  return request.headers.host;
}

/**
 * The request path as the client sent it, with runs of `/` collapsed (ARM ignores them).
 *
 * Some SDK calls produce a leading `//` (arm-monitor puts `/{resourceUri}` before an id that
 * already starts with `/`); parsed against a base URL, `//subscriptions/…` reads as a network path
 * whose host is `subscriptions`. When the parsed host is not the `Host` header, it is put back in
 * front of the path.
 */
export function requestPathname(request: WireRequest): string {
  const host = normalizedHost(hostHeader(request));
  let path = request.url.pathname;
  if (host !== undefined && request.url.host !== host) path = `/${request.url.host}${path}`;
  return path.replace(/\/{2,}/g, '/');
}

/** The `Host` header as `URL` spells a host (lower case, default port dropped). */
function normalizedHost(host: string | undefined): string | undefined {
  if (host === undefined) return undefined;
  try {
    return new URL(`http://${host}`).host;
  } catch {
    return host.toLowerCase();
  }
}

/** The origin the client called (`http://127.0.0.1:PORT`), from the `Host` header. */
export function requestOrigin(request: WireRequest): string {
  const host = hostHeader(request);
  return host === undefined ? request.url.origin : `http://${host}`;
}
