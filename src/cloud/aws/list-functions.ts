import type { ListFunctionsCommandOutput } from '@aws-sdk/client-lambda';
import type { ResourceRecord, ScopeTarget } from '../../core/ports/cloud-port.js';
import { type AwsAdapterContext, pageSizeFor } from './aws-adapter-context.js';
import { readAllPages } from './read-all-pages.js';
import { runAwsCall } from './run-aws-call.js';
import { sortById } from './sort-by-id.js';
import { toCallKey } from './to-call-key.js';
import { toFunctionRecord } from './to-function-record.js';

/**
 * Every Lambda function of a region (ListFunctions, all pages via Marker/NextMarker, MaxItems 1–50).
 * Runtimes missing from the deprecation table are reported once per listing as a warning.
 */
export async function listFunctions(
  context: AwsAdapterContext,
  scope: ScopeTarget,
  signal?: AbortSignal,
): Promise<ResourceRecord[]> {
  const { client, module } = await context.pool.get('lambda', scope.region);
  const key = toCallKey(scope, 'lambda', 'ListFunctions');
  const now = context.now();
  const records: ResourceRecord[] = [];
  await readAllPages<ListFunctionsCommandOutput>(
    key.operation,
    (token) =>
      runAwsCall(
        context.runner,
        key,
        (abortSignal) =>
          client.send(
            new module.ListFunctionsCommand({ MaxItems: pageSizeFor(context, 1, 50), Marker: token }),
            { abortSignal },
          ),
        { signal },
      ),
    (page) => page.NextMarker,
    (page) => {
      for (const config of page.Functions ?? []) records.push(toFunctionRecord(config, scope, now));
      return true;
    },
  );
  const unknown = new Set<string>();
  for (const record of records) {
    const runtime = record.fields.runtime;
    if (typeof runtime === 'string' && record.fields.runtime_deprecated === undefined) unknown.add(runtime);
  }
  if (unknown.size > 0) {
    context.warn(
      `Lambda runtime(s) ${[...unknown].sort().join(', ')} in ${scope.region} are not in the deprecation table; runtime_deprecated is left unknown for them.`,
    );
  }
  return sortById(records);
}
