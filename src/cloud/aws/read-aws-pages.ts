import { type ReadPages, readPagesThrough } from '../shared/read-token-pages.js';
import { runAwsCall } from './run-aws-call.js';

/**
 * Reads every page of an AWS listing, one {@link runAwsCall} per page, until the API returns no
 * continuation token or `onPage` returns `false`; a token the API already returned fails as
 * `CLOUD_MALFORMED_RESPONSE` (see `readPagesThrough`).
 */
export const readAwsPages: ReadPages = readPagesThrough(runAwsCall, {
  provider: 'aws',
  tokenName: 'page token',
});
