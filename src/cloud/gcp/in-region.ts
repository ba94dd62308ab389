import type { ResourceRecord, ScopeTarget } from '../../core/ports/cloud-port.js';

/**
 * GCP lists are project-wide (aggregated lists, location `-`), so the executor reads them once per
 * project with region `global`; a regional scope keeps only the records of that region.
 */
export function inRegion(
  records: readonly ResourceRecord[],
  scope: Pick<ScopeTarget, 'region'>,
): ResourceRecord[] {
  return scope.region === 'global'
    ? [...records]
    : records.filter((record) => record.region === scope.region);
}
