import type { EstateAuditEvent } from '../estate/model.js';
import { deterministicGuid } from './deterministic-guid.js';
import type { JsonObject } from './json-value.js';

/** .NET ticks (100 ns since 0001-01-01), which ARM puts in activity-log event ids. */
function ticksOf(epochMs: number): string {
  return (BigInt(epochMs) * 10_000n + 621_355_968_000_000_000n).toString();
}

const TYPE_NOUNS: Readonly<Record<string, string>> = {
  virtualmachines: 'Virtual Machine',
  disks: 'Disk',
  sites: 'Web App',
  servers: 'SQL Server',
  databases: 'SQL Database',
  storageaccounts: 'Storage Account',
  workspaces: 'Workspace',
  resourcegroups: 'Resource Group',
};

function words(text: string): string {
  const spaced = text.replace(/([a-z])([A-Z])/g, '$1 $2');
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/**
 * The localized operation name the portal shows (`Deallocate Virtual Machine`, `Create or Update
 * Disk`), derived from an operation such as `Microsoft.Compute/virtualMachines/deallocate/action`.
 */
export function localizedOperationName(operation: string): string {
  const parts = operation.split('/');
  const isAction = parts[parts.length - 1]?.toLowerCase() === 'action';
  const verb = isAction ? (parts[parts.length - 2] ?? '') : (parts[parts.length - 1] ?? '');
  const type = isAction ? (parts[parts.length - 3] ?? '') : (parts[parts.length - 2] ?? '');
  const noun = TYPE_NOUNS[type.toLowerCase()] ?? words(type);
  if (!isAction && verb.toLowerCase() === 'write') return `Create or Update ${noun}`;
  if (!isAction && verb.toLowerCase() === 'delete') return `Delete ${noun}`;
  return `${words(verb)} ${noun}`;
}

function requestShape(action: EstateAuditEvent['action']): {
  readonly method: string;
  readonly statusCode: string;
  readonly httpStatus: number;
} {
  switch (action) {
    case 'create':
      return { method: 'PUT', statusCode: 'Created', httpStatus: 201 };
    case 'modify':
      return { method: 'PUT', statusCode: 'OK', httpStatus: 200 };
    case 'delete':
      return { method: 'DELETE', statusCode: 'OK', httpStatus: 200 };
    case 'start':
    case 'stop':
      return { method: 'POST', statusCode: 'OK', httpStatus: 200 };
  }
}

/**
 * One Activity Log entry (`EventData`, as `ActivityLogs_List` returns it) for an audit event:
 * the `EndRequest` / `Succeeded` record of an administrative operation, with the caller, the RBAC
 * action and scope, the resource and its group, and ids derived from the event id.
 */
export function toEventDataJson(event: EstateAuditEvent, tenantId: string): JsonObject {
  const epochMs = Date.parse(event.time);
  const shape = requestShape(event.action);
  const correlationId = deterministicGuid(`activity/correlation/${event.id}`);
  const addressSeed = Number.parseInt(correlationId.slice(0, 4), 16);
  const provider = { value: event.source, localizedValue: event.source };
  return {
    authorization: { action: event.operation, scope: event.resourceId },
    caller: event.actor,
    channels: 'Operation',
    claims: {
      name: event.actor,
      'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn': event.actor.includes('@')
        ? event.actor
        : undefined,
      appid: deterministicGuid(`activity/app/${event.actor}`),
    },
    correlationId,
    description: '',
    eventDataId: event.id,
    eventName: { value: 'EndRequest', localizedValue: 'End request' },
    category: { value: 'Administrative', localizedValue: 'Administrative' },
    httpRequest: {
      clientRequestId: deterministicGuid(`activity/client-request/${event.id}`),
      clientIpAddress: `203.0.113.${(addressSeed % 250) + 1}`,
      method: shape.method,
    },
    id: `${event.resourceId}/events/${event.id}/ticks/${ticksOf(epochMs)}`,
    level: 'Informational',
    resourceGroupName: event.resourceGroup,
    resourceProviderName: provider,
    resourceId: event.resourceId,
    resourceType: { value: event.resourceType, localizedValue: event.resourceType },
    operationId: correlationId,
    operationName: { value: event.operation, localizedValue: localizedOperationName(event.operation) },
    properties: {
      statusCode: shape.statusCode,
      serviceRequestId: deterministicGuid(`activity/service-request/${event.id}`),
      eventCategory: 'Administrative',
      entity: event.resourceId,
      message: event.operation,
      hierarchy: `${tenantId}/${event.account}`,
    },
    status: { value: 'Succeeded', localizedValue: 'Succeeded' },
    subStatus: {
      value: shape.statusCode,
      localizedValue: `${shape.statusCode} (HTTP Status Code: ${shape.httpStatus})`,
    },
    eventTimestamp: event.time,
    submissionTimestamp: new Date(epochMs + 5_000 + (addressSeed % 15_000)).toISOString(),
    subscriptionId: event.account,
    tenantId,
  };
}
