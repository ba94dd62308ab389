/**
 * The emulator's estate: everything that "exists" in the three emulated clouds.
 *
 * The estate is the single source of truth for every wire handler (AWS, Azure, GCP). It is built
 * once (from a seed and a size preset, or loaded from a JSON/YAML file), then never mutated:
 * mutating API calls are recorded and refused. Field values use each cloud's *native* vocabulary
 * (an AWS instance state is `running`, an Azure power state is `deallocated`, a GCP status is
 * `TERMINATED`), so handlers can put them on the wire unchanged.
 *
 * All times are ISO-8601 UTC strings with millisecond precision (`2026-11-25T00:00:00.000Z`).
 */

/** A cloud provider. */
export type Provider = 'aws' | 'azure' | 'gcp';

/** Tags (AWS), tags (Azure) or labels (GCP). Key order is insertion order and is kept on the wire. */
export type Tags = Record<string, string>;

/**
 * A deterministic metric pattern. Values are computed on demand from the pattern and the
 * timestamp (see `metricValueAt` in `metrics.ts`), so the estate holds no per-point data.
 * - `idle`: low flat load with small noise (e.g. 0.5–5 % CPU),
 * - `busy`: high load (e.g. 60–95 % CPU) with a daily wave,
 * - `spiky`: moderate load with short spikes,
 * - `steady`: medium load with small noise.
 */
export interface MetricPattern {
  readonly kind: 'idle' | 'busy' | 'spiky' | 'steady';
  /** Mean level: percent for CPU/memory, bytes per second for network. */
  readonly base: number;
  /** Wave or spike amplitude in the same unit as `base`. */
  readonly amplitude: number;
  /** Phase offset in minutes, so that not every resource peaks at once. */
  readonly phaseMinutes: number;
  /** Seed for the per-point noise. */
  readonly noiseSeed: number;
  /**
   * Unit of `base` and `amplitude`; it decides clamping: `percent` values stay within [0, 100],
   * `bytesPerSecond` values are only kept ≥ 0. Absent means `percent`. (Optional field added so that
   * `metricValueAt(pattern, t)` can clamp correctly without being told which metric it computes;
   * the generator sets it on network patterns.)
   */
  readonly unit?: 'percent' | 'bytesPerSecond';
}

/** Metric patterns of a compute instance. Network values are bytes per second. */
export interface InstanceMetrics {
  readonly cpu: MetricPattern;
  readonly memory: MetricPattern;
  readonly networkIn: MetricPattern;
  readonly networkOut: MetricPattern;
}

/** An AWS account, Azure subscription or GCP project. */
export interface EstateAccount {
  readonly provider: Provider;
  /** AWS: 12-digit account id; Azure: subscription GUID; GCP: project id (e.g. `payments-prod-123`). */
  readonly id: string;
  /** Human name: AWS account alias, Azure subscription display name, GCP project name. */
  readonly name: string;
  /** GCP only: the numeric project number. */
  readonly number?: string;
  /** Regions (AWS region codes, Azure locations, GCP regions) where this account has resources. */
  readonly regions: readonly string[];
  /** Environment label used by names and tags: `prod`, `staging`, `dev`, ... */
  readonly environment: string;
}

/** One region of a provider, with its zones. */
export interface EstateRegion {
  readonly provider: Provider;
  /** `us-east-1`, `westeurope`, `europe-west1`. */
  readonly name: string;
  /** AWS: `us-east-1a`…; Azure: `1`,`2`,`3`; GCP: `europe-west1-b`… */
  readonly zones: readonly string[];
}

/** A compute instance: EC2 instance, Azure VM, GCE instance. */
export interface EstateInstance {
  readonly provider: Provider;
  /** AWS: `i-0abc…` (17 hex); Azure: the VM's ARM resource id; GCP: numeric id as a decimal string. */
  readonly id: string;
  /** AWS: value of the `Name` tag (may be empty when the tag is missing); Azure/GCP: resource name. */
  readonly name: string;
  readonly account: string;
  readonly region: string;
  /** AWS: AZ (`us-east-1a`); Azure: zone (`1`) or empty when not zonal; GCP: zone (`europe-west1-b`). */
  readonly zone: string;
  /** Azure only: resource group name. */
  readonly resourceGroup?: string;
  /** `t3.micro`, `Standard_D2s_v3`, `e2-medium`. */
  readonly type: string;
  /**
   * Native state. AWS: pending|running|stopping|stopped|shutting-down|terminated.
   * Azure (power state code suffix): starting|running|stopping|stopped|deallocating|deallocated.
   * GCP: PROVISIONING|STAGING|RUNNING|STOPPING|SUSPENDED|TERMINATED.
   */
  readonly state: string;
  /** AWS LaunchTime (last start), Azure instance view status time, GCP lastStartTimestamp. */
  readonly launchTime: string;
  /** When the resource was created (AWS: not exposed by DescribeInstances; visible via CloudTrail). */
  readonly createdTime: string;
  readonly privateIp: string;
  /** Public IP, absent when none. */
  readonly publicIp?: string;
  readonly platform: 'linux' | 'windows';
  /** AMI id, Azure image reference (`Canonical:ubuntu-24_04-lts:server:latest`), GCP source image. */
  readonly imageId: string;
  /** AWS: detailed monitoring enabled; Azure: boot diagnostics enabled; GCP: ops agent label present. */
  readonly monitoring: boolean;
  readonly tags: Tags;
  /** Ids of attached volumes/disks, boot disk first. */
  readonly volumeIds: readonly string[];
  readonly metrics: InstanceMetrics;
}

/** A block volume: EBS volume, Azure managed disk, GCE persistent disk. */
export interface EstateVolume {
  readonly provider: Provider;
  /** AWS: `vol-0abc…`; Azure: ARM resource id; GCP: numeric id as a decimal string. */
  readonly id: string;
  readonly name: string;
  readonly account: string;
  readonly region: string;
  readonly zone: string;
  readonly resourceGroup?: string;
  readonly sizeGb: number;
  /** `gp3`, `io2`, `st1`…; `Premium_LRS`, `StandardSSD_LRS`…; `pd-balanced`, `pd-ssd`… */
  readonly volumeType: string;
  /** Instance id it is attached to, absent when unattached. */
  readonly attachedTo?: string;
  /** Device name when attached (`/dev/xvda`, `sdb`…). */
  readonly device?: string;
  readonly encrypted: boolean;
  /** Customer-managed key id when encrypted with one. */
  readonly kmsKeyId?: string;
  readonly createdTime: string;
  readonly tags: Tags;
  readonly iops?: number;
}

/** A serverless function: Lambda function, Azure function app, Cloud Function. */
export interface EstateFunction {
  readonly provider: Provider;
  /** AWS: function ARN; Azure: ARM id of the site; GCP: `projects/{p}/locations/{r}/functions/{name}`. */
  readonly id: string;
  /** Function name (AWS FunctionName, Azure site name, GCP short name). */
  readonly name: string;
  readonly account: string;
  readonly region: string;
  readonly resourceGroup?: string;
  /** AWS runtime id (`python3.12`, `nodejs20.x`, `python3.7`), GCP runtime (`python312`), Azure `PYTHON|3.11`. */
  readonly runtime: string;
  /** True when the provider has deprecated the runtime. */
  readonly runtimeDeprecated: boolean;
  readonly memoryMb: number;
  readonly timeoutSeconds: number;
  readonly handler: string;
  readonly codeSizeBytes: number;
  readonly lastModified: string;
  readonly createdTime: string;
  /** AWS: Active|Pending|Inactive|Failed; Azure: Running|Stopped; GCP: ACTIVE|FAILED|DEPLOYING. */
  readonly state: string;
  readonly tags: Tags;
  /** Name of the log group that receives this function's logs. */
  readonly logGroup: string;
}

/** A managed database: RDS DB instance, Azure SQL database, Cloud SQL instance. */
export interface EstateDatabase {
  readonly provider: Provider;
  /** AWS: DBInstanceIdentifier; Azure: ARM id of the database; GCP: instance name. */
  readonly id: string;
  readonly name: string;
  readonly account: string;
  readonly region: string;
  readonly zone: string;
  readonly resourceGroup?: string;
  /** Azure only: the logical SQL server name that hosts the database. */
  readonly server?: string;
  /** AWS engine (`mysql`, `postgres`, `aurora-postgresql`…), GCP (`POSTGRES_15`…), Azure `sqlserver`. */
  readonly engine: string;
  readonly engineVersion: string;
  /** `db.t3.medium`, `GP_Gen5_2`, `db-custom-2-7680`. */
  readonly instanceClass: string;
  /** AWS: available|stopped|…; Azure: Online|Paused|…; GCP: RUNNABLE|SUSPENDED|STOPPED… */
  readonly status: string;
  /** AWS MultiAZ, Azure zoneRedundant, GCP availabilityType REGIONAL. */
  readonly multiAz: boolean;
  /** AWS PubliclyAccessible, Azure server publicNetworkAccess Enabled, GCP ipv4Enabled. */
  readonly publiclyAccessible: boolean;
  readonly storageGb: number;
  readonly encrypted: boolean;
  readonly createdTime: string;
  readonly tags: Tags;
}

/** Object storage: S3 bucket, Azure storage account, GCS bucket. */
export interface EstateBucket {
  readonly provider: Provider;
  /** Bucket name (AWS, GCP) or storage account ARM id (Azure). */
  readonly id: string;
  readonly name: string;
  readonly account: string;
  readonly region: string;
  readonly resourceGroup?: string;
  readonly createdTime: string;
  readonly publicAccess: boolean;
  readonly encrypted: boolean;
  readonly versioning: boolean;
  /** GCS storage class / Azure SKU / S3 default storage class. */
  readonly storageClass: string;
  readonly tags: Tags;
}

/** A stream of log lines inside a log group. */
export interface EstateLogStream {
  readonly name: string;
  /** Average number of events per minute. */
  readonly ratePerMinute: number;
  /** Fraction of events that are errors (0–1). */
  readonly errorRatio: number;
  /** Seed for the deterministic event generator. */
  readonly seed: number;
}

/**
 * A log group: CloudWatch Logs group, Log Analytics workspace table slice, Cloud Logging log.
 * Events are generated on demand from the streams (see `logs.ts`).
 */
export interface EstateLogGroup {
  readonly provider: Provider;
  /** AWS: log group name (`/aws/lambda/payments`); Azure: `{workspaceId}/{resource name}`; GCP: log name. */
  readonly id: string;
  readonly name: string;
  readonly account: string;
  readonly region: string;
  readonly createdTime: string;
  readonly retentionDays?: number;
  readonly storedBytes: number;
  /** The resource whose logs these are (function or instance id), when any. */
  readonly resourceId?: string;
  /** `lambda`, `ec2`, `api`, `functionapp`, `vm`, `cloud_function`, `gce_instance`… */
  readonly source: string;
  readonly streams: readonly EstateLogStream[];
}

/** One log event produced by the generator. */
export interface LogEvent {
  /** Milliseconds since the epoch. */
  readonly timestamp: number;
  readonly stream: string;
  readonly message: string;
  readonly level: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
  /** Stable id, unique within the log group. */
  readonly eventId: string;
}

/** An audit event: CloudTrail event, Azure Activity Log entry, GCP admin-activity audit log entry. */
export interface EstateAuditEvent {
  readonly provider: Provider;
  /** Stable unique id (CloudTrail EventId, Azure eventDataId, GCP insertId). */
  readonly id: string;
  readonly account: string;
  readonly region: string;
  readonly time: string;
  /** Normalized verb. */
  readonly action: 'create' | 'start' | 'stop' | 'delete' | 'modify';
  /**
   * Native operation name. AWS: RunInstances|StartInstances|StopInstances|TerminateInstances|CreateVolume|…;
   * Azure: `Microsoft.Compute/virtualMachines/write`|…/deallocate/action|…/delete;
   * GCP: `v1.compute.instances.insert`|…stop|…delete.
   */
  readonly operation: string;
  /** Service/event source: `ec2.amazonaws.com`, `Microsoft.Compute`, `compute.googleapis.com`. */
  readonly source: string;
  /** Who did it (IAM user/role ARN, UPN, service account email). */
  readonly actor: string;
  readonly resourceId: string;
  /** `AWS::EC2::Instance`, `Microsoft.Compute/virtualMachines`, `gce_instance`. */
  readonly resourceType: string;
  readonly resourceName: string;
  /** Azure resource group, when any. */
  readonly resourceGroup?: string;
}

/** Everything that exists in the emulated clouds. Arrays are sorted by (provider, account, region, id). */
export interface Estate {
  /** Seed the estate was generated from; 0 for estates loaded from a file. */
  readonly seed: number;
  /** Preset name (`tiny`, `small`, `medium`, `large`, `xl`) or `file`. */
  readonly size: string;
  /** The estate's "now": creation times, audit events and log windows are laid out before it. */
  readonly anchorTime: string;
  readonly accounts: readonly EstateAccount[];
  readonly regions: readonly EstateRegion[];
  readonly instances: readonly EstateInstance[];
  readonly volumes: readonly EstateVolume[];
  readonly functions: readonly EstateFunction[];
  readonly databases: readonly EstateDatabase[];
  readonly buckets: readonly EstateBucket[];
  readonly logGroups: readonly EstateLogGroup[];
  readonly auditEvents: readonly EstateAuditEvent[];
}
