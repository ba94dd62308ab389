export {
  AZURE_DEFAULT_CONCURRENCY,
  AZURE_DEFAULT_LOG_EVENT_LIMIT,
  AZURE_DEFAULT_LOG_SOURCE_LOOKBACK_HOURS,
  AZURE_PUBLIC_ARM_ENDPOINT,
  createAzureProvider,
  type AzureProviderDeps,
  type AzureProviderSettings,
} from './create-azure-provider.js';
export {
  createAzureClientFactory,
  type AzureClientFactory,
  type AzureClientFactoryOptions,
  type AzureLogsQueryClient,
  type AzureSdkHandle,
  type AzureService,
} from './azure-client-factory.js';
export { mapAzureError, type AzureErrorContext } from './map-azure-error.js';
export {
  isLoopbackHost,
  resolveAzureEndpoints,
  type AzureEndpoint,
  type AzureEndpoints,
} from './resolve-azure-endpoints.js';
