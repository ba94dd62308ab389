import type { EstateDatabase } from '../estate/model.js';
import type { WireResponse } from '../server/wire.js';
import type { AwsContext } from './aws-context.js';
import { resolvePageSize } from './aws-context.js';
import { AwsError } from './aws-error.js';
import { createAwsRoute, type AwsCall, type AwsRoute } from './aws-route.js';
import { RDS_PROFILE } from './aws-service-profile.js';
import { deriveHex, deriveUuid } from './derive-hex.js';
import type { Ec2DerivedIds } from './ec2-derived-ids.js';
import { escapeXml, xmlLeaf } from './escape-xml.js';
import { isMutatingAction } from './is-mutating-action.js';
import { cursorOffset, decodePageToken, encodePageToken } from './page-token.js';
import type { QueryParameters } from './query-parameters.js';
import { renderAwsResponse } from './render-aws-response.js';

/** The RDS part of the AWS handler. */
export interface RdsService {
  /** Routes an awsQuery request (`Action=…`); `undefined` for actions the emulator does not know. */
  route(call: AwsCall, action: string, params: QueryParameters): AwsRoute | undefined;
}

/** Collaborators of {@link createRdsService}. */
export interface RdsServiceDeps {
  readonly context: AwsContext;
  readonly ids: Ec2DerivedIds;
}

const DEFAULT_PORTS: readonly (readonly [RegExp, number])[] = [
  [/postgres/, 5432],
  [/mysql|mariadb/, 3306],
  [/sqlserver/, 1433],
  [/oracle/, 1521],
  [/db2/, 50000],
];

function portOf(engine: string): number {
  return DEFAULT_PORTS.find(([pattern]) => pattern.test(engine))?.[1] ?? 3306;
}

/** Parameter group family: `postgres15`, `mysql8.0`, `aurora-postgresql16`, `sqlserver-se-15.0`, `oracle-ee-19`. */
function familyOf(engine: string, version: string): string {
  const [major = '', minor = ''] = version.split('.');
  if (engine.startsWith('sqlserver')) return `${engine}-${Number(major)}.0`;
  if (engine.startsWith('oracle') || engine.startsWith('db2')) return `${engine}-${major}`;
  if (/postgres/.test(engine)) return `${engine}${major}`;
  return `${engine}${major}.${minor}`;
}

function licenseModelOf(engine: string): string {
  if (/postgres/.test(engine)) return 'postgresql-license';
  if (engine.startsWith('sqlserver') || engine.startsWith('oracle-se')) return 'license-included';
  if (engine.startsWith('oracle') || engine.startsWith('db2')) return 'bring-your-own-license';
  return 'general-public-license';
}

/**
 * Creates the RDS service: DescribeDBInstances (`MaxRecords` 20–100, `Marker`, filters
 * `db-instance-id`, `engine`, `db-cluster-id`, `dbi-resource-id`; `DBInstanceNotFound` for a named
 * missing instance) and ListTagsForResource. Create/Delete/Modify/Stop/Start/Reboot/… route as
 * mutating.
 */
export function createRdsService(deps: RdsServiceDeps): RdsService {
  const { context, ids } = deps;
  const { index } = context;
  const items = new Map<EstateDatabase, string>();

  const arnOf = (db: EstateDatabase): string => `arn:aws:rds:${db.region}:${db.account}:db:${db.id}`;
  const resourceIdOf = (db: EstateDatabase): string =>
    `db-${deriveHex(['dbi', db.account, db.id], 26).toUpperCase()}`;
  const clusterIdOf = (db: EstateDatabase): string | undefined =>
    db.engine.startsWith('aurora') ? `${db.id}-cluster` : undefined;

  const renderItem = (db: EstateDatabase): string => {
    const aurora = db.engine.startsWith('aurora');
    const family = familyOf(db.engine, db.engineVersion);
    const port = portOf(db.engine);
    const endpointHost = `${db.id}.${deriveHex(['rds-endpoint', db.account, db.region], 12)}.${db.region}.rds.amazonaws.com`;
    const zones = index.region('aws', db.region)?.zones ?? [];
    const subnetZones = zones.length > 0 ? zones.slice(0, 3) : [db.zone];
    const tags = Object.entries(db.tags)
      .map(([key, value]) => `<Tag><Key>${escapeXml(key)}</Key><Value>${escapeXml(value)}</Value></Tag>`)
      .join('');
    const cluster = clusterIdOf(db);
    const secondaryZone = db.multiAz ? subnetZones.find((zone) => zone !== db.zone) : undefined;
    const storageType = aurora ? 'aurora' : 'gp3';
    const parts = [
      '<DBInstance>',
      xmlLeaf('DBInstanceIdentifier', db.id),
      xmlLeaf('DBInstanceClass', db.instanceClass),
      xmlLeaf('Engine', db.engine),
      xmlLeaf('DBInstanceStatus', db.status),
      '<MasterUsername>dbadmin</MasterUsername>',
      db.status === 'creating'
        ? ''
        : `<Endpoint>${xmlLeaf('Address', endpointHost)}${xmlLeaf('Port', port)}<HostedZoneId>Z2R2ITUGPM61AM</HostedZoneId></Endpoint>`,
      xmlLeaf('AllocatedStorage', aurora ? 1 : db.storageGb),
      xmlLeaf('InstanceCreateTime', db.createdTime),
      '<PreferredBackupWindow>03:00-03:30</PreferredBackupWindow>',
      `<BackupRetentionPeriod>${aurora ? 1 : 7}</BackupRetentionPeriod>`,
      '<DBSecurityGroups/>',
      `<VpcSecurityGroups><VpcSecurityGroupMembership>${xmlLeaf('VpcSecurityGroupId', ids.securityGroupId(db.account, db.region))}` +
        '<Status>active</Status></VpcSecurityGroupMembership></VpcSecurityGroups>',
      `<DBParameterGroups><DBParameterGroup>${xmlLeaf('DBParameterGroupName', `default.${family}`)}` +
        '<ParameterApplyStatus>in-sync</ParameterApplyStatus></DBParameterGroup></DBParameterGroups>',
      xmlLeaf('AvailabilityZone', db.zone),
      `<DBSubnetGroup><DBSubnetGroupName>default-${escapeXml(ids.vpcId(db.account, db.region))}</DBSubnetGroupName>` +
        `<DBSubnetGroupDescription>Created from the RDS Management Console</DBSubnetGroupDescription>` +
        `${xmlLeaf('VpcId', ids.vpcId(db.account, db.region))}<SubnetGroupStatus>Complete</SubnetGroupStatus><Subnets>` +
        subnetZones
          .map(
            (zone) =>
              `<Subnet>${xmlLeaf('SubnetIdentifier', ids.subnetId(db.account, zone))}<SubnetAvailabilityZone>${xmlLeaf('Name', zone)}` +
              '</SubnetAvailabilityZone><SubnetOutpost/><SubnetStatus>Active</SubnetStatus></Subnet>',
          )
          .join('') +
        '</Subnets></DBSubnetGroup>',
      '<PreferredMaintenanceWindow>sun:05:00-sun:05:30</PreferredMaintenanceWindow>',
      '<PendingModifiedValues/>',
      db.status === 'available'
        ? xmlLeaf('LatestRestorableTime', new Date(context.anchorMs - 300_000).toISOString())
        : '',
      xmlLeaf('MultiAZ', db.multiAz),
      xmlLeaf('EngineVersion', db.engineVersion),
      '<AutoMinorVersionUpgrade>true</AutoMinorVersionUpgrade>',
      '<ReadReplicaDBInstanceIdentifiers/>',
      '<ReadReplicaDBClusterIdentifiers/>',
      xmlLeaf('LicenseModel', licenseModelOf(db.engine)),
      aurora ? '' : '<Iops>3000</Iops><StorageThroughput>125</StorageThroughput>',
      `<OptionGroupMemberships><OptionGroupMembership>${xmlLeaf('OptionGroupName', `default:${family.replace(/\./g, '-')}`)}` +
        '<Status>in-sync</Status></OptionGroupMembership></OptionGroupMemberships>',
      secondaryZone === undefined ? '' : xmlLeaf('SecondaryAvailabilityZone', secondaryZone),
      xmlLeaf('PubliclyAccessible', db.publiclyAccessible),
      xmlLeaf('StorageType', storageType),
      '<DbInstancePort>0</DbInstancePort>',
      cluster === undefined ? '' : xmlLeaf('DBClusterIdentifier', cluster),
      xmlLeaf('StorageEncrypted', db.encrypted),
      db.encrypted
        ? xmlLeaf(
            'KmsKeyId',
            `arn:aws:kms:${db.region}:${db.account}:key/${deriveUuid(['rds-kms', db.account, db.region])}`,
          )
        : '',
      xmlLeaf('DbiResourceId', resourceIdOf(db)),
      '<CACertificateIdentifier>rds-ca-rsa2048-g1</CACertificateIdentifier>',
      '<DomainMemberships/>',
      '<CopyTagsToSnapshot>true</CopyTagsToSnapshot>',
      '<MonitoringInterval>0</MonitoringInterval>',
      '<PromotionTier>1</PromotionTier>',
      xmlLeaf('DBInstanceArn', arnOf(db)),
      '<IAMDatabaseAuthenticationEnabled>false</IAMDatabaseAuthenticationEnabled>',
      '<PerformanceInsightsEnabled>false</PerformanceInsightsEnabled>',
      '<DeletionProtection>false</DeletionProtection>',
      '<AssociatedRoles/>',
      tags === '' ? '<TagList/>' : `<TagList>${tags}</TagList>`,
      '<CustomerOwnedIpEnabled>false</CustomerOwnedIpEnabled>',
      '<BackupTarget>region</BackupTarget>',
      '<NetworkType>IPV4</NetworkType>',
      `<CertificateDetails><CAIdentifier>rds-ca-rsa2048-g1</CAIdentifier>${xmlLeaf('ValidTill', new Date(context.anchorMs + 300 * 86_400_000).toISOString())}</CertificateDetails>`,
      '<DedicatedLogVolume>false</DedicatedLogVolume>',
      '<IsStorageConfigUpgradeAvailable>false</IsStorageConfigUpgradeAvailable>',
      '<EngineLifecycleSupport>open-source-rds-extended-support</EngineLifecycleSupport>',
      '</DBInstance>',
    ];
    return parts.join('');
  };

  const itemOf = (db: EstateDatabase): string => {
    let xml = items.get(db);
    if (xml === undefined) items.set(db, (xml = renderItem(db)));
    return xml;
  };

  const respond = (call: AwsCall, action: string, inner: string): WireResponse =>
    renderAwsResponse(
      RDS_PROFILE,
      `<${action}Response xmlns="${RDS_PROFILE.xmlNamespace!}"><${action}Result>${inner}</${action}Result>` +
        `<ResponseMetadata><RequestId>${call.requestId}</RequestId></ResponseMetadata></${action}Response>`,
      call.requestId,
    );

  const describeDbInstances = (call: AwsCall, params: QueryParameters): WireResponse => {
    const maxText = params.get('MaxRecords');
    let maxRecords: number | undefined;
    if (maxText !== undefined) {
      maxRecords = Number(maxText);
      if (!Number.isInteger(maxRecords) || maxRecords < 20 || maxRecords > 100) {
        throw new AwsError(
          'InvalidParameterValue',
          `Invalid value ${maxText} for MaxRecords. Must be between 20 and 100`,
          400,
        );
      }
    }
    const identifier = params.get('DBInstanceIdentifier');
    let databases: readonly EstateDatabase[] = index.databasesIn('aws', call.account, call.region);
    if (identifier !== undefined && identifier !== '') {
      const wanted = identifier.startsWith('arn:')
        ? identifier.slice(identifier.lastIndexOf(':') + 1)
        : identifier.toLowerCase();
      const found = databases.find((db) => db.id.toLowerCase() === wanted.toLowerCase());
      if (found === undefined)
        throw new AwsError('DBInstanceNotFound', `DBInstance ${identifier} not found.`, 404);
      databases = [found];
    }
    for (const filter of params.structures('Filters.Filter')) {
      const name = filter.get('Name') ?? '';
      const values = new Set(filter.list('Values.Value'));
      let read: (db: EstateDatabase) => readonly string[];
      switch (name) {
        case 'db-instance-id':
          read = (db) => [db.id, arnOf(db)];
          break;
        case 'engine':
          read = (db) => [db.engine];
          break;
        case 'db-cluster-id': {
          read = (db) => {
            const cluster = clusterIdOf(db);
            return cluster === undefined
              ? []
              : [cluster, `arn:aws:rds:${db.region}:${db.account}:cluster:${cluster}`];
          };
          break;
        }
        case 'dbi-resource-id':
          read = (db) => [resourceIdOf(db)];
          break;
        case 'domain':
          read = () => [];
          break;
        default:
          throw new AwsError('InvalidParameterValue', `Unrecognized filter name: ${name}`, 400);
      }
      if (values.size === 0)
        throw new AwsError('InvalidParameterValue', `The filter ${name} needs at least one value.`, 400);
      databases = databases.filter((db) => read(db).some((value) => values.has(value)));
    }
    const scope = JSON.stringify([
      'DescribeDBInstances',
      call.account,
      call.region,
      params
        .entries()
        .filter(([key]) => key !== 'Marker' && key !== 'MaxRecords')
        .sort(),
    ]);
    const marker = params.get('Marker');
    let offset = 0;
    if (marker !== undefined && marker !== '') {
      const decoded = cursorOffset(decodePageToken(scope, marker));
      if (decoded === undefined) throw new AwsError('InvalidParameterValue', 'The marker is not valid.', 400);
      offset = decoded;
    }
    const size = resolvePageSize(context, maxRecords, 100);
    const page = databases.slice(offset, offset + size);
    const end = offset + page.length;
    return respond(
      call,
      'DescribeDBInstances',
      `<DBInstances>${page.map(itemOf).join('')}</DBInstances>` +
        (end < databases.length ? xmlLeaf('Marker', encodePageToken(scope, { o: end })) : ''),
    );
  };

  const listTagsForResource = (call: AwsCall, params: QueryParameters): WireResponse => {
    const arn = params.get('ResourceName') ?? '';
    const match = /^arn:[^:]+:rds:([^:]+):(\d{12}):db:(.+)$/.exec(arn);
    const db = match === null ? undefined : index.database('aws', match[3]!);
    if (
      match === null ||
      db === undefined ||
      db.account !== match[2] ||
      db.region !== match[1] ||
      match[1] !== call.region
    ) {
      throw new AwsError('DBInstanceNotFound', `DBInstance ${arn} not found.`, 404);
    }
    const tags = Object.entries(db.tags)
      .map(([key, value]) => `<Tag><Key>${escapeXml(key)}</Key><Value>${escapeXml(value)}</Value></Tag>`)
      .join('');
    return respond(call, 'ListTagsForResource', `<TagList>${tags}</TagList>`);
  };

  const operations: Readonly<Record<string, (call: AwsCall, params: QueryParameters) => WireResponse>> = {
    DescribeDBInstances: describeDbInstances,
    ListTagsForResource: listTagsForResource,
  };

  return {
    route(call, action, params) {
      const handler = Object.hasOwn(operations, action) ? operations[action] : undefined;
      if (handler !== undefined)
        return createAwsRoute(RDS_PROFILE, call, action, false, () => handler(call, params));
      if (isMutatingAction(action)) {
        return createAwsRoute(RDS_PROFILE, call, action, true, () => {
          throw new AwsError('AccessDenied', `${action} is refused by the read-only emulator.`, 403);
        });
      }
      return undefined;
    },
  };
}
