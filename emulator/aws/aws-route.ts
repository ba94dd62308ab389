import type { OperationRoute, WireRequest, WireResponse } from '../server/wire.js';
import { awsErrorForKind, isAwsError } from './aws-error.js';
import type { AwsServiceProfile } from './aws-service-profile.js';
import { InvalidInputError } from './input-values.js';
import { renderAwsError } from './render-aws-response.js';

/** One AWS call, as the handler understood it before picking the operation. */
export interface AwsCall {
  readonly request: WireRequest;
  /** Access key id of the SigV4 scope (`emulator` when the request is unsigned). */
  readonly accessKeyId: string;
  /** 12-digit account id the call addresses (see `resolveAwsAccount`). */
  readonly account: string;
  /** Region of the SigV4 scope (`us-east-1` when the request is unsigned). */
  readonly region: string;
  /** Request id of this call, in responses and errors alike. */
  readonly requestId: string;
}

/** An {@link OperationRoute} of the AWS handler: it also knows its wire profile and renders synchronously. */
export interface AwsRoute extends OperationRoute {
  readonly profile: AwsServiceProfile;
  readonly requestId: string;
  /** The response, computed synchronously (`serve` wraps it); used to truncate it for the `malformed` fault. */
  readonly render: () => WireResponse;
}

/** True when a route was made by {@link createAwsRoute}. */
export function isAwsRoute(route: OperationRoute | undefined): route is AwsRoute {
  return route !== undefined && 'render' in route && 'profile' in route;
}

/**
 * Builds the route of one operation. `produce` returns the success response or throws an
 * `AwsError` (or an `InvalidInputError`, rendered as the service's validation error), which is
 * rendered in the service's error shape; any other exception propagates to
 * the core (which answers with the service's `unavailable` error).
 */
export function createAwsRoute(
  profile: AwsServiceProfile,
  call: AwsCall,
  operation: string,
  mutating: boolean,
  produce: () => WireResponse,
): AwsRoute {
  const render = (): WireResponse => {
    try {
      return produce();
    } catch (error) {
      if (isAwsError(error)) return renderAwsError(profile, error, call.requestId);
      if (error instanceof InvalidInputError) {
        return renderAwsError(profile, awsErrorForKind(profile, 'invalid', error.message), call.requestId);
      }
      throw error;
    }
  };
  return {
    service: profile.service,
    operation,
    mutating,
    account: call.account,
    region: call.region,
    profile,
    requestId: call.requestId,
    render,
    serve: render,
  };
}
