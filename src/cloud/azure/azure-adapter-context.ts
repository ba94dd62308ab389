import type { CallRunner } from '../../core/ports/call-runner.js';
import type { AzureClientPool } from './azure-client-pool.js';

/** What every Azure operation module needs: clients, the call runner, limits and a clock. */
export interface AzureAdapterContext {
  readonly pool: AzureClientPool;
  readonly runner: CallRunner;
  /** Base URL of ARM (the endpoint override, else `https://management.azure.com`), for raw ARM GETs. */
  readonly armEndpoint: string;
  /**
   * False when metrics must be read per VM with `Metrics_List` through ARM (an https ARM override
   * without a metrics endpoint, see `AzureEndpoints.metricsThroughArm`); true: `metrics:getBatch`.
   */
  readonly metricsBatch: boolean;
  /** Cap on log events returned per scope. */
  readonly logEventLimit: number;
  /** How far back a workspace is scanned to find the sources (log groups) that write to it, ms. */
  readonly logSourceLookbackMs: number;
  /** Per-resource calls in flight at once (instance views, site configurations, metrics, databases). */
  readonly concurrency: number;
  readonly now: () => Date;
  /** Reports a caveat (clamped window, unknown runtime…) without failing. */
  readonly warn: (message: string) => void;
}
