import type { Answer } from '../core/answer/answer.js';
import type { CloudProvider, Provider } from '../core/ports/cloud-port.js';
import { createResilientCallRunner } from '../resilience/create-resilient-call-runner.js';
import type { ResilienceEvent } from '../resilience/resilience-event.js';
import { ResilienceSettingsSchema } from '../resilience/resilience-settings-schema.js';
import { askQuestion, type AskOptions } from './ask-question.js';
import { buildProviders, type AwsCredentialSet } from './build-providers.js';
import type { SreConfig } from './config/load-config.js';
import { detectProviders, type ProviderDetection } from './detect-providers.js';

/** Injected collaborators of the app (the composition root's edges). */
export interface AppDeps {
  /** Wall clock (default `new Date()`). */
  readonly now?: () => Date;
  /** Environment used to detect configured providers (default: empty — only the config counts). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Static AWS credentials (the emulator), one set per account; absent = the SDK default chain. */
  readonly awsCredentialSets?: readonly AwsCredentialSet[];
  /** Progress of long stages, for the CLI. */
  readonly onProgress?: (stage: string, done: number, total: number) => void;
  /** Retries, breaker transitions and rejections, rate-limit waits and timeouts, for traces and metrics. */
  readonly onResilienceEvent?: (event: ResilienceEvent) => void;
}

/** The application: everything an interface (CLI, HTTP, MCP) needs. */
export interface App {
  readonly config: SreConfig;
  /** Providers asked when a question names none, with what made each configured. */
  readonly detection: readonly ProviderDetection[];
  /** The adapters built for the active providers. */
  readonly providers: ReadonlyMap<Provider, CloudProvider>;
  ask(question: string, options?: AskOptions): Promise<Answer>;
}

/** The providers to use: the configured list, else every provider detected as configured. */
export function activeProviders(config: SreConfig, detection: readonly ProviderDetection[]): Provider[] {
  if (config.providers.length > 0) return [...config.providers];
  return detection.filter((d) => d.configured).map((d) => d.provider);
}

/**
 * The composition root: builds the resilience layer and the cloud adapters from a validated
 * configuration, once, and hands back the app. No module-level state: two apps never share anything.
 */
export function createApp(config: SreConfig, deps: AppDeps = {}): App {
  const runner = createResilientCallRunner(
    ResilienceSettingsSchema.parse(config.resilience),
    deps.onResilienceEvent === undefined ? {} : { onEvent: deps.onResilienceEvent },
  );
  // Without an environment only the configuration counts (tests, embedding); the CLI passes its own.
  const detection =
    deps.env === undefined ? detectProviders(config, {}, () => false) : detectProviders(config, deps.env);
  const active = activeProviders(config, detection);
  // Adapter notices are collected per question and returned in the answer's warnings (never printed by the SDKs' way).
  const notices = new Set<string>();
  const providers = buildProviders(config, {
    runner,
    warn: (message) => notices.add(message),
    ...(deps.env?.AZURE_SUBSCRIPTION_ID ? { azureDefaultSubscription: deps.env.AZURE_SUBSCRIPTION_ID } : {}),
    ...(deps.env?.GOOGLE_CLOUD_PROJECT ? { gcpDefaultProject: deps.env.GOOGLE_CLOUD_PROJECT } : {}),
    providers: active,
    ...(deps.awsCredentialSets === undefined ? {} : { awsCredentialSets: deps.awsCredentialSets }),
    awsForcePathStyle: (deps.env?.AWS_ENDPOINT_URL ?? deps.env?.AWS_ENDPOINT_URL_S3 ?? '') !== '',
    ...(deps.now === undefined ? {} : { now: deps.now }),
  });
  return {
    config,
    detection,
    providers,
    ask: async (question, options = {}) => {
      notices.clear();
      const answer = await askQuestion(
        question,
        {
          providers,
          defaultProviders: active,
          concurrency: config.concurrency,
          logEventLimit: config.logs.eventLimit,
          deadlineMs: config.requestTimeoutSeconds * 1000,
          now: deps.now ?? (() => new Date()),
          ...(deps.onProgress === undefined ? {} : { onProgress: deps.onProgress }),
        },
        { strict: config.strict, ...options },
      );
      return notices.size === 0
        ? answer
        : { ...answer, warnings: [...answer.warnings, ...[...notices].sort()] };
    },
  };
}
