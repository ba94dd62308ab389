import type { PipelineRequest, PipelineResponse } from '@azure/core-rest-pipeline';
import { SreError } from '../../core/errors/sre-error.js';

/** Anything that sends a raw request through an SDK client's pipeline (`ServiceClient.sendRequest`). */
export interface ArmRequestSender {
  sendRequest(request: PipelineRequest): Promise<PipelineResponse>;
}

/** A JSON object as read from the wire; fields are checked where they are used. */
export type JsonObject = Readonly<Record<string, unknown>>;

/** True for a non-null, non-array object. */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The string at `key`, when it is a non-empty string. */
export function jsonString(object: unknown, key: string): string | undefined {
  if (!isJsonObject(object)) return undefined;
  const value = object[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The finite number at `key`. */
export function jsonNumber(object: unknown, key: string): number | undefined {
  if (!isJsonObject(object)) return undefined;
  const value = object[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/**
 * GETs an ARM URL through a client's pipeline (so authentication, the loopback policy and
 * "retries off" are exactly the client's) and returns the parsed JSON object. Used where the
 * installed SDKs have no operation (Log Analytics workspaces) or cannot resume a listing
 * (`@azure/arm-monitor` 7's Activity Log pages expose no continuation token).
 * A non-2xx answer throws a `RestError` with ARM's error code, like the SDKs; a 2xx body that is
 * not a JSON object throws a `RestError` `PARSE_ERROR`. Both are mapped by `mapAzureError`.
 */
export async function getArmJson(
  client: ArmRequestSender,
  url: string,
  signal: AbortSignal,
): Promise<JsonObject> {
  const pipeline = await import('@azure/core-rest-pipeline');
  const request = pipeline.createPipelineRequest({ url, method: 'GET', abortSignal: signal });
  request.headers.set('accept', 'application/json');
  const response = await client.sendRequest(request);
  const text = response.bodyAsText ?? '';
  let body: unknown;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch (error) {
    if (response.status >= 200 && response.status < 300) {
      throw new pipeline.RestError(`Error "${String(error)}" occurred while parsing the response body.`, {
        code: pipeline.RestError.PARSE_ERROR,
        statusCode: response.status,
        request,
        response,
      });
    }
  }
  if (response.status < 200 || response.status >= 300) {
    // ARM wraps errors in `error`; the Insights APIs return `code`/`message` at the top level.
    const inner = isJsonObject(body) && isJsonObject(body.error) ? body.error : body;
    throw new pipeline.RestError(
      jsonString(inner, 'message') ?? `Unexpected status code: ${response.status}`,
      {
        ...(jsonString(inner, 'code') === undefined ? {} : { code: jsonString(inner, 'code') }),
        statusCode: response.status,
        request,
        response,
      },
    );
  }
  if (!isJsonObject(body)) {
    throw new pipeline.RestError('The response body is not a JSON object.', {
      code: pipeline.RestError.PARSE_ERROR,
      statusCode: response.status,
      request,
      response,
    });
  }
  return body;
}

/**
 * The items and `nextLink` of an ARM list body (`{ value: [...], nextLink }`).
 * @throws SreError `CLOUD_MALFORMED_RESPONSE` when `value` is not an array.
 */
export function toArmListPage(
  body: JsonObject,
  operation: string,
): { readonly items: readonly unknown[]; readonly nextLink: string | undefined } {
  const value = body.value;
  if (!Array.isArray(value)) {
    throw new SreError(
      'CLOUD_MALFORMED_RESPONSE',
      `Azure ${operation} returned a list without a "value" array.`,
      {
        details: { provider: 'azure', operation },
      },
    );
  }
  return { items: value as unknown[], nextLink: jsonString(body, 'nextLink') };
}
