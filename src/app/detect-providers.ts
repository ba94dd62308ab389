import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Provider } from '../core/ports/cloud-port.js';
import type { SreConfig } from './config/load-config.js';

/** Whether a provider is configured, and what says so. */
export interface ProviderDetection {
  readonly provider: Provider;
  readonly configured: boolean;
  /** What made it configured (`AWS_PROFILE`, `SRE_AZURE_ENDPOINT`…) or what would. */
  readonly reason: string;
}

const first = (
  env: Readonly<Record<string, string | undefined>>,
  names: readonly string[],
): string | undefined => names.find((n) => (env[n] ?? '') !== '');

/**
 * Detects which providers have credentials or an endpoint, without calling any cloud: environment
 * variables of each SDK's standard chain, our `SRE_*` settings, and the AWS shared config files.
 */
export function detectProviders(
  config: SreConfig,
  env: Readonly<Record<string, string | undefined>>,
  fileExists: (path: string) => boolean = existsSync,
): ProviderDetection[] {
  const home = env.HOME ?? homedir();
  const awsVar = first(env, [
    'AWS_ACCESS_KEY_ID',
    'AWS_PROFILE',
    'AWS_WEB_IDENTITY_TOKEN_FILE',
    'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
    'AWS_CONTAINER_CREDENTIALS_FULL_URI',
    'AWS_ENDPOINT_URL',
  ]);
  const awsFile = [
    env.AWS_SHARED_CREDENTIALS_FILE ?? join(home, '.aws', 'credentials'),
    env.AWS_CONFIG_FILE ?? join(home, '.aws', 'config'),
  ].find((p) => fileExists(p));
  const aws =
    config.aws.endpoint !== undefined
      ? 'aws.endpoint'
      : config.aws.profile !== undefined || config.aws.profiles.length > 0
        ? 'aws.profile(s)'
        : (awsVar ?? (awsFile === undefined ? undefined : awsFile));
  const azureVar = first(env, ['AZURE_SUBSCRIPTION_ID', 'AZURE_CLIENT_ID', 'AZURE_TENANT_ID']);
  const azure =
    config.azure.endpoint !== undefined
      ? 'azure.endpoint'
      : config.azure.subscriptions.length > 0
        ? 'azure.subscriptions'
        : azureVar;
  const gcpVar = first(env, [
    'GOOGLE_CLOUD_PROJECT',
    'GOOGLE_APPLICATION_CREDENTIALS',
    'CLOUDSDK_CORE_PROJECT',
  ]);
  const gcp =
    config.gcp.endpoint !== undefined
      ? 'gcp.endpoint'
      : config.gcp.projects.length > 0
        ? 'gcp.projects'
        : gcpVar;
  return [
    {
      provider: 'aws',
      configured: aws !== undefined,
      reason:
        aws ??
        'no AWS credentials found (AWS_PROFILE, AWS_ACCESS_KEY_ID, ~/.aws/credentials) and no endpoint',
    },
    {
      provider: 'azure',
      configured: azure !== undefined,
      reason:
        azure ??
        'no AZURE_SUBSCRIPTION_ID / SRE_AZURE_SUBSCRIPTIONS / AZURE_CLIENT_ID and no SRE_AZURE_ENDPOINT',
    },
    {
      provider: 'gcp',
      configured: gcp !== undefined,
      reason:
        gcp ??
        'no GOOGLE_CLOUD_PROJECT / SRE_GCP_PROJECTS / GOOGLE_APPLICATION_CREDENTIALS and no SRE_GCP_ENDPOINT',
    },
  ];
}
