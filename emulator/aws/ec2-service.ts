import type { EstateInstance, EstateVolume } from '../estate/model.js';
import type { WireResponse } from '../server/wire.js';
import { AwsError } from './aws-error.js';
import type { AwsContext } from './aws-context.js';
import { resolvePageSize } from './aws-context.js';
import { defaultZonesOf, listAwsRegions, zoneIdOf } from './aws-regions.js';
import { createAwsRoute, type AwsCall, type AwsRoute } from './aws-route.js';
import { EC2_PROFILE } from './aws-service-profile.js';
import type { Ec2DerivedIds } from './ec2-derived-ids.js';
import { architectureOf, INSTANCE_STATE_CODES, type Ec2XmlRenderer } from './ec2-xml-renderer.js';
import { escapeXml, xmlLeaf } from './escape-xml.js';
import { isMutatingAction } from './is-mutating-action.js';
import { cursorOffset, decodePageToken, encodePageToken } from './page-token.js';
import type { QueryParameters } from './query-parameters.js';
import { renderAwsResponse, XML_DECLARATION } from './render-aws-response.js';
import {
  compileResourceFilters,
  UnknownFilterError,
  type FilterAccessor,
  type ResourceFilter,
} from './resource-filters.js';

/** The EC2 part of the AWS handler. */
export interface Ec2Service {
  /** Routes an ec2Query request (`Action=…`); `undefined` for actions the emulator does not know. */
  route(call: AwsCall, action: string, params: QueryParameters): AwsRoute | undefined;
}

/** Collaborators of {@link createEc2Service}. */
export interface Ec2ServiceDeps {
  readonly context: AwsContext;
  readonly ids: Ec2DerivedIds;
  readonly renderer: Ec2XmlRenderer;
}

const INSTANCE_ID = /^i-(?:[0-9a-f]{8}|[0-9a-f]{17})$/;
const VOLUME_ID = /^vol-(?:[0-9a-f]{8}|[0-9a-f]{17})$/;

/** EC2's filters: `Filter.N.Name` and `Filter.N.Value.M`. */
function parseEc2Filters(params: QueryParameters): ResourceFilter[] {
  return params
    .structures('Filter')
    .map((filter) => ({ name: filter.get('Name') ?? '', values: filter.list('Value') }));
}

function parseInteger(params: QueryParameters, name: string): number | undefined {
  const text = params.get(name);
  if (text === undefined || text === '') return undefined;
  if (!/^-?\d+$/.test(text))
    throw new AwsError('InvalidParameterValue', `Invalid value '${text}' for ${name}.`, 400);
  return Number(text);
}

function isTrue(params: QueryParameters, name: string): boolean {
  return params.get(name)?.toLowerCase() === 'true';
}

/** Validates `MaxResults` against the operation's range (EC2 rejects values out of range). */
function checkMaxResults(maxResults: number | undefined, min: number, max: number): void {
  if (maxResults === undefined) return;
  if (maxResults < min) {
    throw new AwsError(
      'InvalidParameterValue',
      `Value ( ${maxResults} ) for parameter maxResults is invalid. Expecting a value greater than ${min}.`,
      400,
    );
  }
  if (maxResults > max) {
    throw new AwsError(
      'InvalidParameterValue',
      `Value ( ${maxResults} ) for parameter maxResults is invalid. Expecting a value less than or equal to ${max}.`,
      400,
    );
  }
}

function compileOrReject<T>(
  filters: readonly ResourceFilter[],
  accessors: Readonly<Record<string, FilterAccessor<T>>>,
  tagsOf: ((item: T) => Readonly<Record<string, string>>) | undefined,
): (item: T) => boolean {
  try {
    return compileResourceFilters(filters, accessors, tagsOf);
  } catch (error) {
    if (error instanceof UnknownFilterError) throw new AwsError('InvalidParameterValue', error.message, 400);
    throw error;
  }
}

/** The scope a page token is bound to: the operation, the caller's account and region, and the shaping parameters. */
function tokenScope(call: AwsCall, action: string, params: QueryParameters): string {
  const shaping = params
    .entries()
    .filter(([key]) => key !== 'NextToken' && key !== 'MaxResults' && key !== 'Action' && key !== 'Version')
    .sort((a, b) => (a[0] < b[0] ? -1 : 1));
  return JSON.stringify([action, call.account, call.region, shaping]);
}

/** Pages `items` from the offset in `NextToken`; returns the page and the next token, if any. */
function paginate<T>(
  call: AwsCall,
  action: string,
  params: QueryParameters,
  items: readonly T[],
  pageSize: number,
): { page: readonly T[]; nextToken: string | undefined } {
  const scope = tokenScope(call, action, params);
  const token = params.get('NextToken');
  let offset = 0;
  if (token !== undefined && token !== '') {
    const decoded = cursorOffset(decodePageToken(scope, token));
    if (decoded === undefined)
      throw new AwsError('InvalidPaginationToken', `Invalid pagination token: ${token}`, 400);
    offset = decoded;
  }
  const end = Math.min(items.length, offset + pageSize);
  const page = offset === 0 && end === items.length ? items : items.slice(offset, end);
  return { page, nextToken: end < items.length ? encodePageToken(scope, { o: end }) : undefined };
}

function notFoundMessage(kind: 'instance' | 'volume', missing: readonly string[]): string {
  const label = kind === 'instance' ? 'instance ID' : 'volume';
  return missing.length === 1
    ? `The ${label} '${missing[0]!}' does not exist`
    : `The ${label}s '${missing.join(', ')}' do not exist`;
}

/**
 * Creates the EC2 service: DescribeInstances, DescribeInstanceStatus, DescribeVolumes,
 * DescribeRegions and DescribeAvailabilityZones, with EC2's filters, `MaxResults`/`NextToken`
 * paging and errors (`InvalidInstanceID.NotFound`, `InvalidParameterCombination`,
 * `InvalidPaginationToken`, `DryRunOperation`). Every action that starts with a mutating verb
 * routes as mutating; other unknown actions are unknown.
 */
export function createEc2Service(deps: Ec2ServiceDeps): Ec2Service {
  const { context, ids, renderer } = deps;
  const { index } = context;

  const head = (call: AwsCall, action: string): string =>
    `${XML_DECLARATION}<${action}Response xmlns="${EC2_PROFILE.xmlNamespace!}"><requestId>${call.requestId}</requestId>`;

  const respond = (call: AwsCall, action: string, inner: string): WireResponse =>
    renderAwsResponse(EC2_PROFILE, `${head(call, action)}${inner}</${action}Response>`, call.requestId);

  /** A response whose body is the cached items between a head and a tail, concatenated as bytes. */
  const respondWithItems = (
    call: AwsCall,
    action: string,
    setName: string,
    items: readonly Buffer[],
    nextToken: string | undefined,
  ): WireResponse => {
    const open = items.length === 0 ? `<${setName}/>` : `<${setName}>`;
    const close = `${items.length === 0 ? '' : `</${setName}>`}${nextToken === undefined ? '' : xmlLeaf('nextToken', nextToken)}</${action}Response>`;
    const chunks: Buffer[] = new Array<Buffer>(items.length + 2);
    chunks[0] = Buffer.from(head(call, action) + open, 'utf8');
    for (let position = 0; position < items.length; position++) chunks[position + 1] = items[position]!;
    chunks[items.length + 1] = Buffer.from(close, 'utf8');
    return renderAwsResponse(EC2_PROFILE, Buffer.concat(chunks), call.requestId);
  };

  const checkDryRun = (params: QueryParameters): void => {
    if (isTrue(params, 'DryRun')) {
      throw new AwsError('DryRunOperation', 'Request would have succeeded, but DryRun flag is set.', 412);
    }
  };

  const instanceAccessors: Readonly<Record<string, FilterAccessor<EstateInstance>>> = {
    'instance-state-name': (i) => i.state,
    'instance-state-code': (i) => String(INSTANCE_STATE_CODES[i.state] ?? 16),
    'instance-type': (i) => i.type,
    'instance-id': (i) => i.id,
    'availability-zone': (i) => i.zone,
    'availability-zone-id': (i) => zoneIdOf(i.zone, i.region),
    'image-id': (i) => i.imageId,
    'private-ip-address': (i) => (i.state === 'terminated' ? undefined : i.privateIp),
    'ip-address': (i) => (i.state === 'terminated' ? undefined : i.publicIp),
    'network-interface.addresses.private-ip-address': (i) =>
      i.state === 'terminated' ? undefined : i.privateIp,
    'vpc-id': (i) => (i.state === 'terminated' ? undefined : ids.vpcId(i.account, i.region)),
    'subnet-id': (i) => (i.state === 'terminated' ? undefined : ids.subnetId(i.account, i.zone)),
    platform: (i) => (i.platform === 'windows' ? 'windows' : undefined),
    'platform-details': (i) => (i.platform === 'windows' ? 'Windows' : 'Linux/UNIX'),
    'monitoring-state': (i) => (i.monitoring ? 'enabled' : 'disabled'),
    architecture: (i) => architectureOf(i.type),
    'launch-time': (i) => i.launchTime,
    'reservation-id': (i) => ids.reservationId(i.id),
    'owner-id': (i) => i.account,
    'root-device-type': () => 'ebs',
    'root-device-name': (i) => (i.platform === 'windows' ? '/dev/sda1' : '/dev/xvda'),
    'block-device-mapping.volume-id': (i) => (i.state === 'terminated' ? undefined : i.volumeIds),
    'instance.group-id': (i) =>
      i.state === 'terminated' ? undefined : ids.securityGroupId(i.account, i.region),
    'instance.group-name': (i) => (i.state === 'terminated' ? undefined : 'default'),
    tenancy: () => 'default',
    'virtualization-type': () => 'hvm',
    hypervisor: () => 'xen',
  };

  const volumeAccessors: Readonly<Record<string, FilterAccessor<EstateVolume>>> = {
    status: (v) => (v.attachedTo === undefined ? 'available' : 'in-use'),
    'volume-type': (v) => v.volumeType,
    'volume-id': (v) => v.id,
    encrypted: (v) => String(v.encrypted),
    size: (v) => String(v.sizeGb),
    'availability-zone': (v) => v.zone,
    'create-time': (v) => v.createdTime,
    'attachment.instance-id': (v) => v.attachedTo,
    'attachment.status': (v) => (v.attachedTo === undefined ? undefined : 'attached'),
    'attachment.device': (v) => (v.attachedTo === undefined ? undefined : (v.device ?? '/dev/sdf')),
    'attachment.delete-on-termination': (v) => {
      if (v.attachedTo === undefined) return undefined;
      return String(index.instance('aws', v.attachedTo)?.volumeIds[0] === v.id);
    },
    'multi-attach-enabled': () => 'false',
    'snapshot-id': (v) => {
      const owner = v.attachedTo === undefined ? undefined : index.instance('aws', v.attachedTo);
      return owner?.volumeIds[0] === v.id ? ids.snapshotId(v.id) : '';
    },
  };

  const selectByIds = <T extends { readonly id: string }>(
    kind: 'instance' | 'volume',
    wanted: readonly string[],
    lookup: (id: string) => T | undefined,
    call: AwsCall,
  ): T[] => {
    const pattern = kind === 'instance' ? INSTANCE_ID : VOLUME_ID;
    for (const id of wanted) {
      if (!pattern.test(id)) {
        throw new AwsError(
          kind === 'instance' ? 'InvalidInstanceID.Malformed' : 'InvalidVolumeID.Malformed',
          `Invalid id: "${id}"`,
          400,
        );
      }
    }
    const found: T[] = [];
    const missing: string[] = [];
    for (const id of [...new Set(wanted)].sort()) {
      const item = lookup(id) as (T & { account: string; region: string }) | undefined;
      if (item !== undefined && item.account === call.account && item.region === call.region)
        found.push(item);
      else missing.push(id);
    }
    if (missing.length > 0) {
      throw new AwsError(
        kind === 'instance' ? 'InvalidInstanceID.NotFound' : 'InvalidVolume.NotFound',
        notFoundMessage(kind, missing),
        400,
      );
    }
    return found;
  };

  const describeInstances = (call: AwsCall, params: QueryParameters): WireResponse => {
    checkDryRun(params);
    const wanted = params.list('InstanceId');
    const maxResults = parseInteger(params, 'MaxResults');
    if (maxResults !== undefined && wanted.length > 0) {
      throw new AwsError(
        'InvalidParameterCombination',
        'The parameter instancesSet cannot be used with the parameter maxResults',
        400,
      );
    }
    checkMaxResults(maxResults, 5, 1000);
    const filters = parseEc2Filters(params);
    const predicate = compileOrReject(filters, instanceAccessors, (i) => i.tags);
    let items: readonly EstateInstance[] =
      wanted.length > 0
        ? selectByIds('instance', wanted, (id) => index.instance('aws', id), call)
        : index.instancesIn('aws', call.account, call.region);
    if (filters.length > 0) items = items.filter(predicate);
    const { page, nextToken } = paginate(
      call,
      'DescribeInstances',
      params,
      items,
      resolvePageSize(context, maxResults, Number.POSITIVE_INFINITY),
    );
    return respondWithItems(
      call,
      'DescribeInstances',
      'reservationSet',
      page.map((instance) => renderer.reservationItem(instance)),
      nextToken,
    );
  };

  const statusItem = (instance: EstateInstance): string => {
    const running = instance.state === 'running';
    const check = (name: string): string =>
      running
        ? `<${name}><status>ok</status><details><item><name>reachability</name><status>passed</status></item></details></${name}>`
        : `<${name}><status>not-applicable</status><details/></${name}>`;
    return (
      `<item>${xmlLeaf('instanceId', instance.id)}${xmlLeaf('availabilityZone', instance.zone)}` +
      xmlLeaf('availabilityZoneId', zoneIdOf(instance.zone, instance.region)) +
      `<instanceState><code>${INSTANCE_STATE_CODES[instance.state] ?? 16}</code><name>${escapeXml(instance.state)}</name></instanceState>` +
      `${check('systemStatus')}${check('instanceStatus')}` +
      (running
        ? '<attachedEbsStatus><status>ok</status><details><item><name>reachability</name><status>passed</status></item></details></attachedEbsStatus>'
        : '') +
      '</item>'
    );
  };

  const statusAccessors: Readonly<Record<string, FilterAccessor<EstateInstance>>> = {
    'availability-zone': (i) => i.zone,
    'instance-state-name': (i) => i.state,
    'instance-state-code': (i) => String(INSTANCE_STATE_CODES[i.state] ?? 16),
    'instance-status.status': (i) => (i.state === 'running' ? 'ok' : 'not-applicable'),
    'instance-status.reachability': (i) => (i.state === 'running' ? 'passed' : undefined),
    'system-status.status': (i) => (i.state === 'running' ? 'ok' : 'not-applicable'),
    'system-status.reachability': (i) => (i.state === 'running' ? 'passed' : undefined),
  };

  const describeInstanceStatus = (call: AwsCall, params: QueryParameters): WireResponse => {
    checkDryRun(params);
    const wanted = params.list('InstanceId');
    const maxResults = parseInteger(params, 'MaxResults');
    if (maxResults !== undefined && wanted.length > 0) {
      throw new AwsError(
        'InvalidParameterCombination',
        'The parameter instancesSet cannot be used with the parameter maxResults',
        400,
      );
    }
    checkMaxResults(maxResults, 5, 1000);
    const includeAll = isTrue(params, 'IncludeAllInstances');
    const predicate = compileOrReject(parseEc2Filters(params), statusAccessors, undefined);
    const source =
      wanted.length > 0
        ? selectByIds('instance', wanted, (id) => index.instance('aws', id), call)
        : index.instancesIn('aws', call.account, call.region);
    const items = source.filter(
      (i) => (includeAll || i.state === 'running') && i.state !== 'terminated' && predicate(i),
    );
    const { page, nextToken } = paginate(
      call,
      'DescribeInstanceStatus',
      params,
      items,
      resolvePageSize(context, maxResults, 1000),
    );
    const inner =
      (page.length === 0
        ? '<instanceStatusSet/>'
        : `<instanceStatusSet>${page.map(statusItem).join('')}</instanceStatusSet>`) +
      (nextToken === undefined ? '' : xmlLeaf('nextToken', nextToken));
    return respond(call, 'DescribeInstanceStatus', inner);
  };

  const describeVolumes = (call: AwsCall, params: QueryParameters): WireResponse => {
    checkDryRun(params);
    const wanted = params.list('VolumeId');
    const maxResults = parseInteger(params, 'MaxResults');
    if (maxResults !== undefined && wanted.length > 0) {
      throw new AwsError(
        'InvalidParameterCombination',
        'The parameter volumeSet cannot be used with the parameter maxResults',
        400,
      );
    }
    // DescribeVolumes: 5 to 500; larger values return 500 items (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeVolumes.html).
    checkMaxResults(maxResults, 5, Number.MAX_SAFE_INTEGER);
    const filters = parseEc2Filters(params);
    const predicate = compileOrReject(filters, volumeAccessors, (v) => v.tags);
    let items: readonly EstateVolume[] =
      wanted.length > 0
        ? selectByIds('volume', wanted, (id) => index.volume('aws', id), call)
        : index.volumesIn('aws', call.account, call.region);
    if (filters.length > 0) items = items.filter(predicate);
    const pageSize = resolvePageSize(
      context,
      maxResults === undefined ? undefined : Math.min(500, maxResults),
      Number.POSITIVE_INFINITY,
    );
    const { page, nextToken } = paginate(call, 'DescribeVolumes', params, items, pageSize);
    return respondWithItems(
      call,
      'DescribeVolumes',
      'volumeSet',
      page.map((volume) => renderer.volumeItem(volume)),
      nextToken,
    );
  };

  const describeRegions = (call: AwsCall, params: QueryParameters): WireResponse => {
    checkDryRun(params);
    const all = isTrue(params, 'AllRegions');
    const names = new Set(params.list('RegionName'));
    const regions = listAwsRegions(index.regions('aws').map((r) => r.name));
    const known = new Set(regions.map((r) => r.name));
    for (const name of names) {
      if (!known.has(name)) throw new AwsError('InvalidParameterValue', `Invalid region: ${name}`, 400);
    }
    type Region = (typeof regions)[number];
    const predicate = compileOrReject<Region>(
      parseEc2Filters(params),
      {
        'region-name': (r) => r.name,
        endpoint: (r) => `ec2.${r.name}.amazonaws.com`,
        'opt-in-status': (r) => r.optInStatus,
      },
      undefined,
    );
    const items = regions.filter(
      (r) =>
        (all || names.size > 0 || r.optInStatus !== 'not-opted-in') &&
        (names.size === 0 || names.has(r.name)) &&
        predicate(r),
    );
    const inner = `<regionInfo>${items
      .map(
        (r) =>
          `<item>${xmlLeaf('regionName', r.name)}${xmlLeaf('regionEndpoint', `ec2.${r.name}.amazonaws.com`)}${xmlLeaf('optInStatus', r.optInStatus)}</item>`,
      )
      .join('')}</regionInfo>`;
    return respond(call, 'DescribeRegions', inner);
  };

  const describeAvailabilityZones = (call: AwsCall, params: QueryParameters): WireResponse => {
    checkDryRun(params);
    const region = call.region;
    const zones = [...(index.region('aws', region)?.zones ?? defaultZonesOf(region))].sort();
    const names = new Set(params.list('ZoneName'));
    const zoneIds = new Set(params.list('ZoneId'));
    for (const name of names) {
      if (!zones.includes(name))
        throw new AwsError('InvalidParameterValue', `Invalid availability zone: [${name}]`, 400);
    }
    const predicate = compileOrReject<string>(
      parseEc2Filters(params),
      {
        'zone-name': (z) => z,
        'zone-id': (z) => zoneIdOf(z, region),
        'region-name': () => region,
        state: () => 'available',
        'zone-type': () => 'availability-zone',
        'opt-in-status': () => 'opt-in-not-required',
        'group-name': () => region,
        'group-long-name': () => region,
      },
      undefined,
    );
    const items = zones.filter(
      (z) =>
        (names.size === 0 || names.has(z)) &&
        (zoneIds.size === 0 || zoneIds.has(zoneIdOf(z, region))) &&
        predicate(z),
    );
    const inner = `<availabilityZoneInfo>${items
      .map(
        (z) =>
          `<item>${xmlLeaf('zoneName', z)}<zoneState>available</zoneState>${xmlLeaf('regionName', region)}<messageSet/>` +
          `${xmlLeaf('zoneId', zoneIdOf(z, region))}<optInStatus>opt-in-not-required</optInStatus>` +
          `${xmlLeaf('groupName', region)}${xmlLeaf('networkBorderGroup', region)}<zoneType>availability-zone</zoneType></item>`,
      )
      .join('')}</availabilityZoneInfo>`;
    return respond(call, 'DescribeAvailabilityZones', inner);
  };

  const operations: Readonly<Record<string, (call: AwsCall, params: QueryParameters) => WireResponse>> = {
    DescribeInstances: describeInstances,
    DescribeInstanceStatus: describeInstanceStatus,
    DescribeVolumes: describeVolumes,
    DescribeRegions: describeRegions,
    DescribeAvailabilityZones: describeAvailabilityZones,
  };

  return {
    route(call, action, params) {
      const operation = Object.hasOwn(operations, action) ? operations[action] : undefined;
      if (operation !== undefined) {
        return createAwsRoute(EC2_PROFILE, call, action, false, () => operation(call, params));
      }
      if (isMutatingAction(action)) {
        return createAwsRoute(EC2_PROFILE, call, action, true, () => {
          throw new AwsError('UnauthorizedOperation', `${action} is refused by the read-only emulator.`, 403);
        });
      }
      return undefined;
    },
  };
}
