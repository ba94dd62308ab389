import type { WireResponse } from '../server/wire.js';
import type { AwsContext } from './aws-context.js';
import { AwsError } from './aws-error.js';
import { createAwsRoute, type AwsCall, type AwsRoute } from './aws-route.js';
import { STS_PROFILE } from './aws-service-profile.js';
import { deriveHex } from './derive-hex.js';
import { xmlLeaf } from './escape-xml.js';
import type { QueryParameters } from './query-parameters.js';
import { renderAwsResponse } from './render-aws-response.js';

/** The STS part of the AWS handler. */
export interface StsService {
  /** Routes an awsQuery request (`Action=…`); `undefined` for actions the emulator does not know. */
  route(call: AwsCall, action: string, params: QueryParameters): AwsRoute | undefined;
}

/** Collaborators of {@link createStsService}. */
export interface StsServiceDeps {
  readonly context: AwsContext;
  /** Wall clock (epoch ms) for credential expirations, which SDKs compare with their own clock. */
  readonly now: () => number;
}

const ROLE_ARN = /^arn:[^:]+:iam::(\d{12}):role\/(?:[^/]+\/)*([^/]+)$/;
const UPPER_ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** `count` characters in AWS's access-key alphabet, derived from `parts`. */
function keyCharacters(parts: readonly string[], count: number): string {
  const hex = deriveHex(parts, count * 2);
  let text = '';
  for (let index = 0; index < count; index++)
    text += UPPER_ALPHANUMERIC.charAt(Number.parseInt(hex.slice(index * 2, index * 2 + 2), 16) % 32);
  return text;
}

/**
 * Creates the STS service: GetCallerIdentity (`arn:aws:iam::{account}:user/emulator`) and
 * AssumeRole into an estate account. The temporary access key id that AssumeRole returns embeds
 * the target account id (`ASIA` + 12 digits + 4 characters), so that later calls signed with it
 * address that account. AssumeRole into an account outside the estate is denied.
 */
export function createStsService(deps: StsServiceDeps): StsService {
  const { context, now } = deps;

  const respond = (call: AwsCall, action: string, inner: string): WireResponse =>
    renderAwsResponse(
      STS_PROFILE,
      `<${action}Response xmlns="${STS_PROFILE.xmlNamespace!}"><${action}Result>${inner}</${action}Result>` +
        `<ResponseMetadata><RequestId>${call.requestId}</RequestId></ResponseMetadata></${action}Response>`,
      call.requestId,
    );

  const getCallerIdentity = (call: AwsCall): WireResponse =>
    respond(
      call,
      'GetCallerIdentity',
      xmlLeaf('Arn', `arn:aws:iam::${call.account}:user/emulator`) +
        `${xmlLeaf('UserId', `AIDA${keyCharacters(['user', call.account], 17)}`)}${xmlLeaf('Account', call.account)}`,
    );

  const assumeRole = (call: AwsCall, params: QueryParameters): WireResponse => {
    const roleArn = params.get('RoleArn') ?? '';
    const sessionName = params.get('RoleSessionName') ?? '';
    if (!/^[\w+=,.@-]{2,64}$/.test(sessionName)) {
      throw new AwsError(
        'ValidationError',
        `1 validation error detected: Value '${sessionName}' at 'roleSessionName' failed to satisfy constraint`,
        400,
      );
    }
    const match = ROLE_ARN.exec(roleArn);
    if (match === null) throw new AwsError('ValidationError', `${roleArn} is invalid`, 400);
    const [, account, roleName] = match;
    if (context.index.account('aws', account!) === undefined) {
      throw new AwsError(
        'AccessDenied',
        `User: arn:aws:iam::${call.account}:user/emulator is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
        403,
      );
    }
    const durationText = params.get('DurationSeconds');
    const duration = durationText === undefined ? 3600 : Number(durationText);
    if (!Number.isInteger(duration) || duration < 900 || duration > 43_200) {
      throw new AwsError('ValidationError', `The requested DurationSeconds exceeds the allowed range.`, 400);
    }
    const seed = [account!, roleName!, sessionName];
    const roleId = `AROA${keyCharacters(['role', account!, roleName!], 17)}`;
    const expiration = new Date(Math.floor(now() / 1000) * 1000 + duration * 1000)
      .toISOString()
      .replace('.000Z', 'Z');
    return respond(
      call,
      'AssumeRole',
      `<AssumedRoleUser>${xmlLeaf('AssumedRoleId', `${roleId}:${sessionName}`)}` +
        `${xmlLeaf('Arn', `arn:aws:sts::${account!}:assumed-role/${roleName!}/${sessionName}`)}</AssumedRoleUser>` +
        `<Credentials>${xmlLeaf('AccessKeyId', `ASIA${account!}${keyCharacters(['key', ...seed], 4)}`)}` +
        xmlLeaf(
          'SecretAccessKey',
          Buffer.from(deriveHex(['secret', ...seed], 60), 'hex')
            .toString('base64')
            .slice(0, 40),
        ) +
        xmlLeaf('SessionToken', Buffer.from(deriveHex(['token', ...seed], 256), 'hex').toString('base64')) +
        `${xmlLeaf('Expiration', expiration)}</Credentials><PackedPolicySize>6</PackedPolicySize>`,
    );
  };

  return {
    route(call, action, params) {
      if (action === 'GetCallerIdentity')
        return createAwsRoute(STS_PROFILE, call, action, false, () => getCallerIdentity(call));
      if (action === 'AssumeRole')
        return createAwsRoute(STS_PROFILE, call, action, false, () => assumeRole(call, params));
      return undefined;
    },
  };
}
