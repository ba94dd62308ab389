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
