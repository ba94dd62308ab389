import type { CallKey, CallRunner } from '../../core/ports/call-runner.js';
import { readTokenPages } from '../shared/read-token-pages.js';
import type { CloudCallOptions } from '../shared/run-cloud-call.js';
import { runAwsCall } from './run-aws-call.js';

/**
 * Reads every page of an AWS listing, one {@link runAwsCall} per page (so a retry repeats that
 * page only), until the API returns no continuation token or `onPage` returns `false`. A token
 * the API already returned fails as `CLOUD_MALFORMED_RESPONSE` (see `readTokenPages`).
 * @param fetchPage sends the request for the page that starts at `token` (`undefined` = the first).
 */
export function readAwsPages<P>(
  runner: CallRunner,
  key: CallKey,
  fetchPage: (token: string | undefined, abortSignal: AbortSignal) => Promise<P>,
  nextToken: (page: P) => string | undefined,
  onPage: (page: P) => boolean | undefined,
  options: CloudCallOptions = {},
): Promise<void> {
  return readTokenPages(
    { provider: 'aws', operation: key.operation, tokenName: 'page token' },
    (token) => runAwsCall(runner, key, (abortSignal) => fetchPage(token, abortSignal), options),
    nextToken,
    onPage,
  );
}
