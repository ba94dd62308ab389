import {
  ATTACHED,
  AWS,
  type CorpusEntry,
  cal,
  DB_AVAILABLE,
  DEPRECATED,
  ENCRYPTED,
  engine,
  f,
  family,
  last,
  LINUX,
  MONITORING_OFF,
  MONITORING_ON,
  MULTI_AZ,
  named,
  NO_PUBLIC_IP,
  NO_RETENTION,
  NONE,
  PENDING,
  pct,
  plan,
  PUBLIC,
  PUBLIC_IP,
  RUNNING,
  runtime,
  SINGLE_AZ,
  STOPPED,
  tagEq,
  tagHas,
  tagMissing,
  TERMINATED,
  top,
  type,
  UNATTACHED,
  UNENCRYPTED,
  UNTAGGED,
  unknown,
  VERSIONING_OFF,
  WINDOWS,
  zone,
} from './corpus-entry.js';

/** AWS-focused questions in English, written the way different SREs type them. */
export const AWS_EN: readonly CorpusEntry[] = [
  // Listing instances, states, regions
  plan('list running EC2 instances in us-east-1', 'list', 'instance', {
    providers: AWS,
    regions: ['us-east-1'],
    filters: [RUNNING],
  }),
  plan('show me all running ec2 instances', 'list', 'instance', { providers: AWS, filters: [RUNNING] }),
  plan('running instances', 'list', 'instance', { providers: NONE, filters: [RUNNING] }),
  plan('ec2 running us-west-2', 'list', 'instance', {
    providers: AWS,
    regions: ['us-west-2'],
    filters: [RUNNING],
  }),
  plan('which EC2 instances are stopped?', 'list', 'instance', { providers: AWS, filters: [STOPPED] }),
  plan('Stopped EC2 instances in eu-west-1 please', 'list', 'instance', {
    providers: AWS,
    regions: ['eu-west-1'],
    filters: [STOPPED],
  }),
  plan('give me the list of terminated instances in us-east-2', 'list', 'instance', {
    providers: AWS,
    regions: ['us-east-2'],
    filters: [TERMINATED],
  }),
  plan('any pending ec2 instances right now?', 'list', 'instance', { providers: AWS, filters: [PENDING] }),
  plan('are there any instances in the stopping state', 'list', 'instance', {
    filters: [f('state', 'eq', 'stopping')],
  }),
  plan('find EC2 servers that are running or stopped', 'list', 'instance', {
    providers: AWS,
    filters: [f('state', 'in', ['running', 'stopped', 'deallocated'])],
  }),
  plan('ec2 instances in N. Virginia', 'list', 'instance', { providers: AWS, regions: ['us-east-1'] }),
  plan('instances in Ireland', 'list', 'instance', { providers: AWS, regions: ['eu-west-1'] }),
  plan('EC2 in Tokyo', 'list', 'instance', { providers: AWS, regions: ['ap-northeast-1'] }),
  plan('running vms in frankfurt', 'list', 'instance', {
    providers: AWS,
    regions: ['eu-central-1'],
    filters: [RUNNING],
  }),
  plan('list servers in Singapore', 'list', 'instance', { providers: AWS, regions: ['ap-southeast-1'] }),
  plan('what instances do we have in Oregon', 'list', 'instance', { providers: AWS, regions: ['us-west-2'] }),
  plan('instances in us-east-1a', 'list', 'instance', {
    providers: AWS,
    regions: ['us-east-1'],
    filters: [zone('us-east-1a')],
  }),
  plan('running ec2 in us-east-1b and us-east-1c', 'list', 'instance', {
    providers: AWS,
    regions: ['us-east-1'],
    filters: [RUNNING, f('zone', 'in', ['us-east-1b', 'us-east-1c'])],
  }),
  plan('ec2 instances in eu regions', 'list', 'instance', { providers: AWS, regionGroups: ['eu'] }),
  plan('running instances in the EU regions', 'list', 'instance', {
    regionGroups: ['eu'],
    filters: [RUNNING],
  }),
  plan('ec2 instances in us-east-1 and eu-west-1', 'list', 'instance', {
    providers: AWS,
    regions: ['us-east-1', 'eu-west-1'],
  }),
  plan('list EC2 instances in account 123456789012', 'list', 'instance', {
    providers: AWS,
    accounts: ['123456789012'],
  }),
  plan('instances in the prod account', 'list', 'instance', { accounts: ['prod'] }),
  plan('show running EC2 in prod account us-east-1', 'list', 'instance', {
    providers: AWS,
    accounts: ['prod'],
    regions: ['us-east-1'],
    filters: [RUNNING],
  }),
  plan('ec2 in account staging', 'list', 'instance', { providers: AWS, accounts: ['staging'] }),
  plan('EC2 instances in the production account', 'list', 'instance', { providers: AWS, accounts: ['prod'] }),
  plan('list all aws vms', 'list', 'instance', { providers: AWS }),
  plan('amazon virtual machines that are running', 'list', 'instance', {
    providers: AWS,
    filters: [RUNNING],
  }),
  plan('instance i-0abc123def4567890', 'list', 'instance', {
    filters: [f('id', 'eq', 'i-0abc123def4567890')],
  }),
  plan('show ec2 instance named web-01', 'list', 'instance', { providers: AWS, filters: [named('web-01')] }),
  plan('instances whose name starts with api-', 'list', 'instance', {
    filters: [f('name', 'prefix', 'api-')],
  }),
  plan('ec2 with name containing batch', 'list', 'instance', {
    providers: AWS,
    filters: [f('name', 'contains', 'batch')],
  }),
  // Types, families, sizes, platform
  plan('t3.micro instances', 'list', 'instance', { filters: [type('t3.micro')] }),
  plan('list all m5.xlarge ec2 instances in us-east-1', 'list', 'instance', {
    providers: AWS,
    regions: ['us-east-1'],
    filters: [type('m5.xlarge')],
  }),
  plan('running t3 instances', 'list', 'instance', { filters: [RUNNING, family('t3')] }),
  plan('m5 family instances in eu-west-1', 'list', 'instance', {
    providers: AWS,
    regions: ['eu-west-1'],
    filters: [family('m5')],
  }),
  plan('which instances are in the c5 family?', 'list', 'instance', { filters: [family('c5')] }),
  plan('micro instances', 'list', 'instance', { filters: [f('size', 'eq', 'micro')] }),
  plan('xlarge ec2 instances that are stopped', 'list', 'instance', {
    providers: AWS,
    filters: [f('size', 'eq', 'xlarge'), STOPPED],
  }),
  plan('windows instances', 'list', 'instance', { filters: [WINDOWS] }),
  plan('running linux ec2 instances in us-west-2', 'list', 'instance', {
    providers: AWS,
    regions: ['us-west-2'],
    filters: [RUNNING, LINUX],
  }),
  plan('r5.2xlarge instances running in Ohio', 'list', 'instance', {
    providers: AWS,
    regions: ['us-east-2'],
    filters: [type('r5.2xlarge'), RUNNING],
  }),
  // Tags
  plan('instances without an owner tag', 'list', 'instance', { filters: [tagMissing('owner')] }),
  plan('EC2 instances missing the cost-center tag', 'list', 'instance', {
    providers: AWS,
    filters: [tagMissing('cost-center')],
  }),
  plan('ec2 with no Owner tag in us-east-1', 'list', 'instance', {
    providers: AWS,
    regions: ['us-east-1'],
    filters: [tagMissing('Owner')],
  }),
  plan("instances that don't have a team tag", 'list', 'instance', { filters: [tagMissing('team')] }),
  plan('untagged ec2 instances', 'list', 'instance', { providers: AWS, filters: [UNTAGGED] }),
  plan('instances with no tags at all', 'list', 'instance', { filters: [UNTAGGED] }),
  plan('instances tagged env=prod', 'list', 'instance', { filters: [tagEq('env', 'prod')] }),
  plan('ec2 instances where tag env is prod', 'list', 'instance', {
    providers: AWS,
    filters: [tagEq('env', 'prod')],
  }),
  plan('running instances env:staging', 'list', 'instance', { filters: [RUNNING, tagEq('env', 'staging')] }),
  plan('instances with tag team=payments in us-east-1', 'list', 'instance', {
    regions: ['us-east-1'],
    filters: [tagEq('team', 'payments')],
  }),
  plan('instances with an owner tag', 'list', 'instance', { filters: [tagHas('owner')] }),
  plan('ec2 instances tagged with Project', 'list', 'instance', {
    providers: AWS,
    filters: [tagHas('Project')],
  }),
  plan('instances where env != prod', 'list', 'instance', { filters: [f('tag:env', 'ne', 'prod')] }),
  plan('running t3 instances in eu-west-1 without an owner tag', 'list', 'instance', {
    providers: AWS,
    regions: ['eu-west-1'],
    filters: [RUNNING, family('t3'), tagMissing('owner')],
  }),
  // Monitoring, public IP
  plan('instances with detailed monitoring enabled', 'list', 'instance', { filters: [MONITORING_ON] }),
  plan('EC2 instances without detailed monitoring', 'list', 'instance', {
    providers: AWS,
    filters: [MONITORING_OFF],
  }),
  plan('which ec2 instances have monitoring disabled', 'list', 'instance', {
    providers: AWS,
    filters: [MONITORING_OFF],
  }),
  plan('instances with a public ip', 'list', 'instance', { filters: [PUBLIC_IP] }),
  plan('running ec2 instances that have public IP addresses in us-east-1', 'list', 'instance', {
    providers: AWS,
    regions: ['us-east-1'],
    filters: [RUNNING, PUBLIC_IP],
  }),
  plan('instances without a public ip', 'list', 'instance', { filters: [NO_PUBLIC_IP] }),
  plan('publicly accessible ec2 instances', 'list', 'instance', { providers: AWS, filters: [PUBLIC_IP] }),
  // Metrics with thresholds
  plan('which EC2 instances averaged over 80% CPU in the last hour', 'metrics', 'instance', {
    providers: AWS,
    metric: pct('cpu', 'gt', 80),
    timeRange: last(1, 'hour'),
  }),
  plan('instances with cpu > 90%', 'metrics', 'instance', {
    metric: pct('cpu', 'gt', 90),
    timeRange: last(1, 'hour'),
  }),
  plan('cpu>80', 'metrics', 'instance', { metric: pct('cpu', 'gt', 80) }),
  plan('ec2 cpu>=75% last 1h', 'metrics', 'instance', {
    providers: AWS,
    metric: pct('cpu', 'gte', 75),
    timeRange: last(1, 'hour'),
  }),
  plan('avg cpu above 70 percent past 24h', 'metrics', 'instance', {
    metric: pct('cpu', 'gt', 70),
    timeRange: last(24, 'hour'),
  }),
  plan('instances where average cpu utilization exceeds 85% over the last 7 days', 'metrics', 'instance', {
    metric: pct('cpu', 'gt', 85),
    timeRange: last(7, 'day'),
  }),
  plan('max cpu over 95% in the past 30 minutes', 'metrics', 'instance', {
    metric: pct('cpu', 'gt', 95, 'max'),
    timeRange: last(30, 'minute'),
  }),
  plan('instances whose peak CPU was above 99% today', 'metrics', 'instance', {
    metric: pct('cpu', 'gt', 99, 'max'),
    timeRange: cal('today'),
  }),
  plan('p95 cpu over 60% last 7d', 'metrics', 'instance', {
    metric: pct('cpu', 'gt', 60, 'p95'),
    timeRange: last(7, 'day'),
  }),
  plan('ec2 instances with 99th percentile cpu greater than 90% since yesterday', 'metrics', 'instance', {
    providers: AWS,
    metric: pct('cpu', 'gt', 90, 'p99'),
    timeRange: cal('since_yesterday'),
  }),
  plan('instances with cpu below 5% in the last 24 hours', 'metrics', 'instance', {
    metric: pct('cpu', 'lt', 5),
    timeRange: last(24, 'hour'),
  }),
  plan('EC2 instances using less than 10% CPU on average this week', 'metrics', 'instance', {
    providers: AWS,
    metric: pct('cpu', 'lt', 10),
    timeRange: cal('this_week'),
  }),
  plan('minimum cpu under 2% over the past day', 'metrics', 'instance', {
    metric: pct('cpu', 'lt', 2, 'min'),
    timeRange: last(1, 'day'),
  }),
  plan('instances with cpu at least 50%', 'metrics', 'instance', { metric: pct('cpu', 'gte', 50) }),
  plan('instances with cpu at most 20 percent in the last hour', 'metrics', 'instance', {
    metric: pct('cpu', 'lte', 20),
    timeRange: last(1, 'hour'),
  }),
  plan('memory usage over 90% on ec2 in the last hour', 'metrics', 'instance', {
    providers: AWS,
    metric: pct('memory', 'gt', 90),
    timeRange: last(1, 'hour'),
  }),
  plan('instances with avg memory utilization greater than 85 %', 'metrics', 'instance', {
    metric: pct('memory', 'gt', 85),
  }),
  plan('instances with network in over 100 MB in the last hour', 'metrics', 'instance', {
    metric: { name: 'network_in', op: 'gt', threshold: 100 * 1024 * 1024, unit: 'bytes' },
    timeRange: last(1, 'hour'),
  }),
  plan('ec2 with network out greater than 1 GB past 24h', 'metrics', 'instance', {
    providers: AWS,
    metric: { name: 'network_out', op: 'gt', threshold: 1024 ** 3, unit: 'bytes' },
    timeRange: last(24, 'hour'),
  }),
  plan('instances with max disk read above 50 MB in the last 15 minutes', 'metrics', 'instance', {
    metric: { name: 'disk_read', statistic: 'max', op: 'gt', threshold: 50 * 1024 * 1024 },
    timeRange: last(15, 'minute'),
  }),
  plan('cpu over 0.8 in the last hour', 'metrics', 'instance', { metric: pct('cpu', 'gt', 80) }),
  plan(
    'running t3 instances in eu-west-1 without an owner tag with avg cpu over 80% in the last hour',
    'metrics',
    'instance',
    {
      providers: AWS,
      regions: ['eu-west-1'],
      filters: [RUNNING, family('t3'), tagMissing('owner')],
      metric: pct('cpu', 'gt', 80),
      timeRange: last(1, 'hour'),
    },
  ),
  plan(
    'ec2 instances tagged env=prod with cpu over 85% in us-east-1 in the past 6 hours',
    'metrics',
    'instance',
    {
      providers: AWS,
      regions: ['us-east-1'],
      filters: [tagEq('env', 'prod')],
      metric: pct('cpu', 'gt', 85),
      timeRange: last(6, 'hour'),
    },
  ),
  plan('idle ec2 instances', 'metrics', 'instance', {
    providers: AWS,
    metric: pct('cpu', 'lt', 5),
    timeRange: last(7, 'day'),
  }),
  plan('underutilized instances in the last 14 days', 'metrics', 'instance', {
    metric: pct('cpu', 'lt', 5),
    timeRange: last(14, 'day'),
  }),
  plan('how many instances have cpu over 80%', 'count', 'instance', { metric: pct('cpu', 'gt', 80) }),
  plan('average cpu of i-0123456789abcdef0 in the last hour', 'metrics', 'instance', {
    filters: [f('id', 'eq', 'i-0123456789abcdef0')],
    metric: { name: 'cpu', statistic: 'avg' },
    timeRange: last(1, 'hour'),
  }),
  // Top lists
  plan('top 10 instances by cpu', 'metrics', 'instance', {
    metric: top('cpu'),
    sort: [{ field: 'metric', direction: 'desc' }],
    limit: 10,
  }),
  plan('top 5 ec2 by average cpu last 24h', 'metrics', 'instance', {
    providers: AWS,
    metric: top('cpu'),
    sort: [{ field: 'metric', direction: 'desc' }],
    limit: 5,
    timeRange: last(24, 'hour'),
  }),
  plan('highest cpu instances', 'metrics', 'instance', {
    metric: top('cpu'),
    sort: [{ field: 'metric', direction: 'desc' }],
    limit: 10,
  }),
  plan('5 instances with the highest memory usage in the past hour', 'metrics', 'instance', {
    metric: top('memory'),
    sort: [{ field: 'metric', direction: 'desc' }],
    limit: 5,
    timeRange: last(1, 'hour'),
  }),
  plan('top 3 busiest ec2 instances by p95 cpu this week', 'metrics', 'instance', {
    providers: AWS,
    metric: top('cpu', 'p95'),
    sort: [{ field: 'metric', direction: 'desc' }],
    limit: 3,
    timeRange: cal('this_week'),
  }),
  plan('lowest cpu instances in us-east-1', 'metrics', 'instance', {
    regions: ['us-east-1'],
    metric: top('cpu'),
    sort: [{ field: 'metric', direction: 'asc' }],
    limit: 10,
  }),
  plan('top 10 instances by network out in the last day', 'metrics', 'instance', {
    metric: top('network_out'),
    sort: [{ field: 'metric', direction: 'desc' }],
    limit: 10,
    timeRange: last(1, 'day'),
  }),
  plan('oldest instances', 'list', 'instance', { sort: [{ field: 'launch_time', direction: 'asc' }] }),
  plan('5 oldest running ec2 instances', 'list', 'instance', {
    providers: AWS,
    filters: [RUNNING],
    sort: [{ field: 'launch_time', direction: 'asc' }],
    limit: 5,
  }),
  plan('newest 3 instances in us-west-2', 'list', 'instance', {
    regions: ['us-west-2'],
    sort: [{ field: 'launch_time', direction: 'desc' }],
    limit: 3,
  }),
  plan('instances sorted by launch time', 'list', 'instance', {
    sort: [{ field: 'launch_time', direction: 'desc' }],
  }),
  plan('first 20 running instances', 'list', 'instance', { filters: [RUNNING], limit: 20 }),
  // Counting and grouping
  plan('how many EC2 instances are running?', 'count', 'instance', { providers: AWS, filters: [RUNNING] }),
  plan('how many instances do we have in us-east-1', 'count', 'instance', { regions: ['us-east-1'] }),
  plan('count of stopped ec2 instances', 'count', 'instance', { providers: AWS, filters: [STOPPED] }),
  plan('number of t3.micro instances', 'count', 'instance', { filters: [type('t3.micro')] }),
  plan('count running instances', 'count', 'instance', { filters: [RUNNING] }),
  plan('total number of ec2 instances in eu-west-1', 'count', 'instance', {
    providers: AWS,
    regions: ['eu-west-1'],
  }),
  plan('how many untagged instances are there', 'count', 'instance', { filters: [UNTAGGED] }),
  plan('count instances by type', 'group', 'instance', { groupBy: ['type'] }),
  plan('ec2 instances per region', 'group', 'instance', { providers: AWS, groupBy: ['region'] }),
  plan('running instances grouped by type', 'group', 'instance', { filters: [RUNNING], groupBy: ['type'] }),
  plan('breakdown of ec2 instances by state', 'group', 'instance', { providers: AWS, groupBy: ['state'] }),
  plan('how many instances in each AZ', 'group', 'instance', { groupBy: ['zone'] }),
  plan('count ec2 by availability zone in us-east-1', 'group', 'instance', {
    providers: AWS,
    regions: ['us-east-1'],
    groupBy: ['zone'],
  }),
  plan('number of instances per account', 'group', 'instance', { groupBy: ['account'] }),
  plan('instance count by family', 'group', 'instance', { groupBy: ['family'] }),
  plan('how many running instances per region', 'group', 'instance', {
    filters: [RUNNING],
    groupBy: ['region'],
  }),
  plan('ec2 breakdown by instance type and region', 'group', 'instance', {
    providers: AWS,
    groupBy: ['type', 'region'],
  }),
  plan('count instances by env tag', 'group', 'instance', { groupBy: ['tag:env'] }),
  // Volumes
  plan('unattached EBS volumes', 'list', 'volume', { providers: AWS, filters: [UNATTACHED] }),
  plan('list available ebs volumes in us-east-1', 'list', 'volume', {
    providers: AWS,
    regions: ['us-east-1'],
    filters: [UNATTACHED],
  }),
  plan('orphaned volumes', 'list', 'volume', { filters: [UNATTACHED] }),
  plan('volumes not attached to any instance', 'list', 'volume', { filters: [UNATTACHED] }),
  plan('unencrypted ebs volumes', 'list', 'volume', { providers: AWS, filters: [UNENCRYPTED] }),
  plan('which volumes are not encrypted in eu-west-1', 'list', 'volume', {
    regions: ['eu-west-1'],
    filters: [UNENCRYPTED],
  }),
  plan('encrypted gp3 volumes', 'list', 'volume', {
    providers: AWS,
    filters: [ENCRYPTED, f('volume_type', 'eq', 'gp3')],
  }),
  plan('gp2 volumes in us-east-1', 'list', 'volume', {
    providers: AWS,
    regions: ['us-east-1'],
    filters: [f('volume_type', 'eq', 'gp2')],
  }),
  plan('attached volumes that are unencrypted', 'list', 'volume', { filters: [ATTACHED, UNENCRYPTED] }),
  plan('volumes larger than 500 GB', 'list', 'volume', { filters: [f('size_gb', 'gt', 500)] }),
  plan('ebs volumes bigger than 1TB', 'list', 'volume', {
    providers: AWS,
    filters: [f('size_gb', 'gt', 1024)],
  }),
  plan('volumes with size at least 100 GB', 'list', 'volume', { filters: [f('size_gb', 'gte', 100)] }),
  plan('disks smaller than 20gb', 'list', 'volume', { filters: [f('size_gb', 'lt', 20)] }),
  plan('10 largest volumes', 'list', 'volume', {
    sort: [{ field: 'size_gb', direction: 'desc' }],
    limit: 10,
  }),
  plan('top 5 biggest ebs volumes in us-east-1', 'list', 'volume', {
    providers: AWS,
    regions: ['us-east-1'],
    sort: [{ field: 'size_gb', direction: 'desc' }],
    limit: 5,
  }),
  plan('smallest volumes', 'list', 'volume', { sort: [{ field: 'size_gb', direction: 'asc' }] }),
  plan('how many unattached volumes do we have', 'count', 'volume', { filters: [UNATTACHED] }),
  plan('volumes by type', 'group', 'volume', { groupBy: ['volume_type'] }),
  plan('count ebs volumes per volume type', 'group', 'volume', { providers: AWS, groupBy: ['volume_type'] }),
  plan('unattached unencrypted ebs volumes over 100 GB in eu-west-1', 'list', 'volume', {
    providers: AWS,
    regions: ['eu-west-1'],
    filters: [UNATTACHED, UNENCRYPTED, f('size_gb', 'gt', 100)],
  }),
  plan('volumes without a team tag', 'list', 'volume', { filters: [tagMissing('team')] }),
  plan('vol-0a1b2c3d4e5f60718', 'list', 'volume', { filters: [f('id', 'eq', 'vol-0a1b2c3d4e5f60718')] }),
  // Functions
  plan('lambda functions with deprecated runtimes', 'list', 'function', {
    providers: AWS,
    filters: [DEPRECATED],
  }),
  plan('lambdas on deprecated runtimes', 'list', 'function', { providers: AWS, filters: [DEPRECATED] }),
  plan('functions running old python', 'list', 'function', {
    filters: [f('runtime', 'prefix', 'python'), DEPRECATED],
  }),
  plan('lambda functions using python 3.7', 'list', 'function', {
    providers: AWS,
    filters: [runtime('python3.7')],
  }),
  plan('nodejs14 lambdas', 'list', 'function', { providers: AWS, filters: [runtime('nodejs14')] }),
  plan('lambda functions on node 16.x', 'list', 'function', {
    providers: AWS,
    filters: [runtime('nodejs16')],
  }),
  plan('python functions', 'list', 'function', { filters: [f('runtime', 'prefix', 'python')] }),
  plan('functions with more than 512MB memory', 'list', 'function', { filters: [f('memory_mb', 'gt', 512)] }),
  plan('lambdas with memory >= 1 GB', 'list', 'function', {
    providers: AWS,
    filters: [f('memory_mb', 'gte', 1024)],
  }),
  plan('lambda functions with less than 256 MB of memory in us-east-1', 'list', 'function', {
    providers: AWS,
    regions: ['us-east-1'],
    filters: [f('memory_mb', 'lt', 256)],
  }),
  plan('count lambda functions by runtime', 'group', 'function', { providers: AWS, groupBy: ['runtime'] }),
  plan('how many lambdas are on end-of-life runtimes', 'count', 'function', {
    providers: AWS,
    filters: [DEPRECATED],
  }),
  plan('lambda functions with outdated runtimes in eu-west-1', 'list', 'function', {
    providers: AWS,
    regions: ['eu-west-1'],
    filters: [DEPRECATED],
  }),
  plan('functions without an owner tag', 'list', 'function', { filters: [tagMissing('owner')] }),
  plan('largest lambda functions by memory', 'list', 'function', {
    sort: [{ field: 'memory_mb', direction: 'desc' }],
  }),
  // Databases
  plan('publicly accessible RDS databases', 'list', 'database', { providers: AWS, filters: [PUBLIC] }),
  plan('rds instances that are not multi-az', 'list', 'database', { providers: AWS, filters: [SINGLE_AZ] }),
  plan('multi-az databases', 'list', 'database', { filters: [MULTI_AZ] }),
  plan('mysql rds instances', 'list', 'database', { providers: AWS, filters: [engine('mysql')] }),
  plan('postgres databases in us-east-1', 'list', 'database', {
    regions: ['us-east-1'],
    filters: [engine('postgres')],
  }),
  plan('aurora clusters', 'list', 'database', {
    providers: AWS,
    filters: [f('engine', 'in', ['aurora-mysql', 'aurora-postgresql'])],
  }),
  plan('aurora postgresql databases that are publicly accessible', 'list', 'database', {
    providers: AWS,
    filters: [engine('aurora-postgresql'), PUBLIC],
  }),
  plan('sql server rds instances', 'list', 'database', { providers: AWS, filters: [engine('sqlserver')] }),
  plan('unencrypted rds databases', 'list', 'database', { providers: AWS, filters: [UNENCRYPTED] }),
  plan('stopped rds instances', 'list', 'database', {
    providers: AWS,
    filters: [f('state', 'eq', 'stopped')],
  }),
  plan('available databases', 'list', 'database', { filters: [DB_AVAILABLE] }),
  plan('count rds databases by engine', 'group', 'database', { providers: AWS, groupBy: ['engine'] }),
  plan('how many mysql databases', 'count', 'database', { filters: [engine('mysql')] }),
  plan('db.t3.micro rds instances', 'list', 'database', { providers: AWS, filters: [type('db.t3.micro')] }),
  plan('rds dbs larger than 500gb', 'list', 'database', {
    providers: AWS,
    filters: [f('size_gb', 'gt', 500)],
  }),
  plan('single-az mysql databases in prod account', 'list', 'database', {
    accounts: ['prod'],
    filters: [SINGLE_AZ, engine('mysql')],
  }),
  // Buckets
  plan('public S3 buckets', 'list', 'bucket', { providers: AWS, filters: [PUBLIC] }),
  plan('s3 buckets that are publicly accessible', 'list', 'bucket', { providers: AWS, filters: [PUBLIC] }),
  plan('buckets without versioning', 'list', 'bucket', { filters: [VERSIONING_OFF] }),
  plan('unencrypted s3 buckets', 'list', 'bucket', { providers: AWS, filters: [UNENCRYPTED] }),
  plan('how many s3 buckets do we have', 'count', 'bucket', { providers: AWS }),
  plan('s3 buckets in account 111122223333', 'list', 'bucket', {
    providers: AWS,
    accounts: ['111122223333'],
  }),
  plan('s3 buckets with versioning enabled', 'list', 'bucket', {
    providers: AWS,
    filters: [f('versioning', 'eq', true)],
  }),
  plan('buckets with glacier storage class', 'list', 'bucket', {
    filters: [f('storage_class', 'eq', 'glacier')],
  }),
  plan('count buckets by region', 'group', 'bucket', { groupBy: ['region'] }),
  plan('newest s3 buckets', 'list', 'bucket', {
    providers: AWS,
    sort: [{ field: 'created_time', direction: 'desc' }],
  }),
  // Log groups
  plan('log groups with no retention', 'list', 'log_group', { filters: [NO_RETENTION] }),
  plan('cloudwatch log groups that never expire', 'list', 'log_group', {
    providers: AWS,
    filters: [NO_RETENTION],
  }),
  plan('log groups with retention over 365 days', 'list', 'log_group', {
    filters: [f('retention_days', 'gt', 365)],
  }),
  plan('count log groups in us-east-1', 'count', 'log_group', { regions: ['us-east-1'] }),
  // Logs
  plan('errors in the logs of payments lambda in the last 15 minutes', 'logs', 'function', {
    providers: AWS,
    logQuery: { level: 'error', target: 'payments' },
    timeRange: last(15, 'minute'),
  }),
  plan('grep timeout in /aws/lambda/checkout logs past hour', 'logs', 'log_group', {
    logQuery: { pattern: 'timeout', target: '/aws/lambda/checkout' },
    timeRange: last(1, 'hour'),
  }),
  plan('error logs for the checkout service today', 'logs', 'log_group', {
    logQuery: { level: 'error', target: 'checkout' },
    timeRange: cal('today'),
  }),
  plan('show me warnings from the orders lambda in the last 30 minutes', 'logs', 'function', {
    providers: AWS,
    logQuery: { level: 'warn', target: 'orders' },
    timeRange: last(30, 'minute'),
  }),
  plan('search logs for "connection refused" in the last 2 hours', 'logs', 'log_group', {
    logQuery: { pattern: 'connection refused' },
    timeRange: last(2, 'hour'),
  }),
  plan('logs of lambda payments containing OutOfMemory since yesterday', 'logs', 'function', {
    providers: AWS,
    logQuery: { pattern: 'OutOfMemory', target: 'payments' },
    timeRange: cal('since_yesterday'),
  }),
  plan('recent errors in /aws/lambda/billing', 'logs', 'log_group', {
    logQuery: { level: 'error', target: '/aws/lambda/billing' },
    timeRange: last(1, 'hour'),
  }),
  plan('timeout errors in the payments function logs last 24h', 'logs', 'function', {
    logQuery: { level: 'error', pattern: 'timeout', target: 'payments' },
    timeRange: last(24, 'hour'),
  }),
  plan('cloudwatch logs errors for log group /ecs/api in the past hour', 'logs', 'log_group', {
    providers: AWS,
    logQuery: { level: 'error', target: '/ecs/api' },
    timeRange: last(1, 'hour'),
  }),
  plan('exceptions in lambda logs over the past 3 days', 'logs', 'function', {
    providers: AWS,
    logQuery: { level: 'error' },
    timeRange: last(3, 'day'),
  }),
  // Audit
  plan('instances created in the last 30 days', 'audit', 'instance', {
    audit: ['create'],
    timeRange: last(30, 'day'),
  }),
  plan('ec2 instances launched in the past week', 'audit', 'instance', {
    providers: AWS,
    audit: ['create'],
    timeRange: last(1, 'week'),
  }),
  plan('who stopped instances yesterday', 'audit', 'instance', {
    audit: ['stop'],
    timeRange: cal('yesterday'),
  }),
  plan('which instances were terminated today', 'audit', 'instance', {
    audit: ['delete'],
    timeRange: cal('today'),
  }),
  plan('deleted volumes this week', 'audit', 'volume', { audit: ['delete'], timeRange: cal('this_week') }),
  plan('which volumes were deleted yesterday', 'audit', 'volume', {
    audit: ['delete'],
    timeRange: cal('yesterday'),
  }),
  plan('ebs volumes created since yesterday', 'audit', 'volume', {
    providers: AWS,
    audit: ['create'],
    timeRange: cal('since_yesterday'),
  }),
  plan('who modified security-sensitive rds instances last week', 'audit', 'database', {
    providers: AWS,
    audit: ['modify'],
    timeRange: cal('last_week'),
  }),
  plan('instances started in the last 2 hours', 'audit', 'instance', {
    audit: ['start'],
    timeRange: last(2, 'hour'),
  }),
  plan('ec2 instances stopped in the last 24 hours', 'audit', 'instance', {
    providers: AWS,
    audit: ['stop'],
    timeRange: last(24, 'hour'),
  }),
  plan('lambda functions updated this month', 'audit', 'function', {
    providers: AWS,
    audit: ['modify'],
    timeRange: cal('this_month'),
  }),
  plan('s3 buckets deleted in the past 7 days', 'audit', 'bucket', {
    providers: AWS,
    audit: ['delete'],
    timeRange: last(7, 'day'),
  }),
  plan('new ec2 instances today', 'audit', 'instance', {
    providers: AWS,
    audit: ['create'],
    timeRange: cal('today'),
  }),
  plan('who terminated ec2 instances in us-east-1 last week', 'audit', 'instance', {
    providers: AWS,
    regions: ['us-east-1'],
    audit: ['delete'],
    timeRange: cal('last_week'),
  }),
  plan('how many instances were created last month', 'audit', 'instance', {
    audit: ['create'],
    timeRange: last(1, 'month'),
  }),
  // Age
  plan('instances older than 90 days', 'list', 'instance', { filters: [f('launch_time', 'lt', 'now-90d')] }),
  plan('ec2 instances running for more than 30 days', 'list', 'instance', {
    providers: AWS,
    filters: [f('launch_time', 'lt', 'now-30d')],
  }),
  plan('volumes created more than 6 months ago', 'list', 'volume', {
    filters: [f('created_time', 'lt', 'now-180d')],
  }),
  // Descriptive (not commands)
  plan('stopped instances that were stopped by someone yesterday', 'audit', 'instance', {
    audit: ['stop'],
    timeRange: cal('yesterday'),
  }),
  plan('terminated ec2 instances', 'list', 'instance', { providers: AWS, filters: [TERMINATED] }),
  plan('instances that were started today', 'audit', 'instance', {
    audit: ['start'],
    timeRange: cal('today'),
  }),
  plan('volumes that got deleted', 'audit', 'volume', { audit: ['delete'], timeRange: last(7, 'day') }),
  // Terse / typo-of-spacing / caps
  plan('EC2   RUNNING   US-EAST-1', 'list', 'instance', {
    providers: AWS,
    regions: ['us-east-1'],
    filters: [RUNNING],
  }),
  plan('ec2,stopped,eu-west-1', 'list', 'instance', {
    providers: AWS,
    regions: ['eu-west-1'],
    filters: [STOPPED],
  }),
  plan('Unattached   EBS   Volumes?', 'list', 'volume', { providers: AWS, filters: [UNATTACHED] }),
  plan('ＥＣ２ instances in ｕｓ－ｅａｓｔ－１', 'list', 'instance', {
    providers: AWS,
    regions: ['us-east-1'],
  }),
  plan(
    'hey, quick question - how many ec2 instances are running in us-east-1 right now?',
    'count',
    'instance',
    { providers: AWS, regions: ['us-east-1'], filters: [RUNNING] },
  ),
  plan(
    'Could you please list all the EC2 instances that are currently stopped in the Ireland region? Thanks!',
    'list',
    'instance',
    {
      providers: AWS,
      regions: ['eu-west-1'],
      filters: [STOPPED],
    },
  ),
  plan('i need the number of lambda functions per region', 'group', 'function', {
    providers: AWS,
    groupBy: ['region'],
  }),
  plan('do we have any public s3 buckets?', 'list', 'bucket', { providers: AWS, filters: [PUBLIC] }),
  plan('show me ec2 where avg cpu > 80% last hour sorted by cpu', 'metrics', 'instance', {
    providers: AWS,
    metric: pct('cpu', 'gt', 80),
    sort: [{ field: 'metric', direction: 'desc' }],
  }),
  plan('rds mysql not multi az in us-east-1', 'list', 'database', {
    providers: AWS,
    regions: ['us-east-1'],
    filters: [engine('mysql'), SINGLE_AZ],
  }),
  plan('lambda runtime deprecated', 'list', 'function', { providers: AWS, filters: [DEPRECATED] }),
  plan('unencrypted ebs in eu regions', 'list', 'volume', {
    providers: AWS,
    regionGroups: ['eu'],
    filters: [UNENCRYPTED],
  }),
  // Fresh paraphrases
  plan('what ec2 boxes are up in virginia', 'list', 'instance', { providers: AWS, regions: ['us-east-1'] }),
  plan('give me a breakdown of vms by os', 'group', 'instance', { groupBy: ['platform'] }),
  plan('s3 buckets w/o encryption', 'list', 'bucket', { providers: AWS, filters: [UNENCRYPTED] }),
  plan('show rds dbs with public access enabled', 'list', 'database', { providers: AWS, filters: [PUBLIC] }),
  plan('instances in us-east-1 with more than 80% cpu usage over the past 3 hours', 'metrics', 'instance', {
    providers: AWS,
    regions: ['us-east-1'],
    metric: pct('cpu', 'gt', 80),
    timeRange: last(3, 'hour'),
  }),
  plan('list the top 20 ec2 by max cpu yesterday', 'metrics', 'instance', {
    providers: AWS,
    metric: top('cpu', 'max'),
    sort: [{ field: 'metric', direction: 'desc' }],
    limit: 20,
    timeRange: cal('yesterday'),
  }),
  plan('find volumes > 100gb not attached', 'list', 'volume', {
    filters: [f('size_gb', 'gt', 100), UNATTACHED],
  }),
  plan('instances launched yesterday', 'audit', 'instance', {
    audit: ['create'],
    timeRange: cal('yesterday'),
  }),
  plan('lambda errors last 1h', 'logs', 'function', {
    providers: AWS,
    logQuery: { level: 'error' },
    timeRange: last(1, 'hour'),
  }),
  plan("show me the logs for checkout-api with 'timeout' in the past 10 minutes", 'logs', 'log_group', {
    logQuery: { pattern: 'timeout', target: 'checkout-api' },
    timeRange: last(10, 'minute'),
  }),
  plan('how many gp2 volumes are there in each region', 'group', 'volume', {
    providers: AWS,
    filters: [f('volume_type', 'eq', 'gp2')],
    groupBy: ['region'],
  }),
  plan('any ec2 instance with cpu over 90 in the last 5 min?', 'metrics', 'instance', {
    providers: AWS,
    metric: pct('cpu', 'gt', 90),
    timeRange: last(5, 'minute'),
  }),
  plan('instances with tag Environment set to Production', 'list', 'instance', {
    filters: [tagEq('Environment', 'Production')],
  }),
  plan('instances where the owner tag is missing', 'list', 'instance', { filters: [tagMissing('owner')] }),
  plan('instances sorted by start time', 'list', 'instance', {
    sort: [{ field: 'launch_time', direction: 'desc' }],
  }),
  plan('instances that were created and then deleted today', 'audit', 'instance', {
    audit: ['create', 'delete'],
    timeRange: cal('today'),
  }),
  unknown("which lambdas haven't been updated"),
  unknown('avg cpu for the last 2h above 60% on prod instances'),
  unknown('which instances can I stop'),
  unknown('how do I delete a volume'),
  // Found by people phrasing questions we had not seen (2026-11-26)
  plan('dbs running postgres 14', 'list', 'database', {
    filters: [engine('postgres'), f('engine_version', 'prefix', '14')],
  }),
  plan('show me db instances running mysql 5.7', 'list', 'database', {
    filters: [engine('mysql'), f('engine_version', 'prefix', '5.7')],
  }),
  plan('how many mysql8.0 databases', 'count', 'database', {
    filters: [engine('mysql'), f('engine_version', 'prefix', '8.0')],
  }),
  plan('which instances have no monitoring enabled', 'list', 'instance', { filters: [MONITORING_OFF] }),
  plan('ec2 without monitoring turned on', 'list', 'instance', { providers: AWS, filters: [MONITORING_OFF] }),
  plan('grep timeout in payments logs today', 'logs', 'log_group', {
    logQuery: { pattern: 'timeout', target: 'payments' },
    timeRange: cal('today'),
  }),
  plan('errors in checkout-api logs in the last hour', 'logs', 'log_group', {
    logQuery: { level: 'error', target: 'checkout-api' },
    timeRange: last(1, 'hour'),
  }),
  plan('instances running windows', 'list', 'instance', { filters: [f('platform', 'eq', 'windows')] }),
  plan('running windows instances', 'list', 'instance', {
    filters: [RUNNING, f('platform', 'eq', 'windows')],
  }),
  plan('count by instance type', 'group', 'instance', { groupBy: ['type'] }),
  plan('instance web-01', 'list', 'instance', { filters: [named('web-01')] }),
  plan('cpu of instance api-prod-euw1-002 last hour', 'metrics', 'instance', {
    filters: [named('api-prod-euw1-002')],
    metric: top('cpu'),
    timeRange: last(1, 'hour'),
  }),
  plan('errors in the redis logs last hour', 'logs', 'log_group', {
    logQuery: { level: 'error', target: 'redis' },
    timeRange: last(1, 'hour'),
  }),
  // Not guessable
  unknown('high cpu instances'),
  unknown('instances with high memory'),
  unknown('instances between 50 and 80'),
  unknown('what is the meaning of life'),
];
