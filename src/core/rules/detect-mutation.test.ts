import { describe, expect, it } from 'vitest';

import { detectMutation } from './detect-mutation.js';
import { normalizeQuestion } from './normalize-question.js';

function detect(question: string): string | undefined {
  return detectMutation(normalizeQuestion(question).lower)?.verb;
}

describe('detectMutation', () => {
  it.each([
    ['stop all idle instances', 'stop'],
    ['terminate i-0abc123def4567890', 'terminate'],
    ['please delete unattached volumes', 'delete'],
    ['can you restart web-01', 'restart'],
    ['could you please shut down the dev vms', 'stop'],
    ['launch an instance', 'create'],
    ['create a bucket named logs', 'create'],
    ['resize the disk', 'modify'],
    ['list unattached volumes and delete them', 'delete'],
    ['find idle vms, then stop them', 'stop'],
    ['make the bucket public', 'modify'],
    ['I want to kill the old instances', 'terminate'],
    ["let's deallocate the azure vms", 'stop'],
    ['删除未挂载的磁盘', 'delete'],
    ['停止所有闲置实例', 'stop'],
    ['请帮我重启 web-01', 'restart'],
    ['把所有闲置实例停掉', 'stop'],
    ['将未挂载的磁盘删除', 'delete'],
    ['找出闲置的实例并停止它们', 'stop'],
    ['闲置的实例全部停掉', 'stop'],
    ['未加密的卷都删了吧', 'delete'],
    ['帮我 terminate i-0abc123def4567890', 'terminate'],
    ['创建一台实例', 'create'],
    ['清理过期的日志组', 'delete'],
  ])('refuses the command %j', (question, verb) => {
    expect(detect(question)).toBe(verb);
  });

  it.each([
    'stopped instances',
    'which volumes were deleted yesterday',
    'who stopped instances yesterday',
    'instances that were terminated today',
    'terminated ec2 instances',
    'instances created in the last 30 days',
    'sort instances by launch time',
    'instances with the oldest start time',
    'instances tagged owner=sre',
    'show instances, sorted by creation date',
    'grep "delete" in the audit logs',
    "search logs for 'stop'",
    'deleted volumes this week',
    'unattached volumes that are not deleted',
    '停止的实例',
    '已停止的EC2实例',
    '停止了的实例有哪些',
    '停止状态的实例',
    '昨天谁停止了实例',
    '本周删除的磁盘',
    '被删除的磁盘',
    '过去30天创建的实例',
    '按启动时间排序',
    '开启监控的实例',
    '关机的服务器',
    '已释放的虚拟机',
    '创建超过6个月的磁盘',
    '部署在 us-east-1 的实例',
    '哪些磁盘可以释放',
    '重启过的实例',
  ])('lets the descriptive question %j through', (question) => {
    expect(detect(question)).toBeUndefined();
  });
});
