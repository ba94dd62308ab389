import {
  IMAGES,
  INSTANCE_STATES,
  INSTANCE_TYPES,
  PUBLIC_IP_PREFIXES,
  RUNNING_STATES,
  TRANSITIONAL_STATES,
  VOLUME_TYPES,
  type Weighted,
} from './cloud-catalog.js';
import {
  DAY_MS,
  NO_TAGS,
  type Mutable,
  armResourceId,
  awsResourceId,
  buildTags,
  gcpNumericId,
  timeBefore,
  timeBetween,
} from './estate-naming.js';
import type {
  EstateInstance,
  EstateVolume,
  InstanceMetrics,
  MetricPattern,
  Provider,
  Tags,
} from './model.js';
import type { CellPlan, EstatePlan } from './plan-estate.js';
import { APPLICATION_PRESETS, PEOPLE, type ApplicationPreset } from './presets.js';
import type { Random } from './random.js';

/** Where {@link generateCompute} appends what it creates. */
export interface ComputeOutput {
  readonly instances: EstateInstance[];
  readonly volumes: EstateVolume[];
  /** Creation and launch times of `instances[i]` in epoch ms, so later steps need not parse them. */
  readonly instanceCreatedMs: number[];
  readonly instanceLaunchMs: number[];
  /** Creation time of `volumes[i]` in epoch ms. */
  readonly volumeCreatedMs: number[];
}

/** An empty {@link ComputeOutput}. */
export function createComputeOutput(): ComputeOutput {
  return { instances: [], volumes: [], instanceCreatedMs: [], instanceLaunchMs: [], volumeCreatedMs: [] };
}

const APPLICATION_WEIGHTS: Weighted<ApplicationPreset> = APPLICATION_PRESETS.map((app) => [app, app.weight]);

/** Stopped states are more common outside production (people stop dev boxes at night). */
const STOPPED_STATES: ReadonlySet<string> = new Set(['stopped', 'deallocated', 'TERMINATED', 'SUSPENDED']);

function stateWeights(provider: Provider, environment: string): Weighted<string> {
  if (environment === 'prod') return INSTANCE_STATES[provider];
  return INSTANCE_STATES[provider].map(([state, weight]) => [
    state,
    STOPPED_STATES.has(state) ? weight * 2.5 : weight,
  ]);
}

/**
 * Metric kinds of running instances. Non-running instances are idle, so these weights are chosen
 * for the whole fleet to come out near 55 % idle, 25 % steady, 12 % busy, 8 % spiky.
 */
const RUNNING_METRIC_KINDS: Weighted<MetricPattern['kind']> = [
  ['idle', 47.5],
  ['steady', 29],
  ['busy', 14],
  ['spiky', 9.5],
];

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

function pattern(
  kind: MetricPattern['kind'],
  base: number,
  amplitude: number,
  random: Random,
  unit?: 'bytesPerSecond',
): MetricPattern {
  const rounded = unit === undefined ? round2 : Math.round;
  const result: Mutable<MetricPattern> = {
    kind,
    base: rounded(base),
    amplitude: rounded(amplitude),
    phaseMinutes: random.int(0, 1439),
    noiseSeed: random.int(0, 0xffffffff),
  };
  if (unit !== undefined) result.unit = unit;
  return result;
}

function createMetrics(running: boolean, random: Random): InstanceMetrics {
  const kind = running ? random.weighted(RUNNING_METRIC_KINDS) : 'idle';
  let cpu: MetricPattern;
  let memory: MetricPattern;
  let networkBase: number;
  let networkAmplitude: number;
  switch (kind) {
    case 'idle': {
      const base = random.float(0.8, 3.5);
      cpu = pattern('idle', base, Math.min(random.float(0.3, 1.5), base - 0.3), random);
      memory = pattern('steady', random.float(15, 40), random.float(1, 3), random);
      networkBase = random.float(300, 5_000);
      networkAmplitude = networkBase * 0.5;
      break;
    }
    case 'steady':
      cpu = pattern('steady', random.float(27, 38), random.float(4, 7), random);
      memory = pattern('steady', random.float(35, 65), random.float(2, 5), random);
      networkBase = random.float(50_000, 2_000_000);
      networkAmplitude = networkBase * 0.3;
      break;
    case 'busy':
      cpu = pattern('busy', random.float(76, 80), random.float(14, 17), random);
      memory = pattern('busy', random.float(65, 85), random.float(5, 10), random);
      networkBase = random.float(5_000_000, 50_000_000);
      networkAmplitude = networkBase * 0.4;
      break;
    case 'spiky': {
      const base = random.float(14, 22);
      cpu = pattern('spiky', base, random.float(95, 100) - base, random);
      memory = pattern('steady', random.float(30, 50), random.float(2, 4), random);
      networkBase = random.float(20_000, 200_000);
      networkAmplitude = networkBase * 30;
      break;
    }
  }
  const outRatio = random.float(0.3, 1.5);
  return {
    cpu,
    memory,
    networkIn: pattern(kind, networkBase, networkAmplitude, random, 'bytesPerSecond'),
    networkOut: pattern(kind, networkBase * outRatio, networkAmplitude * outRatio, random, 'bytesPerSecond'),
  };
}

function instanceName(app: ApplicationPreset, counter: number, cell: CellPlan): string {
  const environment = cell.account.environment;
  let name: string;
  switch (app.naming) {
    case 'fleet':
      name = [app.app, '-', environment, '-', cell.region.short, '-', String(counter).padStart(3, '0')].join(
        '',
      );
      break;
    case 'short':
      name = [app.app, '-', String(counter)].join('');
      break;
    case 'environment':
      name = [app.app, '-', environment, '-', String(counter)].join('');
      break;
  }
  // Azure's naming convention (Cloud Adoption Framework) prefixes VMs with their resource type.
  return cell.provider === 'azure' ? ['vm-', name].join('') : name;
}

/** Azure resource group of an application in a cell: `rg-payments-api-prod-eus`. */
export function resourceGroupOf(app: string, cell: CellPlan): string {
  return ['rg-', app, '-', cell.account.environment, '-', cell.region.short].join('');
}

function publicIp(provider: Provider, random: Random): string {
  const prefix = random.pick(PUBLIC_IP_PREFIXES[provider]);
  return [prefix, random.int(0, 255), random.int(0, 255), random.int(1, 254)].join('.');
}

const AWS_BOOT_SIZES: Readonly<Record<'linux' | 'windows', Weighted<number>>> = {
  linux: [
    [8, 3],
    [20, 3],
    [30, 2],
    [50, 1],
    [100, 1],
  ],
  windows: [
    [30, 1],
    [50, 2],
    [128, 2],
  ],
};
const AZURE_BOOT_SIZES: Readonly<Record<'linux' | 'windows', Weighted<number>>> = {
  linux: [
    [30, 5],
    [64, 2],
    [128, 1],
  ],
  windows: [
    [127, 4],
    [128, 1],
    [256, 1],
  ],
};
const GCP_BOOT_SIZES: Readonly<Record<'linux' | 'windows', Weighted<number>>> = {
  linux: [
    [10, 4],
    [20, 3],
    [50, 2],
    [100, 1],
  ],
  windows: [
    [50, 2],
    [100, 1],
  ],
};
const DATA_SIZES: Weighted<number> = [
  [50, 3],
  [100, 4],
  [200, 3],
  [500, 3],
  [1000, 2],
  [2000, 1],
];
const AWS_DATA_DEVICES = 'fghijklmnop';

function bootSize(provider: Provider, platform: 'linux' | 'windows', random: Random): number {
  switch (provider) {
    case 'aws':
      return random.weighted(AWS_BOOT_SIZES[platform]);
    case 'azure':
      return random.weighted(AZURE_BOOT_SIZES[platform]);
    case 'gcp':
      return random.weighted(GCP_BOOT_SIZES[platform]);
  }
}

function iopsFor(volumeType: string, sizeGb: number, random: Random): number | undefined {
  switch (volumeType) {
    case 'gp3':
      return 3000;
    case 'gp2':
      return Math.min(16_000, Math.max(100, sizeGb * 3));
    case 'io2':
    case 'UltraSSD_LRS':
    case 'PremiumV2_LRS':
    case 'hyperdisk-balanced':
      return random.pick([3000, 6000, 10_000, 16_000]);
    case 'Premium_LRS':
      // Azure premium SSD tiers P4…P40: IOPS follow the provisioned size.
      return sizeGb <= 32
        ? 120
        : sizeGb <= 64
          ? 240
          : sizeGb <= 128
            ? 500
            : sizeGb <= 512
              ? 2300
              : sizeGb <= 1024
                ? 5000
                : 7500;
    default:
      return undefined;
  }
}

function encryptionChance(provider: Provider, attached: boolean): number {
  switch (provider) {
    case 'aws':
      return attached ? 0.86 : 0.72;
    case 'azure':
      return attached ? 0.97 : 0.9;
    case 'gcp':
      // Persistent disks are always encrypted at rest; some use customer-managed keys.
      return 1;
  }
}

/** Everything per cell that instances and volumes share. */
interface CellState {
  readonly plan: EstatePlan;
  readonly cell: CellPlan;
  readonly random: Random;
  readonly states: Weighted<string>;
  readonly amis: Readonly<Record<'linux' | 'windows', readonly string[]>>;
  readonly keys: readonly string[];
  readonly counters: Map<string, number>;
  readonly zoneHosts: number[];
  readonly autoscaling: Map<string, Tags>;
  readonly resourceGroups: Map<string, string>;
}

/** The resource group of an application in this cell, one shared string per application. */
function cellResourceGroup(state: CellState, app: string): string {
  let group = state.resourceGroups.get(app);
  if (group === undefined) {
    group = resourceGroupOf(app, state.cell);
    state.resourceGroups.set(app, group);
  }
  return group;
}

/** The `aws:autoscaling:groupName` tag of an application's fleet, shared by its instances. */
function autoscalingTags(state: CellState, app: string): Tags {
  let tags = state.autoscaling.get(app);
  if (!tags) {
    tags = Object.freeze({ 'aws:autoscaling:groupName': `${app}-${state.cell.account.environment}-asg` });
    state.autoscaling.set(app, tags);
  }
  return tags;
}

function kmsKey(state: CellState): string {
  const { cell } = state;
  const account = cell.account.id;
  const key = state.random.pick(state.keys);
  switch (cell.provider) {
    case 'aws':
      return `arn:aws:kms:${cell.region.name}:${account}:key/${key}`;
    case 'azure':
      return armResourceId(
        account,
        `rg-security-${cell.account.environment}`,
        'Microsoft.Compute/diskEncryptionSets',
        `des-${key.slice(0, 8)}`,
      );
    case 'gcp':
      return `projects/${account}/locations/${cell.region.name}/keyRings/disks/cryptoKeys/disk-key-${key.slice(0, 6)}`;
  }
}

interface VolumeSpec {
  readonly state: CellState;
  readonly name: string;
  readonly zone: string;
  readonly resourceGroup: string | undefined;
  readonly sizeGb: number;
  readonly volumeType: string;
  readonly attachedTo: string | undefined;
  readonly device: string | undefined;
  readonly createdMs: number;
  readonly createdTime: string;
  readonly tags: Tags;
}

function createVolume(spec: VolumeSpec): EstateVolume {
  const { state } = spec;
  const { cell, random } = state;
  const provider = cell.provider;
  const id =
    provider === 'aws'
      ? awsResourceId('vol', random)
      : provider === 'azure'
        ? armResourceId(cell.account.id, spec.resourceGroup!, 'Microsoft.Compute/disks', spec.name)
        : gcpNumericId(random);
  const encrypted = random.chance(encryptionChance(provider, spec.attachedTo !== undefined));
  const customerKey = encrypted && random.chance(provider === 'gcp' ? 0.2 : 0.3);
  const iops = iopsFor(spec.volumeType, spec.sizeGb, random);
  // Optional fields are assigned rather than spread in: much faster for 100,000s of objects.
  const volume: Mutable<EstateVolume> = {
    provider,
    id,
    name: spec.name,
    account: cell.account.id,
    region: cell.region.name,
    zone: spec.zone,
    sizeGb: spec.sizeGb,
    volumeType: spec.volumeType,
    encrypted,
    createdTime: spec.createdTime,
    tags: spec.tags,
  };
  if (spec.resourceGroup !== undefined) volume.resourceGroup = spec.resourceGroup;
  if (spec.attachedTo !== undefined) volume.attachedTo = spec.attachedTo;
  if (spec.device !== undefined) volume.device = spec.device;
  if (customerKey) volume.kmsKeyId = kmsKey(state);
  if (iops !== undefined) volume.iops = iops;
  return volume;
}

function nextCounter(state: CellState, key: string): number {
  const counter = (state.counters.get(key) ?? 0) + 1;
  state.counters.set(key, counter);
  return counter;
}

function pickZone(state: CellState): { zone: string; zoneIndex: number } {
  const zones = state.cell.region.zones;
  // About a quarter of Azure VMs are not pinned to an availability zone.
  if (state.cell.provider === 'azure' && state.random.chance(0.25))
    return { zone: '', zoneIndex: zones.length };
  const zoneIndex = state.random.int(0, zones.length - 1);
  return { zone: zones[zoneIndex]!, zoneIndex };
}

function privateIp(state: CellState, zoneIndex: number): string {
  const host = state.zoneHosts[zoneIndex] ?? 0;
  state.zoneHosts[zoneIndex] = host + 1;
  return [10, state.cell.index * 7 + 16, zoneIndex * 32 + Math.floor(host / 250), 4 + (host % 250)].join('.');
}

function imageFor(state: CellState, platform: 'linux' | 'windows'): string {
  switch (state.cell.provider) {
    case 'aws':
      return state.random.pick(state.amis[platform]);
    case 'azure':
      return state.random.weighted(IMAGES.azure[platform]);
    case 'gcp':
      return state.random.weighted(IMAGES.gcp[platform]);
  }
}

interface InstanceDisks {
  readonly id: string;
  readonly name: string;
  readonly awsName: string;
  readonly app: ApplicationPreset;
  readonly platform: 'linux' | 'windows';
  readonly zone: string;
  readonly resourceGroup: string | undefined;
  readonly createdMs: number;
  readonly createdTime: string;
  readonly launchMs: number;
  readonly tags: Tags;
}

/** Creates the boot disk and any data disks of an instance; returns their ids, boot disk first. */
function createInstanceVolumes(state: CellState, output: ComputeOutput, instance: InstanceDisks): string[] {
  const { random } = state;
  const provider = state.cell.provider;
  const { id, name, awsName, app, platform, zone, resourceGroup, createdMs, launchMs, tags } = instance;
  const volumeIds: string[] = [];
  const shareTags = random.chance(0.6);
  const bootType = random.weighted(VOLUME_TYPES[provider].boot);
  const bootName =
    provider === 'aws'
      ? shareTags
        ? awsName
        : ''
      : provider === 'azure'
        ? [name, '_OsDisk_1_', random.hex(32)].join('')
        : name;
  const bootDevice =
    provider === 'aws'
      ? platform === 'windows'
        ? '/dev/sda1'
        : '/dev/xvda'
      : provider === 'azure'
        ? 'osDisk'
        : 'persistent-disk-0';
  const boot = createVolume({
    state,
    name: bootName,
    zone,
    resourceGroup,
    sizeGb: bootSize(provider, platform, random),
    volumeType: bootType,
    attachedTo: id,
    device: bootDevice,
    createdMs,
    createdTime: instance.createdTime,
    tags: shareTags ? tags : NO_TAGS,
  });
  output.volumes.push(boot);
  output.volumeCreatedMs.push(createdMs);
  volumeIds.push(boot.id);
  if (random.chance(app.dataDisks)) {
    const count = random.int(1, app.role === 'memory' ? 4 : 2);
    for (let disk = 0; disk < count; disk++) {
      const dataName =
        provider === 'aws'
          ? shareTags
            ? awsName
            : ''
          : provider === 'azure'
            ? [name, '_DataDisk_', String(disk)].join('')
            : [name, '-data-', String(disk + 1)].join('');
      const device =
        provider === 'aws'
          ? `/dev/sd${AWS_DATA_DEVICES[disk]!}`
          : provider === 'azure'
            ? `lun${disk}`
            : `persistent-disk-${disk + 1}`;
      const dataCreatedMs = timeBetween(createdMs, Math.max(createdMs, launchMs), random);
      const volume = createVolume({
        state,
        name: dataName,
        zone,
        resourceGroup,
        sizeGb: random.weighted(DATA_SIZES),
        volumeType: random.weighted(VOLUME_TYPES[provider].data),
        attachedTo: id,
        device,
        createdMs: dataCreatedMs,
        createdTime: state.plan.formatTime(dataCreatedMs),
        tags: shareTags ? tags : NO_TAGS,
      });
      output.volumes.push(volume);
      output.volumeCreatedMs.push(dataCreatedMs);
      volumeIds.push(volume.id);
    }
  }

  return volumeIds;
}

function createInstance(state: CellState, output: ComputeOutput): void {
  const { cell, random, plan } = state;
  const provider = cell.provider;
  const environment = cell.account.environment;
  const app = random.weighted(APPLICATION_WEIGHTS);
  const name = instanceName(app, nextCounter(state, app.app), cell);
  const resourceGroup = provider === 'azure' ? cellResourceGroup(state, app.app) : undefined;
  const { zone, zoneIndex } = pickZone(state);
  const platform = random.chance(app.windows) ? 'windows' : 'linux';
  const stateName = random.weighted(state.states);
  const running = RUNNING_STATES.has(stateName);

  let createdMs = timeBefore(plan.anchorMs, 180 * DAY_MS, random);
  let launchMs = createdMs;
  if (running && TRANSITIONAL_STATES.has(stateName)) {
    launchMs = plan.anchorMs - random.int(5, 300) * 1000;
    createdMs = Math.min(createdMs, launchMs);
  } else if (random.chance(0.3)) {
    // Restarted since creation (patching, resizing, a stop/start to fix a degraded host).
    launchMs = timeBetween(createdMs, plan.anchorMs - 3_600_000, random);
  }

  const createdTime = plan.formatTime(createdMs);
  const id =
    provider === 'aws'
      ? awsResourceId('i', random)
      : provider === 'azure'
        ? armResourceId(cell.account.id, resourceGroup!, 'Microsoft.Compute/virtualMachines', name)
        : gcpNumericId(random);
  const owner = random.pick(PEOPLE);
  const awsName = provider === 'aws' && random.chance(0.015) ? '' : name;
  const extra = provider === 'aws' && app.naming === 'fleet' ? autoscalingTags(state, app.app) : undefined;
  const tags = buildTags(
    provider,
    { name: provider === 'aws' ? awsName : undefined, environment, team: app.team, app: app.app, owner },
    random,
    extra,
  );

  // Terminated EC2 instances have already released their volumes.
  const volumeIds =
    stateName === 'terminated'
      ? []
      : createInstanceVolumes(state, output, {
          id,
          name,
          awsName,
          app,
          platform,
          zone,
          resourceGroup,
          createdMs,
          createdTime,
          launchMs,
          tags,
        });

  const instance: Mutable<EstateInstance> = {
    provider,
    id,
    name: provider === 'aws' ? awsName : name,
    account: cell.account.id,
    region: cell.region.name,
    zone,
    type: random.weighted(INSTANCE_TYPES[provider][app.role]),
    state: stateName,
    launchTime: launchMs === createdMs ? createdTime : plan.formatTime(launchMs),
    createdTime,
    privateIp: privateIp(state, zoneIndex),
    platform,
    imageId: imageFor(state, platform),
    monitoring: random.chance(provider === 'aws' ? 0.3 : provider === 'azure' ? 0.7 : 0.5),
    tags,
    volumeIds,
    metrics: createMetrics(running && !TRANSITIONAL_STATES.has(stateName), random),
  };
  if (resourceGroup !== undefined) instance.resourceGroup = resourceGroup;
  if (running && random.chance(app.publicIp)) instance.publicIp = publicIp(provider, random);
  output.instances.push(instance);
  output.instanceCreatedMs.push(createdMs);
  output.instanceLaunchMs.push(launchMs);
}

const ORPHAN_PURPOSES = ['old-data', 'restore-test', 'backup-copy', 'migration', 'scratch'];

function createUnattachedVolume(state: CellState, output: ComputeOutput): void {
  const { cell, random, plan } = state;
  const provider = cell.provider;
  const app = random.weighted(APPLICATION_WEIGHTS);
  const resourceGroup = provider === 'azure' ? cellResourceGroup(state, app.app) : undefined;
  const { zone } = pickZone(state);
  const counter = nextCounter(state, 'orphan');
  const kubernetes = random.chance(0.3);
  const purpose = random.pick(ORPHAN_PURPOSES);
  let name: string;
  if (kubernetes) name = ['pvc-', random.uuid()].join('');
  else if (provider === 'aws') name = random.chance(0.4) ? '' : `${app.app}-${purpose}-${counter}`;
  else if (provider === 'azure') name = `${app.app}-${purpose}-disk-${counter}`;
  else name = `${app.app}-${purpose}-${counter}`;
  const tags: Tags = random.chance(0.5)
    ? NO_TAGS
    : buildTags(
        provider,
        {
          ...(provider === 'aws' ? { name } : {}),
          environment: cell.account.environment,
          team: app.team,
          app: app.app,
          owner: random.pick(PEOPLE),
        },
        random,
      );
  const createdMs = timeBefore(plan.anchorMs, 360 * DAY_MS, random);
  output.volumes.push(
    createVolume({
      state,
      name,
      zone: zone === '' ? (cell.region.zones[0] ?? '') : zone,
      resourceGroup,
      sizeGb: random.weighted(DATA_SIZES),
      volumeType: random.weighted(VOLUME_TYPES[provider].data),
      attachedTo: undefined,
      device: undefined,
      createdMs,
      createdTime: plan.formatTime(createdMs),
      tags,
    }),
  );
  output.volumeCreatedMs.push(createdMs);
}

/**
 * Generates the instances of one cell (account × region) with their boot and data volumes, then
 * about 9 % of unattached volumes (leftovers, restore tests, released Kubernetes volumes).
 * Appends to `output`; the caller sorts.
 */
export function generateCompute(plan: EstatePlan, cell: CellPlan, output: ComputeOutput): void {
  const random = plan.random(`compute/${cell.provider}/${cell.account.id}/${cell.region.name}`);
  const state: CellState = {
    plan,
    cell,
    random,
    states: stateWeights(cell.provider, cell.account.environment),
    amis: {
      linux: Array.from({ length: 5 }, () => awsResourceId('ami', random)),
      windows: Array.from({ length: 2 }, () => awsResourceId('ami', random)),
    },
    keys: Array.from({ length: 2 }, () => random.uuid()),
    counters: new Map(),
    zoneHosts: [],
    autoscaling: new Map(),
    resourceGroups: new Map(),
  };
  const volumesBefore = output.volumes.length;
  for (let index = 0; index < cell.instances; index++) createInstance(state, output);
  const attached = output.volumes.length - volumesBefore;
  const unattached = Math.round(attached * 0.099);
  for (let index = 0; index < unattached; index++) createUnattachedVolume(state, output);
}
