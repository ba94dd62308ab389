import type { CallRunner } from '../../core/ports/call-runner.js';
import type { AwsClientPool } from './aws-client-pool.js';

/** What every AWS operation module needs: clients, the call runner, paging and a clock. */
export interface AwsAdapterContext {
  readonly pool: AwsClientPool;
  readonly runner: CallRunner;
  /** Page size forced by settings (tests); absent = each API's maximum. */
  readonly pageSize: number | undefined;
  /** Cap on log events returned per scope. */
  readonly logEventLimit: number;
  /** The configured regions (resolved once). */
  readonly regions: () => Promise<readonly string[]>;
  readonly now: () => Date;
  /** Reports a caveat (clamped window, unknown runtime…) without failing. */
  readonly warn: (message: string) => void;
}
