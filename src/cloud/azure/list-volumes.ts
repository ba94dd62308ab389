import type { ResourceRecord, ScopeTarget } from '../../core/ports/cloud-port.js';
import type { AzureAdapterContext } from './azure-adapter-context.js';
import { readSdkPages } from './read-arm-pages.js';
import { sortById } from '../shared/sort-by-id.js';
import { toCallKey } from './to-call-key.js';
import { toVolumeRecord } from './to-volume-record.js';

/** Every managed disk of a subscription (`Disks_List`, all pages). */
export async function listVolumes(
  context: AzureAdapterContext,
  scope: ScopeTarget,
  signal?: AbortSignal,
): Promise<ResourceRecord[]> {
  const { client } = await context.pool.get('compute', scope.account);
  const key = toCallKey(scope, 'Microsoft.Compute', 'Disks_List');
  const records: ResourceRecord[] = [];
  await readSdkPages(
    context.runner,
    key,
    (abortSignal) => client.disks.list({ abortSignal }),
    (page) => page.continuationToken,
    (items) => {
      for (const disk of items) records.push(toVolumeRecord(disk, scope.account));
      return true;
    },
    { signal },
  );
  return sortById(records);
}
