import type { Disk } from '@azure/arm-compute';
import type { ResourceRecord, ScopeTarget } from '../../core/ports/cloud-port.js';
import type { AzureAdapterContext } from './azure-adapter-context.js';
import { readArmPages, takeFirstPage } from './read-arm-pages.js';
import { runAzureCall } from './run-azure-call.js';
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
  await readArmPages<Disk>(
    key.operation,
    (nextLink) =>
      runAzureCall(
        context.runner,
        key,
        (abortSignal) =>
          takeFirstPage(
            client.disks
              .list({ abortSignal })
              .byPage(nextLink === undefined ? {} : { continuationToken: nextLink }),
            (page) => page.continuationToken,
          ),
        { signal },
      ),
    (items) => {
      for (const disk of items) records.push(toVolumeRecord(disk, scope.account));
      return true;
    },
  );
  return sortById(records);
}
