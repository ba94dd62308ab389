import type { JsonObject } from './json-value.js';
import type { KqlError } from './kql-syntax.js';

/** An error of the Log Analytics query API (`api.loganalytics.io`), which has its own envelope. */
export interface LogAnalyticsError {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  readonly innererror?: JsonObject;
  readonly headers?: Readonly<Record<string, string>>;
}

/** `{"error":{"message","code","correlationId","innererror"}}`, the API's error body. */
export function toLogAnalyticsErrorBody(error: LogAnalyticsError, correlationId: string): string {
  return JSON.stringify({
    error: { message: error.message, code: error.code, correlationId, innererror: error.innererror },
  });
}

/** 400 `BadArgumentError` for a query outside the supported KQL subset or naming unknown things. */
export function kqlErrorToLogAnalyticsError(error: KqlError): LogAnalyticsError {
  const innererror: JsonObject =
    error.kind === 'SyntaxError'
      ? {
          code: 'SyntaxError',
          message: 'A recognition error occurred in the query.',
          innererror: {
            code: 'SYN0002',
            message: error.message,
            line: error.location?.line,
            pos: error.location?.pos,
            token: error.location?.token,
          },
        }
      : {
          code: 'SemanticError',
          message: 'A semantic error occurred.',
          innererror: { code: 'SEM0100', message: error.message },
        };
  return {
    status: 400,
    code: 'BadArgumentError',
    message: 'The request had some invalid properties',
    innererror,
  };
}

/** 400 `BadArgumentError` for a malformed request (body, timespan). */
export function badArgumentError(innerCode: string, message: string): LogAnalyticsError {
  return {
    status: 400,
    code: 'BadArgumentError',
    message: 'The request had some invalid properties',
    innererror: { code: innerCode, message },
  };
}

/** 404 `WorkspaceNotFoundError`. */
export function workspaceNotFoundError(workspaceId: string): LogAnalyticsError {
  return {
    status: 404,
    code: 'WorkspaceNotFoundError',
    message: `The workspace '${workspaceId}' could not be found`,
  };
}

/** 404 `ResourceNotFoundError` for a resource-centric query on a resource the estate does not hold. */
export function logAnalyticsResourceNotFoundError(resourceId: string): LogAnalyticsError {
  return {
    status: 404,
    code: 'ResourceNotFoundError',
    message: `The resource '${resourceId}' could not be found`,
  };
}

/** 404 `PathNotFoundError` for a path the API does not have. */
export function pathNotFoundError(detail: string): LogAnalyticsError {
  return { status: 404, code: 'PathNotFoundError', message: `The requested path does not exist. ${detail}` };
}
