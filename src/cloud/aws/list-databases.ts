import type { DescribeDBInstancesCommandOutput } from '@aws-sdk/client-rds';
import type { ResourceRecord, ScopeTarget } from '../../core/ports/cloud-port.js';
import type { AwsAdapterContext } from './aws-adapter-context.js';
import { pageSizeFor } from '../shared/page-size-for.js';
import { readAwsPages } from './read-aws-pages.js';
import { sortById } from '../shared/sort-by-id.js';
import { toCallKey } from './to-call-key.js';
import { toDatabaseRecord } from './to-database-record.js';

/** Every RDS DB instance of a region (DescribeDBInstances, all pages via Marker, MaxRecords 20–100). */
export async function listDatabases(
  context: AwsAdapterContext,
  scope: ScopeTarget,
  signal?: AbortSignal,
): Promise<ResourceRecord[]> {
  const { client, module } = await context.pool.get('rds', scope.region);
  const key = toCallKey(scope, 'rds', 'DescribeDBInstances');
  const records: ResourceRecord[] = [];
  await readAwsPages<DescribeDBInstancesCommandOutput>(
    context.runner,
    key,
    (token, abortSignal) =>
      client.send(
        new module.DescribeDBInstancesCommand({
          MaxRecords: pageSizeFor(context, 20, 100),
          Marker: token,
        }),
        { abortSignal },
      ),
    (page) => page.Marker,
    (page) => {
      for (const instance of page.DBInstances ?? []) records.push(toDatabaseRecord(instance, scope));
      return true;
    },
    { signal },
  );
  return sortById(records);
}
