import type { FunctionConfiguration, ListFunctionsCommandOutput } from '@aws-sdk/client-lambda';
import type { ListHints, ResourceRecord, ScopeTarget } from '../../core/ports/cloud-port.js';
import type { AwsAdapterContext } from './aws-adapter-context.js';
import { pageSizeFor } from '../shared/page-size-for.js';
import { isFieldNeeded } from './is-field-needed.js';
import { mapWithConcurrency } from '../shared/map-with-concurrency.js';
import { readAwsPages } from './read-aws-pages.js';
import { readResourceDetail } from './read-resource-detail.js';
import { sortById } from '../shared/sort-by-id.js';
import { toCallKey } from './to-call-key.js';
import { toFunctionRecord } from './to-function-record.js';

/** ListTags calls in flight at once. */
const TAGS_CONCURRENCY = 8;

/**
 * Every Lambda function of a region (ListFunctions, all pages via Marker/NextMarker, MaxItems 1–50).
 * Runtimes missing from the deprecation table are reported once per listing as a warning.
 *
 * ListFunctions returns no tags. When `hints.fields` needs them (`tags` or `tag:KEY`), they are
 * read with one ListTags call per function, at most 8 at once; otherwise, or when ListTags is
 * denied for a function, its record keeps `tagsUnknown`. A function deleted since it was listed
 * is skipped.
 */
export async function listFunctions(
  context: AwsAdapterContext,
  scope: ScopeTarget,
  hints: ListHints,
  signal?: AbortSignal,
): Promise<ResourceRecord[]> {
  const { client, module } = await context.pool.get('lambda', scope.region);
  const key = toCallKey(scope, 'lambda', 'ListFunctions');
  const now = context.now();
  const listed: { config: FunctionConfiguration; record: ResourceRecord }[] = [];
  await readAwsPages<ListFunctionsCommandOutput>(
    context.runner,
    key,
    (token, abortSignal) =>
      client.send(new module.ListFunctionsCommand({ MaxItems: pageSizeFor(context, 1, 50), Marker: token }), {
        abortSignal,
      }),
    (page) => page.NextMarker,
    (page) => {
      for (const config of page.Functions ?? [])
        listed.push({ config, record: toFunctionRecord(config, scope, now) });
      return true;
    },
    { signal },
  );
  const unknown = new Set<string>();
  for (const { record } of listed) {
    const runtime = record.fields.runtime;
    if (typeof runtime === 'string' && record.fields.runtime_deprecated === undefined) unknown.add(runtime);
  }
  if (unknown.size > 0) {
    context.warn(
      `Lambda runtime(s) ${[...unknown].sort().join(', ')} in ${scope.region} are not in the deprecation table; runtime_deprecated is left unknown for them.`,
    );
  }
  if (!isFieldNeeded(hints, 'tags')) return sortById(listed.map((entry) => entry.record));

  const tagsKey = toCallKey(scope, 'lambda', 'ListTags');
  const tagged = await mapWithConcurrency(listed, TAGS_CONCURRENCY, async ({ config, record }) => {
    const arn = config.FunctionArn;
    if (arn === undefined || arn === '') return record;
    const detail = await readResourceDetail(
      context.runner,
      tagsKey,
      (abortSignal) => client.send(new module.ListTagsCommand({ Resource: arn }), { abortSignal }),
      { signal, resource: record.id, goneCodes: ['ResourceNotFoundException'] },
    );
    switch (detail.status) {
      case 'read':
        return toFunctionRecord(config, scope, now, detail.value.Tags ?? {});
      case 'gone':
        return undefined;
      case 'missing':
      case 'unreadable':
        return record;
    }
  });
  return sortById(tagged.filter((record) => record !== undefined));
}
