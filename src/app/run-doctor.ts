import type { ErrorCode } from '../core/errors/error-catalogue.js';
import { SreError, toSreError } from '../core/errors/sre-error.js';
import type { CloudProvider, Provider, ResourceKind, ScopeTarget } from '../core/ports/cloud-port.js';
import { isBreakerRejection } from '../resilience/circuit-breaker.js';
import type { SreConfig } from './config/load-config.js';
import type { ProviderDetection } from './detect-providers.js';

/** One line of the doctor's report. */
export interface DoctorCheck {
  readonly provider: Provider | 'config';
  /** What was checked: `configuration`, `credentials`, `identity`, or a service (`ec2`, `Microsoft.Compute`…). */
  readonly check: string;
  readonly status: 'ok' | 'skipped' | 'failed';
  readonly detail: string;
  /** How to fix a failure. */
  readonly fix?: string;
}

/** Collaborators of {@link runDoctor}. */
export interface DoctorDeps {
  readonly config: SreConfig;
  readonly detection: readonly ProviderDetection[];
  /** Adapters of the providers to check (only configured ones are built). */
  readonly providers: ReadonlyMap<Provider, CloudProvider>;
  readonly signal?: AbortSignal;
}

const IDENTITY_FIX: Record<Provider, string> = {
  aws: 'Check AWS credentials: `aws sts get-caller-identity` should work (AWS_PROFILE, aws sso login, or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY).',
  azure:
    'Sign in: `az login` (or set AZURE_CLIENT_ID/AZURE_TENANT_ID/AZURE_CLIENT_SECRET), and check AZURE_SUBSCRIPTION_ID / SRE_AZURE_SUBSCRIPTIONS.',
  gcp: 'Sign in: `gcloud auth application-default login` (or GOOGLE_APPLICATION_CREDENTIALS), and check GOOGLE_CLOUD_PROJECT / SRE_GCP_PROJECTS.',
};

const READ_PERMISSIONS: Record<Provider, Partial<Record<ResourceKind, string>>> = {
  aws: {
    instance: 'ec2:DescribeInstances',
    volume: 'ec2:DescribeVolumes',
    function: 'lambda:ListFunctions',
    database: 'rds:DescribeDBInstances',
    bucket: 's3:ListAllMyBuckets, s3:GetBucketLocation',
    log_group: 'logs:DescribeLogGroups',
  },
  azure: {
    instance: 'Microsoft.Compute/virtualMachines/read',
    volume: 'Microsoft.Compute/disks/read',
    function: 'Microsoft.Web/sites/read',
    database: 'Microsoft.Sql/servers/databases/read',
    bucket: 'Microsoft.Storage/storageAccounts/read',
    log_group: 'Microsoft.OperationalInsights/workspaces/read',
  },
  gcp: {
    instance: 'compute.instances.list',
    volume: 'compute.disks.list',
    function: 'cloudfunctions.functions.list',
    database: 'cloudsql.instances.list',
    bucket: 'storage.buckets.list',
    log_group: 'logging.logs.list',
  },
};

const KINDS: readonly ResourceKind[] = ['instance', 'volume', 'function', 'database', 'bucket', 'log_group'];

function fixFor(provider: Provider, code: ErrorCode, permission: string | undefined): string {
  if (code === 'CLOUD_AUTHENTICATION') return IDENTITY_FIX[provider];
  if (code === 'CLOUD_AUTHORIZATION') {
    const role = provider === 'aws' ? 'ReadOnlyAccess' : provider === 'azure' ? 'Reader' : 'roles/viewer';
    const grant = permission === undefined ? 'read access' : `the read permission ${permission}`;
    return `Grant ${grant} to the identity (a read-only role such as ${role} covers it).`;
  }
  if (code === 'CLOUD_UNREACHABLE' || code === 'CLOUD_TIMEOUT') {
    return 'Check the network path and any endpoint override (SRE_*_ENDPOINT, AWS_ENDPOINT_URL).';
  }
  if (code === 'CLOUD_THROTTLED' || code === 'CLOUD_UNAVAILABLE') return 'Temporary: retry later.';
  return 'See docs/errors.md for this code.';
}

/**
 * The detail and fix of a failed check. When the check's own failed attempts opened the circuit
 * breaker (its last retry was refused), the failure behind the refusal is what the user can act on.
 */
function describeFailure(
  provider: Provider,
  error: SreError,
  permission: string | undefined,
): { detail: string; fix: string } {
  const behind = isBreakerRejection(error) && error.cause instanceof SreError ? error.cause : undefined;
  if (behind === undefined)
    return { detail: `${error.code}: ${error.message}`, fix: fixFor(provider, error.code, permission) };
  return {
    detail: `${behind.code}: ${behind.message} [no more retries: circuit open for ${String(error.details.dependency)}]`,
    fix: fixFor(provider, behind.code, permission),
  };
}

/**
 * Checks configuration, each configured provider's credentials (identity: STS caller identity,
 * Azure subscriptions, GCP projects) and read access to every service we use, with one listing of
 * each kind in the first scope. Providers without credentials are `skipped`, not failures.
 */
export async function runDoctor(deps: DoctorDeps): Promise<DoctorCheck[]> {
  const checks: DoctorCheck[] = [
    {
      provider: 'config',
      check: 'configuration',
      status: 'ok',
      detail: `valid; providers: ${deps.config.providers.length > 0 ? deps.config.providers.join(', ') : 'auto-detected'}`,
    },
  ];
  const context = deps.signal === undefined ? {} : { signal: deps.signal };
  for (const detection of deps.detection) {
    const adapter = deps.providers.get(detection.provider);
    if (adapter === undefined) {
      checks.push({
        provider: detection.provider,
        check: 'credentials',
        status: 'skipped',
        detail: detection.configured
          ? 'not selected (providers setting)'
          : `not configured: ${detection.reason}`,
        ...(detection.configured ? {} : { fix: `To use ${detection.provider}, see docs/configuration.md.` }),
      });
      continue;
    }
    checks.push({
      provider: detection.provider,
      check: 'credentials',
      status: 'ok',
      detail: `found (${detection.reason})`,
    });
    let scopes: readonly ScopeTarget[];
    try {
      scopes = await adapter.listScopes(context);
    } catch (error) {
      checks.push({
        provider: detection.provider,
        check: 'identity',
        status: 'failed',
        ...describeFailure(detection.provider, toSreError(error), undefined),
      });
      continue;
    }
    const accounts = [...new Set(scopes.map((s) => s.account))].sort();
    const regions = [...new Set(scopes.map((s) => s.region))].sort();
    checks.push({
      provider: detection.provider,
      check: 'identity',
      status: 'ok',
      detail: `accounts: ${accounts.join(', ')}; regions: ${regions.join(', ')}`,
    });
    const first = scopes[0];
    if (first === undefined) continue;
    for (const kind of KINDS) {
      const scope: ScopeTarget = adapter.isGlobal(kind) ? { ...first, region: 'global' } : first;
      const service = adapter.serviceFor(kind);
      try {
        const records = await adapter.listResources(kind, scope, {}, context);
        checks.push({
          provider: detection.provider,
          check: `${service} (${kind}s)`,
          status: 'ok',
          detail: `readable in ${scope.account}/${scope.region}: ${records.length} found`,
        });
      } catch (error) {
        const permission = READ_PERMISSIONS[detection.provider][kind];
        checks.push({
          provider: detection.provider,
          check: `${service} (${kind}s)`,
          status: 'failed',
          ...describeFailure(detection.provider, toSreError(error), permission),
        });
      }
    }
  }
  return checks;
}
