import type { CallKey } from '../../core/ports/call-runner.js';
import type { ScopeTarget } from '../../core/ports/cloud-port.js';

/**
 * The runner key of an Azure call in a scope. `service` is the ARM resource provider namespace
 * (`Microsoft.Compute`…), `subscriptions` or `loganalytics`; `operation` the REST operation id
 * (`VirtualMachines_ListAll`), so breakers, buckets and traces name what Azure's docs name.
 */
export function toCallKey(
  scope: Pick<ScopeTarget, 'account' | 'region'>,
  service: string,
  operation: string,
): CallKey {
  return { provider: 'azure', account: scope.account, region: scope.region, service, operation };
}
