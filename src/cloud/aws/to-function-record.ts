import type { FunctionConfiguration } from '@aws-sdk/client-lambda';
import type { NormalizedState, ResourceRecord, ScopeTarget } from '../../core/ports/cloud-port.js';
import { compactFields } from '../shared/compact-fields.js';
import { isLambdaRuntimeDeprecated } from './lambda-runtime-deprecations.js';
import { toIsoTime } from './to-iso-time.js';

const FUNCTION_STATES: Readonly<Record<string, NormalizedState>> = {
  Pending: 'pending',
  Active: 'active',
  Inactive: 'inactive',
  Failed: 'failed',
};

/** Normalizes a Lambda function state (`Active` → `active`…); absent when Lambda did not say. */
export function toFunctionState(nativeState: string | undefined): NormalizedState | undefined {
  return nativeState === undefined ? undefined : (FUNCTION_STATES[nativeState] ?? 'unknown');
}

/**
 * Normalizes a Lambda function (ListFunctions). The id is the function name (unique per account
 * and region). `runtime_deprecated` is judged at `now` from {@link isLambdaRuntimeDeprecated};
 * it is absent for container-image functions and runtimes the table does not know. ListFunctions
 * returns no tags (they need one ListTags call per function, see `listFunctions`): without
 * `tags` the record's tags are empty and marked `tagsUnknown`.
 * @param tags - the function's tags from ListTags, when they were read.
 */
export function toFunctionRecord(
  config: FunctionConfiguration,
  scope: Pick<ScopeTarget, 'account' | 'region'>,
  now: Date,
  tags?: Readonly<Record<string, string>>,
): ResourceRecord {
  const name = config.FunctionName ?? '';
  const runtime = config.Runtime;
  return {
    provider: 'aws',
    kind: 'function',
    id: name,
    name,
    account: scope.account,
    region: scope.region,
    tags: { ...tags },
    fields: compactFields({
      runtime,
      runtime_deprecated: runtime === undefined ? undefined : isLambdaRuntimeDeprecated(runtime, now),
      memory_mb: config.MemorySize,
      timeout_s: config.Timeout,
      state: toFunctionState(config.State),
      last_modified: toIsoTime(config.LastModified),
      handler: config.Handler,
      // Lambda writes to /aws/lambda/<name> unless advanced logging points elsewhere.
      log_group: config.LoggingConfig?.LogGroup ?? (name === '' ? undefined : `/aws/lambda/${name}`),
    }),
    ...(tags === undefined ? { tagsUnknown: true } : {}),
  };
}
