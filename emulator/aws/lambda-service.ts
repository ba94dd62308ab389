import type { EstateFunction } from '../estate/model.js';
import type { WireRequest, WireResponse } from '../server/wire.js';
import type { AwsContext } from './aws-context.js';
import { AwsError } from './aws-error.js';
import { createAwsRoute, type AwsCall, type AwsRoute } from './aws-route.js';
import { LAMBDA_PROFILE } from './aws-service-profile.js';
import { deriveHex, deriveUuid } from './derive-hex.js';
import { decodePageToken, encodePageToken } from './page-token.js';
import { renderAwsResponse } from './render-aws-response.js';

/** The Lambda part of the AWS handler. */
export interface LambdaService {
  /** Routes a restJson1 request (`GET /2015-03-31/functions/…`); `undefined` when the path is not a Lambda operation. */
  route(call: AwsCall): AwsRoute | undefined;
}

const MAX_ITEMS = 50;
const FUNCTION_ARN = /^arn:[^:]+:lambda:([^:]+):(\d{12}):function:([^:]+)(?::(.+))?$/;
const PARTIAL_ARN = /^(\d{12}):function:([^:]+)(?::(.+))?$/;

/** `2026-11-01T12:00:00.000+0000`, Lambda's LastModified format. */
function lambdaTime(iso: string): string {
  return iso.endsWith('Z') ? `${iso.slice(0, -1)}+0000` : iso;
}

function decodeSegments(pathname: string): string[] | undefined {
  try {
    return pathname
      .split('/')
      .filter((segment) => segment.length > 0)
      .map((segment) => decodeURIComponent(segment));
  } catch {
    return undefined;
  }
}

/** The operation a mutating Lambda request would perform, by method and path. */
function mutatingOperationOf(method: string, segments: readonly string[]): string {
  const [, collection, , sub] = segments;
  if (collection === 'tags') return method === 'DELETE' ? 'UntagResource' : 'TagResource';
  if (collection === 'functions') {
    if (segments.length === 2) return 'CreateFunction';
    if (segments.length === 3) return method === 'DELETE' ? 'DeleteFunction' : 'UpdateFunction';
    switch (sub ?? '') {
      case 'invocations':
        return 'Invoke';
      case 'invoke-async':
        return 'InvokeAsync';
      case 'configuration':
        return 'UpdateFunctionConfiguration';
      case 'code':
        return 'UpdateFunctionCode';
      case 'versions':
        return 'PublishVersion';
      case 'aliases':
        return method === 'POST' ? 'CreateAlias' : method === 'DELETE' ? 'DeleteAlias' : 'UpdateAlias';
      case 'concurrency':
        return method === 'DELETE' ? 'DeleteFunctionConcurrency' : 'PutFunctionConcurrency';
      case 'policy':
        return method === 'DELETE' ? 'RemovePermission' : 'AddPermission';
      case 'url':
        return method === 'DELETE'
          ? 'DeleteFunctionUrlConfig'
          : method === 'POST'
            ? 'CreateFunctionUrlConfig'
            : 'UpdateFunctionUrlConfig';
      default:
        return method === 'DELETE' ? 'DeleteFunctionResource' : 'UpdateFunctionResource';
    }
  }
  if (collection === 'event-source-mappings') {
    return method === 'POST'
      ? 'CreateEventSourceMapping'
      : method === 'DELETE'
        ? 'DeleteEventSourceMapping'
        : 'UpdateEventSourceMapping';
  }
  if (collection === 'layers') return method === 'DELETE' ? 'DeleteLayerVersion' : 'PublishLayerVersion';
  return method === 'DELETE' ? 'DeleteResource' : 'UpdateResource';
}

/**
 * Creates the Lambda service: ListFunctions (`MaxItems` ≤ 50, `Marker`/`NextMarker`),
 * GetFunction, GetFunctionConfiguration, ListVersionsByFunction, ListAliases, ListTags and
 * GetAccountSettings. Every POST, PUT, PATCH or DELETE routes as mutating (CreateFunction,
 * DeleteFunction, Invoke, UpdateFunctionConfiguration, TagResource…).
 */
export function createLambdaService(context: AwsContext): LambdaService {
  const { index } = context;
  const configurations = new Map<EstateFunction, Record<string, unknown>>();

  const configurationOf = (fn: EstateFunction): Record<string, unknown> => {
    let configuration = configurations.get(fn);
    if (configuration !== undefined) return configuration;
    const stateReason: Record<string, { reason: string; code: string }> = {
      Pending: { reason: 'The function is being created.', code: 'Creating' },
      Inactive: {
        reason: 'The function is inactive because it has not been invoked for a long time.',
        code: 'Idle',
      },
      Failed: {
        reason: 'The function could not be created: an internal error occurred.',
        code: 'InternalError',
      },
    };
    const reason = stateReason[fn.state];
    configuration = {
      FunctionName: fn.name,
      FunctionArn: fn.id,
      Runtime: fn.runtime,
      Role: `arn:aws:iam::${fn.account}:role/service-role/${fn.name}-role-${deriveHex(['role', fn.id], 8)}`,
      Handler: fn.handler,
      CodeSize: fn.codeSizeBytes,
      Description: '',
      Timeout: fn.timeoutSeconds,
      MemorySize: fn.memoryMb,
      LastModified: lambdaTime(fn.lastModified),
      CodeSha256: Buffer.from(deriveHex(['code', fn.id, fn.lastModified], 64), 'hex').toString('base64'),
      Version: '$LATEST',
      TracingConfig: { Mode: 'PassThrough' },
      RevisionId: deriveUuid(['revision', fn.id, fn.lastModified]),
      State: fn.state,
      ...(reason === undefined ? {} : { StateReason: reason.reason, StateReasonCode: reason.code }),
      LastUpdateStatus: 'Successful',
      PackageType: 'Zip',
      Architectures: ['x86_64'],
      EphemeralStorage: { Size: 512 },
      SnapStart: { ApplyOn: 'None', OptimizationStatus: 'Off' },
      LoggingConfig: { LogFormat: 'Text', LogGroup: fn.logGroup },
    };
    configurations.set(fn, configuration);
    return configuration;
  };

  const respond = (call: AwsCall, body: unknown): WireResponse =>
    renderAwsResponse(LAMBDA_PROFILE, JSON.stringify(body), call.requestId);

  const notFound = (call: AwsCall, name: string, qualifier?: string): AwsError =>
    new AwsError(
      'ResourceNotFoundException',
      `Function not found: arn:aws:lambda:${call.region}:${call.account}:function:${name}${qualifier === undefined ? '' : `:${qualifier}`}`,
      404,
    );

  /** Resolves a FunctionName path label: a name, a full ARN or a partial ARN, with an optional qualifier. */
  const resolveFunction = (
    call: AwsCall,
    label: string,
    qualifierParameter: string | null,
  ): EstateFunction => {
    let name = label;
    let qualifier = qualifierParameter ?? undefined;
    const full = FUNCTION_ARN.exec(label);
    const partial = full === null ? PARTIAL_ARN.exec(label) : null;
    if (full !== null) {
      if (full[1] !== call.region || full[2] !== call.account) throw notFound(call, full[3]!, full[4]);
      name = full[3]!;
      qualifier = full[4] ?? qualifier;
    } else if (partial !== null) {
      if (partial[1] !== call.account) throw notFound(call, partial[2]!, partial[3]);
      name = partial[2]!;
      qualifier = partial[3] ?? qualifier;
    }
    const fn = index.function('aws', call.account, call.region, name);
    if (fn === undefined || (qualifier !== undefined && qualifier !== '$LATEST'))
      throw notFound(call, name, qualifier);
    return fn;
  };

  const listFunctions = (call: AwsCall, url: URL): WireResponse => {
    const maxItemsText = url.searchParams.get('MaxItems');
    let maxItems = MAX_ITEMS;
    if (maxItemsText !== null) {
      const parsed = Number(maxItemsText);
      if (!Number.isInteger(parsed) || parsed < 1) {
        throw new AwsError(
          'InvalidParameterValueException',
          `1 validation error detected: Value '${maxItemsText}' at 'maxItems' failed to satisfy constraint: Member must have value greater than or equal to 1`,
          400,
        );
      }
      // "ListFunctions returns a maximum of 50 items in each response, even if you set the number higher."
      maxItems = Math.min(MAX_ITEMS, parsed);
    }
    if (context.pageSizeCap !== undefined) maxItems = Math.min(maxItems, context.pageSizeCap);
    const functions = index.functionsIn('aws', call.account, call.region);
    const scope = JSON.stringify(['ListFunctions', call.account, call.region]);
    const marker = url.searchParams.get('Marker');
    let offset = 0;
    if (marker !== null && marker !== '') {
      const decoded = decodePageToken(scope, marker)?.o;
      if (typeof decoded !== 'number' || !Number.isInteger(decoded) || decoded < 0) {
        throw new AwsError('InvalidParameterValueException', 'Invalid marker.', 400);
      }
      offset = decoded;
    }
    const page = functions.slice(offset, offset + maxItems);
    const end = offset + page.length;
    return respond(call, {
      Functions: page.map(configurationOf),
      ...(end < functions.length ? { NextMarker: encodePageToken(scope, { o: end }) } : {}),
    });
  };

  const getFunction = (call: AwsCall, fn: EstateFunction): WireResponse => {
    const hasTags = Object.keys(fn.tags).length > 0;
    return respond(call, {
      Configuration: configurationOf(fn),
      Code: {
        RepositoryType: 'S3',
        Location: `https://awslambda-${fn.region}-tasks.s3.${fn.region}.amazonaws.com/snapshots/${fn.account}/${fn.name}-${deriveUuid(['snapshot', fn.id])}`,
      },
      ...(hasTags ? { Tags: fn.tags } : {}),
    });
  };

  const getAccountSettings = (call: AwsCall): WireResponse => {
    const functions = index.functionsIn('aws', call.account, call.region);
    const totalCodeSize = functions.reduce((sum, fn) => sum + fn.codeSizeBytes, 0);
    return respond(call, {
      AccountLimit: {
        TotalCodeSize: 80_530_636_800,
        CodeSizeUnzipped: 262_144_000,
        CodeSizeZipped: 52_428_800,
        ConcurrentExecutions: 1000,
        UnreservedConcurrentExecutions: 1000,
      },
      AccountUsage: { TotalCodeSize: totalCodeSize, FunctionCount: functions.length },
    });
  };

  const readRoute = (
    call: AwsCall,
    request: WireRequest,
    segments: readonly string[],
  ): AwsRoute | undefined => {
    const [version, collection, label, sub] = segments;
    const qualifier = request.url.searchParams.get('Qualifier');
    if (collection === 'functions' && version === '2015-03-31') {
      if (segments.length === 2)
        return createAwsRoute(LAMBDA_PROFILE, call, 'ListFunctions', false, () =>
          listFunctions(call, request.url),
        );
      if (segments.length === 3) {
        return createAwsRoute(LAMBDA_PROFILE, call, 'GetFunction', false, () =>
          getFunction(call, resolveFunction(call, label!, qualifier)),
        );
      }
      if (segments.length === 4 && sub === 'configuration') {
        return createAwsRoute(LAMBDA_PROFILE, call, 'GetFunctionConfiguration', false, () =>
          respond(call, configurationOf(resolveFunction(call, label!, qualifier))),
        );
      }
      if (segments.length === 4 && sub === 'versions') {
        return createAwsRoute(LAMBDA_PROFILE, call, 'ListVersionsByFunction', false, () =>
          respond(call, { Versions: [configurationOf(resolveFunction(call, label!, null))] }),
        );
      }
      if (segments.length === 4 && sub === 'aliases') {
        return createAwsRoute(LAMBDA_PROFILE, call, 'ListAliases', false, () => {
          resolveFunction(call, label!, null);
          return respond(call, { Aliases: [] });
        });
      }
    }
    if (collection === 'tags' && version === '2017-03-31' && segments.length >= 3) {
      // The ARN may arrive with its '/' unescaped; rejoin what follows /tags/.
      const arn = segments.slice(2).join('/');
      return createAwsRoute(LAMBDA_PROFILE, call, 'ListTags', false, () => {
        const match = FUNCTION_ARN.exec(arn);
        if (match === null || match[1] !== call.region || match[2] !== call.account) {
          throw new AwsError('ResourceNotFoundException', `Function not found: ${arn}`, 404);
        }
        return respond(call, { Tags: resolveFunction(call, arn, null).tags });
      });
    }
    if (version === '2016-08-19' && collection === 'account-settings') {
      return createAwsRoute(LAMBDA_PROFILE, call, 'GetAccountSettings', false, () =>
        getAccountSettings(call),
      );
    }
    return undefined;
  };

  return {
    route(call) {
      const { request } = call;
      const segments = decodeSegments(request.url.pathname);
      if (segments === undefined || segments.length < 2 || !/^\d{4}-\d{2}-\d{2}$/.test(segments[0]!))
        return undefined;
      if (request.method === 'GET' || request.method === 'HEAD') return readRoute(call, request, segments);
      const operation = mutatingOperationOf(request.method, segments);
      return createAwsRoute(LAMBDA_PROFILE, call, operation, true, () => {
        throw new AwsError(
          'AccessDeniedException',
          `${operation} is refused by the read-only emulator.`,
          403,
        );
      });
    },
  };
}
