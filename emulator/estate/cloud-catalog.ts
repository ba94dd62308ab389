import type { EstateAuditEvent, Provider } from './model.js';

/**
 * The native vocabulary of the three clouds that the estate generator draws from: regions and
 * zones, instance types, images, runtimes, database engines, volume types and states. Values are
 * real identifiers (as of 2025), so wire handlers can put them on the wire unchanged.
 */

/** A value with a relative weight, for `Random.weighted`. */
export type Weighted<T> = readonly (readonly [value: T, weight: number])[];

/** A region of the catalog with its zones and the short code used in resource names. */
export interface CatalogRegion {
  readonly name: string;
  /** Short code used in names (`use1`, `weu`, `usc1`). */
  readonly short: string;
  readonly zones: readonly string[];
}

/** What kind of load an application puts on its instances; drives the instance type. */
export type WorkloadRole = 'small' | 'general' | 'compute' | 'memory' | 'gpu';

/** The providers in their canonical (sorted) order. */
export const PROVIDERS: readonly Provider[] = ['aws', 'azure', 'gcp'];

function awsZones(region: string, letters: string): readonly string[] {
  return letters.split('').map((letter) => `${region}${letter}`);
}

function gcpZones(region: string, letters: string): readonly string[] {
  return letters.split('').map((letter) => `${region}-${letter}`);
}

/** Regions known to the generator, per provider. */
export const CATALOG_REGIONS: Readonly<Record<Provider, readonly CatalogRegion[]>> = {
  aws: [
    { name: 'us-east-1', short: 'use1', zones: awsZones('us-east-1', 'abcdef') },
    { name: 'us-west-2', short: 'usw2', zones: awsZones('us-west-2', 'abcd') },
    { name: 'eu-west-1', short: 'euw1', zones: awsZones('eu-west-1', 'abc') },
    { name: 'ap-southeast-1', short: 'apse1', zones: awsZones('ap-southeast-1', 'abc') },
    { name: 'eu-central-1', short: 'euc1', zones: awsZones('eu-central-1', 'abc') },
  ],
  azure: [
    { name: 'eastus', short: 'eus', zones: ['1', '2', '3'] },
    { name: 'westeurope', short: 'weu', zones: ['1', '2', '3'] },
    { name: 'southeastasia', short: 'sea', zones: ['1', '2', '3'] },
    { name: 'northeurope', short: 'neu', zones: ['1', '2', '3'] },
  ],
  gcp: [
    { name: 'us-central1', short: 'usc1', zones: gcpZones('us-central1', 'abcf') },
    { name: 'europe-west1', short: 'euw1', zones: gcpZones('europe-west1', 'bcd') },
    { name: 'asia-east1', short: 'ase1', zones: gcpZones('asia-east1', 'abc') },
    { name: 'us-east1', short: 'use1', zones: gcpZones('us-east1', 'bcd') },
  ],
};

/** The catalog entry of a region, or `undefined` for regions the generator does not know. */
export function findCatalogRegion(provider: Provider, name: string): CatalogRegion | undefined {
  return CATALOG_REGIONS[provider].find((region) => region.name === name);
}

/** Instance types per provider and workload role. */
export const INSTANCE_TYPES: Readonly<Record<Provider, Readonly<Record<WorkloadRole, Weighted<string>>>>> = {
  aws: {
    small: [
      ['t3.micro', 3],
      ['t3.small', 3],
      ['t3.medium', 2],
      ['t4g.small', 1],
    ],
    general: [
      ['t3.medium', 2],
      ['t3.large', 3],
      ['m5.large', 3],
      ['m5.xlarge', 3],
      ['m6i.large', 2],
      ['m6i.2xlarge', 2],
      ['m7g.xlarge', 1],
    ],
    compute: [
      ['c5.xlarge', 3],
      ['c5.2xlarge', 2],
      ['c5.4xlarge', 2],
      ['c6i.4xlarge', 1],
      ['c7g.2xlarge', 1],
    ],
    memory: [
      ['r5.large', 2],
      ['r5.xlarge', 3],
      ['r5.2xlarge', 2],
      ['r6i.4xlarge', 1],
      ['x2iedn.xlarge', 0.2],
    ],
    gpu: [
      ['g4dn.xlarge', 4],
      ['g5.2xlarge', 2],
      ['p3.2xlarge', 1],
    ],
  },
  azure: {
    small: [
      ['Standard_B1s', 2],
      ['Standard_B2s', 3],
      ['Standard_B1ms', 2],
    ],
    general: [
      ['Standard_D2s_v3', 3],
      ['Standard_D4s_v3', 3],
      ['Standard_D4s_v5', 3],
      ['Standard_D8s_v5', 1],
      ['Standard_D2as_v5', 2],
    ],
    compute: [
      ['Standard_F4s_v2', 3],
      ['Standard_F8s_v2', 2],
      ['Standard_F16s_v2', 1],
    ],
    memory: [
      ['Standard_E4s_v3', 3],
      ['Standard_E8s_v5', 2],
      ['Standard_E16s_v3', 1],
    ],
    gpu: [
      ['Standard_NC4as_T4_v3', 3],
      ['Standard_NC6s_v3', 1],
    ],
  },
  gcp: {
    small: [
      ['e2-micro', 2],
      ['e2-small', 2],
      ['e2-medium', 3],
    ],
    general: [
      ['e2-standard-2', 3],
      ['e2-standard-4', 3],
      ['n2-standard-4', 3],
      ['n2-standard-8', 2],
      ['n2d-standard-4', 1],
    ],
    compute: [
      ['c2-standard-8', 2],
      ['c2-standard-16', 1],
      ['c2d-standard-8', 1],
    ],
    memory: [
      ['n2-highmem-4', 2],
      ['n2d-highmem-4', 2],
      ['n2-highmem-8', 1],
      ['e2-highmem-4', 2],
    ],
    gpu: [
      ['n1-standard-8', 2],
      ['g2-standard-8', 2],
      ['a2-highgpu-1g', 1],
    ],
  },
};

/** Native instance states with their weights in a production account (dev accounts stop more). */
export const INSTANCE_STATES: Readonly<Record<Provider, Weighted<string>>> = {
  aws: [
    ['running', 85],
    ['stopped', 10],
    ['pending', 1],
    ['stopping', 1],
    ['shutting-down', 0.5],
    ['terminated', 2.5],
  ],
  azure: [
    ['running', 84],
    ['stopped', 5],
    ['deallocated', 8],
    ['starting', 1],
    ['stopping', 0.5],
    ['deallocating', 1.5],
  ],
  gcp: [
    ['RUNNING', 86],
    ['TERMINATED', 10],
    ['STAGING', 1],
    ['PROVISIONING', 1],
    ['STOPPING', 1],
    ['SUSPENDED', 1],
  ],
};

/** Every native instance state the model allows, per provider (see `EstateInstance.state`). */
export const NATIVE_INSTANCE_STATES: Readonly<Record<Provider, readonly string[]>> = {
  aws: ['pending', 'running', 'stopping', 'stopped', 'shutting-down', 'terminated'],
  azure: ['starting', 'running', 'stopping', 'stopped', 'deallocating', 'deallocated'],
  gcp: [
    'PROVISIONING',
    'STAGING',
    'RUNNING',
    'STOPPING',
    'SUSPENDING',
    'SUSPENDED',
    'REPAIRING',
    'TERMINATED',
  ],
};

/** States in which an instance runs (or is about to), per provider. */
export const RUNNING_STATES: ReadonlySet<string> = new Set([
  'running',
  'pending',
  'starting',
  'RUNNING',
  'STAGING',
  'PROVISIONING',
]);

/** States reached by a recent transition; their timestamps sit minutes before the anchor. */
export const TRANSITIONAL_STATES: ReadonlySet<string> = new Set([
  'pending',
  'stopping',
  'shutting-down',
  'starting',
  'deallocating',
  'STAGING',
  'PROVISIONING',
  'STOPPING',
]);

/** Azure VM images (`publisher:offer:sku:version`) and GCP source images, per platform. */
export const IMAGES: Readonly<
  Record<'azure' | 'gcp', Readonly<Record<'linux' | 'windows', Weighted<string>>>>
> = {
  azure: {
    linux: [
      ['Canonical:ubuntu-24_04-lts:server:latest', 4],
      ['Canonical:0001-com-ubuntu-server-jammy:22_04-lts-gen2:latest', 3],
      ['RedHat:RHEL:9-lvm-gen2:latest', 1],
      ['Debian:debian-12:12-gen2:latest', 1],
    ],
    windows: [
      ['MicrosoftWindowsServer:WindowsServer:2022-datacenter-azure-edition:latest', 3],
      ['MicrosoftWindowsServer:WindowsServer:2019-datacenter-gensecond:latest', 1],
    ],
  },
  gcp: {
    linux: [
      ['projects/debian-cloud/global/images/debian-12-bookworm-v20251014', 4],
      ['projects/ubuntu-os-cloud/global/images/ubuntu-2404-noble-amd64-v20251001', 3],
      ['projects/cos-cloud/global/images/cos-117-18613-75-37', 1],
      ['projects/rocky-linux-cloud/global/images/rocky-linux-9-v20250912', 1],
    ],
    windows: [['projects/windows-cloud/global/images/windows-server-2022-dc-v20251015', 1]],
  },
};

/** A function runtime with its deprecation status and a typical handler / entry point. */
export interface CatalogRuntime {
  readonly runtime: string;
  readonly deprecated: boolean;
  readonly handler: string;
}

/** Serverless runtimes, current and deprecated, per provider, weighted. */
export const RUNTIMES: Readonly<Record<Provider, Weighted<CatalogRuntime>>> = {
  aws: [
    [{ runtime: 'python3.12', deprecated: false, handler: 'app.lambda_handler' }, 14],
    [{ runtime: 'python3.13', deprecated: false, handler: 'app.lambda_handler' }, 8],
    [{ runtime: 'python3.11', deprecated: false, handler: 'handler.main' }, 5],
    [{ runtime: 'nodejs20.x', deprecated: false, handler: 'index.handler' }, 14],
    [{ runtime: 'nodejs22.x', deprecated: false, handler: 'index.handler' }, 10],
    [{ runtime: 'java21', deprecated: false, handler: 'com.acme.Handler::handleRequest' }, 5],
    [{ runtime: 'provided.al2023', deprecated: false, handler: 'bootstrap' }, 5],
    [{ runtime: 'python3.7', deprecated: true, handler: 'app.lambda_handler' }, 3],
    [{ runtime: 'python3.8', deprecated: true, handler: 'app.lambda_handler' }, 4],
    [{ runtime: 'nodejs14.x', deprecated: true, handler: 'index.handler' }, 3],
    [{ runtime: 'nodejs16.x', deprecated: true, handler: 'index.handler' }, 4],
    [{ runtime: 'go1.x', deprecated: true, handler: 'main' }, 3],
    [{ runtime: 'ruby2.7', deprecated: true, handler: 'function.handler' }, 2],
  ],
  azure: [
    [{ runtime: 'PYTHON|3.11', deprecated: false, handler: 'function_app.py' }, 14],
    [{ runtime: 'PYTHON|3.12', deprecated: false, handler: 'function_app.py' }, 6],
    [{ runtime: 'NODE|20', deprecated: false, handler: 'src/functions/index.js' }, 14],
    [{ runtime: 'NODE|22', deprecated: false, handler: 'src/functions/index.js' }, 6],
    [{ runtime: 'DOTNET-ISOLATED|8.0', deprecated: false, handler: 'Functions.dll' }, 10],
    [{ runtime: 'JAVA|17', deprecated: false, handler: 'com.acme.Function' }, 4],
    [{ runtime: 'PYTHON|3.7', deprecated: true, handler: '__init__.py' }, 3],
    [{ runtime: 'PYTHON|3.8', deprecated: true, handler: '__init__.py' }, 2],
    [{ runtime: 'NODE|14', deprecated: true, handler: 'index.js' }, 3],
    [{ runtime: 'DOTNETCORE|3.1', deprecated: true, handler: 'Functions.dll' }, 2],
  ],
  gcp: [
    [{ runtime: 'python312', deprecated: false, handler: 'handle_event' }, 14],
    [{ runtime: 'python311', deprecated: false, handler: 'handle_event' }, 6],
    [{ runtime: 'nodejs20', deprecated: false, handler: 'handleEvent' }, 14],
    [{ runtime: 'nodejs22', deprecated: false, handler: 'handleEvent' }, 8],
    [{ runtime: 'go122', deprecated: false, handler: 'HandleEvent' }, 5],
    [{ runtime: 'java21', deprecated: false, handler: 'com.acme.Function' }, 4],
    [{ runtime: 'python37', deprecated: true, handler: 'handle_event' }, 3],
    [{ runtime: 'python38', deprecated: true, handler: 'handle_event' }, 3],
    [{ runtime: 'nodejs14', deprecated: true, handler: 'handleEvent' }, 3],
    [{ runtime: 'nodejs12', deprecated: true, handler: 'handleEvent' }, 2],
    [{ runtime: 'go113', deprecated: true, handler: 'HandleEvent' }, 2],
  ],
};

/** A database engine with its versions and instance classes. */
export interface CatalogEngine {
  readonly engine: string;
  /** Short form used in database names (`pg`, `mysql`). */
  readonly short: string;
  readonly versions: readonly string[];
  readonly classes: readonly string[];
}

/** Managed database engines per provider, weighted. */
export const DATABASE_ENGINES: Readonly<Record<Provider, Weighted<CatalogEngine>>> = {
  aws: [
    [
      {
        engine: 'postgres',
        short: 'pg',
        versions: ['16.4', '15.8', '14.13', '13.16', '11.22'],
        classes: ['db.t3.medium', 'db.t4g.large', 'db.m5.large', 'db.r6g.xlarge', 'db.r5.2xlarge'],
      },
      30,
    ],
    [
      {
        engine: 'mysql',
        short: 'mysql',
        versions: ['8.0.39', '8.0.35', '5.7.44'],
        classes: ['db.t3.medium', 'db.t3.large', 'db.m5.large', 'db.r5.large'],
      },
      22,
    ],
    [
      {
        engine: 'aurora-postgresql',
        short: 'aurora-pg',
        versions: ['15.4', '16.2', '13.12'],
        classes: ['db.r6g.large', 'db.r6g.xlarge', 'db.r5.2xlarge'],
      },
      15,
    ],
    [
      {
        engine: 'aurora-mysql',
        short: 'aurora-mysql',
        versions: ['8.0.mysql_aurora.3.07.1', '5.7.mysql_aurora.2.11.5'],
        classes: ['db.r6g.large', 'db.r5.xlarge'],
      },
      12,
    ],
    [
      {
        engine: 'mariadb',
        short: 'mariadb',
        versions: ['10.11.9', '10.6.19'],
        classes: ['db.t3.medium', 'db.m5.large'],
      },
      8,
    ],
    [
      {
        engine: 'sqlserver-se',
        short: 'mssql',
        versions: ['15.00.4385.2.v1', '16.00.4140.3.v1'],
        classes: ['db.m5.xlarge', 'db.r5.xlarge'],
      },
      8,
    ],
  ],
  azure: [
    [
      {
        engine: 'sqlserver',
        short: 'sql',
        versions: ['12.0'],
        classes: ['GP_Gen5_2', 'GP_Gen5_4', 'GP_S_Gen5_2', 'BC_Gen5_8', 'S0', 'S3', 'P1'],
      },
      1,
    ],
  ],
  gcp: [
    [
      {
        engine: 'POSTGRES_15',
        short: 'pg',
        versions: ['15.8'],
        classes: ['db-custom-2-7680', 'db-custom-4-15360', 'db-g1-small'],
      },
      30,
    ],
    [
      {
        engine: 'POSTGRES_16',
        short: 'pg',
        versions: ['16.4'],
        classes: ['db-custom-2-7680', 'db-perf-optimized-N-4'],
      },
      10,
    ],
    [
      {
        engine: 'POSTGRES_14',
        short: 'pg',
        versions: ['14.13'],
        classes: ['db-custom-2-7680', 'db-n1-standard-2'],
      },
      8,
    ],
    [
      {
        engine: 'MYSQL_8_0',
        short: 'mysql',
        versions: ['8.0.37'],
        classes: ['db-n1-standard-2', 'db-custom-4-15360', 'db-f1-micro'],
      },
      25,
    ],
    [
      {
        engine: 'MYSQL_5_7',
        short: 'mysql',
        versions: ['5.7.44'],
        classes: ['db-n1-standard-1', 'db-g1-small'],
      },
      6,
    ],
    [
      {
        engine: 'SQLSERVER_2019_STANDARD',
        short: 'mssql',
        versions: ['15.0.4385.2'],
        classes: ['db-custom-4-15360'],
      },
      8,
    ],
  ],
};

/** Database statuses per provider, weighted. */
export const DATABASE_STATUSES: Readonly<Record<Provider, Weighted<string>>> = {
  aws: [
    ['available', 88],
    ['stopped', 7],
    ['backing-up', 2],
    ['modifying', 1],
    ['storage-full', 1],
    ['rebooting', 1],
  ],
  azure: [
    ['Online', 88],
    ['Paused', 6],
    ['Offline', 2],
    ['Scaling', 1],
    ['Restoring', 1],
    ['Disabled', 2],
  ],
  gcp: [
    ['RUNNABLE', 89],
    ['STOPPED', 5],
    ['SUSPENDED', 2],
    ['MAINTENANCE', 2],
    ['PENDING_CREATE', 1],
    ['FAILED', 1],
  ],
};

/** Volume types per provider for boot and data disks, weighted. */
export const VOLUME_TYPES: Readonly<Record<Provider, Readonly<Record<'boot' | 'data', Weighted<string>>>>> = {
  aws: {
    boot: [
      ['gp3', 80],
      ['gp2', 20],
    ],
    data: [
      ['gp3', 50],
      ['gp2', 15],
      ['io2', 10],
      ['st1', 10],
      ['sc1', 5],
    ],
  },
  azure: {
    boot: [
      ['Premium_LRS', 50],
      ['StandardSSD_LRS', 40],
      ['Standard_LRS', 10],
    ],
    data: [
      ['Premium_LRS', 45],
      ['StandardSSD_LRS', 25],
      ['Standard_LRS', 15],
      ['PremiumV2_LRS', 10],
      ['UltraSSD_LRS', 5],
    ],
  },
  gcp: {
    boot: [
      ['pd-balanced', 70],
      ['pd-ssd', 15],
      ['pd-standard', 15],
    ],
    data: [
      ['pd-balanced', 50],
      ['pd-ssd', 20],
      ['pd-standard', 20],
      ['hyperdisk-balanced', 10],
    ],
  },
};

/** Bucket storage classes (S3), SKUs (Azure storage accounts), storage classes (GCS), weighted. */
export const STORAGE_CLASSES: Readonly<Record<Provider, Weighted<string>>> = {
  aws: [
    ['STANDARD', 70],
    ['INTELLIGENT_TIERING', 15],
    ['STANDARD_IA', 10],
    ['GLACIER', 5],
  ],
  azure: [
    ['Standard_LRS', 40],
    ['Standard_GRS', 25],
    ['Standard_RAGRS', 15],
    ['Standard_ZRS', 12],
    ['Premium_LRS', 8],
  ],
  gcp: [
    ['STANDARD', 60],
    ['NEARLINE', 20],
    ['COLDLINE', 12],
    ['ARCHIVE', 8],
  ],
};

/** Leading octets of public IPv4 ranges each provider really owns. */
export const PUBLIC_IP_PREFIXES: Readonly<Record<Provider, readonly number[]>> = {
  aws: [3, 18, 34, 44, 52, 54],
  azure: [20, 40, 51, 52, 104, 137],
  gcp: [34, 35, 104, 130, 146],
};

/** Resource kinds audit events are generated for. */
export type AuditResourceKind = 'instance' | 'volume';

/** Audit event sources (CloudTrail eventSource, Azure resource provider, GCP service). */
export const AUDIT_SOURCES: Readonly<Record<Provider, string>> = {
  aws: 'ec2.amazonaws.com',
  azure: 'Microsoft.Compute',
  gcp: 'compute.googleapis.com',
};

/** Audit resource types per provider and kind. */
export const AUDIT_RESOURCE_TYPES: Readonly<Record<Provider, Readonly<Record<AuditResourceKind, string>>>> = {
  aws: { instance: 'AWS::EC2::Instance', volume: 'AWS::EC2::Volume' },
  azure: { instance: 'Microsoft.Compute/virtualMachines', volume: 'Microsoft.Compute/disks' },
  gcp: { instance: 'gce_instance', volume: 'gce_disk' },
};

/**
 * The native operation name of an audit event (`RunInstances`, `Microsoft.Compute/virtualMachines/deallocate/action`,
 * `v1.compute.instances.stop`…); `state` picks the stop variant (deallocate or power off, stop or suspend).
 */
export function auditOperationOf(
  provider: Provider,
  kind: AuditResourceKind,
  action: EstateAuditEvent['action'],
  state?: string,
): string {
  switch (provider) {
    case 'aws':
      if (kind === 'volume') return action === 'delete' ? 'DeleteVolume' : 'CreateVolume';
      return {
        create: 'RunInstances',
        start: 'StartInstances',
        stop: 'StopInstances',
        delete: 'TerminateInstances',
        modify: 'ModifyInstanceAttribute',
      }[action];
    case 'azure': {
      const type = kind === 'volume' ? 'Microsoft.Compute/disks' : 'Microsoft.Compute/virtualMachines';
      if (action === 'create' || action === 'modify') return `${type}/write`;
      if (action === 'delete') return `${type}/delete`;
      if (action === 'start') return `${type}/start/action`;
      return state === 'deallocated' || state === 'deallocating'
        ? `${type}/deallocate/action`
        : `${type}/powerOff/action`;
    }
    case 'gcp': {
      const collection = kind === 'volume' ? 'disks' : 'instances';
      const verb = {
        create: 'insert',
        start: 'start',
        stop: state === 'SUSPENDED' ? 'suspend' : 'stop',
        delete: 'delete',
        modify: 'setMetadata',
      }[action];
      return `v1.compute.${collection}.${verb}`;
    }
  }
}
