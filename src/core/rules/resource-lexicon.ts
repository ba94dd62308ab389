import type { LexiconEntry } from './lexicon-entry.js';

/**
 * Resource kinds and their synonyms. Product names also imply a provider (EC2 → aws).
 * Longer phrases win over shorter ones ("RDS instances" is a database, not an instance).
 */
export const RESOURCE_LEXICON: readonly LexiconEntry[] = [
  // Instances
  {
    id: 'RES-EC2',
    en: ['ec2(?:\\s+(?:instances?|vms?|servers?|machines?|hosts?|boxes|nodes?))?', 'amazon ec2'],
    zh: ['ec2\\s*(?:实例|服务器|主机|虚拟机|机器|云主机)'],
    value: { type: 'resource', resource: 'instance', provider: 'aws' },
  },
  {
    id: 'RES-AZURE-VM',
    en: [
      'azure\\s+(?:vms?|virtual machines?|instances?|servers?)',
      'azure compute',
      'vm scale sets?',
      'vmss',
    ],
    zh: [
      'azure\\s*(?:的)?\\s*(?:vms?|虚拟机|实例|服务器|主机)',
      'azure\\s*上的\\s*(?:vms?|虚拟机|实例|服务器|主机)',
    ],
    value: { type: 'resource', resource: 'instance', provider: 'azure' },
  },
  {
    id: 'RES-GCE',
    en: [
      'gce(?:\\s+(?:instances?|vms?|servers?|machines?|hosts?))?',
      '(?:google\\s+)?compute engine(?:\\s+(?:instances?|vms?|servers?|machines?))?',
      'gcp\\s+(?:vms?|virtual machines?|compute instances?)',
    ],
    zh: [
      'gce\\s*(?:实例|虚拟机|服务器|主机)',
      '(?:谷歌云|gcp)\\s*(?:的)?\\s*(?:虚拟机|云主机|实例)',
      'compute engine\\s*(?:实例|虚拟机)',
    ],
    value: { type: 'resource', resource: 'instance', provider: 'gcp' },
  },
  {
    id: 'RES-INSTANCE',
    en: [
      'instances?',
      'vms?',
      'virtual machines?',
      'virtual servers?',
      'servers?',
      'machines?',
      'hosts?',
      'boxes',
      'compute instances?',
    ],
    zh: ['实例', '云服务器', '服务器', '虚拟机', '云主机', '主机', '机器', '虚机'],
    value: { type: 'resource', resource: 'instance' },
  },
  // Volumes
  {
    id: 'RES-EBS',
    en: ['ebs(?:\\s+(?:volumes?|disks?))?', 'elastic block store'],
    zh: ['ebs\\s*(?:卷|磁盘|云盘|存储卷)'],
    value: { type: 'resource', resource: 'volume', provider: 'aws' },
  },
  {
    id: 'RES-MANAGED-DISK',
    en: ['(?:azure\\s+)?managed disks?', 'azure disks?', 'azure volumes?'],
    zh: ['托管磁盘', 'azure\\s*(?:的)?\\s*(?:磁盘|托管磁盘|云盘)'],
    value: { type: 'resource', resource: 'volume', provider: 'azure' },
  },
  {
    id: 'RES-PERSISTENT-DISK',
    en: ['(?:gcp\\s+|google\\s+)?persistent disks?', 'gce disks?', 'gcp disks?', 'gcp volumes?', 'pds'],
    zh: ['持久磁盘', '永久磁盘', '(?:gcp|gce|谷歌云)\\s*(?:的)?\\s*(?:磁盘|云盘)'],
    value: { type: 'resource', resource: 'volume', provider: 'gcp' },
  },
  {
    id: 'RES-VOLUME',
    en: ['volumes?', 'disks?', 'block storage', 'block devices?', 'data disks?'],
    zh: ['存储卷', '数据盘', '系统盘', '云盘', '云硬盘', '硬盘', '磁盘', '卷', '块存储', '(?<!键)盘'],
    value: { type: 'resource', resource: 'volume' },
  },
  // Functions
  {
    id: 'RES-LAMBDA',
    en: ['(?:aws\\s+)?lambdas?(?:\\s+functions?)?', 'lambda fns?'],
    zh: ['lambda\\s*(?:函数|云函数)'],
    value: { type: 'resource', resource: 'function', provider: 'aws' },
  },
  {
    id: 'RES-FUNCTION-APP',
    en: ['(?:azure\\s+)?function apps?', 'azure functions?', 'functionapps?'],
    zh: ['函数应用', 'azure\\s*(?:的)?\\s*函数(?:应用)?'],
    value: { type: 'resource', resource: 'function', provider: 'azure' },
  },
  {
    id: 'RES-CLOUD-FUNCTION',
    en: ['(?:google\\s+|gcp\\s+)?cloud functions?', 'gcf', 'gcp functions?'],
    zh: ['(?:谷歌云|gcp)\\s*(?:的)?\\s*(?:函数|云函数)'],
    value: { type: 'resource', resource: 'function', provider: 'gcp' },
  },
  {
    id: 'RES-FUNCTION',
    en: ['functions?', 'serverless functions?', 'fns', 'serverless'],
    zh: ['云函数', '函数', '无服务器函数'],
    value: { type: 'resource', resource: 'function' },
  },
  // Databases
  {
    id: 'RES-RDS',
    en: ['(?:amazon\\s+)?rds(?:\\s+(?:instances?|databases?|dbs?|db instances?|clusters?))?'],
    zh: ['rds\\s*(?:实例|数据库|数据库实例|集群)'],
    value: { type: 'resource', resource: 'database', provider: 'aws' },
  },
  {
    id: 'RES-AZURE-SQL',
    en: ['azure sql(?:\\s+(?:databases?|dbs?|servers?|instances?))?', 'azure databases?', 'azure dbs?'],
    zh: ['azure\\s*sql\\s*(?:数据库|实例)', 'azure\\s*(?:的)?\\s*数据库'],
    value: { type: 'resource', resource: 'database', provider: 'azure' },
  },
  {
    id: 'RES-CLOUD-SQL',
    en: ['cloud sql(?:\\s+(?:instances?|databases?|dbs?))?', 'gcp databases?', 'gcp dbs?'],
    zh: ['cloud\\s*sql\\s*(?:实例|数据库|数据库实例)', '(?:谷歌云|gcp)\\s*(?:的)?\\s*数据库'],
    value: { type: 'resource', resource: 'database', provider: 'gcp' },
  },
  {
    id: 'RES-DATABASE',
    en: [
      'databases?',
      'dbs?',
      'db instances?',
      'database instances?',
      'database servers?',
      'db servers?',
      'sql databases?',
      'sql instances?',
      'sql servers? databases?',
      'rdbms',
      'db clusters?',
      'database clusters?',
      '(?<=(?:aurora|mysql|postgres|postgresql|mariadb)[- ](?:(?:mysql|postgres(?:ql)?) )?)clusters?',
    ],
    zh: ['数据库实例', '云数据库', '数据库', 'db\\s*实例', 'sql\\s*数据库', '数据库服务器'],
    value: { type: 'resource', resource: 'database' },
  },
  // Buckets
  {
    id: 'RES-S3',
    en: ['(?:amazon\\s+)?s3(?:\\s+(?:buckets?|storage))?'],
    zh: ['s3\\s*(?:存储桶|桶)'],
    value: { type: 'resource', resource: 'bucket', provider: 'aws' },
  },
  {
    id: 'RES-STORAGE-ACCOUNT',
    en: ['(?:azure\\s+)?storage accounts?', 'blob (?:containers?|storage)', 'azure blobs?'],
    zh: ['存储账户', '存储账号', '存储帐户', '存储帐号', 'blob\\s*(?:容器|存储)'],
    value: { type: 'resource', resource: 'bucket', provider: 'azure' },
  },
  {
    id: 'RES-GCS',
    en: ['gcs(?:\\s+buckets?)?', '(?:google\\s+)?cloud storage(?:\\s+buckets?)?', 'gcp buckets?'],
    zh: ['gcs\\s*(?:存储桶|桶)', '(?:谷歌云|gcp)\\s*(?:的)?\\s*(?:存储桶|桶)'],
    value: { type: 'resource', resource: 'bucket', provider: 'gcp' },
  },
  {
    id: 'RES-BUCKET',
    en: ['buckets?', 'object storage', 'object stores?'],
    zh: ['存储桶', '对象存储', '桶'],
    value: { type: 'resource', resource: 'bucket' },
  },
  // Log groups
  {
    id: 'RES-LOG-GROUP',
    en: ['log groups?', 'log-groups?', 'loggroups?'],
    zh: ['日志组', '日志群组', '日志分组'],
    value: { type: 'resource', resource: 'log_group' },
  },
  {
    id: 'RES-LOG-ANALYTICS',
    en: ['log analytics(?:\\s+workspaces?)?'],
    zh: ['log\\s*analytics\\s*(?:工作区)?'],
    value: { type: 'resource', resource: 'log_group', provider: 'azure' },
  },
  {
    id: 'RES-LOG-GROUP-AWS',
    en: ['cloudwatch\\s+logs?\\s*groups?'],
    zh: ['cloudwatch\\s*(?:logs?\\s*)?日志组'],
    value: { type: 'resource', resource: 'log_group', provider: 'aws' },
  },
  // Kinds the agent does not cover: a question about them is refused, never widened to a covered kind
  // ("EKS nodes" must not list every instance). Log searches may still name them ("redis logs").
  ...(
    [
      [
        'RES-UNSUPPORTED-K8S',
        'Kubernetes (EKS, AKS, GKE)',
        ['(?:eks|aks|gke|kubernetes|k8s)(?: clusters?| nodes?| node ?pools?| pods?| workloads?)?', 'pods?'],
        ['(?:k8s|kubernetes|eks|aks|gke)\\s*(?:集群|节点|节点池)?', '容器集群', 'pod'],
      ],
      [
        'RES-UNSUPPORTED-CONTAINERS',
        'container services (ECS, Fargate, Cloud Run, Container Apps)',
        [
          'ecs(?: services?| clusters?| tasks?)?',
          'fargate(?: tasks?)?',
          'cloud run(?: services?| jobs?)?',
          'container apps?',
          'containers?',
        ],
        ['容器(?:服务|实例)?'],
      ],
      [
        'RES-UNSUPPORTED-NETWORK',
        'network resources (VPCs, subnets, load balancers, security groups, IPs)',
        [
          'vpcs?',
          'vnets?',
          'virtual networks?',
          'subnets?',
          'load ?balancers?',
          'elbs?',
          'albs?',
          'nlbs?',
          'security groups?',
          'sgs',
          'nsgs?',
          'firewall rules?',
          'elastic ips?',
          'eips?',
          'nat gateways?',
          'route tables?',
          'cloudfront(?: distributions?)?',
          'cdn',
          'route ?53',
          'dns zones?',
        ],
        ['负载均衡(?:器)?', '安全组', '子网', '弹性\\s*ip', '私有网络', '虚拟网络', '防火墙规则'],
      ],
      [
        'RES-UNSUPPORTED-DATA',
        'this data service (DynamoDB, Cosmos DB, caches, queues)',
        [
          'dynamo ?db(?: tables?)?',
          'cosmos ?db',
          'elasticache',
          'memorystore',
          'redis(?: clusters?| caches?)?',
          'sqs(?: queues?)?',
          'sns(?: topics?)?',
          'pub ?sub(?: topics?)?',
          'kinesis(?: streams?)?',
          'event ?hubs?',
          'service ?bus',
          'bigquery(?: datasets?)?',
          'redshift(?: clusters?)?',
          'queues?',
        ],
        ['队列', '缓存(?:集群)?', '消息队列'],
      ],
      [
        'RES-UNSUPPORTED-IMAGES',
        'snapshots and images',
        ['(?:ebs |disk |volume )?snapshots?', 'amis?', 'machine images?', 'vm images?'],
        ['快照', '镜像'],
      ],
      [
        'RES-UNSUPPORTED-IAM',
        'identities and secrets (IAM, Key Vault, Secret Manager)',
        [
          'iam (?:users?|roles?|policies|groups?)',
          'service accounts?',
          'access keys?',
          'key vaults?',
          'secrets?(?: manager)?',
          'kms keys?',
          'certificates?',
        ],
        ['iam\\s*(?:用户|角色|策略)', '密钥', '证书', '服务账号'],
      ],
      [
        'RES-UNSUPPORTED-APPS',
        'app hosting (App Service web apps, App Engine, Elastic Beanstalk)',
        ['app services?', 'web apps?', 'app engine', 'elastic beanstalk', 'api gateways?', 'step functions?'],
        [],
      ],
      [
        'RES-UNSUPPORTED-SCALING',
        'auto scaling groups and scale sets',
        [
          'auto ?scaling groups?',
          'asgs?',
          'scale sets?',
          'vmss',
          'instance groups?',
          'managed instance groups?',
        ],
        ['伸缩组', '弹性伸缩组', '规模集'],
      ],
    ] as const
  ).map(([id, what, en, zh]): LexiconEntry => ({
    id,
    en: [...en],
    ...(zh.length > 0 ? { zh: [...zh] } : {}),
    value: {
      type: 'unsupported',
      what: `${what} (covered: instances, volumes, functions, databases, buckets, log groups)`,
    },
  })),
];
