import type { EstateInstance } from '../estate/model.js';
import type { AwsContext } from './aws-context.js';

/** When an instance produced metrics: from creation until it stopped (or until the estate's "now"). */
export interface ActivityWindow {
  readonly startMs: number;
  readonly endMs: number;
}

/** What the audit trail says about instances' lives, for CloudWatch windows and EC2 state reasons. */
export interface InstanceActivity {
  /** When the instance last stopped or was terminated (epoch ms), when it is stopped/terminated and the trail says. */
  stoppedAt(instance: EstateInstance): number | undefined;
  /** The window in which the instance was running and therefore had metrics. */
  window(instance: EstateInstance): ActivityWindow;
}

const STOPPED_STATES = new Set(['stopped', 'terminated']);

/**
 * Reads the AWS audit events once (StopInstances/TerminateInstances per instance) and answers
 * activity questions in O(1). Instances that are stopped or terminated stop producing metrics at
 * their last stop/terminate event; when the trail has none, at their last launch time (the only
 * other time the estate knows), so that a stopped instance never reports fresh data.
 */
export function createInstanceActivity(context: AwsContext): InstanceActivity {
  const lastStop = new Map<string, number>();
  for (const event of context.estate.auditEvents) {
    if (event.provider !== 'aws') continue;
    if (event.operation !== 'StopInstances' && event.operation !== 'TerminateInstances') continue;
    const at = Date.parse(event.time);
    if (!Number.isFinite(at)) continue;
    const previous = lastStop.get(event.resourceId);
    if (previous === undefined || at > previous) lastStop.set(event.resourceId, at);
  }
  const stoppedAt = (instance: EstateInstance): number | undefined =>
    STOPPED_STATES.has(instance.state) ? lastStop.get(instance.id) : undefined;
  return {
    stoppedAt,
    window(instance) {
      const created = Date.parse(instance.createdTime);
      const startMs = Number.isFinite(created) ? created : context.anchorMs;
      let endMs = context.anchorMs;
      if (STOPPED_STATES.has(instance.state)) {
        const launched = Date.parse(instance.launchTime);
        endMs = Math.min(endMs, stoppedAt(instance) ?? (Number.isFinite(launched) ? launched : startMs));
      } else if (instance.state === 'pending') {
        const launched = Date.parse(instance.launchTime);
        if (Number.isFinite(launched)) endMs = Math.min(endMs, launched);
      }
      return { startMs, endMs: Math.max(startMs, endMs) };
    },
  };
}
