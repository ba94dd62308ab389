import { EnumTable, type EnumSpec } from './gcp-json.js';

/**
 * Proto enum numbers of the fields the emulator renders, for clients that ask for
 * `$alt=json;enum-encoding=int`. Copied from the googleapis protos; `gcp-enums.test.ts` checks
 * every entry against the protos shipped with the installed client libraries.
 */

/** `google.cloud.functions.v2.Function.State`. */
export const FUNCTION_STATE = new EnumTable({
  STATE_UNSPECIFIED: 0,
  ACTIVE: 1,
  FAILED: 2,
  DEPLOYING: 3,
  DELETING: 4,
  UNKNOWN: 5,
});
/** `google.cloud.functions.v2.Environment`. */
export const FUNCTION_ENVIRONMENT = new EnumTable({ ENVIRONMENT_UNSPECIFIED: 0, GEN_1: 1, GEN_2: 2 });
/** `google.cloud.functions.v2.ServiceConfig.IngressSettings`. */
export const FUNCTION_INGRESS_SETTINGS = new EnumTable({
  INGRESS_SETTINGS_UNSPECIFIED: 0,
  ALLOW_ALL: 1,
  ALLOW_INTERNAL_ONLY: 2,
  ALLOW_INTERNAL_AND_GCLB: 3,
});
/** `google.cloud.functions.v2.ServiceConfig.SecurityLevel`. */
export const FUNCTION_SECURITY_LEVEL = new EnumTable({
  SECURITY_LEVEL_UNSPECIFIED: 0,
  SECURE_ALWAYS: 1,
  SECURE_OPTIONAL: 2,
});
/** `google.cloud.functions.v2.BuildConfig.DockerRegistry`. */
export const FUNCTION_DOCKER_REGISTRY = new EnumTable({
  DOCKER_REGISTRY_UNSPECIFIED: 0,
  CONTAINER_REGISTRY: 1,
  ARTIFACT_REGISTRY: 2,
});

/** Where the enums of a `google.cloud.functions.v2.Function` are. */
export const FUNCTION_ENUMS: EnumSpec = {
  state: FUNCTION_STATE,
  environment: FUNCTION_ENVIRONMENT,
  buildConfig: { dockerRegistry: FUNCTION_DOCKER_REGISTRY },
  serviceConfig: { ingressSettings: FUNCTION_INGRESS_SETTINGS, securityLevel: FUNCTION_SECURITY_LEVEL },
};

/** `google.cloud.sql.v1.DatabaseInstance.SqlInstanceState`. */
export const SQL_INSTANCE_STATE = new EnumTable({
  SQL_INSTANCE_STATE_UNSPECIFIED: 0,
  RUNNABLE: 1,
  SUSPENDED: 2,
  PENDING_DELETE: 3,
  PENDING_CREATE: 4,
  MAINTENANCE: 5,
  FAILED: 6,
  ONLINE_MAINTENANCE: 7,
  REPAIRING: 8,
});
/** `google.cloud.sql.v1.SqlDatabaseVersion` (the engines the estate uses and their neighbours). */
export const SQL_DATABASE_VERSION = new EnumTable({
  SQL_DATABASE_VERSION_UNSPECIFIED: 0,
  MYSQL_5_6: 5,
  MYSQL_5_7: 6,
  MYSQL_8_0: 20,
  MYSQL_8_4: 398,
  POSTGRES_9_6: 9,
  POSTGRES_10: 18,
  POSTGRES_11: 10,
  POSTGRES_12: 19,
  POSTGRES_13: 23,
  POSTGRES_14: 110,
  POSTGRES_15: 172,
  POSTGRES_16: 272,
  POSTGRES_17: 408,
  SQLSERVER_2017_STANDARD: 11,
  SQLSERVER_2017_ENTERPRISE: 14,
  SQLSERVER_2017_EXPRESS: 15,
  SQLSERVER_2017_WEB: 16,
  SQLSERVER_2019_STANDARD: 26,
  SQLSERVER_2019_ENTERPRISE: 27,
  SQLSERVER_2019_EXPRESS: 28,
  SQLSERVER_2019_WEB: 29,
  SQLSERVER_2022_STANDARD: 199,
  SQLSERVER_2022_ENTERPRISE: 200,
  SQLSERVER_2022_EXPRESS: 201,
  SQLSERVER_2022_WEB: 202,
});
/** `google.cloud.sql.v1.SqlInstanceType`. */
export const SQL_INSTANCE_TYPE = new EnumTable({
  SQL_INSTANCE_TYPE_UNSPECIFIED: 0,
  CLOUD_SQL_INSTANCE: 1,
  ON_PREMISES_INSTANCE: 2,
  READ_REPLICA_INSTANCE: 3,
});
/** `google.cloud.sql.v1.SqlBackendType`. */
export const SQL_BACKEND_TYPE = new EnumTable({
  SQL_BACKEND_TYPE_UNSPECIFIED: 0,
  FIRST_GEN: 1,
  SECOND_GEN: 2,
  EXTERNAL: 3,
});
/** `google.cloud.sql.v1.SqlIpAddressType`. */
export const SQL_IP_ADDRESS_TYPE = new EnumTable({
  SQL_IP_ADDRESS_TYPE_UNSPECIFIED: 0,
  PRIMARY: 1,
  OUTGOING: 2,
  PRIVATE: 3,
  MIGRATED_1ST_GEN: 4,
});
/** `google.cloud.sql.v1.SqlAvailabilityType`. */
export const SQL_AVAILABILITY_TYPE = new EnumTable({
  SQL_AVAILABILITY_TYPE_UNSPECIFIED: 0,
  ZONAL: 1,
  REGIONAL: 2,
});
/** `google.cloud.sql.v1.SqlPricingPlan`. */
export const SQL_PRICING_PLAN = new EnumTable({ SQL_PRICING_PLAN_UNSPECIFIED: 0, PACKAGE: 1, PER_USE: 2 });
/** `google.cloud.sql.v1.SqlReplicationType`. */
export const SQL_REPLICATION_TYPE = new EnumTable({
  SQL_REPLICATION_TYPE_UNSPECIFIED: 0,
  SYNCHRONOUS: 1,
  ASYNCHRONOUS: 2,
});
/** `google.cloud.sql.v1.Settings.SqlActivationPolicy`. */
export const SQL_ACTIVATION_POLICY = new EnumTable({
  SQL_ACTIVATION_POLICY_UNSPECIFIED: 0,
  ALWAYS: 1,
  NEVER: 2,
  ON_DEMAND: 3,
});
/** `google.cloud.sql.v1.SqlDataDiskType`. */
export const SQL_DATA_DISK_TYPE = new EnumTable({
  SQL_DATA_DISK_TYPE_UNSPECIFIED: 0,
  PD_SSD: 1,
  PD_HDD: 2,
  OBSOLETE_LOCAL_SSD: 3,
  HYPERDISK_BALANCED: 4,
});
/** `google.cloud.sql.v1.Settings.Edition`. */
export const SQL_EDITION = new EnumTable({ EDITION_UNSPECIFIED: 0, ENTERPRISE: 2, ENTERPRISE_PLUS: 3 });
/** `google.cloud.sql.v1.IpConfiguration.SslMode`. */
export const SQL_SSL_MODE = new EnumTable({
  SSL_MODE_UNSPECIFIED: 0,
  ALLOW_UNENCRYPTED_AND_ENCRYPTED: 1,
  ENCRYPTED_ONLY: 2,
  TRUSTED_CLIENT_CERTIFICATE_REQUIRED: 3,
});

/** `google.cloud.sql.v1.BackupRetentionSettings.RetentionUnit`. */
export const SQL_RETENTION_UNIT = new EnumTable({ RETENTION_UNIT_UNSPECIFIED: 0, COUNT: 1 });

/** Where the enums of a `google.cloud.sql.v1.DatabaseInstance` are. */
export const SQL_INSTANCE_ENUMS: EnumSpec = {
  state: SQL_INSTANCE_STATE,
  databaseVersion: SQL_DATABASE_VERSION,
  instanceType: SQL_INSTANCE_TYPE,
  backendType: SQL_BACKEND_TYPE,
  ipAddresses: { type: SQL_IP_ADDRESS_TYPE },
  settings: {
    availabilityType: SQL_AVAILABILITY_TYPE,
    pricingPlan: SQL_PRICING_PLAN,
    replicationType: SQL_REPLICATION_TYPE,
    activationPolicy: SQL_ACTIVATION_POLICY,
    dataDiskType: SQL_DATA_DISK_TYPE,
    edition: SQL_EDITION,
    ipConfiguration: { sslMode: SQL_SSL_MODE },
    backupConfiguration: { backupRetentionSettings: { retentionUnit: SQL_RETENTION_UNIT } },
  },
};

/** `google.api.MetricDescriptor.MetricKind`. */
export const METRIC_KIND = new EnumTable({ METRIC_KIND_UNSPECIFIED: 0, GAUGE: 1, DELTA: 2, CUMULATIVE: 3 });
/** `google.api.MetricDescriptor.ValueType`. */
export const METRIC_VALUE_TYPE = new EnumTable({
  VALUE_TYPE_UNSPECIFIED: 0,
  BOOL: 1,
  INT64: 2,
  DOUBLE: 3,
  STRING: 4,
  DISTRIBUTION: 5,
  MONEY: 6,
});
/** `google.monitoring.v3.Aggregation.Aligner`. */
export const MONITORING_ALIGNER = new EnumTable({
  ALIGN_NONE: 0,
  ALIGN_DELTA: 1,
  ALIGN_RATE: 2,
  ALIGN_INTERPOLATE: 3,
  ALIGN_NEXT_OLDER: 4,
  ALIGN_MIN: 10,
  ALIGN_MAX: 11,
  ALIGN_MEAN: 12,
  ALIGN_COUNT: 13,
  ALIGN_SUM: 14,
  ALIGN_STDDEV: 15,
  ALIGN_COUNT_TRUE: 16,
  ALIGN_COUNT_FALSE: 24,
  ALIGN_FRACTION_TRUE: 17,
  ALIGN_PERCENTILE_99: 18,
  ALIGN_PERCENTILE_95: 19,
  ALIGN_PERCENTILE_50: 20,
  ALIGN_PERCENTILE_05: 21,
  ALIGN_PERCENT_CHANGE: 23,
});
/** `google.monitoring.v3.Aggregation.Reducer`. */
export const MONITORING_REDUCER = new EnumTable({
  REDUCE_NONE: 0,
  REDUCE_MEAN: 1,
  REDUCE_MIN: 2,
  REDUCE_MAX: 3,
  REDUCE_SUM: 4,
  REDUCE_STDDEV: 5,
  REDUCE_COUNT: 6,
  REDUCE_COUNT_TRUE: 7,
  REDUCE_COUNT_FALSE: 15,
  REDUCE_FRACTION_TRUE: 8,
  REDUCE_PERCENTILE_99: 9,
  REDUCE_PERCENTILE_95: 10,
  REDUCE_PERCENTILE_50: 11,
  REDUCE_PERCENTILE_05: 12,
});
/** `google.monitoring.v3.ListTimeSeriesRequest.TimeSeriesView`. */
export const MONITORING_VIEW = new EnumTable({ FULL: 0, HEADERS: 1 });

/** Where the enums of a `google.monitoring.v3.TimeSeries` are. */
export const TIME_SERIES_ENUMS: EnumSpec = { metricKind: METRIC_KIND, valueType: METRIC_VALUE_TYPE };

/** `google.logging.type.LogSeverity`. */
export const LOG_SEVERITY = new EnumTable({
  DEFAULT: 0,
  DEBUG: 100,
  INFO: 200,
  NOTICE: 300,
  WARNING: 400,
  ERROR: 500,
  CRITICAL: 600,
  ALERT: 700,
  EMERGENCY: 800,
});

/** Where the enums of a `google.logging.v2.LogEntry` are. */
export const LOG_ENTRY_ENUMS: EnumSpec = { severity: LOG_SEVERITY };
