import type { EstateAccount, EstateInstance, EstateVolume } from '../estate/model.js';
import { deriveDecimalId, deriveFingerprint } from './derive-gcp-value.js';
import type { GcpContext } from './gcp-context.js';
import {
  memoize,
  renderResource,
  type JsonObject,
  type JsonValue,
  type RenderedResource,
} from './gcp-json.js';
import { toComputeTimestamp } from './gcp-time.js';
import { createInstanceActivity, isStoppedState } from './instance-activity.js';

/** Base of every Compute Engine URL (`selfLink`, `zone`, `machineType`…). */
export const COMPUTE_BASE_URL = 'https://www.googleapis.com/compute/v1';

/** Compute's "beginning of time", the creation timestamp of every zone and region. */
const EPOCH_TIMESTAMP = '1969-12-31T16:00:00.000-08:00';

/** The fingerprint Compute reports for an empty set (no labels, no network tags). */
const EMPTY_FINGERPRINT = '42WmSpB8rSM=';

/** Pre-rendered Compute Engine resources of an estate, built on first use and kept. */
export interface ComputeCatalog {
  /** Instances of a project in a zone, sorted by name. */
  instancesInZone(project: string, zone: string): readonly EstateInstance[];
  /** Disks of a project in a zone, sorted by name. */
  disksInZone(project: string, zone: string): readonly EstateVolume[];
  /** An instance of a project in a zone by name, or `undefined`. */
  instanceByName(project: string, zone: string, name: string): EstateInstance | undefined;
  /** A disk of a project in a zone by name, or `undefined`. */
  diskByName(project: string, zone: string, name: string): EstateVolume | undefined;
  /** The `compute#instance` JSON of an instance. */
  instance(instance: EstateInstance): RenderedResource;
  /** The `compute#disk` JSON of a disk. */
  disk(volume: EstateVolume): RenderedResource;
  /** The `compute#zone` JSON of a known zone, or `undefined`. */
  zone(project: string, zone: string): RenderedResource | undefined;
  /** The `compute#region` JSON of a known region, or `undefined`. */
  region(project: string, region: string): RenderedResource | undefined;
  /** The `compute#project` JSON of a project. */
  project(project: EstateAccount): RenderedResource;
}

/** URL of a project-level Compute resource path (`projects/{p}/zones/{z}`…). */
export function computeUrl(path: string): string {
  return `${COMPUTE_BASE_URL}/${path}`;
}

function byName<T extends { readonly name: string; readonly id: string }>(a: T, b: T): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** CPU platform of a machine family, as `instances.get` reports it for a running instance. */
function cpuPlatformOf(machineType: string): string {
  const family = machineType.split('-')[0] ?? '';
  switch (family) {
    case 'e2':
      return 'Intel Broadwell';
    case 'n1':
      return 'Intel Skylake';
    case 'n2':
    case 'c2':
    case 'a2':
    case 'g2':
      return 'Intel Cascade Lake';
    case 'n2d':
    case 't2d':
      return 'AMD Rome';
    case 'c2d':
      return 'AMD Milan';
    case 'c3':
      return 'Intel Sapphire Rapids';
    default:
      return 'Intel Broadwell';
  }
}

/** GPUs that come with accelerator-optimized machine types. */
function acceleratorsOf(machineType: string): { type: string; count: number } | undefined {
  if (machineType.startsWith('g2-')) return { type: 'nvidia-l4', count: 1 };
  const a2 = /^a2-highgpu-(\d+)g$/.exec(machineType);
  if (a2) return { type: 'nvidia-tesla-a100', count: Number(a2[1]) };
  return undefined;
}

/** `debian-12-bookworm` from `projects/debian-cloud/global/images/debian-12-bookworm-v20251014`. */
function licenseOf(imageId: string): string | undefined {
  const match = /^projects\/([^/]+)\/global\/images\/(.+)$/.exec(imageId);
  if (!match) return undefined;
  const family = match[2]!.replace(/-v\d{8}$/, '').replace(/^(cos)-.*$/, '$1');
  return computeUrl(`projects/${match[1]}/global/licenses/${family}`);
}

/** Builds the catalog of an estate's GCP compute resources. */
export function createComputeCatalog(context: GcpContext): ComputeCatalog {
  const { index } = context;

  const zoneItems = memoize((key: string): { instances: EstateInstance[]; disks: EstateVolume[] } => {
    const [project, zone] = key.split('\u0000') as [string, string];
    const region = context.regionOfZone(zone);
    if (region === undefined) return { instances: [], disks: [] };
    return {
      instances: index
        .instancesIn('gcp', project, region)
        .filter((item) => item.zone === zone)
        .sort(byName),
      disks: index
        .volumesIn('gcp', project, region)
        .filter((item) => item.zone === zone)
        .sort(byName),
    };
  });

  const activity = createInstanceActivity(context.estate);

  // Which instance a volume boots (first volume) or is attached to, for disk JSON.
  const bootOf = new Map<string, EstateInstance>();
  for (const instance of context.estate.instances) {
    const boot = instance.provider === 'gcp' ? instance.volumeIds[0] : undefined;
    if (boot !== undefined) bootOf.set(boot, instance);
  }

  const zoneUrl = (project: string, zone: string): string => computeUrl(`projects/${project}/zones/${zone}`);

  const instance = memoize((item: EstateInstance): RenderedResource => {
    const zone = zoneUrl(item.account, item.zone);
    const selfLink = `${zone}/instances/${item.name}`;
    const project = context.project(item.account);
    const projectNumber = project?.number ?? deriveDecimalId(`project:${item.account}`, 12);
    const stopped = isStoppedState(item.state);
    const accelerator = acceleratorsOf(item.type);
    const disks: JsonValue[] = [];
    item.volumeIds.forEach((volumeId, position) => {
      const volume = index.volume('gcp', volumeId);
      if (!volume) return;
      const boot = position === 0;
      const license = boot ? licenseOf(item.imageId) : undefined;
      const features: JsonValue[] = boot
        ? [{ type: 'UEFI_COMPATIBLE' }, { type: 'VIRTIO_SCSI_MULTIQUEUE' }, { type: 'GVNIC' }]
        : [];
      if (boot && item.platform === 'windows') features.push({ type: 'WINDOWS' });
      disks.push({
        kind: 'compute#attachedDisk',
        type: 'PERSISTENT',
        mode: 'READ_WRITE',
        source: `${zoneUrl(volume.account, volume.zone)}/disks/${volume.name}`,
        deviceName: volume.device ?? (boot ? 'persistent-disk-0' : volume.name),
        index: position,
        boot,
        autoDelete: boot,
        ...(license === undefined ? {} : { licenses: [license] }),
        interface: 'SCSI',
        ...(features.length > 0 ? { guestOsFeatures: features } : {}),
        diskSizeGb: String(volume.sizeGb),
        ...(volume.kmsKeyId === undefined
          ? {}
          : { diskEncryptionKey: { kmsKeyName: `${volume.kmsKeyId}/cryptoKeyVersions/1` } }),
        architecture: 'X86_64',
      });
    });
    const labels = item.tags;
    const accessConfig: JsonObject = {
      kind: 'compute#accessConfig',
      type: 'ONE_TO_ONE_NAT',
      name: 'External NAT',
      natIP: item.publicIp ?? '',
      networkTier: 'PREMIUM',
    };
    const object: JsonObject = {
      kind: 'compute#instance',
      id: item.id,
      creationTimestamp: toComputeTimestamp(item.createdTime),
      name: item.name,
      description: '',
      tags: { fingerprint: EMPTY_FINGERPRINT },
      machineType: `${zone}/machineTypes/${item.type}`,
      status: item.state,
      zone,
      canIpForward: false,
      networkInterfaces: [
        {
          kind: 'compute#networkInterface',
          network: computeUrl(`projects/${item.account}/global/networks/default`),
          subnetwork: computeUrl(`projects/${item.account}/regions/${item.region}/subnetworks/default`),
          networkIP: item.privateIp,
          name: 'nic0',
          ...(item.publicIp === undefined ? {} : { accessConfigs: [accessConfig] }),
          fingerprint: deriveFingerprint(`nic:${item.id}`),
          stackType: 'IPV4_ONLY',
        },
      ],
      disks,
      metadata: { kind: 'compute#metadata', fingerprint: deriveFingerprint(`metadata:${item.id}`) },
      serviceAccounts: [
        {
          email: `${projectNumber}-compute@developer.gserviceaccount.com`,
          scopes: ['https://www.googleapis.com/auth/cloud-platform'],
        },
      ],
      selfLink,
      scheduling: {
        onHostMaintenance: accelerator === undefined ? 'MIGRATE' : 'TERMINATE',
        automaticRestart: true,
        preemptible: false,
        provisioningModel: 'STANDARD',
      },
      cpuPlatform: item.state === 'TERMINATED' ? 'Unknown CPU Platform' : cpuPlatformOf(item.type),
      ...(Object.keys(labels).length > 0 ? { labels } : {}),
      labelFingerprint:
        Object.keys(labels).length > 0
          ? deriveFingerprint(`labels:${JSON.stringify(labels)}`)
          : EMPTY_FINGERPRINT,
      startRestricted: false,
      deletionProtection: false,
      ...(accelerator === undefined
        ? {}
        : {
            guestAccelerators: [
              {
                acceleratorType: `${zone}/acceleratorTypes/${accelerator.type}`,
                acceleratorCount: accelerator.count,
              },
            ],
          }),
      shieldedInstanceConfig: { enableSecureBoot: false, enableVtpm: true, enableIntegrityMonitoring: true },
      shieldedInstanceIntegrityPolicy: { updateAutoLearnPolicy: true },
      fingerprint: deriveFingerprint(`instance:${item.id}:${item.state}`),
      lastStartTimestamp: toComputeTimestamp(item.launchTime),
      ...(stopped ? { lastStopTimestamp: toComputeTimestamp(activity.lastStopMs(item)) } : {}),
      satisfiesPzi: true,
    };
    return renderResource(object);
  });

  const disk = memoize((volume: EstateVolume): RenderedResource => {
    const zone = zoneUrl(volume.account, volume.zone);
    const attached = volume.attachedTo === undefined ? undefined : index.instance('gcp', volume.attachedTo);
    const bootFor = bootOf.get(volume.id);
    const labels = volume.tags;
    const hyperdisk = volume.volumeType.startsWith('hyperdisk');
    const object: JsonObject = {
      kind: 'compute#disk',
      id: volume.id,
      creationTimestamp: toComputeTimestamp(volume.createdTime),
      name: volume.name,
      sizeGb: String(volume.sizeGb),
      zone,
      status: 'READY',
      selfLink: `${zone}/disks/${volume.name}`,
      ...(bootFor === undefined
        ? {}
        : {
            sourceImage: computeUrl(bootFor.imageId),
            sourceImageId: deriveDecimalId(`image:${bootFor.imageId}`, 19),
          }),
      type: `${zone}/diskTypes/${volume.volumeType}`,
      ...(bootFor !== undefined && licenseOf(bootFor.imageId) !== undefined
        ? { licenses: [licenseOf(bootFor.imageId)!] }
        : {}),
      ...(attached === undefined
        ? {}
        : {
            lastAttachTimestamp: toComputeTimestamp(
              Math.max(Date.parse(volume.createdTime), Date.parse(attached.createdTime)),
            ),
            users: [`${zoneUrl(attached.account, attached.zone)}/instances/${attached.name}`],
          }),
      ...(Object.keys(labels).length > 0 ? { labels } : {}),
      labelFingerprint:
        Object.keys(labels).length > 0
          ? deriveFingerprint(`labels:${JSON.stringify(labels)}`)
          : EMPTY_FINGERPRINT,
      physicalBlockSizeBytes: '4096',
      ...(hyperdisk && volume.iops !== undefined
        ? {
            provisionedIops: String(volume.iops),
            provisionedThroughput: String(Math.max(140, Math.round(volume.iops / 4))),
          }
        : {}),
      ...(volume.kmsKeyId === undefined
        ? {}
        : { diskEncryptionKey: { kmsKeyName: `${volume.kmsKeyId}/cryptoKeyVersions/1` } }),
      architecture: 'X86_64',
      satisfiesPzi: true,
    };
    return renderResource(object);
  });

  const zone = memoize((key: string): RenderedResource | undefined => {
    const [project, name] = key.split('\u0000') as [string, string];
    const region = context.regions.find((candidate) => candidate.zones.includes(name));
    if (!region) return undefined;
    return renderResource({
      kind: 'compute#zone',
      id: deriveDecimalId(`zone:${name}`, 4),
      creationTimestamp: EPOCH_TIMESTAMP,
      name,
      description: name,
      status: 'UP',
      region: computeUrl(`projects/${project}/regions/${region.name}`),
      selfLink: computeUrl(`projects/${project}/zones/${name}`),
      availableCpuPlatforms: [
        'Intel Sapphire Rapids',
        'Intel Cascade Lake',
        'Intel Skylake',
        'Intel Broadwell',
        'AMD Milan',
        'AMD Rome',
      ],
      supportsPzs: true,
    });
  });

  const region = memoize((key: string): RenderedResource | undefined => {
    const [project, name] = key.split('\u0000') as [string, string];
    const found = context.regions.find((candidate) => candidate.name === name);
    if (!found) return undefined;
    return renderResource({
      kind: 'compute#region',
      id: deriveDecimalId(`region:${name}`, 4),
      creationTimestamp: EPOCH_TIMESTAMP,
      name,
      description: name,
      status: 'UP',
      zones: [...found.zones].sort().map((zoneName) => computeUrl(`projects/${project}/zones/${zoneName}`)),
      selfLink: computeUrl(`projects/${project}/regions/${name}`),
      supportsPzs: true,
    });
  });

  const project = memoize((account: EstateAccount): RenderedResource => {
    const number = account.number ?? deriveDecimalId(`project:${account.id}`, 12);
    return renderResource({
      kind: 'compute#project',
      id: number,
      creationTimestamp: toComputeTimestamp(context.anchorMs - 900 * 86_400_000),
      name: account.id,
      commonInstanceMetadata: {
        kind: 'compute#metadata',
        fingerprint: deriveFingerprint(`project-metadata:${account.id}`),
      },
      selfLink: computeUrl(`projects/${account.id}`),
      defaultServiceAccount: `${number}-compute@developer.gserviceaccount.com`,
      xpnProjectStatus: 'UNSPECIFIED_XPN_PROJECT_STATUS',
      defaultNetworkTier: 'PREMIUM',
      vmDnsSetting: 'ZONAL_ONLY',
    });
  });

  return {
    instancesInZone: (projectId, zoneName) => zoneItems(`${projectId}\u0000${zoneName}`).instances,
    disksInZone: (projectId, zoneName) => zoneItems(`${projectId}\u0000${zoneName}`).disks,
    instanceByName: (projectId, zoneName, name) =>
      zoneItems(`${projectId}\u0000${zoneName}`).instances.find((item) => item.name === name),
    diskByName: (projectId, zoneName, name) =>
      zoneItems(`${projectId}\u0000${zoneName}`).disks.find((item) => item.name === name),
    instance,
    disk,
    zone: (projectId, zoneName) => zone(`${projectId}\u0000${zoneName}`),
    region: (projectId, regionName) => region(`${projectId}\u0000${regionName}`),
    project,
  };
}
