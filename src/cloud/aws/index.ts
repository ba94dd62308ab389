export {
  AWS_DEFAULT_LOG_EVENT_LIMIT,
  AWS_FALLBACK_REGION,
  createAwsProvider,
  type AwsProvider,
  type AwsProviderDeps,
  type AwsProviderSettings,
} from './create-aws-provider.js';
export {
  createAwsClientFactory,
  type AwsClientFactory,
  type AwsClientOptions,
  type AwsSdkHandle,
  type AwsService,
  type AwsStaticCredentials,
} from './aws-client-factory.js';
export { mapAwsError, type AwsErrorContext } from './map-aws-error.js';
export {
  createFakeAwsClientFactory,
  fakeAwsServiceError,
  type FakeAwsCall,
  type FakeAwsClientFactory,
  type FakeAwsResponder,
} from './create-fake-aws-client-factory.js';
