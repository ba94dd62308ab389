import type { CallRunner } from '../../core/ports/call-runner.js';
import type { GcpClientPool } from './gcp-client-pool.js';

/** What every GCP operation module needs: clients, the call runner, paging and a clock. */
export interface GcpAdapterContext {
  readonly pool: GcpClientPool;
  readonly runner: CallRunner;
  /** Page size forced by settings (tests); absent = each API's maximum. */
  readonly pageSize: number | undefined;
  /** Cap on log events returned per scope. */
  readonly logEventLimit: number;
  readonly now: () => Date;
  /** Reports a caveat (unknown runtime, clamped window…) without failing. */
  readonly warn: (message: string) => void;
}

/**
 * The page size to ask an API for: the forced size when set, else the API's maximum, always within
 * the API's documented bounds (a real endpoint rejects values outside them).
 */
export function pageSizeFor(context: Pick<GcpAdapterContext, 'pageSize'>, min: number, max: number): number {
  const wanted = context.pageSize ?? max;
  return Math.min(max, Math.max(min, Math.floor(wanted)));
}
