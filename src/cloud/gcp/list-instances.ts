import type { ResourceRecord, ScopeTarget } from '../../core/ports/cloud-port.js';
import type { GcpAdapterContext } from './gcp-adapter-context.js';
import type { ComputeInstance, InstanceAggregatedList } from './gcp-sdk-types.js';
import { inRegion } from '../shared/in-region.js';
import { readAggregatedList } from './read-aggregated-list.js';
import { sortById } from '../shared/sort-by-id.js';
import { toInstanceRecord } from './to-instance-record.js';

/**
 * Every Compute Engine instance of a project (`instances.aggregatedList`, all pages), normalized
 * and sorted by id; with a regional scope only that region's instances.
 */
export async function listInstances(
  context: GcpAdapterContext,
  scope: ScopeTarget,
  signal?: AbortSignal,
): Promise<ResourceRecord[]> {
  const instances = await readAggregatedList<InstanceAggregatedList, ComputeInstance>(
    context,
    scope,
    {
      operation: 'instances.aggregatedList',
      fetch: (client, request, options) => client.aggregatedListInstances(request, options),
      scopes: (page) =>
        Object.values(page.items ?? {}).map((scoped) => ({
          warning: scoped.warning,
          items: scoped.instances ?? [],
        })),
    },
    signal,
  );
  return sortById(
    inRegion(
      instances.map((instance) => toInstanceRecord(instance, scope.account)),
      scope,
    ),
  );
}
