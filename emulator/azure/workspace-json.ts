import type { JsonObject } from './json-value.js';

/** A Log Analytics workspace of the emulated estate. */
export interface WorkspaceFacts {
  /** ARM id (`…/Microsoft.OperationalInsights/workspaces/{name}`). */
  readonly id: string;
  readonly name: string;
  readonly subscription: string;
  readonly resourceGroup: string;
  readonly location: string;
  /** The workspace (customer) id the Log Analytics query API addresses: a GUID. */
  readonly customerId: string;
  readonly retentionInDays: number;
  readonly createdTime: string;
}

/** A workspace as `Workspaces_List` returns it; `properties.customerId` is the query API's workspace id. */
export function toWorkspaceJson(workspace: WorkspaceFacts): JsonObject {
  return {
    properties: {
      source: 'Azure',
      customerId: workspace.customerId,
      provisioningState: 'Succeeded',
      sku: { name: 'PerGB2018', lastSkuUpdate: workspace.createdTime },
      retentionInDays: workspace.retentionInDays,
      features: { legacy: 0, searchVersion: 1, enableLogAccessUsingOnlyResourcePermissions: true },
      workspaceCapping: { dailyQuotaGb: -1, dataIngestionStatus: 'RespectQuota' },
      publicNetworkAccessForIngestion: 'Enabled',
      publicNetworkAccessForQuery: 'Enabled',
      createdDate: workspace.createdTime,
      modifiedDate: workspace.createdTime,
    },
    id: workspace.id,
    name: workspace.name,
    type: 'Microsoft.OperationalInsights/workspaces',
    location: workspace.location,
  };
}
