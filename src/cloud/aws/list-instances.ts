import type { DescribeInstancesCommandOutput } from '@aws-sdk/client-ec2';
import type { ListHints, ResourceRecord, ScopeTarget } from '../../core/ports/cloud-port.js';
import type { AwsAdapterContext } from './aws-adapter-context.js';
import { pageSizeFor } from '../shared/page-size-for.js';
import { readAwsPages } from './read-aws-pages.js';
import { sortById } from '../shared/sort-by-id.js';
import { toCallKey } from './to-call-key.js';
import { toInstanceRecord } from './to-instance-record.js';
import { toStateFilters } from './to-state-filters.js';

/**
 * Every EC2 instance of a region (DescribeInstances, all pages, MaxResults 5–1000). State hints
 * are pushed down as an `instance-state-name` filter.
 */
export async function listInstances(
  context: AwsAdapterContext,
  scope: ScopeTarget,
  hints: ListHints,
  signal?: AbortSignal,
): Promise<ResourceRecord[]> {
  const { client, module } = await context.pool.get('ec2', scope.region);
  const key = toCallKey(scope, 'ec2', 'DescribeInstances');
  const filters = toStateFilters(hints, 'instance-state-name');
  const records: ResourceRecord[] = [];
  await readAwsPages<DescribeInstancesCommandOutput>(
    context.runner,
    key,
    (token, abortSignal) =>
      client.send(
        new module.DescribeInstancesCommand({
          MaxResults: pageSizeFor(context, 5, 1000),
          NextToken: token,
          Filters: filters,
        }),
        { abortSignal },
      ),
    (page) => page.NextToken,
    (page) => {
      for (const reservation of page.Reservations ?? []) {
        for (const instance of reservation.Instances ?? []) records.push(toInstanceRecord(instance, scope));
      }
      return true;
    },
    { signal },
  );
  return sortById(records);
}
