import type {
  AwsClientFactory,
  AwsClientOptions,
  AwsSdkClients,
  AwsSdkModules,
  AwsService,
} from './aws-client-factory.js';

/** One command sent to a fake client. */
export interface FakeAwsCall {
  readonly service: AwsService;
  readonly region: string;
  /** Command name without the `Command` suffix (`DescribeInstances`). */
  readonly operation: string;
  readonly input: Readonly<Record<string, unknown>>;
}

/** Answers a command: return the output, or throw (an SDK-shaped error) to fail the call. */
export type FakeAwsResponder = (call: FakeAwsCall) => unknown;

/** A client factory for tests: real SDK command classes, fake clients that record and answer calls. */
export interface FakeAwsClientFactory extends AwsClientFactory {
  /** Every command sent, in order. */
  readonly calls: FakeAwsCall[];
  /** Every client created, in order. */
  readonly created: { readonly service: AwsService; readonly options: AwsClientOptions }[];
}

type ModuleLoaders = { readonly [S in AwsService]: () => Promise<AwsSdkModules[S]> };

const MODULES: ModuleLoaders = {
  ec2: () => import('@aws-sdk/client-ec2'),
  cloudwatch: () => import('@aws-sdk/client-cloudwatch'),
  logs: () => import('@aws-sdk/client-cloudwatch-logs'),
  lambda: () => import('@aws-sdk/client-lambda'),
  rds: () => import('@aws-sdk/client-rds'),
  s3: () => import('@aws-sdk/client-s3'),
  cloudtrail: () => import('@aws-sdk/client-cloudtrail'),
  sts: () => import('@aws-sdk/client-sts'),
};

/**
 * Creates a fake {@link AwsClientFactory}: commands are built by the real SDK packages (so inputs
 * are typed and named as in production) but `send` calls `respond` instead of the network.
 * @param respond - answers each call.
 * @param defaultRegion - what `resolveDefaultRegion` returns (default: none).
 */
export function createFakeAwsClientFactory(
  respond: FakeAwsResponder,
  defaultRegion?: string,
): FakeAwsClientFactory {
  const calls: FakeAwsCall[] = [];
  const created: { service: AwsService; options: AwsClientOptions }[] = [];
  return {
    calls,
    created,
    async createClient<S extends AwsService>(service: S, options: AwsClientOptions) {
      const module = await MODULES[service]();
      created.push({ service, options });
      const client = {
        send: (
          command: { readonly input: Record<string, unknown> },
          sendOptions?: { abortSignal?: AbortSignal },
        ) => {
          if (sendOptions?.abortSignal?.aborted === true)
            return Promise.reject(new Error('aborted before send'));
          const call: FakeAwsCall = {
            service,
            region: options.region,
            operation: command.constructor.name.replace(/Command$/, ''),
            input: command.input,
          };
          calls.push(call);
          try {
            return Promise.resolve(respond(call));
          } catch (error) {
            return Promise.reject(error instanceof Error ? error : new Error(String(error)));
          }
        },
        destroy: () => undefined,
      };
      // Tests only use `send` and `destroy`; the cast stands in for the full SDK client surface.
      return { module, client: client as unknown as AwsSdkClients[S] };
    },
    resolveDefaultRegion: () => Promise.resolve(defaultRegion),
  };
}

/** An error shaped like an AWS SDK v3 service exception (`name` = wire code, `$fault`, `$metadata`). */
export function fakeAwsServiceError(name: string, httpStatusCode: number, message = `${name} (fake)`): Error {
  const error = new Error(message);
  error.name = name;
  return Object.assign(error, {
    $fault: httpStatusCode >= 500 ? 'server' : 'client',
    $metadata: { httpStatusCode, requestId: 'fake-request' },
  });
}
