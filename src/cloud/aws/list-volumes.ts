import type { DescribeVolumesCommandOutput } from '@aws-sdk/client-ec2';
import type { ListHints, ResourceRecord, ScopeTarget } from '../../core/ports/cloud-port.js';
import type { AwsAdapterContext } from './aws-adapter-context.js';
import { pageSizeFor } from '../shared/page-size-for.js';
import { readAwsPages } from './read-aws-pages.js';
import { sortById } from '../shared/sort-by-id.js';
import { toCallKey } from './to-call-key.js';
import { toVolumeRecord } from './to-volume-record.js';
import { toStateFilters } from './to-state-filters.js';

/** Every EBS volume of a region (DescribeVolumes, all pages, MaxResults 5–500); state hints become a `status` filter. */
export async function listVolumes(
  context: AwsAdapterContext,
  scope: ScopeTarget,
  hints: ListHints,
  signal?: AbortSignal,
): Promise<ResourceRecord[]> {
  const { client, module } = await context.pool.get('ec2', scope.region);
  const key = toCallKey(scope, 'ec2', 'DescribeVolumes');
  const filters = toStateFilters(hints, 'status');
  const records: ResourceRecord[] = [];
  await readAwsPages<DescribeVolumesCommandOutput>(
    context.runner,
    key,
    (token, abortSignal) =>
      client.send(
        new module.DescribeVolumesCommand({
          MaxResults: pageSizeFor(context, 5, 500),
          NextToken: token,
          Filters: filters,
        }),
        { abortSignal },
      ),
    (page) => page.NextToken,
    (page) => {
      for (const volume of page.Volumes ?? []) records.push(toVolumeRecord(volume, scope));
      return true;
    },
    { signal },
  );
  return sortById(records);
}
