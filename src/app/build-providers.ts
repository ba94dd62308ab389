import type { CallRunner } from '../core/ports/call-runner.js';
import type { CloudProvider, Provider } from '../core/ports/cloud-port.js';
import { createAwsProvider, type AwsProviderSettings } from '../cloud/aws/create-aws-provider.js';
import { createAzureProvider } from '../cloud/azure/create-azure-provider.js';
import { createGcpProvider } from '../cloud/gcp/create-gcp-provider.js';
import { combineAccountProviders } from '../cloud/combine-account-providers.js';
import type { SreConfig } from './config/load-config.js';

/** Static credentials of one AWS account (the emulator's per-account keys). */
export interface AwsCredentialSet {
  readonly label: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

/** What the adapters are built from besides the configuration. */
export interface BuildProvidersDeps {
  readonly runner: CallRunner;
  /** Providers to build (already filtered by configuration and detection). */
  readonly providers: readonly Provider[];
  /** Static AWS credentials, one set per account; absent = the SDK default chain / profiles. */
  readonly awsCredentialSets?: readonly AwsCredentialSet[];
  /** S3 path-style addressing: set when AWS_ENDPOINT_URL(_S3) points the SDK at an emulator. */
  readonly awsForcePathStyle?: boolean;
  /** `AZURE_SUBSCRIPTION_ID`, used when `azure.subscriptions` is empty. */
  readonly azureDefaultSubscription?: string;
  /** `GOOGLE_CLOUD_PROJECT`, used when `gcp.projects` is empty. */
  readonly gcpDefaultProject?: string;
  /** Receives adapter notices (clamped windows, unknown runtimes…) for the answer's warnings. */
  readonly warn: (message: string) => void;
  /** The app's clock, shared with the adapters (log look-backs, deprecation dates, caches). */
  readonly now?: () => Date;
}

/** What every adapter gets from the app: the runner, the notice sink and the clock. */
function adapterDeps(deps: BuildProvidersDeps): {
  runner: CallRunner;
  warn: (message: string) => void;
  now?: () => Date;
} {
  return { runner: deps.runner, warn: deps.warn, ...(deps.now === undefined ? {} : { now: deps.now }) };
}

function buildAws(config: SreConfig, deps: BuildProvidersDeps): CloudProvider {
  const base: AwsProviderSettings = {
    regions: [...config.aws.regions],
    ...(config.aws.endpoint === undefined ? {} : { endpoint: config.aws.endpoint }),
    logEventLimit: config.logs.eventLimit,
    ...(deps.awsForcePathStyle === true ? { forcePathStyle: true } : {}),
  };
  if (deps.awsCredentialSets !== undefined && deps.awsCredentialSets.length > 0) {
    return combineAccountProviders(
      deps.awsCredentialSets.map((set) => ({
        label: set.label,
        adapter: createAwsProvider(
          { ...base, credentials: { accessKeyId: set.accessKeyId, secretAccessKey: set.secretAccessKey } },
          adapterDeps(deps),
        ),
      })),
    );
  }
  if (config.aws.profiles.length > 0) {
    return combineAccountProviders(
      config.aws.profiles.map((profile) => ({
        label: `profile:${profile}`,
        adapter: createAwsProvider({ ...base, profile }, adapterDeps(deps)),
      })),
    );
  }
  return createAwsProvider(
    { ...base, ...(config.aws.profile === undefined ? {} : { profile: config.aws.profile }) },
    adapterDeps(deps),
  );
}

/** Builds one adapter per requested provider (several AWS accounts are combined into one adapter). */
export function buildProviders(config: SreConfig, deps: BuildProvidersDeps): Map<Provider, CloudProvider> {
  const providers = new Map<Provider, CloudProvider>();
  for (const provider of deps.providers) {
    switch (provider) {
      case 'aws':
        providers.set('aws', buildAws(config, deps));
        break;
      case 'azure': {
        const subscriptions =
          config.azure.subscriptions.length > 0
            ? [...config.azure.subscriptions]
            : deps.azureDefaultSubscription === undefined
              ? []
              : [deps.azureDefaultSubscription];
        providers.set(
          'azure',
          createAzureProvider(
            {
              subscriptions,
              ...(config.azure.endpoint === undefined ? {} : { endpoint: config.azure.endpoint }),
              logEventLimit: config.logs.eventLimit,
            },
            adapterDeps(deps),
          ),
        );
        break;
      }
      case 'gcp': {
        const projects =
          config.gcp.projects.length > 0
            ? [...config.gcp.projects]
            : deps.gcpDefaultProject === undefined
              ? []
              : [deps.gcpDefaultProject];
        providers.set(
          'gcp',
          createGcpProvider(
            {
              projects,
              ...(config.gcp.endpoint === undefined ? {} : { endpoint: config.gcp.endpoint }),
              logEventLimit: config.logs.eventLimit,
            },
            adapterDeps(deps),
          ),
        );
        break;
      }
    }
  }
  return providers;
}
