import type { CallKey } from '../../core/ports/call-runner.js';
import type { ScopeTarget } from '../../core/ports/cloud-port.js';
import type { GcpService } from './gcp-client-factory.js';

/** The runner key of a GCP call in a scope (the account is the project id). */
export function toCallKey(
  scope: Pick<ScopeTarget, 'account' | 'region'>,
  service: GcpService,
  operation: string,
): CallKey {
  return { provider: 'gcp', account: scope.account, region: scope.region, service, operation };
}
