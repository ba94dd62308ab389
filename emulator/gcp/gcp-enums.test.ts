import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as enums from './gcp-enums.js';
import { EnumTable } from './gcp-json.js';

const require = createRequire(import.meta.url);

interface ProtoNode {
  readonly nested?: Readonly<Record<string, ProtoNode>>;
  readonly values?: Readonly<Record<string, number>>;
}

/** The protos.json shipped with an installed client library. */
function protosOf(packageName: string, protosPath = 'build/protos/protos.json'): ProtoNode {
  const main = require.resolve(packageName);
  let directory = dirname(main);
  while (!directory.endsWith(packageName.split('/').at(-1)!)) directory = dirname(directory);
  return JSON.parse(readFileSync(join(directory, protosPath), 'utf8')) as ProtoNode;
}

function enumValues(root: ProtoNode, fullName: string): Readonly<Record<string, number>> {
  let node: ProtoNode | undefined = root;
  for (const part of fullName.split('.')) node = node?.nested?.[part];
  if (node?.values === undefined) throw new Error(`no enum ${fullName}`);
  return node.values;
}

const functions = protosOf('@google-cloud/functions');
const sql = protosOf('@google-cloud/sql');
const monitoring = protosOf('@google-cloud/monitoring');
const logging = protosOf('@google-cloud/logging-api');

describe('enum tables', () => {
  it.each<[string, EnumTable, ProtoNode, string]>([
    ['FUNCTION_STATE', enums.FUNCTION_STATE, functions, 'google.cloud.functions.v2.Function.State'],
    ['FUNCTION_ENVIRONMENT', enums.FUNCTION_ENVIRONMENT, functions, 'google.cloud.functions.v2.Environment'],
    [
      'FUNCTION_INGRESS_SETTINGS',
      enums.FUNCTION_INGRESS_SETTINGS,
      functions,
      'google.cloud.functions.v2.ServiceConfig.IngressSettings',
    ],
    [
      'FUNCTION_SECURITY_LEVEL',
      enums.FUNCTION_SECURITY_LEVEL,
      functions,
      'google.cloud.functions.v2.ServiceConfig.SecurityLevel',
    ],
    [
      'FUNCTION_DOCKER_REGISTRY',
      enums.FUNCTION_DOCKER_REGISTRY,
      functions,
      'google.cloud.functions.v2.BuildConfig.DockerRegistry',
    ],
    [
      'SQL_INSTANCE_STATE',
      enums.SQL_INSTANCE_STATE,
      sql,
      'google.cloud.sql.v1.DatabaseInstance.SqlInstanceState',
    ],
    ['SQL_DATABASE_VERSION', enums.SQL_DATABASE_VERSION, sql, 'google.cloud.sql.v1.SqlDatabaseVersion'],
    ['SQL_INSTANCE_TYPE', enums.SQL_INSTANCE_TYPE, sql, 'google.cloud.sql.v1.SqlInstanceType'],
    ['SQL_BACKEND_TYPE', enums.SQL_BACKEND_TYPE, sql, 'google.cloud.sql.v1.SqlBackendType'],
    ['SQL_IP_ADDRESS_TYPE', enums.SQL_IP_ADDRESS_TYPE, sql, 'google.cloud.sql.v1.SqlIpAddressType'],
    ['SQL_AVAILABILITY_TYPE', enums.SQL_AVAILABILITY_TYPE, sql, 'google.cloud.sql.v1.SqlAvailabilityType'],
    ['SQL_PRICING_PLAN', enums.SQL_PRICING_PLAN, sql, 'google.cloud.sql.v1.SqlPricingPlan'],
    ['SQL_REPLICATION_TYPE', enums.SQL_REPLICATION_TYPE, sql, 'google.cloud.sql.v1.SqlReplicationType'],
    [
      'SQL_ACTIVATION_POLICY',
      enums.SQL_ACTIVATION_POLICY,
      sql,
      'google.cloud.sql.v1.Settings.SqlActivationPolicy',
    ],
    ['SQL_DATA_DISK_TYPE', enums.SQL_DATA_DISK_TYPE, sql, 'google.cloud.sql.v1.SqlDataDiskType'],
    ['SQL_EDITION', enums.SQL_EDITION, sql, 'google.cloud.sql.v1.Settings.Edition'],
    ['SQL_SSL_MODE', enums.SQL_SSL_MODE, sql, 'google.cloud.sql.v1.IpConfiguration.SslMode'],
    [
      'SQL_RETENTION_UNIT',
      enums.SQL_RETENTION_UNIT,
      sql,
      'google.cloud.sql.v1.BackupRetentionSettings.RetentionUnit',
    ],
    ['METRIC_KIND', enums.METRIC_KIND, monitoring, 'google.api.MetricDescriptor.MetricKind'],
    ['METRIC_VALUE_TYPE', enums.METRIC_VALUE_TYPE, monitoring, 'google.api.MetricDescriptor.ValueType'],
    ['MONITORING_ALIGNER', enums.MONITORING_ALIGNER, monitoring, 'google.monitoring.v3.Aggregation.Aligner'],
    ['MONITORING_REDUCER', enums.MONITORING_REDUCER, monitoring, 'google.monitoring.v3.Aggregation.Reducer'],
    [
      'MONITORING_VIEW',
      enums.MONITORING_VIEW,
      monitoring,
      'google.monitoring.v3.ListTimeSeriesRequest.TimeSeriesView',
    ],
    ['LOG_SEVERITY', enums.LOG_SEVERITY, logging, 'google.logging.type.LogSeverity'],
  ])('%s agrees with %s', (_name, table, root, fullName) => {
    const official = enumValues(root, fullName);

    for (const [name, number] of Object.entries(table.values))
      expect([name, official[name]]).toEqual([name, number]);
  });
});
