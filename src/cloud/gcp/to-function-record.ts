import type { NormalizedState, ResourceRecord } from '../../core/ports/cloud-port.js';
import { compactFields } from '../shared/compact-fields.js';
import { segmentAfter, toShortName } from './to-short-name.js';
import { isGcpRuntimeDeprecated } from './gcp-runtime-deprecations.js';
import type { CloudFunction } from './gcp-sdk-types.js';
import { toIsoTime } from './to-iso-time.js';

const FUNCTION_STATES: Readonly<Record<string, NormalizedState>> = {
  ACTIVE: 'active',
  FAILED: 'failed',
  DEPLOYING: 'pending',
  DELETING: 'terminated',
  UNKNOWN: 'unknown',
};

/** Normalizes a Cloud Functions v2 state (`ACTIVE` → `active`…); absent when the API did not say. */
export function toFunctionState(nativeState: string | null | undefined): NormalizedState | undefined {
  if (nativeState === null || nativeState === undefined || nativeState === 'STATE_UNSPECIFIED')
    return undefined;
  return FUNCTION_STATES[nativeState] ?? 'unknown';
}

const MEMORY_UNITS: Readonly<Record<string, number>> = {
  '': 1 / (1024 * 1024),
  k: 1 / 1024,
  Ki: 1 / 1024,
  M: 1,
  Mi: 1,
  G: 1024,
  Gi: 1024,
};

/**
 * Megabytes of a Cloud Functions `availableMemory` (`256M`, `512Mi`, `1G`, `2Gi`; a bare number is
 * bytes). Cloud Functions sells memory in binary tiers and writes them `256M`/`1G`, so `M` and
 * `G` are read as MiB and GiB, as the console shows them; the result is rounded to whole MB.
 */
export function toMemoryMb(availableMemory: string | null | undefined): number | undefined {
  if (availableMemory === null || availableMemory === undefined) return undefined;
  const match = /^(\d+(?:\.\d+)?)\s*([kKMG]i?|)$/.exec(availableMemory.trim());
  if (!match) return undefined;
  const unit = match[2] === 'K' || match[2] === 'Ki' ? 'Ki' : (match[2] ?? '');
  const factor = MEMORY_UNITS[unit];
  return factor === undefined ? undefined : Math.round(Number(match[1]) * factor);
}

/**
 * Normalizes a Cloud Functions v2 function (`functions.list`). The id and name are the short
 * function name (unique per project and region), the region comes from the resource name.
 * `runtime_deprecated` is judged at `now` from {@link isGcpRuntimeDeprecated} and absent for
 * runtimes the table does not know.
 */
export function toFunctionRecord(fn: CloudFunction, project: string, now: Date): ResourceRecord {
  const name = toShortName(fn.name) ?? '';
  const runtime = fn.buildConfig?.runtime ?? undefined;
  const timeout = fn.serviceConfig?.timeoutSeconds;
  return {
    provider: 'gcp',
    kind: 'function',
    id: name,
    name,
    account: project,
    region: segmentAfter(fn.name, 'locations') ?? 'global',
    tags: { ...(fn.labels ?? {}) },
    fields: compactFields({
      runtime: runtime === '' ? undefined : runtime,
      runtime_deprecated:
        runtime === undefined || runtime === '' ? undefined : isGcpRuntimeDeprecated(runtime, now),
      memory_mb: toMemoryMb(fn.serviceConfig?.availableMemory),
      timeout_s: typeof timeout === 'number' ? timeout : undefined,
      state: toFunctionState(typeof fn.state === 'string' ? fn.state : undefined),
      last_modified: toIsoTime(fn.updateTime ?? undefined),
      handler: fn.buildConfig?.entryPoint === '' ? undefined : (fn.buildConfig?.entryPoint ?? undefined),
    }),
  };
}
