import type { WireRequest, WireResponse } from '../server/wire.js';
import { toArmErrorBody, type ArmError } from './arm-errors.js';
import { deterministicGuid } from './deterministic-guid.js';

/** Content type of every Azure JSON response. */
export const AZURE_JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/** Builds Azure responses with the headers every ARM and Log Analytics response carries. */
export interface AzureResponder {
  /**
   * A JSON response. `body` is serialized already, or built from the response's ids (Log
   * Analytics errors repeat the correlation id in their body).
   */
  json(
    request: WireRequest,
    status: number,
    body: string | ((ids: ResponseIds) => string),
    headers?: Readonly<Record<string, string>>,
  ): WireResponse;
  /** An ARM error response (envelope or flat shape, with the error's own headers). */
  armError(request: WireRequest, error: ArmError): WireResponse;
}

/** The ids a response carries in its headers. */
export interface ResponseIds {
  readonly requestId: string;
  readonly correlationId: string;
}

function header(request: WireRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Creates a responder whose `x-ms-request-id` values come from a counter and the estate seed:
 * two emulators serving the same calls in the same order hand out the same ids. A caller's
 * `x-ms-correlation-request-id` is echoed, as ARM does; otherwise one is generated.
 */
export function createAzureResponder(seed: number): AzureResponder {
  let counter = 0;
  const json = (
    request: WireRequest,
    status: number,
    body: string | ((ids: ResponseIds) => string),
    headers: Readonly<Record<string, string>> = {},
  ): WireResponse => {
    counter += 1;
    const requestId = deterministicGuid(`${seed}/request/${counter}`);
    const correlationId =
      header(request, 'x-ms-correlation-request-id') ?? deterministicGuid(`${seed}/correlation/${counter}`);
    const clientRequestId = header(request, 'x-ms-client-request-id');
    return {
      status,
      headers: {
        'content-type': AZURE_JSON_CONTENT_TYPE,
        'cache-control': 'no-cache',
        pragma: 'no-cache',
        expires: '-1',
        'x-content-type-options': 'nosniff',
        'x-ms-request-id': requestId,
        'x-ms-correlation-request-id': correlationId,
        ...(clientRequestId === undefined ? {} : { 'x-ms-client-request-id': clientRequestId }),
        ...headers,
      },
      body: typeof body === 'string' ? body : body({ requestId, correlationId }),
    };
  };
  return {
    json,
    armError: (request, error) => json(request, error.status, toArmErrorBody(error), error.headers),
  };
}
