import type { EstateInstance, EstateVolume, Tags } from '../estate/model.js';
import type { AwsContext } from './aws-context.js';
import { zoneIdOf } from './aws-regions.js';
import type { Ec2DerivedIds } from './ec2-derived-ids.js';
import { escapeXml, xmlLeaf } from './escape-xml.js';
import type { InstanceActivity } from './instance-activity.js';

/** EC2 instance state codes (the low byte of `instanceState.code`). */
export const INSTANCE_STATE_CODES: Readonly<Record<string, number>> = {
  pending: 0,
  running: 16,
  'shutting-down': 32,
  terminated: 48,
  stopping: 64,
  stopped: 80,
};

/**
 * Serialized EC2 items, built once per resource and then reused by every response. Items are
 * UTF-8 buffers: a page is then one `Buffer.concat`, with no string flattening or encoding per
 * request.
 */
export interface Ec2XmlRenderer {
  /** One `<item>` of `reservationSet`: a reservation holding this one instance. */
  reservationItem(instance: EstateInstance): Buffer;
  /** One `<item>` of `volumeSet`. */
  volumeItem(volume: EstateVolume): Buffer;
}

/** `tagSet` of EC2 (empty tags give no element, as EC2 omits it). */
export function ec2TagSet(tags: Tags): string {
  const parts: string[] = [];
  for (const key in tags)
    parts.push(`<item><key>${escapeXml(key)}</key><value>${escapeXml(tags[key]!)}</value></item>`);
  return parts.length === 0 ? '' : `<tagSet>${parts.join('')}</tagSet>`;
}

/** `arm64` for Graviton families (`t4g`, `m7g`, `c6gn`, `x2gd`…), `x86_64` otherwise. */
export function architectureOf(instanceType: string): 'arm64' | 'x86_64' {
  const family = instanceType.split('.')[0] ?? '';
  return /^[a-z]+\d+g[a-z]*$/.test(family) ? 'arm64' : 'x86_64';
}

function dashedIp(ip: string): string {
  return ip.replaceAll('.', '-');
}

function privateDnsName(ip: string, region: string): string {
  return region === 'us-east-1'
    ? `ip-${dashedIp(ip)}.ec2.internal`
    : `ip-${dashedIp(ip)}.${region}.compute.internal`;
}

function publicDnsName(ip: string, region: string): string {
  return region === 'us-east-1'
    ? `ec2-${dashedIp(ip)}.compute-1.amazonaws.com`
    : `ec2-${dashedIp(ip)}.${region}.compute.amazonaws.com`;
}

/** `2026-11-01 12:00:00 GMT`, the time format of EC2 state transition reasons. */
function reasonTime(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 19).replace('T', ' ')} GMT`;
}

function laterOf(a: string, b: string): string {
  return a > b ? a : b;
}

/**
 * Creates the EC2 item renderer of one handler. Items follow the element names and order of the
 * EC2 API (`instancesSet`, `instanceState`, `dnsName`, `ipAddress`…) and carry what an SRE reads
 * (state and reason, type, placement, addresses, network, security group, block devices, tags,
 * platform, IMDS options), not every optional structure EC2 adds: every element costs the SDK
 * parse time, and DescribeInstances throughput is a benchmark figure. A terminated instance keeps
 * no addresses, subnet or block devices, as in EC2; a stopped one keeps its private address and
 * its public address when the estate gives one (an Elastic IP survives a stop).
 */
export function createEc2XmlRenderer(
  context: AwsContext,
  ids: Ec2DerivedIds,
  activity: InstanceActivity,
): Ec2XmlRenderer {
  const reservations = new Map<EstateInstance, Buffer>();
  const volumes = new Map<EstateVolume, Buffer>();

  const attachTimeOf = (volume: EstateVolume, instance: EstateInstance | undefined): string =>
    instance === undefined ? volume.createdTime : laterOf(volume.createdTime, instance.createdTime);

  const renderInstance = (instance: EstateInstance): string => {
    const { account, region, state } = instance;
    const terminated = state === 'terminated';
    const windows = instance.platform === 'windows';
    const rootDeviceName = windows ? '/dev/sda1' : '/dev/xvda';
    const code = INSTANCE_STATE_CODES[state] ?? 16;
    const parts: string[] = [
      '<item>',
      xmlLeaf('instanceId', instance.id),
      xmlLeaf('imageId', instance.imageId),
      `<instanceState><code>${code}</code><name>${escapeXml(state)}</name></instanceState>`,
      terminated
        ? '<privateDnsName/>'
        : xmlLeaf('privateDnsName', privateDnsName(instance.privateIp, region)),
      !terminated && instance.publicIp !== undefined
        ? xmlLeaf('dnsName', publicDnsName(instance.publicIp, region))
        : '<dnsName/>',
    ];
    if (state === 'stopped' || terminated || state === 'stopping' || state === 'shutting-down') {
      const at = activity.stoppedAt(instance) ?? Date.parse(instance.launchTime);
      parts.push(
        xmlLeaf('reason', Number.isFinite(at) ? `User initiated (${reasonTime(at)})` : 'User initiated'),
      );
    } else {
      parts.push('<reason/>');
    }
    parts.push(
      xmlLeaf('instanceType', instance.type),
      xmlLeaf('launchTime', instance.launchTime),
      `<placement>${xmlLeaf('availabilityZoneId', zoneIdOf(instance.zone, region))}${xmlLeaf('availabilityZone', instance.zone)}` +
        '<tenancy>default</tenancy></placement>',
    );
    if (windows) parts.push('<platform>windows</platform>');
    parts.push(`<monitoring><state>${instance.monitoring ? 'enabled' : 'disabled'}</state></monitoring>`);
    if (!terminated) {
      parts.push(
        xmlLeaf('subnetId', ids.subnetId(account, instance.zone)),
        xmlLeaf('vpcId', ids.vpcId(account, region)),
        xmlLeaf('privateIpAddress', instance.privateIp),
      );
      if (instance.publicIp !== undefined) parts.push(xmlLeaf('ipAddress', instance.publicIp));
      parts.push('<sourceDestCheck>true</sourceDestCheck>');
      parts.push(
        `<groupSet><item>${xmlLeaf('groupId', ids.securityGroupId(account, region))}<groupName>default</groupName></item></groupSet>`,
      );
    } else {
      parts.push('<groupSet/>');
    }
    if (state === 'stopped' || terminated) {
      parts.push(
        '<stateReason><code>Client.UserInitiatedShutdown</code><message>Client.UserInitiatedShutdown: User initiated shutdown</message></stateReason>',
      );
    }
    parts.push(
      xmlLeaf('architecture', architectureOf(instance.type)),
      '<rootDeviceType>ebs</rootDeviceType>',
      xmlLeaf('rootDeviceName', rootDeviceName),
    );
    if (terminated || instance.volumeIds.length === 0) {
      parts.push('<blockDeviceMapping/>');
    } else {
      parts.push('<blockDeviceMapping>');
      instance.volumeIds.forEach((volumeId, position) => {
        const volume = context.index.volume('aws', volumeId);
        const device =
          volume?.device ??
          (position === 0 ? rootDeviceName : `/dev/sd${String.fromCharCode(102 + position - 1)}`);
        const attachTime = volume === undefined ? instance.createdTime : attachTimeOf(volume, instance);
        parts.push(
          `<item>${xmlLeaf('deviceName', device)}<ebs>${xmlLeaf('volumeId', volumeId)}<status>attached</status>` +
            `${xmlLeaf('attachTime', attachTime)}<deleteOnTermination>${position === 0}</deleteOnTermination></ebs></item>`,
        );
      });
      parts.push('</blockDeviceMapping>');
    }
    parts.push(
      '<virtualizationType>hvm</virtualizationType>',
      ec2TagSet(instance.tags),
      '<hypervisor>xen</hypervisor>',
      '<ebsOptimized>true</ebsOptimized>',
      '<enaSupport>true</enaSupport>',
      '<metadataOptions><state>applied</state><httpTokens>required</httpTokens><httpPutResponseHopLimit>2</httpPutResponseHopLimit>' +
        '<httpEndpoint>enabled</httpEndpoint></metadataOptions>',
      xmlLeaf('platformDetails', windows ? 'Windows' : 'Linux/UNIX'),
      xmlLeaf('usageOperation', windows ? 'RunInstances:0002' : 'RunInstances'),
      '</item>',
    );
    return (
      `<item>${xmlLeaf('reservationId', ids.reservationId(instance.id))}${xmlLeaf('ownerId', account)}` +
      `<instancesSet>${parts.join('')}</instancesSet></item>`
    );
  };

  const renderVolume = (volume: EstateVolume): string => {
    const { account, region } = volume;
    const attached = volume.attachedTo !== undefined;
    const instance = attached ? context.index.instance('aws', volume.attachedTo) : undefined;
    const isBoot = instance !== undefined && instance.volumeIds[0] === volume.id;
    const parts: string[] = [
      '<item>',
      xmlLeaf('volumeId', volume.id),
      xmlLeaf('size', volume.sizeGb),
      isBoot ? xmlLeaf('snapshotId', ids.snapshotId(volume.id)) : '<snapshotId/>',
      xmlLeaf('availabilityZone', volume.zone),
      xmlLeaf('availabilityZoneId', zoneIdOf(volume.zone, region)),
      xmlLeaf('status', attached ? 'in-use' : 'available'),
      xmlLeaf('createTime', volume.createdTime),
    ];
    if (attached) {
      const device = volume.device ?? '/dev/sdf';
      parts.push(
        `<attachmentSet><item>${xmlLeaf('volumeId', volume.id)}${xmlLeaf('instanceId', volume.attachedTo)}${xmlLeaf('device', device)}` +
          `<status>attached</status>${xmlLeaf('attachTime', attachTimeOf(volume, instance))}` +
          `<deleteOnTermination>${isBoot}</deleteOnTermination></item></attachmentSet>`,
      );
    } else {
      parts.push('<attachmentSet/>');
    }
    parts.push(xmlLeaf('volumeType', volume.volumeType));
    const iops = volume.iops ?? defaultIops(volume.volumeType, volume.sizeGb);
    if (iops !== undefined) parts.push(xmlLeaf('iops', iops));
    parts.push(xmlLeaf('encrypted', volume.encrypted));
    if (volume.encrypted)
      parts.push(xmlLeaf('kmsKeyId', volume.kmsKeyId ?? ids.defaultEbsKeyArn(account, region)));
    parts.push(ec2TagSet(volume.tags), '<multiAttachEnabled>false</multiAttachEnabled>');
    if (volume.volumeType === 'gp3') parts.push('<throughput>125</throughput>');
    parts.push('</item>');
    return parts.join('');
  };

  return {
    reservationItem(instance) {
      let xml = reservations.get(instance);
      if (xml === undefined)
        reservations.set(instance, (xml = Buffer.from(renderInstance(instance), 'utf8')));
      return xml;
    },
    volumeItem(volume) {
      let xml = volumes.get(volume);
      if (xml === undefined) volumes.set(volume, (xml = Buffer.from(renderVolume(volume), 'utf8')));
      return xml;
    },
  };
}

/** Baseline IOPS AWS reports for volume types whose IOPS the estate does not set. */
function defaultIops(volumeType: string, sizeGb: number): number | undefined {
  switch (volumeType) {
    case 'gp3':
      return 3000;
    case 'gp2':
      return Math.min(16_000, Math.max(100, sizeGb * 3));
    case 'io1':
    case 'io2':
      return Math.min(64_000, sizeGb * 50);
    default:
      return undefined;
  }
}
