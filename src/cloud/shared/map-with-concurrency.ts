// Adapters bound their fan-out (pages, metric batches) with the executor's own helper: one
// implementation (at most `limit` calls in flight, results in input order, the first failure rejects).
export { mapWithConcurrency } from '../../core/execute/map-with-concurrency.js';
