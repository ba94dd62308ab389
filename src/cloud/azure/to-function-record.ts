import type { Site } from '@azure/arm-appservice';
import type { NormalizedState, ResourceRecord } from '../../core/ports/cloud-port.js';
import { compactFields } from '../shared/compact-fields.js';
import { isFunctionRuntimeDeprecated } from './function-runtime-deprecations.js';
import { parseArmId } from './parse-arm-id.js';
import { toIsoTime } from './to-iso-time.js';
import { toLocationName } from './to-location-name.js';

const SITE_STATES: Readonly<Record<string, NormalizedState>> = {
  running: 'active',
  stopped: 'inactive',
};

/** Normalizes a site state (`Running` → `active`, `Stopped` → `inactive`); absent when Azure did not say. */
export function toSiteState(nativeState: string | undefined): NormalizedState | undefined {
  return nativeState === undefined ? undefined : (SITE_STATES[nativeState.toLowerCase()] ?? 'unknown');
}

/** True for a site whose `kind` marks it as a function app (`functionapp`, `functionapp,linux`…). */
export function isFunctionApp(site: Pick<Site, 'kind'>): boolean {
  return (site.kind ?? '')
    .toLowerCase()
    .split(',')
    .some((part) => part.trim() === 'functionapp');
}

/**
 * The language stack of a function app as `STACK|version`: `siteConfig.linuxFxVersion` (Linux
 * plans), else Flex Consumption's `functionAppConfig.runtime` (`python` 3.11 → `PYTHON|3.11`).
 * Windows plans keep the stack in app settings, which cost a secret-bearing POST per app, so it
 * stays unknown there.
 */
export function runtimeOf(
  site: Pick<Site, 'siteConfig' | 'functionAppConfig'>,
  linuxFxVersion = site.siteConfig?.linuxFxVersion,
): string | undefined {
  if (linuxFxVersion !== undefined && linuxFxVersion !== null && linuxFxVersion.trim() !== '')
    return linuxFxVersion.trim();
  const runtime = site.functionAppConfig?.runtime;
  if (runtime?.name === undefined || runtime.version === undefined) return undefined;
  return `${runtime.name.toUpperCase()}|${runtime.version}`;
}

/**
 * Normalizes a function app (`WebApps_List` item whose `kind` contains `functionapp`). The id is
 * the ARM resource id; `runtime` comes from {@link runtimeOf} (or `linuxFxVersion` fetched
 * separately with `WebApps_GetConfiguration`), `runtime_deprecated` from the Functions support
 * table at `now`; `memory_mb` is the instance memory (`containerSize`); `log_group` names the
 * log group of its Application Insights traces (see `list-log-groups.ts`).
 */
export function toFunctionRecord(
  site: Site,
  account: string,
  now: Date,
  linuxFxVersion?: string,
): ResourceRecord {
  const id = site.id ?? '';
  const name = site.name ?? parseArmId(id).name;
  const runtime = runtimeOf(site, linuxFxVersion ?? site.siteConfig?.linuxFxVersion);
  return {
    provider: 'azure',
    kind: 'function',
    id,
    name,
    account,
    region: toLocationName(site.location),
    tags: { ...(site.tags ?? {}) },
    fields: compactFields({
      runtime,
      runtime_deprecated: runtime === undefined ? undefined : isFunctionRuntimeDeprecated(runtime, now),
      memory_mb: site.containerSize === 0 ? undefined : site.containerSize,
      state: toSiteState(site.state),
      native_state: site.state,
      last_modified: toIsoTime(site.lastModifiedTimeUtc),
      log_group: name === '' ? undefined : `AppTraces/${name}`,
      resource_group: site.resourceGroup ?? parseArmId(id).resourceGroup,
    }),
  };
}
