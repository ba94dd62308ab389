import type { Server } from '@azure/arm-sql';
import { SreError } from '../../core/errors/sre-error.js';
import type { ResourceRecord, ScopeTarget } from '../../core/ports/cloud-port.js';
import type { AzureAdapterContext } from './azure-adapter-context.js';
import { mapWithConcurrency } from '../shared/map-with-concurrency.js';
import { parseArmId } from './parse-arm-id.js';
import { readSdkPages } from './read-arm-pages.js';
import { sortById } from '../shared/sort-by-id.js';
import { toCallKey } from './to-call-key.js';
import { isSystemDatabase, toDatabaseRecord } from './to-database-record.js';

/**
 * Every Azure SQL database of a subscription: `Servers_List` (all pages), then
 * `Databases_ListByServer` for each logical server (all pages, bounded concurrency), skipping the
 * `master` system database. A server deleted between the two calls is skipped.
 */
export async function listDatabases(
  context: AzureAdapterContext,
  scope: ScopeTarget,
  signal?: AbortSignal,
): Promise<ResourceRecord[]> {
  const { client, module } = await context.pool.get('sql', scope.account);
  const serverKey = toCallKey(scope, 'Microsoft.Sql', 'Servers_List');
  const servers: Server[] = [];
  await readSdkPages(
    context.runner,
    serverKey,
    (abortSignal) => client.servers.list({ abortSignal }),
    (page) => module.getContinuationToken(page),
    (items) => {
      servers.push(...items);
      return true;
    },
    { signal },
  );

  const databaseKey = toCallKey(scope, 'Microsoft.Sql', 'Databases_ListByServer');
  const perServer = await mapWithConcurrency(servers, context.concurrency, async (server) => {
    const resourceGroup = parseArmId(server.id ?? '').resourceGroup;
    const serverName = server.name;
    if (resourceGroup === undefined || serverName === undefined) return [];
    const records: ResourceRecord[] = [];
    try {
      await readSdkPages(
        context.runner,
        databaseKey,
        (abortSignal) => client.databases.listByServer(resourceGroup, serverName, { abortSignal }),
        (page) => module.getContinuationToken(page),
        (items) => {
          for (const database of items)
            if (!isSystemDatabase(database)) records.push(toDatabaseRecord(database, server, scope.account));
          return true;
        },
        { signal, resource: serverName },
      );
    } catch (error) {
      if (error instanceof SreError && error.code === 'CLOUD_NOT_FOUND') return [];
      throw error;
    }
    return records;
  });
  return sortById(perServer.flat());
}
