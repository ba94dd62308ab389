export {
  GCP_DEFAULT_LOG_EVENT_LIMIT,
  createGcpProvider,
  type GcpProvider,
  type GcpProviderDeps,
  type GcpProviderSettings,
} from './create-gcp-provider.js';
export {
  GCP_EMULATOR_TOKEN,
  createGcpClientFactory,
  type GcpClientFactory,
  type GcpClientFactoryOptions,
  type GcpService,
  type GcpServiceClients,
} from './gcp-client-factory.js';
export { mapGcpError, type GcpErrorContext } from './map-gcp-error.js';
export { isLoopbackHost, parseGcpEndpoint, type GcpEndpoint } from './parse-gcp-endpoint.js';
