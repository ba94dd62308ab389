import { SreError } from '../../core/errors/sre-error.js';
import type { ResourceRecord, ScopeTarget } from '../../core/ports/cloud-port.js';
import type { GcpAdapterContext } from './gcp-adapter-context.js';
import { pageSizeFor } from '../shared/page-size-for.js';
import { isGcpRuntimeDeprecated } from './gcp-runtime-deprecations.js';
import type { CloudFunction, ListFunctionsResponse } from './gcp-sdk-types.js';
import { inRegion } from '../shared/in-region.js';
import { pageTokenOf, readGcpPages } from './read-gcp-pages.js';
import { sortById } from '../shared/sort-by-id.js';
import { toCallKey } from './to-call-key.js';
import { toFunctionRecord } from './to-function-record.js';

/** `functions.list` returns at most 1,000 functions per page. */
const FUNCTIONS_MAX_PAGE_SIZE = 1000;

/**
 * Every Cloud Functions v2 function of a project (`functions.list` with parent
 * `projects/{p}/locations/-`, i.e. all regions, all pages), normalized and sorted by id; with a
 * regional scope only that region's functions. Locations the API reports as unreachable fail the
 * page with `CLOUD_UNAVAILABLE` (retryable) instead of returning a partial list. Runtimes missing
 * from the deprecation table are reported once each through `warn`.
 */
export async function listFunctions(
  context: GcpAdapterContext,
  scope: ScopeTarget,
  signal?: AbortSignal,
): Promise<ResourceRecord[]> {
  const client = await context.pool.get('cloudfunctions');
  const key = toCallKey(scope, 'cloudfunctions', 'functions.list');
  const functions: CloudFunction[] = [];
  await readGcpPages<ListFunctionsResponse>(
    context.runner,
    key,
    async (token, abortSignal) => {
      const page = await client.listFunctions(
        {
          parent: `projects/${scope.account}/locations/-`,
          pageSize: pageSizeFor(context, 1, FUNCTIONS_MAX_PAGE_SIZE),
          ...pageTokenOf(token),
        },
        { signal: abortSignal },
      );
      const unreachable = page.unreachable ?? [];
      if (unreachable.length > 0) {
        throw new SreError(
          'CLOUD_UNAVAILABLE',
          `GCP functions.list in project ${scope.account} could not read ${unreachable.join(', ')}; the list would be incomplete.`,
          { details: { provider: 'gcp', operation: key.operation, project: scope.account, unreachable } },
        );
      }
      return page;
    },
    (page) => page.nextPageToken,
    (page) => {
      functions.push(...(page.functions ?? []));
      return true;
    },
    { signal },
  );
  const now = context.now();
  const unknownRuntimes = new Set<string>();
  const records = functions.map((fn) => {
    const runtime = fn.buildConfig?.runtime;
    if (
      runtime !== undefined &&
      runtime !== null &&
      runtime !== '' &&
      isGcpRuntimeDeprecated(runtime, now) === undefined
    ) {
      unknownRuntimes.add(runtime);
    }
    return toFunctionRecord(fn, scope.account, now);
  });
  for (const runtime of [...unknownRuntimes].sort()) {
    context.warn(
      `Cloud Functions runtime "${runtime}" is not in the deprecation table; runtime_deprecated is left unknown.`,
    );
  }
  return sortById(inRegion(records, scope));
}
