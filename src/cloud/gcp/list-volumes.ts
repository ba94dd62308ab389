import type { ResourceRecord, ScopeTarget } from '../../core/ports/cloud-port.js';
import type { GcpAdapterContext } from './gcp-adapter-context.js';
import type { ComputeDisk, DiskAggregatedList } from './gcp-sdk-types.js';
import { inRegion } from '../shared/in-region.js';
import { readAggregatedList } from './read-aggregated-list.js';
import { sortById } from '../shared/sort-by-id.js';
import { toVolumeRecord } from './to-volume-record.js';

/**
 * Every persistent disk of a project, zonal and regional (`disks.aggregatedList`, all pages),
 * normalized and sorted by id; with a regional scope only that region's disks.
 */
export async function listVolumes(
  context: GcpAdapterContext,
  scope: ScopeTarget,
  signal?: AbortSignal,
): Promise<ResourceRecord[]> {
  const disks = await readAggregatedList<DiskAggregatedList, ComputeDisk>(
    context,
    scope,
    {
      operation: 'disks.aggregatedList',
      fetch: (client, request, options) => client.aggregatedListDisks(request, options),
      scopes: (page) =>
        Object.values(page.items ?? {}).map((scoped) => ({
          warning: scoped.warning,
          items: scoped.disks ?? [],
        })),
    },
    signal,
  );
  return sortById(
    inRegion(
      disks.map((disk) => toVolumeRecord(disk, scope.account)),
      scope,
    ),
  );
}
