import type { EstateAccount } from '../estate/model.js';
import type { OperationRoute, WireRequest } from '../server/wire.js';
import { deriveDecimalId, deriveFingerprint } from './derive-gcp-value.js';
import type { GcpContext } from './gcp-context.js';
import { gcpJsonResponse, memoize } from './gcp-json.js';
import { gcpRoute, requireProject } from './gcp-route.js';
import { toRfc3339 } from './gcp-time.js';

/** Routes Resource Manager v3 `projects.get` (`GET /v3/projects/{p}`), the usual credential check. */
export type ResourceManagerRouter = (
  request: WireRequest,
  segments: readonly string[],
) => OperationRoute | undefined;

/** Creates the Resource Manager router over an estate. */
export function createResourceManagerRouter(context: GcpContext): ResourceManagerRouter {
  const rendered = memoize((project: EstateAccount): string => {
    const number = project.number ?? deriveDecimalId(`project:${project.id}`, 12);
    const created = toRfc3339(context.anchorMs - 900 * 86_400_000);
    return JSON.stringify({
      name: `projects/${number}`,
      parent: `organizations/${deriveDecimalId('organization', 12)}`,
      projectId: project.id,
      state: 'ACTIVE',
      displayName: project.name,
      createTime: created,
      updateTime: created,
      etag: `W/${JSON.stringify(deriveFingerprint(`project:${project.id}`))}`,
      labels: { environment: project.environment },
    });
  });
  return (request, segments) => {
    if (segments[0] !== 'projects' || segments[1] === undefined || segments.length !== 2) return undefined;
    if (request.method.toUpperCase() !== 'GET') return undefined;
    const projectId = segments[1];
    return gcpRoute({
      service: 'cloudresourcemanager',
      operation: 'projects.get',
      account: projectId,
      serve: () =>
        gcpJsonResponse(
          rendered(
            requireProject(context, 'cloudresourcemanager', projectId, 'resourcemanager.projects.get'),
          ),
        ),
    });
  };
}
