import type { CloudErrorCode } from './build-cloud-error.js';
import { stringProp } from './unknown-props.js';

/** Node.js socket error codes: cannot reach the endpoint at all. */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
  'ENETDOWN',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);
/** Node.js (and undici) socket error codes: reached, then the connection broke (transient). */
const BROKEN = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'UND_ERR_SOCKET']);
/** Node.js (and undici) socket error codes: the connection timed out. */
const TIMED_OUT = new Set(['ETIMEDOUT', 'ESOCKETTIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT']);

/** Node.js system and TLS error codes (`ECONNRESET`, `CERT_HAS_EXPIRED`, `ERR_TLS_…`). */
const NODE_CODE = /^(E[A-Z_]+|[A-Z_]*CERT[A-Z_]*|ERR_TLS_[A-Z_]+|UNABLE_TO_[A-Z_]+)$/;
/** undici's (fetch's) own socket error codes. */
const UNDICI_CODE = /^UND_ERR_[A-Z_]+$/;

/**
 * The first socket error code among the `code`s of `candidates` (the error, its `cause`, the
 * members of an `AggregateError` from happy eyeballs…, in the order the adapter looks at them).
 * @param options.undici also accept undici's `UND_ERR_*` codes (for stacks that use fetch).
 */
export function findSocketCode(
  candidates: readonly unknown[],
  options: { readonly undici: boolean },
): string | undefined {
  for (const candidate of candidates) {
    const code = stringProp(candidate, 'code');
    if (code !== undefined && (NODE_CODE.test(code) || (options.undici && UNDICI_CODE.test(code))))
      return code;
  }
  return undefined;
}

/**
 * The class of a socket error code: the endpoint is unreachable (DNS, refused, TLS), the
 * connection timed out, or it broke after it was made (unavailable, transient). `undefined` for
 * any other code.
 */
export function classifySocketCode(
  code: string,
): Extract<CloudErrorCode, 'CLOUD_UNREACHABLE' | 'CLOUD_TIMEOUT' | 'CLOUD_UNAVAILABLE'> | undefined {
  if (UNREACHABLE.has(code)) return 'CLOUD_UNREACHABLE';
  if (TIMED_OUT.has(code)) return 'CLOUD_TIMEOUT';
  if (BROKEN.has(code)) return 'CLOUD_UNAVAILABLE';
  return undefined;
}
