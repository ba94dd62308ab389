import {
  AUDIT_RESOURCE_TYPES,
  AUDIT_SOURCES,
  auditOperationOf,
  type AuditResourceKind,
  type Weighted,
} from './cloud-catalog.js';
import {
  DAY_MS,
  armResourceId,
  awsResourceId,
  gcpNumericId,
  timeBetween,
  type Mutable,
} from './estate-naming.js';
import { resourceGroupOf, type ComputeOutput } from './generate-compute.js';
import type { EstateAuditEvent, Provider } from './model.js';
import type { CellPlan, EstatePlan } from './plan-estate.js';
import { APPLICATION_PRESETS, EMAIL_DOMAIN, PEOPLE } from './presets.js';
import type { Random } from './random.js';

/** How far back audit logs reach: CloudTrail event history keeps 90 days, and so do we. */
const AUDIT_WINDOW_MS = 90 * DAY_MS;

type Action = EstateAuditEvent['action'];

/** The people, pipelines and service identities that act in one account. */
function actorsOf(plan: EstatePlan, cell: CellPlan): Weighted<(random: Random) => string> {
  const account = cell.account.id;
  const sso = plan.random(`sso/${account}`).hex(16);
  const pipeline = plan.random(`pipeline/${account}`).uuid();
  const runs = plan.random(`runs/${account}`);
  const ciSessions = Array.from(
    { length: 40 },
    () => `arn:aws:sts::${account}:assumed-role/ci-deployer/github-actions-${runs.digits(10)}`,
  );
  return [
    ...PEOPLE.map((person): readonly [(random: Random) => string, number] => {
      switch (cell.provider) {
        case 'aws':
          return [
            () =>
              `arn:aws:sts::${account}:assumed-role/AWSReservedSSO_AdministratorAccess_${sso}/${person}@${EMAIL_DOMAIN}`,
            3,
          ];
        case 'azure':
        case 'gcp':
          return [() => `${person}@${EMAIL_DOMAIN}`, 4];
      }
    }),
    ...PEOPLE.slice(0, 3).map((person): readonly [(random: Random) => string, number] => [
      () =>
        cell.provider === 'aws' ? `arn:aws:iam::${account}:user/${person}` : `${person}@${EMAIL_DOMAIN}`,
      1,
    ]),
    [
      (random) => {
        switch (cell.provider) {
          case 'aws':
            // One CI run deploys many resources, so session names repeat.
            return random.pick(ciSessions);
          case 'azure':
            return pipeline;
          case 'gcp':
            return `deployer@${account}.iam.gserviceaccount.com`;
        }
      },
      40,
    ],
    [
      () => {
        switch (cell.provider) {
          case 'aws':
            return `arn:aws:sts::${account}:assumed-role/AWSServiceRoleForAutoScaling/AutoScaling`;
          case 'azure':
            return `terraform-sp@${EMAIL_DOMAIN}`;
          case 'gcp':
            return `${cell.account.number ?? '0'}@cloudservices.gserviceaccount.com`;
        }
      },
      12,
    ],
  ];
}

interface EventTarget {
  readonly kind: AuditResourceKind;
  readonly id: string;
  readonly name: string;
  readonly resourceGroup: string | undefined;
  readonly state?: string;
}

/**
 * Generates the audit events of one cell for the 90 days before the anchor: a create event for
 * every instance created in that window (`RunInstances`, `Microsoft.Compute/virtualMachines/write`,
 * `v1.compute.instances.insert`), start events for restarted instances, stop events for stopped
 * ones (`StopInstances`, `…/deallocate/action` or `…/powerOff/action`, `v1.compute.instances.stop`),
 * terminate events for terminated EC2 instances, create events for data and unattached volumes, and
 * create/delete pairs for about 3 % more instances and 2 % more volumes that no longer exist.
 */
export function generateAuditEvents(
  plan: EstatePlan,
  cell: CellPlan,
  compute: ComputeOutput,
): EstateAuditEvent[] {
  const { instances, volumes } = compute;
  const events: EstateAuditEvent[] = [];
  const random = plan.random(`audit/${cell.provider}/${cell.account.id}/${cell.region.name}`);
  const provider = cell.provider;
  const windowStart = plan.anchorMs - AUDIT_WINDOW_MS;
  const actors = actorsOf(plan, cell);

  const emit = (target: EventTarget, action: Action, timeMs: number): void => {
    if (timeMs < windowStart || timeMs > plan.anchorMs) return;
    const event: Mutable<EstateAuditEvent> = {
      provider,
      id: provider === 'gcp' ? random.hex(12) : random.uuid(),
      account: cell.account.id,
      region: cell.region.name,
      time: plan.formatTime(timeMs),
      action,
      operation: auditOperationOf(provider, target.kind, action, target.state),
      source: AUDIT_SOURCES[provider],
      actor: random.weighted(actors)(random),
      resourceId: target.id,
      resourceType: AUDIT_RESOURCE_TYPES[provider][target.kind],
      resourceName: target.name,
    };
    if (target.resourceGroup !== undefined) event.resourceGroup = target.resourceGroup;
    events.push(event);
  };

  const bootVolumes = new Set<string>();
  instances.forEach((instance, index) => {
    const target: EventTarget = {
      kind: 'instance',
      id: instance.id,
      name: instance.name === '' ? instance.id : instance.name,
      resourceGroup: instance.resourceGroup,
      state: instance.state,
    };
    const bootVolume = instance.volumeIds[0];
    if (bootVolume !== undefined) bootVolumes.add(bootVolume);
    const createdMs = compute.instanceCreatedMs[index]!;
    const launchMs = compute.instanceLaunchMs[index]!;
    emit(target, 'create', createdMs);
    if (launchMs > createdMs) emit(target, 'start', launchMs);
    switch (instance.state) {
      case 'terminated':
      case 'shutting-down':
        // EC2 keeps terminated instances visible for about an hour.
        emit(target, 'delete', plan.anchorMs - random.int(60, 3300) * 1000);
        break;
      case 'stopped':
      case 'deallocated':
      case 'TERMINATED':
      case 'SUSPENDED':
        emit(target, 'stop', timeBetween(launchMs, plan.anchorMs - 600_000, random));
        break;
      case 'stopping':
      case 'deallocating':
      case 'STOPPING':
        emit(target, 'stop', plan.anchorMs - random.int(10, 300) * 1000);
        break;
      default:
        break;
    }
  });

  volumes.forEach((volume, index) => {
    if (bootVolumes.has(volume.id)) return;
    emit(
      {
        kind: 'volume',
        id: volume.id,
        name: volume.name === '' ? volume.id : volume.name,
        resourceGroup: volume.resourceGroup,
      },
      'create',
      compute.volumeCreatedMs[index]!,
    );
  });

  const deletedInstances = Math.round(instances.length * 0.03);
  for (let index = 0; index < deletedInstances; index++) {
    const app = random.pick(APPLICATION_PRESETS).app;
    // Short-lived canaries: a name no live instance uses, so ids never clash with live resources.
    const name = `${provider === 'azure' ? 'vm-' : ''}${app}-canary-${random.int(100, 9999)}`;
    const resourceGroup = provider === 'azure' ? resourceGroupOf(app, cell) : undefined;
    emitLifecycle(emit, random, plan.anchorMs, {
      kind: 'instance',
      id: ghostId(provider, 'instance', cell, resourceGroup, name, random),
      name,
      resourceGroup,
    });
  }
  const deletedVolumes = Math.round(volumes.length * 0.02);
  for (let index = 0; index < deletedVolumes; index++) {
    const app = random.pick(APPLICATION_PRESETS).app;
    const name = `${app}-tmp-${random.int(100, 9999)}`;
    const resourceGroup = provider === 'azure' ? resourceGroupOf(app, cell) : undefined;
    emitLifecycle(emit, random, plan.anchorMs, {
      kind: 'volume',
      id: ghostId(provider, 'volume', cell, resourceGroup, name, random),
      name,
      resourceGroup,
    });
  }
  return events;
}

function ghostId(
  provider: Provider,
  kind: AuditResourceKind,
  cell: CellPlan,
  resourceGroup: string | undefined,
  name: string,
  random: Random,
): string {
  switch (provider) {
    case 'aws':
      return awsResourceId(kind === 'instance' ? 'i' : 'vol', random);
    case 'azure':
      return armResourceId(cell.account.id, resourceGroup!, AUDIT_RESOURCE_TYPES.azure[kind], name);
    case 'gcp':
      return gcpNumericId(random);
  }
}

/** A resource that lived and died: created up to 180 days ago, deleted within the audit window. */
function emitLifecycle(
  emit: (target: EventTarget, action: Action, timeMs: number) => void,
  random: Random,
  anchorMs: number,
  target: EventTarget,
): void {
  const createdMs = anchorMs - Math.floor((random.next() * 180 * DAY_MS) / 1000) * 1000;
  const deletedMs = timeBetween(Math.max(createdMs, anchorMs - AUDIT_WINDOW_MS) + 60_000, anchorMs, random);
  emit(target, 'create', createdMs);
  emit(target, 'delete', deletedMs);
}
