import type { DescribeLogGroupsCommandOutput } from '@aws-sdk/client-cloudwatch-logs';
import type { ResourceRecord, ScopeTarget } from '../../core/ports/cloud-port.js';
import type { AwsAdapterContext } from './aws-adapter-context.js';
import { pageSizeFor } from '../shared/page-size-for.js';
import { readAwsPages } from './read-aws-pages.js';
import { sortById } from '../shared/sort-by-id.js';
import { toCallKey } from './to-call-key.js';
import { toLogGroupRecord } from './to-log-group-record.js';

/** Every CloudWatch Logs log group of a region (DescribeLogGroups, all pages, limit 1–50). */
export async function listLogGroups(
  context: AwsAdapterContext,
  scope: ScopeTarget,
  signal?: AbortSignal,
): Promise<ResourceRecord[]> {
  const { client, module } = await context.pool.get('logs', scope.region);
  const key = toCallKey(scope, 'logs', 'DescribeLogGroups');
  const records: ResourceRecord[] = [];
  await readAwsPages<DescribeLogGroupsCommandOutput>(
    context.runner,
    key,
    (token, abortSignal) =>
      client.send(
        new module.DescribeLogGroupsCommand({ limit: pageSizeFor(context, 1, 50), nextToken: token }),
        { abortSignal },
      ),
    (page) => page.nextToken,
    (page) => {
      for (const group of page.logGroups ?? []) records.push(toLogGroupRecord(group, scope));
      return true;
    },
    { signal },
  );
  return sortById(records);
}
