import { WebSiteManagementClient } from '@azure/arm-appservice';
import { ComputeManagementClient } from '@azure/arm-compute';
import { MonitorClient } from '@azure/arm-monitor';
import { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import { SqlManagementClient } from '@azure/arm-sql';
import { StorageManagementClient } from '@azure/arm-storage';
import { LogsQueryClient } from '@azure/monitor-query-logs';
import { MetricsClient } from '@azure/monitor-query-metrics';
import {
  azureEmulatorClientOptions,
  connectToAzureEmulator,
  emulatorTokenCredential,
} from './azure-test-client-options.js';

/** The official Azure SDK clients, wired to an emulator (retries off). */
export interface AzureTestClients {
  readonly subscriptions: SubscriptionClient;
  readonly logs: LogsQueryClient;
  /** Azure Monitor's metrics batch client (`metrics:getBatch`), on the emulator's one port. */
  readonly metrics: MetricsClient;
  compute(subscriptionId: string): ComputeManagementClient;
  web(subscriptionId: string): WebSiteManagementClient;
  sql(subscriptionId: string): SqlManagementClient;
  storage(subscriptionId: string): StorageManagementClient;
  monitor(subscriptionId: string): MonitorClient;
}

/**
 * Builds every Azure SDK client the emulator serves, pointed at `endpoint` with
 * {@link azureEmulatorClientOptions} and {@link connectToAzureEmulator}. For tests and demos.
 */
export function createAzureTestClients(endpoint: string): AzureTestClients {
  const options = (): ReturnType<typeof azureEmulatorClientOptions> => azureEmulatorClientOptions(endpoint);
  return {
    subscriptions: connectToAzureEmulator(new SubscriptionClient(emulatorTokenCredential, options())),
    logs: connectToAzureEmulator(new LogsQueryClient(emulatorTokenCredential, options())),
    metrics: connectToAzureEmulator(new MetricsClient(endpoint, emulatorTokenCredential, options())),
    compute: (id) =>
      connectToAzureEmulator(new ComputeManagementClient(emulatorTokenCredential, id, options())),
    web: (id) => connectToAzureEmulator(new WebSiteManagementClient(emulatorTokenCredential, id, options())),
    sql: (id) => connectToAzureEmulator(new SqlManagementClient(emulatorTokenCredential, id, options())),
    storage: (id) =>
      connectToAzureEmulator(new StorageManagementClient(emulatorTokenCredential, id, options())),
    monitor: (id) => connectToAzureEmulator(new MonitorClient(emulatorTokenCredential, id, options())),
  };
}
