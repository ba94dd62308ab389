import type { ResourceRecord, ScopeTarget } from '../../core/ports/cloud-port.js';
import type { AzureAdapterContext } from './azure-adapter-context.js';
import { readSdkPages } from './read-arm-pages.js';
import { sortById } from '../shared/sort-by-id.js';
import { toBucketRecord } from './to-bucket-record.js';
import { toCallKey } from './to-call-key.js';

/** Every storage account of a subscription (`StorageAccounts_List`, all pages). */
export async function listBuckets(
  context: AzureAdapterContext,
  scope: ScopeTarget,
  signal?: AbortSignal,
): Promise<ResourceRecord[]> {
  const { client } = await context.pool.get('storage', scope.account);
  const key = toCallKey(scope, 'Microsoft.Storage', 'StorageAccounts_List');
  const records: ResourceRecord[] = [];
  await readSdkPages(
    context.runner,
    key,
    (abortSignal) => client.storageAccounts.list({ abortSignal }),
    (page) => page.continuationToken,
    (items) => {
      for (const account of items) records.push(toBucketRecord(account, scope.account));
      return true;
    },
    { signal },
  );
  return sortById(records);
}
