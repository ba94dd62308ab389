import type { ResourceRecord, ScopeTarget } from '../../core/ports/cloud-port.js';

/**
 * For adapters whose lists are account-wide (Azure subscriptions, GCP projects): the executor
 * reads them once with region `global`, and a regional scope keeps only the records of that
 * region.
 */
export function inRegion(
  records: readonly ResourceRecord[],
  scope: Pick<ScopeTarget, 'region'>,
): ResourceRecord[] {
  return scope.region === 'global'
    ? [...records]
    : records.filter((record) => record.region === scope.region);
}
