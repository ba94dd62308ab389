import type { HandlerDeps } from '../server/start-emulator.js';
import type {
  EmulatedError,
  OperationRoute,
  ProviderHandler,
  WireRequest,
  WireResponse,
} from '../server/wire.js';
import { createAwsContext, resolveAwsAccount } from './aws-context.js';
import { awsErrorForKind } from './aws-error.js';
import { isAwsRoute, type AwsCall, type AwsRoute } from './aws-route.js';
import {
  CLOUDTRAIL_PROFILE,
  CLOUDWATCH_JSON_PROFILE,
  CLOUDWATCH_QUERY_PROFILE,
  EC2_PROFILE,
  LAMBDA_PROFILE,
  LOGS_PROFILE,
  RDS_PROFILE,
  S3_PROFILE,
  STS_PROFILE,
  type AwsServiceProfile,
} from './aws-service-profile.js';
import { createCloudTrailService } from './cloudtrail-service.js';
import { createCloudWatchService } from './cloudwatch-service.js';
import { createRequestIds } from './create-request-ids.js';
import { createEc2DerivedIds } from './ec2-derived-ids.js';
import { createEc2Service } from './ec2-service.js';
import { createEc2XmlRenderer } from './ec2-xml-renderer.js';
import { createInstanceActivity } from './instance-activity.js';
import { createLambdaService } from './lambda-service.js';
import { createLogsService } from './logs-service.js';
import { parseSigV4Scope } from './parse-sigv4-scope.js';
import { parseQueryParameters, type QueryParameters } from './query-parameters.js';
import { createRdsService } from './rds-service.js';
import { renderAwsError, renderAwsMalformed } from './render-aws-response.js';
import { createS3Service } from './s3-service.js';
import { createStsService } from './sts-service.js';

const CLOUDWATCH_TARGET = 'GraniteServiceVersion20100801.';
const LOGS_TARGET = 'Logs_20140328.';
const CLOUDTRAIL_TARGETS = [
  'com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.',
  'CloudTrail_20131101.',
];
/** awsQuery/ec2Query API versions, to recognize unsigned query requests. */
const QUERY_VERSIONS: Readonly<Record<string, string>> = {
  '2016-11-15': 'ec2',
  '2014-10-31': 'rds',
  '2011-06-15': 'sts',
  '2010-08-01': 'monitoring',
};
const DEFAULT_REGION = 'us-east-1';

/** What the handler makes of a request before it picks the operation. */
interface Dispatch {
  readonly service: string;
  readonly profile: AwsServiceProfile;
  /** `X-Amz-Target` operation (JSON protocols). */
  readonly target?: string;
  /** `Action` and parameters (query protocols). */
  readonly query?: { readonly action: string; readonly params: QueryParameters };
}

function header(request: WireRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function isFormRequest(request: WireRequest): boolean {
  return (
    (header(request, 'content-type') ?? '').startsWith('application/x-www-form-urlencoded') ||
    request.url.searchParams.has('Action')
  );
}

/** The service of an unsigned request, from its shape alone. */
function inferService(request: WireRequest): string {
  const target = header(request, 'x-amz-target');
  if (target !== undefined) {
    if (target.startsWith(CLOUDWATCH_TARGET)) return 'monitoring';
    if (target.startsWith(LOGS_TARGET)) return 'logs';
    if (CLOUDTRAIL_TARGETS.some((prefix) => target.startsWith(prefix))) return 'cloudtrail';
    return 'unknown';
  }
  if (isFormRequest(request)) {
    const version = parseQueryParameters(request.url, request.body).get('Version');
    return (version === undefined ? undefined : QUERY_VERSIONS[version]) ?? 'ec2';
  }
  if (/^\/\d{4}-\d{2}-\d{2}\//.test(request.url.pathname)) return 'lambda';
  return 's3';
}

function targetOperation(target: string | undefined, prefixes: readonly string[]): string | undefined {
  if (target === undefined) return undefined;
  const prefix = prefixes.find((candidate) => target.startsWith(candidate));
  return prefix === undefined ? undefined : target.slice(prefix.length);
}

/** Reads the service, protocol and operation selector of a request. */
function dispatchOf(request: WireRequest, service: string): Dispatch | undefined {
  const target = header(request, 'x-amz-target');
  const query = (profile: AwsServiceProfile): Dispatch => {
    const params = parseQueryParameters(request.url, request.body);
    return { service, profile, query: { action: params.get('Action') ?? '', params } };
  };
  switch (service) {
    case 'ec2':
      return query(EC2_PROFILE);
    case 'rds':
      return query(RDS_PROFILE);
    case 'sts':
      return query(STS_PROFILE);
    case 'monitoring': {
      const operation = targetOperation(target, [CLOUDWATCH_TARGET]);
      if (target !== undefined)
        return operation === undefined
          ? { service, profile: CLOUDWATCH_JSON_PROFILE }
          : { service, profile: CLOUDWATCH_JSON_PROFILE, target: operation };
      return query(CLOUDWATCH_QUERY_PROFILE);
    }
    case 'logs': {
      const operation = targetOperation(target, [LOGS_TARGET]);
      return operation === undefined
        ? { service, profile: LOGS_PROFILE }
        : { service, profile: LOGS_PROFILE, target: operation };
    }
    case 'cloudtrail': {
      const operation = targetOperation(target, CLOUDTRAIL_TARGETS);
      return operation === undefined
        ? { service, profile: CLOUDTRAIL_PROFILE }
        : { service, profile: CLOUDTRAIL_PROFILE, target: operation };
    }
    case 'lambda':
      return { service, profile: LAMBDA_PROFILE };
    case 's3':
      return { service, profile: S3_PROFILE };
    default:
      return undefined;
  }
}

/** A request placed by the handler. */
interface Analysis {
  readonly dispatch: Dispatch | undefined;
  readonly profile: AwsServiceProfile;
  readonly call: AwsCall;
}

/** The wire shape of errors for requests the handler could not place in any service. */
const FALLBACK_PROFILE: AwsServiceProfile = {
  service: 'unknown',
  protocol: 'query',
  xmlNamespace: 'https://aws.amazon.com/doc/',
};

/**
 * Creates the AWS wire handler: one endpoint for every AWS service, as `AWS_ENDPOINT_URL` makes
 * the SDKs use it.
 *
 * Routing: the SigV4 credential scope (`Credential=AKID/20261125/us-east-1/ec2/aws4_request`)
 * names the region and the service; then the protocol selects the operation — `X-Amz-Target` for
 * CloudWatch (awsJson1_0), CloudWatch Logs and CloudTrail (awsJson1_1), `Action=` for EC2, RDS,
 * STS and CloudWatch's awsQuery form, method and path for Lambda and S3. Unsigned requests are
 * placed by their shape (target prefix, query `Version`, path) in region `us-east-1`.
 *
 * Account: when the access key id contains the 12-digit id of an estate AWS account, that
 * account; otherwise the estate's first AWS account (see `resolveAwsAccount`). Region: the
 * signing region; a region without resources answers empty lists, like a real empty region.
 *
 * Errors take each service's real wire shape (see `awsErrorForKind`), so that the SDKs throw
 * their real exception types.
 */
export function createAwsHandler(deps: HandlerDeps): ProviderHandler {
  const context = createAwsContext(deps.estate, deps.index, deps.pageSizeCaps.aws);
  const ids = createEc2DerivedIds();
  const activity = createInstanceActivity(context);
  const ec2 = createEc2Service({ context, ids, renderer: createEc2XmlRenderer(context, ids, activity) });
  const cloudWatch = createCloudWatchService({ context, activity });
  const logs = createLogsService(context);
  const cloudTrail = createCloudTrailService(context);
  const lambda = createLambdaService(context);
  const rds = createRdsService({ context, ids });
  const s3 = createS3Service(context);
  // Credential expirations are compared with the SDK's own clock, so they follow the wall clock.
  const sts = createStsService({ context, now: () => Date.now() });
  const nextRequestId = createRequestIds(deps.estate.seed);
  /** What route() learned about each request, for renderError() when no route was found. */
  const seen = new WeakMap<WireRequest, Analysis>();

  const routeDispatch = (dispatch: Dispatch, call: AwsCall): AwsRoute | undefined => {
    if (dispatch.query !== undefined) {
      const { action, params } = dispatch.query;
      switch (dispatch.service) {
        case 'ec2':
          return ec2.route(call, action, params);
        case 'rds':
          return rds.route(call, action, params);
        case 'sts':
          return sts.route(call, action, params);
        case 'monitoring':
          return cloudWatch.routeQuery(call, action, params);
        default:
          return undefined;
      }
    }
    const body = call.request.body;
    switch (dispatch.service) {
      case 'monitoring':
        return dispatch.target === undefined ? undefined : cloudWatch.routeJson(call, dispatch.target, body);
      case 'logs':
        return dispatch.target === undefined ? undefined : logs.route(call, dispatch.target, body);
      case 'cloudtrail':
        return dispatch.target === undefined ? undefined : cloudTrail.route(call, dispatch.target, body);
      case 'lambda':
        return lambda.route(call);
      case 's3':
        return s3.route(call);
      default:
        return undefined;
    }
  };

  /** Places a request: its service, wire profile and call (account, region, request id). */
  const analyze = (request: WireRequest): Analysis => {
    const known = seen.get(request);
    if (known !== undefined) return known;
    const scope = parseSigV4Scope(request.headers, request.url);
    const dispatch = dispatchOf(request, scope?.service ?? inferService(request));
    const profile = dispatch?.profile ?? FALLBACK_PROFILE;
    const accessKeyId = scope?.accessKeyId ?? 'emulator';
    const analysis: Analysis = {
      dispatch,
      profile,
      call: {
        request,
        accessKeyId,
        account: resolveAwsAccount(context, accessKeyId),
        region: scope?.region ?? DEFAULT_REGION,
        requestId: nextRequestId(profile),
      },
    };
    seen.set(request, analysis);
    return analysis;
  };

  return {
    provider: 'aws',
    route(request) {
      const { dispatch, call } = analyze(request);
      return dispatch === undefined ? undefined : routeDispatch(dispatch, call);
    },

    renderError(error: EmulatedError, request: WireRequest, route: OperationRoute | undefined): WireResponse {
      const { profile, call } = analyze(request);
      const requestId = isAwsRoute(route) ? route.requestId : call.requestId;
      const account = route?.account ?? call.account;
      let message = error.message;
      if (error.kind === 'denied' || error.kind === 'mutation_refused') {
        const action = `${profile.service}:${route?.operation ?? 'unknown'}`;
        const denial = `User: arn:aws:iam::${account}:user/emulator is not authorized to perform: ${action}. ${error.message}`;
        message =
          profile.protocol === 'ec2' ? `You are not authorized to perform this operation. ${denial}` : denial;
      } else if (
        error.kind === 'unknown_operation' &&
        (profile.protocol === 'ec2' || profile.protocol === 'query')
      ) {
        const action = parseQueryParameters(request.url, request.body).get('Action');
        if (action !== undefined) message = `The action ${action} is not valid for this web service.`;
      }
      return renderAwsError(
        profile,
        awsErrorForKind(profile, error.kind, message, error.retryAfterSeconds),
        requestId,
      );
    },

    renderMalformed(request: WireRequest, route: OperationRoute): WireResponse {
      if (isAwsRoute(route)) {
        const full = route.render().body;
        return renderAwsMalformed(
          route.profile,
          typeof full === 'string' ? full : full?.toString('utf8'),
          route.requestId,
        );
      }
      const { profile, call } = analyze(request);
      return renderAwsMalformed(profile, undefined, call.requestId);
    },
  };
}
