import type { EstateIndex } from '../estate/estate-index.js';
import type { Estate, EstateAccount } from '../estate/model.js';

/** What every AWS service module is built from (one per handler, never shared between emulators). */
export interface AwsContext {
  readonly estate: Estate;
  readonly index: EstateIndex;
  /** The estate's "now" in epoch milliseconds: nothing exists after it (metrics, logs, events). */
  readonly anchorMs: number;
  /** `pageSizeCaps.aws`: no page holds more items than this, whatever the client asks. */
  readonly pageSizeCap: number | undefined;
  /** The estate's AWS accounts, sorted by id. */
  readonly accounts: readonly EstateAccount[];
}

/** Builds the AWS context of one handler. */
export function createAwsContext(
  estate: Estate,
  index: EstateIndex,
  pageSizeCap: number | undefined,
): AwsContext {
  const anchorMs = Date.parse(estate.anchorTime);
  return {
    estate,
    index,
    anchorMs: Number.isFinite(anchorMs) ? anchorMs : Date.now(),
    pageSizeCap: pageSizeCap !== undefined && pageSizeCap > 0 ? Math.floor(pageSizeCap) : undefined,
    accounts: index.accounts('aws'),
  };
}

/**
 * The page size to serve: what the client asked (or the API's default), never more than the
 * emulator's cap.
 */
export function resolvePageSize(
  context: AwsContext,
  requested: number | undefined,
  fallback: number,
): number {
  const size = requested ?? fallback;
  return context.pageSizeCap === undefined ? size : Math.min(size, context.pageSizeCap);
}

/** Account id used when the estate has no AWS account at all (every list is then empty). */
const NO_ACCOUNT = '000000000000';

/**
 * The AWS account a call addresses. Real credentials belong to one account; the emulator's are
 * free-form, so: when the access key id contains the 12-digit id of an estate AWS account
 * (`emulator-123456789012`, `AKIA123456789012XYZ`), that account; otherwise the estate's first AWS
 * account (lowest id).
 */
export function resolveAwsAccount(context: AwsContext, accessKeyId: string): string {
  for (const run of accessKeyId.match(/\d{12,}/g) ?? []) {
    for (let start = 0; start + 12 <= run.length; start++) {
      const candidate = run.slice(start, start + 12);
      if (context.index.account('aws', candidate) !== undefined) return candidate;
    }
  }
  return context.accounts[0]?.id ?? NO_ACCOUNT;
}
