import type { Answer } from '../core/answer/answer.js';
import type { CloudProvider, Provider } from '../core/ports/cloud-port.js';
import { createAwsProvider } from '../cloud/aws/create-aws-provider.js';
import { createResilientCallRunner } from '../resilience/create-resilient-call-runner.js';
import { ResilienceSettingsSchema } from '../resilience/resilience-settings-schema.js';
import { askQuestion, type AskOptions } from './ask-question.js';
import type { SreConfig } from './config/load-config.js';

/** Injected collaborators of the app (the composition root's edges). */
export interface AppDeps {
  /** Wall clock (default `new Date()`). */
  readonly now?: () => Date;
  /** Static AWS credentials (the emulator); absent = the SDK default chain. */
  readonly awsCredentials?: { readonly accessKeyId: string; readonly secretAccessKey: string };
  /** Progress of long stages, for the CLI. */
  readonly onProgress?: (stage: string, done: number, total: number) => void;
}

/** The application: everything an interface (CLI, HTTP, MCP) needs. */
export interface App {
  readonly config: SreConfig;
  ask(question: string, options?: AskOptions): Promise<Answer>;
}

/**
 * The composition root: builds the resilience layer and the cloud adapters from a validated
 * configuration, once, and hands back the app. No module-level state: two apps never share anything.
 */
export function createApp(config: SreConfig, deps: AppDeps = {}): App {
  const runner = createResilientCallRunner(ResilienceSettingsSchema.parse({ delayScale: config.resilience.delayScale }));
  const providers = new Map<Provider, CloudProvider>();
  if (config.providers.includes('aws')) {
    providers.set(
      'aws',
      createAwsProvider(
        {
          regions: [...config.aws.regions],
          ...(config.aws.endpoint === undefined ? {} : { endpoint: config.aws.endpoint }),
          ...(config.aws.profile === undefined ? {} : { profile: config.aws.profile }),
          ...(deps.awsCredentials === undefined ? {} : { credentials: deps.awsCredentials }),
          logEventLimit: config.logs.eventLimit,
        },
        { runner },
      ),
    );
  }
  return {
    config,
    ask: (question, options = {}) =>
      askQuestion(
        question,
        {
          providers,
          defaultProviders: config.providers,
          concurrency: config.concurrency,
          logEventLimit: config.logs.eventLimit,
          now: deps.now ?? (() => new Date()),
          ...(deps.onProgress === undefined ? {} : { onProgress: deps.onProgress }),
        },
        { strict: config.strict, ...options },
      ),
  };
}
