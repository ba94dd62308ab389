import type { Site } from '@azure/arm-appservice';
import { SreError } from '../../core/errors/sre-error.js';
import type { ResourceRecord, ScopeTarget } from '../../core/ports/cloud-port.js';
import type { AzureAdapterContext } from './azure-adapter-context.js';
import { mapWithConcurrency } from '../shared/map-with-concurrency.js';
import { parseArmId } from './parse-arm-id.js';
import { readSdkPages } from './read-arm-pages.js';
import { runAzureCall } from './run-azure-call.js';
import { sortById } from '../shared/sort-by-id.js';
import { toCallKey } from './to-call-key.js';
import { isFunctionApp, toFunctionRecord } from './to-function-record.js';

/** True when the list item of a Linux app came without its `linuxFxVersion` (ARM may trim `siteConfig` in lists). */
function lacksLinuxFxVersion(site: Site): boolean {
  const linux = (site.kind ?? '').toLowerCase().includes('linux');
  const value = site.siteConfig?.linuxFxVersion;
  return linux && (value === undefined || value === null) && site.functionAppConfig?.runtime === undefined;
}

/**
 * Every function app of a subscription: `WebApps_List` (all pages), keeping sites whose `kind`
 * contains `functionapp`. A Linux app whose list item lacks `siteConfig.linuxFxVersion` gets one
 * `WebApps_GetConfiguration` call (bounded concurrency); an app deleted in between keeps an
 * unknown runtime. Runtimes missing from the support table are reported once per listing.
 */
export async function listFunctions(
  context: AzureAdapterContext,
  scope: ScopeTarget,
  signal?: AbortSignal,
): Promise<ResourceRecord[]> {
  const { client } = await context.pool.get('web', scope.account);
  const key = toCallKey(scope, 'Microsoft.Web', 'WebApps_List');
  const sites: Site[] = [];
  await readSdkPages(
    context.runner,
    key,
    (abortSignal) => client.webApps.list({ abortSignal }),
    (page) => page.continuationToken,
    (items) => {
      sites.push(...items.filter(isFunctionApp));
      return true;
    },
    { signal },
  );

  const now = context.now();
  const configKey = toCallKey(scope, 'Microsoft.Web', 'WebApps_GetConfiguration');
  const records = await mapWithConcurrency(sites, context.concurrency, async (site) => {
    const resourceGroup = site.resourceGroup ?? parseArmId(site.id ?? '').resourceGroup;
    const name = site.name;
    if (!lacksLinuxFxVersion(site) || resourceGroup === undefined || name === undefined)
      return toFunctionRecord(site, scope.account, now);
    try {
      const config = await runAzureCall(
        context.runner,
        configKey,
        (abortSignal) => client.webApps.getConfiguration(resourceGroup, name, { abortSignal }),
        { signal, resource: name },
      );
      return toFunctionRecord(site, scope.account, now, config.linuxFxVersion ?? undefined);
    } catch (error) {
      if (error instanceof SreError && error.code === 'CLOUD_NOT_FOUND')
        return toFunctionRecord(site, scope.account, now);
      throw error;
    }
  });

  const unknown = new Set<string>();
  for (const record of records) {
    const runtime = record.fields.runtime;
    if (typeof runtime === 'string' && record.fields.runtime_deprecated === undefined) unknown.add(runtime);
  }
  if (unknown.size > 0) {
    context.warn(
      `Azure Functions runtime(s) ${[...unknown].sort().join(', ')} in subscription ${scope.account} are not in the support table; runtime_deprecated is left unknown for them.`,
    );
  }
  return sortById(records);
}
