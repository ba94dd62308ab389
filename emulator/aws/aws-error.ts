import type { EmulatedErrorKind } from '../server/wire.js';
import type { AwsServiceProfile } from './aws-service-profile.js';

/** Options of an {@link AwsError}. */
export interface AwsErrorOptions {
  /** Who is at fault, as awsQuery's `<Type>` says it (default: `Sender` below 500, `Receiver` from 500). */
  readonly fault?: 'Sender' | 'Receiver';
  /**
   * awsQueryCompatible JSON services (CloudWatch): the JSON `__type`, when it differs from `code`
   * (`code` then goes to the `x-amzn-query-error` header).
   */
  readonly jsonType?: string;
  /** Seconds to wait, sent as `Retry-After` where the service does (Lambda). */
  readonly retryAfterSeconds?: number;
  /** Extra members of the error body (Lambda `Reason`, S3 `BucketName`). */
  readonly extra?: Readonly<Record<string, string>>;
}

/**
 * An error in one AWS service's vocabulary: the code its SDK turns into an exception name, the
 * HTTP status, and a message. Route handlers throw it; the handler renders it in the service's
 * wire shape (see `renderAwsError`).
 */
export class AwsError extends Error {
  readonly fault: 'Sender' | 'Receiver';

  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly options: AwsErrorOptions = {},
  ) {
    super(message);
    this.name = 'AwsError';
    this.fault = options.fault ?? (status >= 500 ? 'Receiver' : 'Sender');
  }
}

/** True for an {@link AwsError}. */
export function isAwsError(value: unknown): value is AwsError {
  return value instanceof AwsError;
}

/** Appends the Retry-After hint to a throttling message, as AWS services without that header do. */
function withRetryHint(message: string, retryAfterSeconds: number | undefined): string {
  return retryAfterSeconds === undefined ? message : `${message} Retry after ${retryAfterSeconds} seconds.`;
}

/**
 * The error each service really returns for each kind of emulated failure. One table, so that the
 * error shapes are documented in one place:
 *
 * | kind | EC2 | awsQuery (RDS, STS, CloudWatch query) | CloudWatch JSON | Logs | CloudTrail | Lambda | S3 |
 * |---|---|---|---|---|---|---|---|
 * | throttled | RequestLimitExceeded 503 | Throttling 400 | Throttling 400 (`x-amzn-query-error`) | ThrottlingException 400 | ThrottlingException 429 | TooManyRequestsException 429 + Retry-After | SlowDown 503 |
 * | unavailable, region_down | Unavailable 503 | ServiceUnavailable 503 | ServiceUnavailable 503 | ServiceUnavailableException 500 | ServiceUnavailableException 503 | ServiceException 500 | ServiceUnavailable 503 |
 * | denied, mutation_refused | UnauthorizedOperation 403 | AccessDenied 403 | AccessDenied 403 | AccessDeniedException 400 | AccessDeniedException 403 | AccessDeniedException 403 | AccessDenied 403 |
 * | unknown_operation | InvalidAction 400 | InvalidAction 400 | InvalidAction 400 | UnknownOperationException 400 | UnknownOperationException 400 | UnknownOperationException 404 | NotImplemented 501 |
 * | invalid | InvalidParameterValue 400 | InvalidParameterValue 400 | InvalidParameterValue 400 | InvalidParameterException 400 | InvalidParameterException 400 | InvalidParameterValueException 400 | InvalidArgument 400 |
 * | not_found | InvalidParameterValue 400 | ResourceNotFound 404 | ResourceNotFound 404 | ResourceNotFoundException 400 | ResourceNotFoundException 400 | ResourceNotFoundException 404 | NoSuchBucket 404 |
 */
export function awsErrorForKind(
  profile: AwsServiceProfile,
  kind: EmulatedErrorKind,
  message: string,
  retryAfterSeconds?: number,
): AwsError {
  const { protocol, service, queryCompatible } = profile;
  const cloudWatchJson = protocol === 'json1.0' && queryCompatible === true;
  switch (kind) {
    case 'throttled':
      if (protocol === 'ec2')
        return new AwsError(
          'RequestLimitExceeded',
          withRetryHint('Request limit exceeded.', retryAfterSeconds),
          503,
        );
      if (protocol === 'query')
        return new AwsError('Throttling', withRetryHint('Rate exceeded', retryAfterSeconds), 400);
      if (cloudWatchJson) {
        return new AwsError('Throttling', withRetryHint('Rate exceeded', retryAfterSeconds), 400, {
          jsonType: 'com.amazon.coral.availability#ThrottlingException',
        });
      }
      if (protocol === 'rest-json') {
        return new AwsError('TooManyRequestsException', 'Rate exceeded', 429, {
          retryAfterSeconds: retryAfterSeconds ?? 1,
          extra: { Reason: 'CallerRateLimitExceeded' },
        });
      }
      if (protocol === 'rest-xml') return new AwsError('SlowDown', 'Please reduce your request rate.', 503);
      return new AwsError(
        'ThrottlingException',
        withRetryHint('Rate exceeded', retryAfterSeconds),
        service === 'cloudtrail' ? 429 : 400,
      );
    case 'unavailable':
    case 'region_down':
      if (protocol === 'ec2') return new AwsError('Unavailable', message, 503);
      if (protocol === 'query') return new AwsError('ServiceUnavailable', message, 503);
      if (cloudWatchJson)
        return new AwsError('ServiceUnavailable', message, 503, { jsonType: 'ServiceUnavailableException' });
      if (protocol === 'rest-json') return new AwsError('ServiceException', message, 500);
      if (protocol === 'rest-xml') return new AwsError('ServiceUnavailable', message, 503);
      return new AwsError('ServiceUnavailableException', message, service === 'logs' ? 500 : 503);
    case 'denied':
    case 'mutation_refused':
      if (protocol === 'ec2') return new AwsError('UnauthorizedOperation', message, 403);
      if (protocol === 'query') return new AwsError('AccessDenied', message, 403);
      if (cloudWatchJson)
        return new AwsError('AccessDenied', message, 403, { jsonType: 'AccessDeniedException' });
      if (protocol === 'rest-xml') return new AwsError('AccessDenied', message, 403);
      return new AwsError('AccessDeniedException', message, service === 'logs' ? 400 : 403);
    case 'unknown_operation':
      if (protocol === 'ec2' || protocol === 'query') return new AwsError('InvalidAction', message, 400);
      if (cloudWatchJson)
        return new AwsError('InvalidAction', message, 400, { jsonType: 'UnknownOperationException' });
      if (protocol === 'rest-json') return new AwsError('UnknownOperationException', message, 404);
      if (protocol === 'rest-xml') return new AwsError('NotImplemented', message, 501);
      return new AwsError('UnknownOperationException', message, 400);
    case 'invalid':
      if (protocol === 'ec2' || protocol === 'query')
        return new AwsError('InvalidParameterValue', message, 400);
      if (cloudWatchJson) {
        return new AwsError('InvalidParameterValue', message, 400, {
          jsonType: 'com.amazonaws.cloudwatch#InvalidParameterValueException',
        });
      }
      if (protocol === 'rest-json') return new AwsError('InvalidParameterValueException', message, 400);
      if (protocol === 'rest-xml') return new AwsError('InvalidArgument', message, 400);
      return new AwsError('InvalidParameterException', message, 400);
    case 'not_found':
      if (protocol === 'ec2') return new AwsError('InvalidParameterValue', message, 400);
      if (protocol === 'query') return new AwsError('ResourceNotFound', message, 404);
      if (cloudWatchJson)
        return new AwsError('ResourceNotFound', message, 404, { jsonType: 'ResourceNotFoundException' });
      if (protocol === 'rest-json') return new AwsError('ResourceNotFoundException', message, 404);
      if (protocol === 'rest-xml')
        return new AwsError('NoSuchBucket', 'The specified bucket does not exist', 404);
      return new AwsError('ResourceNotFoundException', message, 400);
  }
}
