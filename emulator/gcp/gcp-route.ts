import type { EstateAccount } from '../estate/model.js';
import type { OperationRoute, WireResponse } from '../server/wire.js';
import type { GcpContext } from './gcp-context.js';
import { gcpServiceHost, type GcpService } from './gcp-service.js';
import { GcpRequestError, renderGcpError } from './render-gcp-error.js';

/** The principal named in permission errors (the emulator has no real identities). */
export const EMULATOR_PRINCIPAL = 'emulator-reader@emulator.iam.gserviceaccount.com';

/** What a GCP router knows about a recognized operation. */
export interface GcpRouteInput {
  readonly service: GcpService;
  /** Method name as the API reference names it (`instances.aggregatedList`). */
  readonly operation: string;
  readonly mutating?: boolean;
  /** Project id the call addresses. */
  readonly account?: string;
  /** Zone's region, or the location the path names. */
  readonly region?: string;
  /** Produces the response; may throw {@link GcpRequestError}, which is rendered in the API's shape. */
  readonly serve?: () => WireResponse | Promise<WireResponse>;
}

/** Builds an {@link OperationRoute} whose `serve` renders request errors in the API's error shape. */
export function gcpRoute(input: GcpRouteInput): OperationRoute {
  const { service, serve } = input;
  return {
    service,
    operation: input.operation,
    mutating: input.mutating ?? false,
    ...(input.account === undefined ? {} : { account: input.account }),
    ...(input.region === undefined ? {} : { region: input.region }),
    serve: async () => {
      try {
        if (serve === undefined) {
          // Mutating routes are refused by the core before `serve`; this only guards misuse.
          return renderGcpError(service, {
            kind: 'mutation_refused',
            message: `${input.operation} is refused.`,
          });
        }
        return await serve();
      } catch (error) {
        if (error instanceof GcpRequestError) return renderGcpError(service, error.spec);
        throw error;
      }
    },
  };
}

/**
 * The project a call addresses, or a 403 PERMISSION_DENIED in the API's words: for a project the
 * caller cannot see, Google does not say whether it exists.
 * @param permission - the IAM permission the method needs (`compute.instances.list`).
 * @param resource - the resource named in the error (default `projects/{project}`).
 * @throws GcpRequestError when the project is not in the estate.
 */
export function requireProject(
  context: GcpContext,
  service: GcpService,
  projectId: string,
  permission: string,
  resource = `projects/${projectId}`,
): EstateAccount {
  const project = context.project(projectId);
  if (project) return project;
  throw new GcpRequestError({
    kind: 'denied',
    message: projectDeniedMessage(service, projectId, permission, resource),
    errorInfo: {
      reason: 'IAM_PERMISSION_DENIED',
      domain: gcpServiceHost(service),
      metadata: { permission, resource },
    },
  });
}

function projectDeniedMessage(
  service: GcpService,
  projectId: string,
  permission: string,
  resource: string,
): string {
  switch (service) {
    case 'compute':
      return `Required '${permission}' permission for 'projects/${projectId}'`;
    case 'storage':
      return `${EMULATOR_PRINCIPAL} does not have ${permission} access to the Google Cloud project. Permission '${permission}' denied on resource (or it may not exist).`;
    case 'sqladmin':
      return 'The client is not authorized to make this request.';
    case 'cloudfunctions':
      return `Permission '${permission}' denied on '${resource}'`;
    case 'monitoring':
      return `Permission ${permission} denied (or the resource may not exist).`;
    case 'logging':
    case 'cloudresourcemanager':
      return 'The caller does not have permission';
  }
}
