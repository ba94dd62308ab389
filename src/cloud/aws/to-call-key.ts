import type { CallKey } from '../../core/ports/call-runner.js';
import type { ScopeTarget } from '../../core/ports/cloud-port.js';
import type { AwsService } from './aws-client-factory.js';

/** The runner key of an AWS call in a scope. */
export function toCallKey(
  scope: Pick<ScopeTarget, 'account' | 'region'>,
  service: AwsService,
  operation: string,
): CallKey {
  return { provider: 'aws', account: scope.account, region: scope.region, service, operation };
}
