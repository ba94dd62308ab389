import type { CallKey, CallRunner } from '../../core/ports/call-runner.js';
import { SreError } from '../../core/errors/sre-error.js';
import { runAwsCall } from './run-aws-call.js';

/**
 * The outcome of one per-resource read made to fill a field the list API does not return:
 * - `read`: the API answered;
 * - `missing`: the API said the configuration does not exist (one of `missingCodes`, e.g. S3
 *   `NoSuchTagSet`), which is itself an answer (no tags, no public access block…);
 * - `unreadable`: access was denied, so the field stays unknown (`null` / `tagsUnknown`);
 * - `gone`: the resource was deleted since it was listed (one of `goneCodes`).
 */
export type ResourceDetail<T> =
  | { readonly status: 'read'; readonly value: T }
  | { readonly status: 'missing'; readonly awsCode: string }
  | { readonly status: 'unreadable' }
  | { readonly status: 'gone' };

/** Options of {@link readResourceDetail}. */
export interface ReadResourceDetailOptions {
  readonly signal: AbortSignal | undefined;
  /** The resource addressed (bucket name, function ARN), for error messages. */
  readonly resource: string;
  /** AWS error codes meaning "no such configuration". */
  readonly missingCodes?: readonly string[];
  /** AWS error codes meaning "no such resource" (default none). */
  readonly goneCodes?: readonly string[];
}

/** The AWS wire code `mapAwsError` kept on an error, if any. */
function awsCodeOf(error: SreError): string | undefined {
  const code = error.details.awsCode;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Runs one per-resource read through the runner (so it is retried, rate-limited and traced like
 * any page) and classifies the answers that are not failures of the listing. Any other error
 * (throttled after retries, unavailable…) is thrown: the scope then fails visibly in coverage
 * rather than answering with guessed values.
 */
export async function readResourceDetail<T>(
  runner: CallRunner,
  key: CallKey,
  send: (signal: AbortSignal) => Promise<T>,
  options: ReadResourceDetailOptions,
): Promise<ResourceDetail<T>> {
  try {
    const value = await runAwsCall(runner, key, send, { signal: options.signal, resource: options.resource });
    return { status: 'read', value };
  } catch (error) {
    if (!(error instanceof SreError)) throw error;
    const awsCode = awsCodeOf(error);
    if (awsCode !== undefined && (options.missingCodes ?? []).includes(awsCode)) {
      return { status: 'missing', awsCode };
    }
    if (awsCode !== undefined && (options.goneCodes ?? []).includes(awsCode)) return { status: 'gone' };
    // Denied for this one resource (a bucket policy, a tag-based IAM condition): the field is
    // unknown for it, which the executor reports, while the rest of the listing stands.
    if (error.code === 'CLOUD_AUTHORIZATION') return { status: 'unreadable' };
    throw error;
  }
}
