import type { EstateDatabase } from '../estate/model.js';
import { findAzureLocation } from './azure-locations.js';
import { deterministicGuid } from './deterministic-guid.js';
import { tagsMember, type JsonObject } from './json-value.js';

/** An Azure SQL SKU (`sku` of a database). */
export interface SqlSku {
  readonly name: string;
  readonly tier: string;
  readonly family?: string;
  readonly capacity: number;
}

const VCORE_TIERS: Readonly<Record<string, string>> = {
  GP: 'GeneralPurpose',
  BC: 'BusinessCritical',
  HS: 'Hyperscale',
};
const STANDARD_DTUS: Readonly<Record<string, number>> = {
  S0: 10,
  S1: 20,
  S2: 50,
  S3: 100,
  S4: 200,
  S6: 400,
  S7: 800,
  S9: 1600,
  S12: 3000,
};
const PREMIUM_DTUS: Readonly<Record<string, number>> = {
  P1: 125,
  P2: 250,
  P4: 500,
  P6: 1000,
  P11: 1750,
  P15: 4000,
};
const COLLATION = 'SQL_Latin1_General_CP1_CI_AS';

/**
 * The SKU behind a service objective: vCore objectives (`GP_Gen5_2`, `GP_S_Gen5_2` serverless,
 * `BC_Gen5_8`) split into name/tier/family/capacity; DTU objectives (`Basic`, `S0`, `P1`) map to
 * their tier and DTU count, as `Databases_Get` reports them.
 */
export function toSqlSku(serviceObjective: string): SqlSku {
  const vcore = /^(GP|BC|HS)_(S_)?([A-Za-z0-9]+)_(\d+)$/.exec(serviceObjective);
  if (vcore) {
    const [, edition, serverless, family, capacity] = vcore as unknown as [
      string,
      string,
      string | undefined,
      string,
      string,
    ];
    return {
      name: `${edition}_${serverless ?? ''}${family}`,
      tier: VCORE_TIERS[edition] ?? 'GeneralPurpose',
      family,
      capacity: Number(capacity),
    };
  }
  if (serviceObjective === 'Basic') return { name: 'Basic', tier: 'Basic', capacity: 5 };
  const standard = STANDARD_DTUS[serviceObjective];
  if (standard !== undefined) return { name: 'Standard', tier: 'Standard', capacity: standard };
  const premium = PREMIUM_DTUS[serviceObjective];
  if (premium !== undefined) return { name: 'Premium', tier: 'Premium', capacity: premium };
  return { name: serviceObjective, tier: 'GeneralPurpose', capacity: 2 };
}

function skuJson(sku: SqlSku): JsonObject {
  return { name: sku.name, tier: sku.tier, family: sku.family, capacity: sku.capacity };
}

/** A logical SQL server, derived from the databases it hosts. */
export interface SqlServerFacts {
  readonly id: string;
  readonly name: string;
  readonly location: string;
  readonly resourceGroup: string;
  /** Enabled when any of its databases is publicly accessible. */
  readonly publicNetworkAccess: 'Enabled' | 'Disabled';
  /** Earliest creation time of its databases. */
  readonly createdTime: string;
  readonly tags: Readonly<Record<string, string>>;
}

/** A logical server as `Servers_List` returns it (version 12.0, state Ready). */
export function toSqlServerJson(server: SqlServerFacts): JsonObject {
  return {
    kind: 'v12.0',
    properties: {
      administratorLogin: 'sqladmin',
      version: '12.0',
      state: 'Ready',
      fullyQualifiedDomainName: `${server.name}.database.windows.net`,
      privateEndpointConnections: [],
      minimalTlsVersion: '1.2',
      publicNetworkAccess: server.publicNetworkAccess,
      restrictOutboundNetworkAccess: 'Disabled',
    },
    location: server.location,
    tags: tagsMember(server.tags),
    id: server.id,
    name: server.name,
    type: 'Microsoft.Sql/servers',
  };
}

function commonDatabaseProperties(location: string, subscription: string): JsonObject {
  return {
    collation: COLLATION,
    catalogCollation: COLLATION,
    defaultSecondaryLocation: findAzureLocation(location).pairedRegion ?? location,
    readScale: 'Disabled',
    currentBackupStorageRedundancy: 'Geo',
    requestedBackupStorageRedundancy: 'Geo',
    maintenanceConfigurationId: `/subscriptions/${subscription}/providers/Microsoft.Maintenance/publicMaintenanceConfigurations/SQL_Default`,
    isLedgerOn: false,
    isInfraEncryptionEnabled: false,
  };
}

/**
 * A user database as `Databases_ListByServer` returns it: SKU from the service objective,
 * `status` (Online, Paused…), `zoneRedundant`, `maxSizeBytes` from the estate's storage size.
 */
export function toSqlDatabaseJson(database: EstateDatabase, subscription: string): JsonObject {
  const sku = toSqlSku(database.instanceClass);
  const serverless = database.instanceClass.includes('_S_');
  const vcore = sku.family !== undefined;
  return {
    sku: skuJson(sku),
    kind: `v12.0,user${vcore ? ',vcore' : ''}${serverless ? ',serverless' : ''}`,
    properties: {
      maxSizeBytes: database.storageGb * 1024 ** 3,
      status: database.status,
      databaseId: deterministicGuid(`sqldb/${database.id.toLowerCase()}`),
      creationDate: database.createdTime,
      currentServiceObjectiveName: database.instanceClass,
      requestedServiceObjectiveName: database.instanceClass,
      zoneRedundant: database.multiAz,
      licenseType: vcore && !serverless ? 'LicenseIncluded' : undefined,
      currentSku: skuJson(sku),
      autoPauseDelay: serverless ? 60 : undefined,
      minCapacity: serverless ? 0.5 : undefined,
      earliestRestoreDate: database.createdTime,
      availabilityZone: 'NoPreference',
      ...commonDatabaseProperties(database.region, subscription),
    },
    location: database.region,
    tags: tagsMember(database.tags),
    id: database.id,
    name: database.name,
    type: 'Microsoft.Sql/servers/databases',
  };
}

/**
 * The `master` system database every logical server has and `Databases_ListByServer` returns
 * first. Consumers recognise it by name (`master`) or by `kind` `v12.0,system` and SKU tier `System`.
 */
export function toMasterDatabaseJson(server: SqlServerFacts, subscription: string): JsonObject {
  const sku: SqlSku = { name: 'System', tier: 'System', capacity: 0 };
  return {
    sku: skuJson(sku),
    kind: 'v12.0,system',
    managedBy: server.id,
    properties: {
      maxSizeBytes: 32212254720,
      status: 'Online',
      databaseId: deterministicGuid(`sqldb/${server.id.toLowerCase()}/master`),
      creationDate: server.createdTime,
      currentServiceObjectiveName: 'System0',
      requestedServiceObjectiveName: 'System0',
      zoneRedundant: false,
      currentSku: skuJson(sku),
      ...commonDatabaseProperties(server.location, subscription),
    },
    location: server.location,
    id: `${server.id}/databases/master`,
    name: 'master',
    type: 'Microsoft.Sql/servers/databases',
  };
}

/**
 * Transparent data encryption of a database (`TransparentDataEncryptions_Get`, `…/transparentDataEncryption/current`):
 * `Enabled` when the estate says the database is encrypted. `master` is never encrypted.
 */
export function toTransparentDataEncryptionJson(databaseId: string, enabled: boolean): JsonObject {
  return {
    properties: { state: enabled ? 'Enabled' : 'Disabled' },
    id: `${databaseId}/transparentDataEncryption/Current`,
    name: 'Current',
    type: 'Microsoft.Sql/servers/databases/transparentDataEncryption',
  };
}
