import type { WireResponse } from '../server/wire.js';
import { contentTypeOf, type AwsServiceProfile } from './aws-service-profile.js';
import type { AwsError } from './aws-error.js';
import { escapeXml } from './escape-xml.js';

/** The XML declaration AWS puts before every XML body. */
export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** S3's second request id (`x-amz-id-2`), derived from the first so that responses stay deterministic. */
function s3HostId(requestId: string): string {
  return Buffer.from(`${requestId}/${requestId.split('').reverse().join('')}`).toString('base64');
}

/** The request-id headers each protocol sends. */
export function requestIdHeaders(profile: AwsServiceProfile, requestId: string): Record<string, string> {
  if (profile.protocol === 'rest-xml') {
    return { 'x-amz-request-id': requestId, 'x-amz-id-2': s3HostId(requestId) };
  }
  return { 'x-amzn-RequestId': requestId };
}

/** A successful response: status 200 (unless told), the protocol's content type and request-id headers. */
export function renderAwsResponse(
  profile: AwsServiceProfile,
  body: string | Buffer,
  requestId: string,
  headers: Readonly<Record<string, string>> = {},
  status = 200,
): WireResponse {
  return {
    status,
    headers: {
      'content-type': contentTypeOf(profile.protocol),
      ...requestIdHeaders(profile, requestId),
      ...headers,
    },
    body,
  };
}

/**
 * Renders an {@link AwsError} the way the service does, so that the official SDK throws its real
 * typed exception:
 * - ec2Query: `<Response><Errors><Error><Code/><Message/></Error></Errors><RequestID/></Response>`;
 * - awsQuery: `<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>`;
 * - awsJson: `{"__type": …, "message": …}` (+ `x-amzn-query-error` for query-compatible services);
 * - restJson1: `x-amzn-ErrorType` header and `{"Type": "User", "message": …}`;
 * - restXml: `<Error><Code/><Message/><RequestId/><HostId/></Error>`.
 */
export function renderAwsError(profile: AwsServiceProfile, error: AwsError, requestId: string): WireResponse {
  const headers: Record<string, string> = {
    'content-type': contentTypeOf(profile.protocol),
    ...requestIdHeaders(profile, requestId),
  };
  const { code, status, options } = error;
  const message = error.message;
  let body: string;
  switch (profile.protocol) {
    case 'ec2':
      body =
        `${XML_DECLARATION}<Response><Errors><Error><Code>${escapeXml(code)}</Code><Message>${escapeXml(message)}</Message>` +
        `</Error></Errors><RequestID>${requestId}</RequestID></Response>`;
      break;
    case 'query':
      body =
        `<ErrorResponse xmlns="${profile.xmlNamespace ?? ''}"><Error><Type>${error.fault}</Type><Code>${escapeXml(code)}</Code>` +
        `<Message>${escapeXml(message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`;
      break;
    case 'json1.0':
    case 'json1.1': {
      if (profile.queryCompatible) headers['x-amzn-query-error'] = `${code};${error.fault}`;
      body = JSON.stringify({ __type: options.jsonType ?? code, message, ...options.extra });
      break;
    }
    case 'rest-json':
      headers['x-amzn-ErrorType'] = code;
      body = JSON.stringify({
        Type: error.fault === 'Sender' ? 'User' : 'Service',
        message,
        ...options.extra,
      });
      break;
    case 'rest-xml': {
      const extra = Object.entries(options.extra ?? {})
        .map(([name, value]) => `<${name}>${escapeXml(value)}</${name}>`)
        .join('');
      body =
        `${XML_DECLARATION}<Error><Code>${escapeXml(code)}</Code><Message>${escapeXml(message)}</Message>${extra}` +
        `<RequestId>${requestId}</RequestId><HostId>${s3HostId(requestId)}</HostId></Error>`;
      break;
    }
  }
  if (options.retryAfterSeconds !== undefined) headers['Retry-After'] = String(options.retryAfterSeconds);
  return { status, headers, body };
}

/**
 * A syntactically broken success response for the `malformed` fault: status 200, the right
 * content type, and the first part of the real body (or of a minimal body when there is none),
 * cut so that no parser accepts it.
 */
export function renderAwsMalformed(
  profile: AwsServiceProfile,
  fullBody: string | undefined,
  requestId: string,
): WireResponse {
  const xml = profile.protocol === 'ec2' || profile.protocol === 'query' || profile.protocol === 'rest-xml';
  const source =
    fullBody !== undefined && fullBody.length >= 8
      ? fullBody
      : xml
        ? `${XML_DECLARATION}<Response><item>`
        : '{"items":[{"id":';
  // Cut inside the body and never right after a complete top-level value.
  const cut = Math.max(3, Math.floor(source.length * 0.6));
  let body = source.slice(0, cut);
  if (xml && body.endsWith('>')) body = body.slice(0, -1);
  if (!xml && (body.endsWith('}') || body.endsWith(']'))) body = body.slice(0, -1);
  return renderAwsResponse(profile, body, requestId);
}
