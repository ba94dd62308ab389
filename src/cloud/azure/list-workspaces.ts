import type { ScopeTarget } from '../../core/ports/cloud-port.js';
import type { AzureAdapterContext } from './azure-adapter-context.js';
import { getArmJson, isJsonObject, jsonNumber, jsonString, toArmListPage } from './get-arm-json.js';
import { readAzurePages } from './read-arm-pages.js';
import { sortById } from '../shared/sort-by-id.js';
import { toCallKey } from './to-call-key.js';
import { toIsoTime } from './to-iso-time.js';
import { toLocationName } from './to-location-name.js';

/** API version of `Workspaces_List` (Microsoft.OperationalInsights, GA). */
export const WORKSPACES_API_VERSION = '2023-09-01';

/** A Log Analytics workspace, as far as log search needs it. */
export interface Workspace {
  /** ARM resource id. */
  readonly id: string;
  readonly name: string;
  /** Programmatic location name (`westeurope`). */
  readonly location: string;
  /** The workspace (customer) id the query API addresses: a GUID. */
  readonly customerId: string;
  readonly retentionDays: number | undefined;
  readonly createdTime: string | undefined;
}

function toWorkspace(item: unknown): Workspace | undefined {
  if (!isJsonObject(item)) return undefined;
  const properties = isJsonObject(item.properties) ? item.properties : {};
  const id = jsonString(item, 'id');
  const customerId = jsonString(properties, 'customerId');
  if (id === undefined || customerId === undefined) return undefined;
  return {
    id,
    name: jsonString(item, 'name') ?? id.slice(id.lastIndexOf('/') + 1),
    location: toLocationName(jsonString(item, 'location')),
    customerId,
    retentionDays: jsonNumber(properties, 'retentionInDays'),
    createdTime: toIsoTime(jsonString(properties, 'createdDate')),
  };
}

/**
 * Every Log Analytics workspace of a subscription (`Workspaces_List`, following `nextLink`s).
 * No Operational Insights SDK is installed, so the call is a plain ARM GET through the
 * subscription client's pipeline (same credential, same loopback rules, retries off).
 * Workspaces without a `customerId` (still provisioning) cannot be queried and are skipped.
 */
export async function listWorkspaces(
  context: AzureAdapterContext,
  scope: ScopeTarget,
  signal?: AbortSignal,
): Promise<Workspace[]> {
  const { client } = await context.pool.get('subscriptions', scope.account);
  const key = toCallKey(scope, 'Microsoft.OperationalInsights', 'Workspaces_List');
  const first = `${context.armEndpoint}/subscriptions/${encodeURIComponent(scope.account)}/providers/Microsoft.OperationalInsights/workspaces?api-version=${WORKSPACES_API_VERSION}`;
  const workspaces: Workspace[] = [];
  await readAzurePages<unknown>(
    context.runner,
    key,
    async (nextLink, abortSignal) =>
      toArmListPage(await getArmJson(client, nextLink ?? first, abortSignal), key.operation),
    (items) => {
      for (const item of items) {
        const workspace = toWorkspace(item);
        if (workspace !== undefined) workspaces.push(workspace);
      }
      return true;
    },
    { signal },
  );
  return sortById(workspaces);
}
