import type { LogGroup } from '@aws-sdk/client-cloudwatch-logs';
import type { ResourceRecord, ScopeTarget } from '../../core/ports/cloud-port.js';
import { compactFields } from '../shared/compact-fields.js';
import { toIsoTime } from './to-iso-time.js';

/**
 * Normalizes a CloudWatch Logs log group (DescribeLogGroups). Id and name are the log group name.
 * DescribeLogGroups returns no tags and they are not read per group yet (the emulator answers
 * neither ListTagsForResource nor ListTagsLogGroup), so tags are always marked `tagsUnknown`.
 */
export function toLogGroupRecord(
  group: LogGroup,
  scope: Pick<ScopeTarget, 'account' | 'region'>,
): ResourceRecord {
  const name = group.logGroupName ?? '';
  return {
    provider: 'aws',
    kind: 'log_group',
    id: name,
    name,
    account: scope.account,
    region: scope.region,
    tags: {},
    fields: compactFields({
      created_time: toIsoTime(group.creationTime),
      retention_days: group.retentionInDays,
      stored_bytes: group.storedBytes,
    }),
    tagsUnknown: true,
  };
}
