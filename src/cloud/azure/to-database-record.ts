import type { Database, Server } from '@azure/arm-sql';
import type { NormalizedState, ResourceRecord } from '../../core/ports/cloud-port.js';
import { compactFields } from '../shared/compact-fields.js';
import { parseArmId } from './parse-arm-id.js';
import { toIsoTime } from './to-iso-time.js';
import { toLocationName } from './to-location-name.js';

const GIB = 1024 ** 3;

/**
 * Azure SQL database `status` → normalized state. States in which the database keeps serving
 * (scaling, changing DW performance tier) count as `available`; `Paused` (serverless auto-pause)
 * and `Stopped` as `stopped`; `Offline`, `Shutdown`, `AutoClosed` and `Disabled` as `inactive`;
 * `Suspect`, `EmergencyMode` and `Inaccessible` (lost encryption key…) as `failed`. The native
 * status stays in `native_state`. See https://learn.microsoft.com/rest/api/sql/databases/get#databasestatus
 */
const DATABASE_STATES: Readonly<Record<string, NormalizedState>> = {
  online: 'available',
  scaling: 'available',
  onlinechangingdwperformancetiers: 'available',
  standby: 'available',
  creating: 'pending',
  copying: 'pending',
  restoring: 'pending',
  recovering: 'pending',
  recoverypending: 'pending',
  resuming: 'pending',
  starting: 'pending',
  pausing: 'stopping',
  stopping: 'stopping',
  paused: 'stopped',
  stopped: 'stopped',
  offline: 'inactive',
  offlinesecondary: 'inactive',
  offlinechangingdwperformancetiers: 'inactive',
  shutdown: 'inactive',
  autoclosed: 'inactive',
  disabled: 'inactive',
  suspect: 'failed',
  emergencymode: 'failed',
  inaccessible: 'failed',
};

/** Normalizes an Azure SQL database status (`unknown` for anything else). */
export function toDatabaseState(status: string | undefined): NormalizedState {
  return status === undefined ? 'unknown' : (DATABASE_STATES[status.toLowerCase()] ?? 'unknown');
}

/** True for a logical server's `master` database, which `Databases_ListByServer` returns first. */
export function isSystemDatabase(database: Pick<Database, 'name' | 'kind' | 'sku'>): boolean {
  return (
    database.name?.toLowerCase() === 'master' ||
    (database.kind ?? '').toLowerCase().split(',').includes('system') ||
    database.sku?.tier?.toLowerCase() === 'system'
  );
}

/**
 * Normalizes an Azure SQL database (`Databases_ListByServer`) with its logical server
 * (`Servers_List`). `engine` is `sqlserver`, `engine_version` the server version (`12.0`);
 * `type` is the SKU name (`GP_Gen5`, `Standard`) and `service_objective` the full objective
 * (`GP_Gen5_2`, `S0`); `multi_az` is `zoneRedundant`; `public` is the server's
 * `publicNetworkAccess` (`Enabled`); `size_gb` the maximum size. Encryption (TDE) needs another
 * call per database and stays absent.
 */
export function toDatabaseRecord(database: Database, server: Server, account: string): ResourceRecord {
  const id = database.id ?? '';
  const zone = database.availabilityZone;
  return {
    provider: 'azure',
    kind: 'database',
    id,
    name: database.name ?? parseArmId(id).name,
    account,
    region: toLocationName(database.location ?? server.location),
    tags: { ...(database.tags ?? {}) },
    fields: compactFields({
      engine: 'sqlserver',
      engine_version: server.version,
      state: toDatabaseState(database.status),
      native_state: database.status,
      type: database.sku?.name ?? database.currentSku?.name,
      service_objective: database.currentServiceObjectiveName,
      tier: database.sku?.tier,
      multi_az: database.zoneRedundant,
      public:
        server.publicNetworkAccess === undefined
          ? undefined
          : server.publicNetworkAccess.toLowerCase() === 'enabled',
      size_gb:
        database.maxSizeBytes === undefined
          ? undefined
          : Math.round((database.maxSizeBytes / GIB) * 100) / 100,
      zone: zone !== undefined && /^\d+$/.test(zone) ? zone : undefined,
      created_time: toIsoTime(database.creationDate),
      server: server.name,
      resource_group: parseArmId(id).resourceGroup,
    }),
  };
}
