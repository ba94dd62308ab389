import {
  ALL,
  AZURE,
  type CorpusEntry,
  cal,
  DEALLOCATED,
  DEPRECATED,
  engine,
  f,
  family,
  GCP,
  last,
  LINUX,
  MONITORING_OFF,
  MULTI_AZ,
  named,
  NO_PUBLIC_IP,
  NO_RETENTION,
  NONE,
  pct,
  plan,
  PRIVATE,
  PUBLIC,
  PUBLIC_IP,
  RUNNING,
  runtime,
  SINGLE_AZ,
  STOPPED,
  tagEq,
  tagMissing,
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

/** Azure, GCP and multi-cloud questions in English. */
export const MULTICLOUD_EN: readonly CorpusEntry[] = [
  // Azure VMs
  plan('show stopped Azure VMs in westeurope', 'list', 'instance', {
    providers: AZURE,
    regions: ['westeurope'],
    filters: [STOPPED],
  }),
  plan('Azure VMs in westeurope that are deallocated', 'list', 'instance', {
    providers: AZURE,
    regions: ['westeurope'],
    filters: [DEALLOCATED],
  }),
  plan('deallocated vms', 'list', 'instance', { providers: NONE, filters: [DEALLOCATED] }),
  plan('running azure virtual machines', 'list', 'instance', { providers: AZURE, filters: [RUNNING] }),
  plan('list azure vms in West Europe', 'list', 'instance', { providers: AZURE, regions: ['westeurope'] }),
  plan('azure vms in East US', 'list', 'instance', { providers: AZURE, regions: ['eastus'] }),
  plan('vms in eastus2 on azure', 'list', 'instance', { providers: AZURE, regions: ['eastus2'] }),
  plan('azure vms in northeurope and westeurope', 'list', 'instance', {
    providers: AZURE,
    regions: ['northeurope', 'westeurope'],
  }),
  plan('VMs in subscription prod-sub', 'list', 'instance', { providers: AZURE, accounts: ['prod-sub'] }),
  plan('azure vms in the production subscription', 'list', 'instance', {
    providers: AZURE,
    accounts: ['prod'],
  }),
  plan('vms in resource group rg-web', 'list', 'instance', { providers: AZURE, resourceGroups: ['rg-web'] }),
  plan('running vms in resource group payments-rg in westeurope', 'list', 'instance', {
    providers: AZURE,
    resourceGroups: ['payments-rg'],
    regions: ['westeurope'],
    filters: [RUNNING],
  }),
  plan('Standard_D2s_v3 VMs', 'list', 'instance', { filters: [type('Standard_D2s_v3')] }),
  plan('azure vms of size standard_b2ms', 'list', 'instance', {
    providers: AZURE,
    filters: [type('Standard_B2ms')],
  }),
  plan('windows azure vms', 'list', 'instance', { providers: AZURE, filters: [WINDOWS] }),
  plan('azure vms without an owner tag', 'list', 'instance', {
    providers: AZURE,
    filters: [tagMissing('owner')],
  }),
  plan('azure vms tagged env=prod in westeurope', 'list', 'instance', {
    providers: AZURE,
    regions: ['westeurope'],
    filters: [tagEq('env', 'prod')],
  }),
  plan('azure vms with public ips', 'list', 'instance', { providers: AZURE, filters: [PUBLIC_IP] }),
  plan('azure vms in Tokyo', 'list', 'instance', { providers: AZURE, regions: ['japaneast'] }),
  plan('stopped but not deallocated azure vms', 'list', 'instance', {
    providers: AZURE,
    filters: [f('state', 'eq', 'stopped')],
  }),
  plan('how many azure vms are deallocated', 'count', 'instance', {
    providers: AZURE,
    filters: [DEALLOCATED],
  }),
  plan('count azure vms by size', 'group', 'instance', { providers: AZURE, groupBy: ['type'] }),
  plan('azure vms per resource group', 'group', 'instance', {
    providers: AZURE,
    groupBy: ['resource_group'],
  }),
  plan('number of azure vms per subscription', 'group', 'instance', {
    providers: AZURE,
    groupBy: ['account'],
  }),
  plan('azure vms with avg cpu over 85% in the last hour', 'metrics', 'instance', {
    providers: AZURE,
    metric: pct('cpu', 'gt', 85),
    timeRange: last(1, 'hour'),
  }),
  plan('azure vms with max cpu above 90% today', 'metrics', 'instance', {
    providers: AZURE,
    metric: pct('cpu', 'gt', 90, 'max'),
    timeRange: cal('today'),
  }),
  plan('top 5 azure vms by cpu last 24h', 'metrics', 'instance', {
    providers: AZURE,
    metric: top('cpu'),
    sort: [{ field: 'metric', direction: 'desc' }],
    limit: 5,
    timeRange: last(24, 'hour'),
  }),
  plan('azure vms created in the last 30 days', 'audit', 'instance', {
    providers: AZURE,
    audit: ['create'],
    timeRange: last(30, 'day'),
  }),
  plan('who deallocated azure vms yesterday', 'audit', 'instance', {
    providers: AZURE,
    audit: ['stop'],
    timeRange: cal('yesterday'),
  }),
  plan('idle azure vms', 'metrics', 'instance', {
    providers: AZURE,
    metric: pct('cpu', 'lt', 5),
    timeRange: last(7, 'day'),
  }),
  // Azure disks, functions, SQL, storage
  plan('unattached managed disks', 'list', 'volume', { providers: AZURE, filters: [UNATTACHED] }),
  plan('azure managed disks that are not attached in westeurope', 'list', 'volume', {
    providers: AZURE,
    regions: ['westeurope'],
    filters: [UNATTACHED],
  }),
  plan('unencrypted azure disks', 'list', 'volume', { providers: AZURE, filters: [UNENCRYPTED] }),
  plan('premium ssd managed disks', 'list', 'volume', {
    providers: AZURE,
    filters: [f('volume_type', 'eq', 'Premium_LRS')],
  }),
  plan('managed disks larger than 1 TB', 'list', 'volume', {
    providers: AZURE,
    filters: [f('size_gb', 'gt', 1024)],
  }),
  plan('function apps with deprecated runtimes', 'list', 'function', {
    providers: AZURE,
    filters: [DEPRECATED],
  }),
  plan('azure functions on python 3.8', 'list', 'function', {
    providers: AZURE,
    filters: [runtime('python3.8')],
  }),
  plan('function apps in resource group rg-api', 'list', 'function', {
    providers: AZURE,
    resourceGroups: ['rg-api'],
  }),
  plan('count function apps by runtime', 'group', 'function', { providers: AZURE, groupBy: ['runtime'] }),
  plan('azure sql databases that are publicly accessible', 'list', 'database', {
    providers: AZURE,
    filters: [PUBLIC],
  }),
  plan('azure sql databases in westeurope', 'list', 'database', {
    providers: AZURE,
    regions: ['westeurope'],
  }),
  plan('sql databases in subscription finance', 'list', 'database', {
    providers: AZURE,
    accounts: ['finance'],
  }),
  plan('unencrypted azure sql databases', 'list', 'database', { providers: AZURE, filters: [UNENCRYPTED] }),
  plan('storage accounts with public access', 'list', 'bucket', { providers: AZURE, filters: [PUBLIC] }),
  plan('azure storage accounts without versioning', 'list', 'bucket', {
    providers: AZURE,
    filters: [VERSIONING_OFF],
  }),
  plan('how many storage accounts are in each region', 'group', 'bucket', {
    providers: AZURE,
    groupBy: ['region'],
  }),
  plan('storage accounts in cool tier', 'list', 'bucket', {
    providers: AZURE,
    filters: [f('storage_class', 'eq', 'cool')],
  }),
  plan('error logs of the orders function app in the last hour', 'logs', 'function', {
    providers: AZURE,
    logQuery: { level: 'error', target: 'orders' },
    timeRange: last(1, 'hour'),
  }),
  plan('azure disks deleted this week', 'audit', 'volume', {
    providers: AZURE,
    audit: ['delete'],
    timeRange: cal('this_week'),
  }),
  // GCP
  plan('GCE instances in project shop-prod', 'list', 'instance', { providers: GCP, accounts: ['shop-prod'] }),
  plan('running compute engine instances in europe-west1', 'list', 'instance', {
    providers: GCP,
    regions: ['europe-west1'],
    filters: [RUNNING],
  }),
  plan('gce vms in us-central1-a', 'list', 'instance', {
    providers: GCP,
    regions: ['us-central1'],
    filters: [zone('us-central1-a')],
  }),
  plan('e2-medium instances in gcp', 'list', 'instance', { providers: GCP, filters: [type('e2-medium')] }),
  plan('n2 family instances on google cloud', 'list', 'instance', {
    providers: GCP,
    filters: [family('n2')],
  }),
  plan('stopped gce instances', 'list', 'instance', { providers: GCP, filters: [STOPPED] }),
  plan('gcp vms in Belgium', 'list', 'instance', { providers: GCP, regions: ['europe-west1'] }),
  plan('gce instances in Iowa', 'list', 'instance', { providers: GCP, regions: ['us-central1'] }),
  plan('google cloud vms in Tokyo', 'list', 'instance', { providers: GCP, regions: ['asia-northeast1'] }),
  plan('gce instances in project data-lake without a team label', 'list', 'instance', {
    providers: GCP,
    accounts: ['data-lake'],
    filters: [tagMissing('team')],
  }),
  plan('compute engine instances with external ips', 'list', 'instance', {
    providers: GCP,
    filters: [PUBLIC_IP],
  }),
  plan('gce instances with cpu over 80% in the last hour', 'metrics', 'instance', {
    providers: GCP,
    metric: pct('cpu', 'gt', 80),
    timeRange: last(1, 'hour'),
  }),
  plan('gcp vms with p95 cpu greater than 70 percent over the past 7 days', 'metrics', 'instance', {
    providers: GCP,
    metric: pct('cpu', 'gt', 70, 'p95'),
    timeRange: last(7, 'day'),
  }),
  plan('count gce instances by zone', 'group', 'instance', { providers: GCP, groupBy: ['zone'] }),
  plan('how many gce instances per project', 'group', 'instance', { providers: GCP, groupBy: ['account'] }),
  plan('persistent disks that are unattached', 'list', 'volume', { providers: GCP, filters: [UNATTACHED] }),
  plan('pd-ssd disks in project analytics', 'list', 'volume', {
    providers: GCP,
    accounts: ['analytics'],
    filters: [f('volume_type', 'eq', 'pd-ssd')],
  }),
  plan('gcp persistent disks larger than 200GB', 'list', 'volume', {
    providers: GCP,
    filters: [f('size_gb', 'gt', 200)],
  }),
  plan('Cloud SQL instances that are public', 'list', 'database', { providers: GCP, filters: [PUBLIC] }),
  plan('cloud sql postgres instances', 'list', 'database', { providers: GCP, filters: [engine('postgres')] }),
  plan('cloud sql instances without high availability', 'list', 'database', {
    providers: GCP,
    filters: [SINGLE_AZ],
  }),
  plan('cloud sql databases in project shop-prod', 'list', 'database', {
    providers: GCP,
    accounts: ['shop-prod'],
  }),
  plan('cloud functions with deprecated runtimes', 'list', 'function', {
    providers: GCP,
    filters: [DEPRECATED],
  }),
  plan('google cloud functions running nodejs 12', 'list', 'function', {
    providers: GCP,
    filters: [runtime('nodejs12')],
  }),
  plan('gcs buckets that are public', 'list', 'bucket', { providers: GCP, filters: [PUBLIC] }),
  plan('gcs buckets in nearline storage class', 'list', 'bucket', {
    providers: GCP,
    filters: [f('storage_class', 'eq', 'nearline')],
  }),
  plan('cloud storage buckets without versioning in project media', 'list', 'bucket', {
    providers: GCP,
    accounts: ['media'],
    filters: [VERSIONING_OFF],
  }),
  plan('gce instances created this week', 'audit', 'instance', {
    providers: GCP,
    audit: ['create'],
    timeRange: cal('this_week'),
  }),
  plan('who stopped gce instances in the last 24 hours', 'audit', 'instance', {
    providers: GCP,
    audit: ['stop'],
    timeRange: last(24, 'hour'),
  }),
  plan('errors in the logs of cloud function resize-images today', 'logs', 'function', {
    providers: GCP,
    logQuery: { level: 'error', target: 'resize-images' },
    timeRange: cal('today'),
  }),
  plan('top 10 gce instances by memory this week', 'metrics', 'instance', {
    providers: GCP,
    metric: top('memory'),
    sort: [{ field: 'metric', direction: 'desc' }],
    limit: 10,
    timeRange: cal('this_week'),
  }),
  // Multi-cloud
  plan('unencrypted volumes across all clouds', 'list', 'volume', { providers: ALL, filters: [UNENCRYPTED] }),
  plan('count VMs by provider', 'group', 'instance', { groupBy: ['provider'] }),
  plan('how many instances per cloud', 'group', 'instance', { groupBy: ['provider'] }),
  plan('running vms on all clouds', 'list', 'instance', { providers: ALL, filters: [RUNNING] }),
  plan('public buckets in aws, azure and gcp', 'list', 'bucket', { providers: ALL, filters: [PUBLIC] }),
  plan('unattached disks across every cloud provider', 'list', 'volume', {
    providers: ALL,
    filters: [UNATTACHED],
  }),
  plan('publicly accessible databases on all three clouds', 'list', 'database', {
    providers: ALL,
    filters: [PUBLIC],
  }),
  plan('functions with deprecated runtimes across clouds', 'list', 'function', {
    providers: ALL,
    filters: [DEPRECATED],
  }),
  plan('vms with cpu over 90% in the last hour across all clouds', 'metrics', 'instance', {
    providers: ALL,
    metric: pct('cpu', 'gt', 90),
    timeRange: last(1, 'hour'),
  }),
  plan('top 10 vms by cpu across all clouds', 'metrics', 'instance', {
    providers: ALL,
    metric: top('cpu'),
    sort: [{ field: 'metric', direction: 'desc' }],
    limit: 10,
  }),
  plan('instances in aws and azure', 'list', 'instance', { providers: ['aws', 'azure'] }),
  plan('stopped vms in azure and gcp', 'list', 'instance', {
    providers: ['azure', 'gcp'],
    filters: [STOPPED],
  }),
  plan('vms in Tokyo on all clouds', 'list', 'instance', {
    providers: ALL,
    regions: ['ap-northeast-1', 'japaneast', 'asia-northeast1'],
  }),
  plan('instances in EU regions across all clouds', 'list', 'instance', {
    providers: ALL,
    regionGroups: ['eu'],
  }),
  plan('untagged resources... I mean untagged vms across clouds', 'list', 'instance', {
    providers: ALL,
    filters: [UNTAGGED],
  }),
  plan('vms without an owner tag on every cloud', 'list', 'instance', {
    providers: ALL,
    filters: [tagMissing('owner')],
  }),
  plan('how many databases does each cloud have', 'group', 'database', { groupBy: ['provider'] }),
  plan('count buckets per provider', 'group', 'bucket', { groupBy: ['provider'] }),
  plan('volumes grouped by cloud and region', 'group', 'volume', { groupBy: ['provider', 'region'] }),
  plan('instances created in the last 30 days across all clouds', 'audit', 'instance', {
    providers: ALL,
    audit: ['create'],
    timeRange: last(30, 'day'),
  }),
  plan('deleted disks in the past week on all clouds', 'audit', 'volume', {
    providers: ALL,
    audit: ['delete'],
    timeRange: last(1, 'week'),
  }),
  plan('vms in us-east-1 and westeurope', 'list', 'instance', {
    providers: ['aws', 'azure'],
    regions: ['us-east-1', 'westeurope'],
  }),
  plan('running vms in us-east-1, westeurope and europe-west1', 'list', 'instance', {
    providers: ALL,
    regions: ['us-east-1', 'westeurope', 'europe-west1'],
    filters: [RUNNING],
  }),
  plan('single-az databases across clouds', 'list', 'database', { providers: ALL, filters: [SINGLE_AZ] }),
  plan('multi-az databases on aws and azure', 'list', 'database', {
    providers: ['aws', 'azure'],
    filters: [MULTI_AZ],
  }),
  plan('windows vms in all clouds', 'list', 'instance', { providers: ALL, filters: [WINDOWS] }),
  plan('linux vms with public ip addresses across clouds', 'list', 'instance', {
    providers: ALL,
    filters: [LINUX, PUBLIC_IP],
  }),
  plan('vms without public ips across all providers', 'list', 'instance', {
    providers: ALL,
    filters: [NO_PUBLIC_IP],
  }),
  plan('private buckets on gcp', 'list', 'bucket', { providers: GCP, filters: [PRIVATE] }),
  plan('log groups with no retention on aws', 'list', 'log_group', {
    providers: ['aws'],
    filters: [NO_RETENTION],
  }),
  plan('count functions by runtime across all clouds', 'group', 'function', {
    providers: ALL,
    groupBy: ['runtime'],
  }),
  plan('the 10 largest disks across all clouds', 'list', 'volume', {
    providers: ALL,
    sort: [{ field: 'size_gb', direction: 'desc' }],
    limit: 10,
  }),
  plan('oldest vms on azure', 'list', 'instance', {
    providers: AZURE,
    sort: [{ field: 'launch_time', direction: 'asc' }],
  }),
  plan('number of vms by provider and state', 'group', 'instance', { groupBy: ['provider', 'state'] }),
  plan('vms with monitoring disabled in all clouds', 'list', 'instance', {
    providers: ALL,
    filters: [MONITORING_OFF],
  }),
  plan('mysql databases on every cloud', 'list', 'database', { providers: ALL, filters: [engine('mysql')] }),
  plan('instances named bastion on all clouds', 'list', 'instance', {
    providers: ALL,
    filters: [named('bastion')],
  }),
  plan('how many vms are running on azure vs gcp', 'count', 'instance', {
    providers: ['azure', 'gcp'],
    filters: [RUNNING],
  }),
  // Terse, polite, mixed case
  plan('AZURE VM WESTEUROPE DEALLOCATED', 'list', 'instance', {
    providers: AZURE,
    regions: ['westeurope'],
    filters: [DEALLOCATED],
  }),
  plan('gce us-central1 running', 'list', 'instance', {
    providers: GCP,
    regions: ['us-central1'],
    filters: [RUNNING],
  }),
  plan(
    'Could you show me the Azure virtual machines that are stopped in West Europe, please?',
    'list',
    'instance',
    {
      providers: AZURE,
      regions: ['westeurope'],
      filters: [STOPPED],
    },
  ),
  plan('hi! what GCE instances do we have in project shop-prod right now?', 'list', 'instance', {
    providers: GCP,
    accounts: ['shop-prod'],
  }),
  plan('i need a count of vms per cloud provider', 'group', 'instance', { groupBy: ['provider'] }),
  plan('pls list public cloud sql instances in project shop-prod', 'list', 'database', {
    providers: GCP,
    accounts: ['shop-prod'],
    filters: [PUBLIC],
  }),
  plan('managed disks, unattached, westeurope', 'list', 'volume', {
    providers: AZURE,
    regions: ['westeurope'],
    filters: [UNATTACHED],
  }),
  plan('function apps runtime deprecated', 'list', 'function', { providers: AZURE, filters: [DEPRECATED] }),
  plan('azure vms in rg-web with cpu > 80% last 1h', 'metrics', 'instance', {
    providers: AZURE,
    resourceGroups: ['rg-web'],
    metric: pct('cpu', 'gt', 80),
    timeRange: last(1, 'hour'),
  }),
  plan('are there any public storage accounts?', 'list', 'bucket', { providers: AZURE, filters: [PUBLIC] }),
  // More Azure
  plan('list every azure vm in the finance subscription', 'list', 'instance', {
    providers: AZURE,
    accounts: ['finance'],
  }),
  plan('azure vms in japan east', 'list', 'instance', { providers: AZURE, regions: ['japaneast'] }),
  plan('azure vms in southeastasia that are running', 'list', 'instance', {
    providers: AZURE,
    regions: ['southeastasia'],
    filters: [RUNNING],
  }),
  plan('how many vms are in resource group rg-data', 'count', 'instance', {
    providers: AZURE,
    resourceGroups: ['rg-data'],
  }),
  plan('azure vms with cpu under 3% on average over the last 14 days', 'metrics', 'instance', {
    providers: AZURE,
    metric: pct('cpu', 'lt', 3),
    timeRange: last(14, 'day'),
  }),
  plan('azure virtual machines with memory above 90% in the past hour', 'metrics', 'instance', {
    providers: AZURE,
    metric: pct('memory', 'gt', 90),
    timeRange: last(1, 'hour'),
  }),
  plan('azure vms without detailed monitoring', 'list', 'instance', {
    providers: AZURE,
    filters: [MONITORING_OFF],
  }),
  plan('linux azure vms in uksouth', 'list', 'instance', {
    providers: AZURE,
    regions: ['uksouth'],
    filters: [LINUX],
  }),
  plan('deallocated azure vms in the dev subscription', 'list', 'instance', {
    providers: AZURE,
    accounts: ['dev'],
    filters: [DEALLOCATED],
  }),
  plan('standard ssd managed disks in westeurope', 'list', 'volume', {
    providers: AZURE,
    regions: ['westeurope'],
    filters: [f('volume_type', 'eq', 'StandardSSD_LRS')],
  }),
  plan('count managed disks by disk type', 'group', 'volume', { providers: AZURE, groupBy: ['volume_type'] }),
  plan('5 largest managed disks', 'list', 'volume', {
    providers: AZURE,
    sort: [{ field: 'size_gb', direction: 'desc' }],
    limit: 5,
  }),
  plan('managed disks without an owner tag in rg-data', 'list', 'volume', {
    providers: AZURE,
    resourceGroups: ['rg-data'],
    filters: [tagMissing('owner')],
  }),
  plan('function apps with more than 1024 MB memory', 'list', 'function', {
    providers: AZURE,
    filters: [f('memory_mb', 'gt', 1024)],
  }),
  plan('azure functions updated in the last 7 days', 'audit', 'function', {
    providers: AZURE,
    audit: ['modify'],
    timeRange: last(7, 'day'),
  }),
  plan('warnings in the billing function app logs since yesterday', 'logs', 'function', {
    providers: AZURE,
    logQuery: { level: 'warn', target: 'billing' },
    timeRange: cal('since_yesterday'),
  }),
  plan('azure sql databases not zone redundant... i mean not multi-az', 'list', 'database', {
    providers: AZURE,
    filters: [SINGLE_AZ],
  }),
  plan('count azure sql databases per subscription', 'group', 'database', {
    providers: AZURE,
    groupBy: ['account'],
  }),
  plan('storage accounts that are not public', 'list', 'bucket', { providers: AZURE, filters: [PRIVATE] }),
  plan('unencrypted storage accounts in subscription prod-sub', 'list', 'bucket', {
    providers: AZURE,
    accounts: ['prod-sub'],
    filters: [UNENCRYPTED],
  }),
  plan('storage accounts created this month', 'audit', 'bucket', {
    providers: AZURE,
    audit: ['create'],
    timeRange: cal('this_month'),
  }),
  // More GCP
  plan('gce instances in project shop-prod in europe-west4', 'list', 'instance', {
    providers: GCP,
    accounts: ['shop-prod'],
    regions: ['europe-west4'],
  }),
  plan('n1-standard-4 instances on gcp', 'list', 'instance', {
    providers: GCP,
    filters: [type('n1-standard-4')],
  }),
  plan('running gce vms in asia-east1', 'list', 'instance', {
    providers: GCP,
    regions: ['asia-east1'],
    filters: [RUNNING],
  }),
  plan('terminated compute engine instances', 'list', 'instance', {
    providers: GCP,
    filters: [f('state', 'eq', 'terminated')],
  }),
  plan('gce instances labeled env=prod', 'list', 'instance', {
    providers: GCP,
    filters: [tagEq('env', 'prod')],
  }),
  plan('gce instances without labels', 'list', 'instance', { providers: GCP, filters: [UNTAGGED] }),
  plan('number of gce instances by machine type', 'group', 'instance', { providers: GCP, groupBy: ['type'] }),
  plan('gce instances with max cpu over 95% in the last 30 minutes', 'metrics', 'instance', {
    providers: GCP,
    metric: pct('cpu', 'gt', 95, 'max'),
    timeRange: last(30, 'minute'),
  }),
  plan('lowest cpu gce instances this week', 'metrics', 'instance', {
    providers: GCP,
    metric: top('cpu'),
    sort: [{ field: 'metric', direction: 'asc' }],
    limit: 10,
    timeRange: cal('this_week'),
  }),
  plan('idle gce instances in project analytics', 'metrics', 'instance', {
    providers: GCP,
    accounts: ['analytics'],
    metric: pct('cpu', 'lt', 5),
    timeRange: last(7, 'day'),
  }),
  plan('persistent disks not attached in us-central1', 'list', 'volume', {
    providers: GCP,
    regions: ['us-central1'],
    filters: [UNATTACHED],
  }),
  plan('unencrypted persistent disks', 'list', 'volume', { providers: GCP, filters: [UNENCRYPTED] }),
  plan('pd-balanced disks larger than 500 GB', 'list', 'volume', {
    providers: GCP,
    filters: [f('volume_type', 'eq', 'pd-balanced'), f('size_gb', 'gt', 500)],
  }),
  plan('cloud sql mysql instances that are publicly accessible', 'list', 'database', {
    providers: GCP,
    filters: [engine('mysql'), PUBLIC],
  }),
  plan('count cloud sql instances by engine', 'group', 'database', { providers: GCP, groupBy: ['engine'] }),
  plan('cloud functions with python 3.7 runtime', 'list', 'function', {
    providers: GCP,
    filters: [runtime('python3.7')],
  }),
  plan('how many cloud functions per region', 'group', 'function', { providers: GCP, groupBy: ['region'] }),
  plan('gcs buckets without versioning', 'list', 'bucket', { providers: GCP, filters: [VERSIONING_OFF] }),
  plan('gcs buckets in coldline storage class in project media', 'list', 'bucket', {
    providers: GCP,
    accounts: ['media'],
    filters: [f('storage_class', 'eq', 'coldline')],
  }),
  plan('gcs buckets deleted yesterday', 'audit', 'bucket', {
    providers: GCP,
    audit: ['delete'],
    timeRange: cal('yesterday'),
  }),
  plan('persistent disks created in the last 3 days', 'audit', 'volume', {
    providers: GCP,
    audit: ['create'],
    timeRange: last(3, 'day'),
  }),
  // More multi-cloud
  plan('count disks by provider', 'group', 'volume', { groupBy: ['provider'] }),
  plan('all unattached volumes in every cloud in EU regions', 'list', 'volume', {
    providers: ALL,
    regionGroups: ['eu'],
    filters: [UNATTACHED],
  }),
  plan('how many public buckets do we have across all clouds', 'count', 'bucket', {
    providers: ALL,
    filters: [PUBLIC],
  }),
  plan('databases grouped by provider and engine', 'group', 'database', { groupBy: ['provider', 'engine'] }),
  plan('vms in asia regions across all clouds', 'list', 'instance', {
    providers: ALL,
    regionGroups: ['asia'],
  }),
  plan('running vms in us regions on aws and gcp', 'list', 'instance', {
    providers: ['aws', 'gcp'],
    regionGroups: ['us'],
    filters: [RUNNING],
  }),
  plan('vms in Singapore on azure and gcp', 'list', 'instance', {
    providers: ['azure', 'gcp'],
    regions: ['southeastasia', 'asia-southeast1'],
  }),
  plan('instances created yesterday on every cloud', 'audit', 'instance', {
    providers: ALL,
    audit: ['create'],
    timeRange: cal('yesterday'),
  }),
  plan('vms with p99 cpu above 95% over the last 6 hours across clouds', 'metrics', 'instance', {
    providers: ALL,
    metric: pct('cpu', 'gt', 95, 'p99'),
    timeRange: last(6, 'hour'),
  }),
  plan('buckets with versioning disabled on aws and gcp', 'list', 'bucket', {
    providers: ['aws', 'gcp'],
    filters: [VERSIONING_OFF],
  }),
  plan('functions on deprecated runtimes per provider', 'group', 'function', {
    filters: [DEPRECATED],
    groupBy: ['provider'],
  }),
  plan('vms without an owner tag grouped by cloud', 'group', 'instance', {
    filters: [tagMissing('owner')],
    groupBy: ['provider'],
  }),
  plan('unencrypted databases on any cloud', 'list', 'database', { providers: ALL, filters: [UNENCRYPTED] }),
  plan('stopped vms older than 30 days across all clouds', 'list', 'instance', {
    providers: ALL,
    filters: [STOPPED, f('launch_time', 'lt', 'now-30d')],
  }),
  plan('postgres databases in aws and gcp', 'list', 'database', {
    providers: ['aws', 'gcp'],
    filters: [engine('postgres')],
  }),
  plan('Windows VMs with public IPs on Azure', 'list', 'instance', {
    providers: AZURE,
    filters: [WINDOWS, PUBLIC_IP],
  }),
  plan('vms in Frankfurt on gcp', 'list', 'instance', { providers: GCP, regions: ['europe-west3'] }),
  // Metric values of every matching resource, highest first (a named statistic, no threshold)
  plan('average memory usage of my Azure VMs last hour', 'metrics', 'instance', {
    providers: AZURE,
    metric: top('memory'),
    sort: [{ field: 'metric', direction: 'desc' }],
    timeRange: last(1, 'hour'),
  }),
  plan('max cpu of gcp instances in the last 6 hours', 'metrics', 'instance', {
    providers: GCP,
    metric: top('cpu', 'max'),
    sort: [{ field: 'metric', direction: 'desc' }],
    timeRange: last(6, 'hour'),
  }),
  plan('show the p95 cpu of running vms across all clouds today', 'metrics', 'instance', {
    providers: ALL,
    filters: [RUNNING],
    metric: top('cpu', 'p95'),
    sort: [{ field: 'metric', direction: 'desc' }],
    timeRange: cal('today'),
  }),
  // Not guessable
  unknown('EC2 instances in West Europe on Azure'),
  unknown('vms with high utilization on azure'),
];
