import type { Estate, EstateInstance } from '../estate/model.js';

/** When a GCE instance ran, as Compute (`lastStopTimestamp`) and Monitoring (which points exist) see it. */
export interface InstanceActivity {
  /** Epoch ms of the last stop of a stopped instance (TERMINATED, SUSPENDED, STOPPING). */
  lastStopMs(instance: EstateInstance): number;
  /** `[from, until)` in epoch ms during which the instance produces metrics; `until` is +∞ while it runs. */
  activeWindow(instance: EstateInstance): { readonly from: number; readonly until: number };
}

/** Instance states in which the VM is not running. */
const STOPPED_STATES = new Set(['TERMINATED', 'SUSPENDED', 'STOPPING', 'SUSPENDING']);

/** True when a GCP instance state means the VM is (being) stopped. */
export function isStoppedState(state: string): boolean {
  return STOPPED_STATES.has(state);
}

/**
 * Derives instance activity from the estate: the last stop is the latest audited stop (or
 * suspend) after the last start; without one, a deterministic point between the last start and
 * the anchor.
 */
export function createInstanceActivity(estate: Estate): InstanceActivity {
  const anchorMs = Date.parse(estate.anchorTime);
  const lastStops = new Map<string, number>();
  for (const event of estate.auditEvents) {
    if (event.provider !== 'gcp' || event.action !== 'stop') continue;
    const time = Date.parse(event.time);
    if (time > (lastStops.get(event.resourceId) ?? Number.NEGATIVE_INFINITY))
      lastStops.set(event.resourceId, time);
  }
  const lastStopMs = (instance: EstateInstance): number => {
    const launched = Date.parse(instance.launchTime);
    const audited = lastStops.get(instance.id);
    if (audited !== undefined && audited >= launched) return audited;
    const share = 0.2 + ((Number(instance.id.slice(-4)) || 0) % 60) / 100;
    return launched + Math.floor((anchorMs - launched) * share);
  };
  return {
    lastStopMs,
    activeWindow: (instance) => ({
      from: Date.parse(instance.launchTime),
      until: isStoppedState(instance.state) ? lastStopMs(instance) : Number.POSITIVE_INFINITY,
    }),
  };
}
