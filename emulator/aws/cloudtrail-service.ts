import type { EstateAuditEvent } from '../estate/model.js';
import type { WireResponse } from '../server/wire.js';
import type { AwsContext } from './aws-context.js';
import { AwsError } from './aws-error.js';
import { createAwsRoute, type AwsCall, type AwsRoute } from './aws-route.js';
import { CLOUDTRAIL_PROFILE } from './aws-service-profile.js';
import { deriveHex, deriveUuid } from './derive-hex.js';
import { INSTANCE_STATE_CODES } from './ec2-xml-renderer.js';
import {
  asRecord,
  parseJsonBody,
  readInteger,
  readList,
  readString,
  readTimestampMs,
} from './input-values.js';
import { isMutatingAction } from './is-mutating-action.js';
import { cursorOffset, decodePageToken, encodePageToken } from './page-token.js';
import { renderAwsResponse } from './render-aws-response.js';

/** The CloudTrail part of the AWS handler. */
export interface CloudTrailService {
  /** Routes an awsJson1_1 request (`X-Amz-Target: com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.<operation>`). */
  route(call: AwsCall, operation: string, body: Buffer): AwsRoute | undefined;
}

type Input = Readonly<Record<string, unknown>>;

const DAY_MS = 86_400_000;
const MAX_RESULTS = 50;
const LOOKUP_KEYS = new Set([
  'EventId',
  'EventName',
  'ReadOnly',
  'Username',
  'ResourceType',
  'ResourceName',
  'EventSource',
  'AccessKeyId',
]);
const USER_AGENTS = [
  'aws-cli/2.15.30 md/awscrt#0.19.19 ua/2.0 os/linux#6.1.0 md/arch#x86_64 lang/python#3.11.8 md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe md/prompt#off md/command#ec2',
  'AWS Internal',
  'Boto3/1.34.69 md/Botocore#1.34.69 ua/2.0 os/linux#5.10.210 md/arch#x86_64 lang/python#3.12.2 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.34.69',
  'APN/1.0 HashiCorp/1.0 Terraform/1.7.5 (+https://www.terraform.io) terraform-provider-aws/5.42.0 (+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go-v2/1.26.0',
] as const;

/** A CloudTrail event as LookupEvents returns it, plus its pieces for attribute matching. */
interface TrailEvent {
  readonly event: EstateAuditEvent;
  readonly username: string;
  readonly accessKeyId: string | undefined;
  readonly resourceName: string;
  readonly json: Record<string, unknown>;
}

function isoSeconds(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** What the actor ARN says about the identity: type, user name and (for roles) the role. */
function identityOf(actor: string): {
  type: 'IAMUser' | 'AssumedRole' | 'Root' | 'AWSService';
  username: string;
  role?: string;
  account?: string;
} {
  const user = /^arn:[^:]+:iam::(\d{12}):user\/(?:.*\/)?([^/]+)$/.exec(actor);
  if (user !== null) return { type: 'IAMUser', username: user[2]!, account: user[1]! };
  const assumed = /^arn:[^:]+:sts::(\d{12}):assumed-role\/([^/]+)\/(.+)$/.exec(actor);
  if (assumed !== null)
    return { type: 'AssumedRole', username: assumed[3]!, role: assumed[2]!, account: assumed[1]! };
  const root = /^arn:[^:]+:iam::(\d{12}):root$/.exec(actor);
  if (root !== null) return { type: 'Root', username: 'root', account: root[1]! };
  if (actor.endsWith('.amazonaws.com')) return { type: 'AWSService', username: actor };
  return { type: 'IAMUser', username: actor.includes('/') ? actor.slice(actor.lastIndexOf('/') + 1) : actor };
}

/** requestParameters and responseElements of a write event, shaped like the real API's. */
function payloadOf(
  event: EstateAuditEvent,
  context: AwsContext,
  requestId: string,
): { request: unknown; response: unknown } {
  const id = event.resourceId;
  switch (event.operation) {
    case 'RunInstances': {
      const instance = context.index.instance('aws', id);
      return {
        request: {
          instancesSet: {
            items: [{ imageId: instance?.imageId ?? 'ami-0abcdef1234567890', minCount: 1, maxCount: 1 }],
          },
          instanceType: instance?.type ?? 't3.micro',
          monitoring: { enabled: instance?.monitoring ?? false },
          disableApiTermination: false,
        },
        response: {
          requestId,
          reservationId: `r-${deriveHex(['r', id], 17)}`,
          ownerId: event.account,
          groupSet: {},
          instancesSet: {
            items: [
              {
                instanceId: id,
                imageId: instance?.imageId,
                instanceState: { code: 0, name: 'pending' },
                instanceType: instance?.type,
                placement: { availabilityZone: instance?.zone, tenancy: 'default' },
                privateIpAddress: instance?.privateIp,
                monitoring: { state: instance?.monitoring === true ? 'pending' : 'disabled' },
                launchTime: Date.parse(event.time),
              },
            ],
          },
        },
      };
    }
    case 'StartInstances':
    case 'StopInstances':
    case 'TerminateInstances': {
      const transitions: Readonly<Record<string, readonly [string, string]>> = {
        StartInstances: ['pending', 'stopped'],
        StopInstances: ['stopping', 'running'],
        TerminateInstances: ['shutting-down', 'running'],
      };
      const [current, previous] = transitions[event.operation]!;
      return {
        request: {
          instancesSet: { items: [{ instanceId: id }] },
          ...(event.operation === 'StopInstances' ? { force: false } : {}),
        },
        response: {
          requestId,
          instancesSet: {
            items: [
              {
                instanceId: id,
                currentState: { code: INSTANCE_STATE_CODES[current], name: current },
                previousState: { code: INSTANCE_STATE_CODES[previous], name: previous },
              },
            ],
          },
        },
      };
    }
    case 'RebootInstances':
      return {
        request: { instancesSet: { items: [{ instanceId: id }] } },
        response: { requestId, _return: true },
      };
    case 'ModifyInstanceAttribute': {
      const instance = context.index.instance('aws', id);
      return {
        request: { instanceId: id, instanceType: { value: instance?.type ?? 'm5.large' } },
        response: { requestId, _return: true },
      };
    }
    case 'CreateVolume': {
      const volume = context.index.volume('aws', id);
      return {
        request: {
          size: volume?.sizeGb,
          zone: volume?.zone,
          volumeType: volume?.volumeType,
          encrypted: volume?.encrypted,
        },
        response: {
          requestId,
          volumeId: id,
          size: volume?.sizeGb,
          zone: volume?.zone,
          status: 'creating',
          createTime: Date.parse(event.time),
          volumeType: volume?.volumeType,
          encrypted: volume?.encrypted,
          multiAttachEnabled: false,
        },
      };
    }
    case 'DeleteVolume':
      return { request: { volumeId: id }, response: { requestId, _return: true } };
    case 'AttachVolume':
    case 'DetachVolume': {
      const volume = context.index.volume('aws', id);
      return {
        request: { volumeId: id, instanceId: volume?.attachedTo, device: volume?.device },
        response: {
          requestId,
          volumeId: id,
          instanceId: volume?.attachedTo,
          device: volume?.device,
          status: event.operation === 'AttachVolume' ? 'attaching' : 'detaching',
          attachTime: Date.parse(event.time),
          deleteOnTermination: false,
        },
      };
    }
    default:
      break;
  }
  switch (event.resourceType) {
    case 'AWS::Lambda::Function':
      return {
        request: { functionName: event.resourceName },
        response: event.action === 'delete' ? null : { functionName: event.resourceName, functionArn: id },
      };
    case 'AWS::RDS::DBInstance':
      return {
        request: { dBInstanceIdentifier: event.resourceName },
        response:
          event.action === 'delete'
            ? null
            : {
                dBInstanceIdentifier: event.resourceName,
                dBInstanceArn: `arn:aws:rds:${event.region}:${event.account}:db:${event.resourceName}`,
              },
      };
    case 'AWS::S3::Bucket':
      return {
        request: { bucketName: event.resourceName, Host: `${event.resourceName}.s3.amazonaws.com` },
        response: null,
      };
    case 'AWS::EC2::Instance':
      return {
        request: { instancesSet: { items: [{ instanceId: id }] } },
        response: { requestId, _return: true },
      };
    default:
      return { request: { resourceId: id }, response: null };
  }
}

/**
 * Creates the CloudTrail service: LookupEvents over the estate's audit events of the call's
 * account and region — management write events of the 90 days before the estate's "now", most
 * recent first, one lookup attribute at most, `MaxResults` ≤ 50 and `NextToken` paging — with
 * `CloudTrailEvent` records shaped like real ones (userIdentity, requestParameters,
 * responseElements…). Create/Delete/Update/Start/Stop/Put… operations route as mutating.
 */
export function createCloudTrailService(context: AwsContext): CloudTrailService {
  const cache = new Map<EstateAuditEvent, TrailEvent>();

  const trailEventOf = (event: EstateAuditEvent): TrailEvent => {
    let trail = cache.get(event);
    if (trail !== undefined) return trail;
    const identity = identityOf(event.actor);
    const account = identity.account ?? event.account;
    const accessKeyId =
      identity.type === 'AWSService'
        ? undefined
        : `${identity.type === 'AssumedRole' ? 'ASIA' : 'AKIA'}${deriveHex(['key', event.actor], 16).toUpperCase()}`;
    const principal = deriveHex(['principal', event.actor], 17).toUpperCase();
    const time = Date.parse(event.time);
    const requestId = deriveUuid(['request', event.id]);
    let userIdentity: Record<string, unknown>;
    switch (identity.type) {
      case 'AssumedRole':
        userIdentity = {
          type: 'AssumedRole',
          principalId: `AROA${principal}:${identity.username}`,
          arn: event.actor,
          accountId: account,
          accessKeyId,
          sessionContext: {
            sessionIssuer: {
              type: 'Role',
              principalId: `AROA${principal}`,
              arn: `arn:aws:iam::${account}:role/${identity.role!}`,
              accountId: account,
              userName: identity.role,
            },
            attributes: { creationDate: isoSeconds(time - 600_000), mfaAuthenticated: 'false' },
          },
        };
        break;
      case 'AWSService':
        userIdentity = { type: 'AWSService', invokedBy: event.actor };
        break;
      case 'Root':
        userIdentity = {
          type: 'Root',
          principalId: account,
          arn: event.actor,
          accountId: account,
          accessKeyId,
        };
        break;
      case 'IAMUser':
        userIdentity = {
          type: 'IAMUser',
          principalId: `AIDA${principal}`,
          arn: event.actor.startsWith('arn:')
            ? event.actor
            : `arn:aws:iam::${account}:user/${identity.username}`,
          accountId: account,
          accessKeyId,
          userName: identity.username,
        };
        break;
    }
    const { request, response } = payloadOf(event, context, requestId);
    const service = identity.type === 'AWSService';
    const record = {
      eventVersion: '1.09',
      userIdentity,
      eventTime: isoSeconds(time),
      eventSource: event.source,
      eventName: event.operation,
      awsRegion: event.region,
      sourceIPAddress: service
        ? event.actor
        : `203.0.113.${Number.parseInt(deriveHex(['ip', event.actor], 2), 16) % 250}`,
      userAgent: service
        ? event.actor
        : USER_AGENTS[Number.parseInt(deriveHex(['ua', event.actor], 2), 16) % USER_AGENTS.length]!,
      requestParameters: request,
      responseElements: response,
      requestID: requestId,
      eventID: event.id,
      readOnly: false,
      eventType: 'AwsApiCall',
      managementEvent: true,
      recipientAccountId: event.account,
      eventCategory: 'Management',
    };
    // CloudTrail names instances, volumes and buckets by id, functions and databases by name.
    const resourceName = event.resourceId.startsWith('arn:') ? event.resourceName : event.resourceId;
    trail = {
      event,
      username: identity.username,
      accessKeyId,
      resourceName,
      json: {
        EventId: event.id,
        EventName: event.operation,
        ReadOnly: 'false',
        ...(accessKeyId === undefined ? {} : { AccessKeyId: accessKeyId }),
        EventTime: time / 1000,
        EventSource: event.source,
        Username: identity.username,
        Resources: [{ ResourceType: event.resourceType, ResourceName: resourceName }],
        CloudTrailEvent: JSON.stringify(record),
      },
    };
    cache.set(event, trail);
    return trail;
  };

  const attributeOf = (trail: TrailEvent, key: string): readonly string[] => {
    const { event } = trail;
    switch (key) {
      case 'EventId':
        return [event.id];
      case 'EventName':
        return [event.operation];
      case 'ReadOnly':
        return ['false'];
      case 'Username':
        return [trail.username];
      case 'ResourceType':
        return [event.resourceType];
      case 'ResourceName':
        return [trail.resourceName, event.resourceName, event.resourceId];
      case 'EventSource':
        return [event.source];
      case 'AccessKeyId':
        return trail.accessKeyId === undefined ? [] : [trail.accessKeyId];
      default:
        return [];
    }
  };

  const lookupEvents = (call: AwsCall, input: Input): WireResponse => {
    const attributes = readList(input, 'LookupAttributes').map((item) => {
      const record = asRecord(item);
      return {
        key: readString(record, 'AttributeKey') ?? '',
        value: readString(record, 'AttributeValue') ?? '',
      };
    });
    if (attributes.length > 1) {
      throw new AwsError(
        'InvalidLookupAttributesException',
        'You cannot specify more than one lookup attribute.',
        400,
      );
    }
    for (const attribute of attributes) {
      if (!LOOKUP_KEYS.has(attribute.key)) {
        throw new AwsError(
          'InvalidLookupAttributesException',
          `Invalid attribute key: ${attribute.key}`,
          400,
        );
      }
    }
    const maxResults = readInteger(input, 'MaxResults');
    if (maxResults !== undefined && (maxResults < 1 || maxResults > MAX_RESULTS)) {
      throw new AwsError(
        'InvalidMaxResultsException',
        `MaxResults must be between 1 and ${MAX_RESULTS}.`,
        400,
      );
    }
    const category = readString(input, 'EventCategory');
    if (category !== undefined && category !== 'insight') {
      throw new AwsError('InvalidEventCategoryException', `Invalid EventCategory: ${category}`, 400);
    }
    const retainedSince = context.anchorMs - 90 * DAY_MS;
    const startMs = Math.max(readTimestampMs(input, 'StartTime') ?? retainedSince, retainedSince);
    const endMs = Math.min(readTimestampMs(input, 'EndTime') ?? context.anchorMs, context.anchorMs);
    const requestedStart = readTimestampMs(input, 'StartTime');
    const requestedEnd = readTimestampMs(input, 'EndTime');
    if (requestedStart !== undefined && requestedEnd !== undefined && requestedStart > requestedEnd) {
      throw new AwsError(
        'InvalidTimeRangeException',
        'Start time must be less than or equal to end time.',
        400,
      );
    }

    const matches: TrailEvent[] = [];
    if (category === undefined) {
      const events = context.index.auditEventsIn('aws', call.account, call.region);
      for (let position = events.length - 1; position >= 0; position--) {
        const event = events[position]!;
        const time = Date.parse(event.time);
        if (time > endMs) continue;
        if (time < startMs) break;
        const trail = trailEventOf(event);
        if (attributes.every((attribute) => attributeOf(trail, attribute.key).includes(attribute.value)))
          matches.push(trail);
      }
    }
    const scope = JSON.stringify([
      'LookupEvents',
      call.account,
      call.region,
      attributes,
      requestedStart,
      requestedEnd,
      category,
    ]);
    const token = readString(input, 'NextToken');
    let offset = 0;
    if (token !== undefined && token !== '') {
      const decoded = cursorOffset(decodePageToken(scope, token));
      if (decoded === undefined) throw new AwsError('InvalidNextTokenException', 'Invalid NextToken.', 400);
      offset = decoded;
    }
    let size = maxResults ?? MAX_RESULTS;
    if (context.pageSizeCap !== undefined) size = Math.min(size, context.pageSizeCap);
    const page = matches.slice(offset, offset + size);
    const end = offset + page.length;
    return renderAwsResponse(
      CLOUDTRAIL_PROFILE,
      JSON.stringify({
        Events: page.map((trail) => trail.json),
        ...(end < matches.length ? { NextToken: encodePageToken(scope, { o: end }) } : {}),
      }),
      call.requestId,
    );
  };

  return {
    route(call, operation, body) {
      if (operation === 'LookupEvents') {
        return createAwsRoute(CLOUDTRAIL_PROFILE, call, operation, false, () =>
          lookupEvents(call, parseJsonBody(body)),
        );
      }
      if (isMutatingAction(operation) && operation !== 'StartQuery') {
        return createAwsRoute(CLOUDTRAIL_PROFILE, call, operation, true, () => {
          throw new AwsError(
            'AccessDeniedException',
            `${operation} is refused by the read-only emulator.`,
            403,
          );
        });
      }
      return undefined;
    },
  };
}
