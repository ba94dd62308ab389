import {
  createHttpHeaders,
  RestError,
  type PipelineRequest,
  type PipelineResponse,
} from '@azure/core-rest-pipeline';
import {
  LogsQueryResultStatus,
  type LogsQueryResult,
  type LogsTable,
  type QueryTimeInterval,
} from '@azure/monitor-query-logs';
import { describe, expect, it } from 'vitest';
import { directCallRunner } from '../../core/ports/call-runner.js';
import type { AzureClientFactory, AzureSdkHandle, AzureService } from './azure-client-factory.js';
import { createAzureProvider } from './create-azure-provider.js';

const WORKSPACE = 'e270ccba-19f9-48c6-b01a-bb14dced9fdd';
const NOW = new Date('2026-11-20T00:00:00.000Z');

function workspacesResponse(request: PipelineRequest): Promise<PipelineResponse> {
  const body = {
    value: [
      {
        id: '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/ws-weu',
        name: 'ws-weu',
        location: 'westeurope',
        properties: {
          customerId: WORKSPACE.toUpperCase(),
          retentionInDays: 30,
          createdDate: '2025-01-01T00:00:00Z',
        },
      },
      {
        id: '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/provisioning',
        name: 'provisioning',
        properties: {},
      },
    ],
  };
  return Promise.resolve({
    request,
    status: 200,
    headers: createHttpHeaders(),
    bodyAsText: JSON.stringify(body),
  });
}

function table(rows: unknown[][]): LogsQueryResult {
  return {
    status: LogsQueryResultStatus.Success,
    tables: [
      {
        name: 'PrimaryResult',
        columnDescriptors: [
          { name: 'Source', type: 'string' },
          { name: 'Events', type: 'long' },
          { name: 'LastSeen', type: 'datetime' },
        ],
        rows: rows as LogsTable['rows'],
      },
    ],
  };
}

describe('listLogGroups', () => {
  it('lists the sources of each workspace table and skips tables a workspace does not have', async () => {
    const queries: { workspaceId: string; query: string; timespan: QueryTimeInterval }[] = [];
    const missingTable = new RestError('The request had some invalid properties', {
      code: 'BadArgumentError',
      statusCode: 400,
    });
    missingTable.details = {
      error: {
        code: 'BadArgumentError',
        innererror: {
          code: 'SemanticError',
          innererror: { message: "Failed to resolve table or column expression named 'ContainerLogV2'" },
        },
      },
    };
    const clients: Partial<Record<AzureService, unknown>> = {
      subscriptions: { sendRequest: workspacesResponse },
      logs: {
        queryWorkspace: (
          workspaceId: string,
          query: string,
          timespan: QueryTimeInterval,
        ): Promise<LogsQueryResult> => {
          queries.push({ workspaceId, query, timespan });
          if (query.startsWith('AppTraces'))
            return Promise.resolve(table([['func-orders', 120, new Date('2026-11-19T23:59:00Z')]]));
          if (query.startsWith('Syslog'))
            return Promise.resolve(
              table([
                [
                  '/subscriptions/s1/resourcegroups/rg/providers/microsoft.compute/virtualmachines/vm-1',
                  7,
                  '2026-11-19T22:00:00Z',
                ],
                ['', 3, null],
              ]),
            );
          return Promise.reject(missingTable);
        },
      },
    };
    const factory: AzureClientFactory = {
      createClient: <S extends AzureService>(service: S) =>
        Promise.resolve({ client: clients[service], module: {} } as unknown as AzureSdkHandle<S>),
    };
    const provider = createAzureProvider(
      { subscriptions: ['s1'] },
      { runner: directCallRunner, clientFactory: factory, now: () => NOW },
    );

    const records = await provider.listResources(
      'log_group',
      { provider: 'azure', account: 's1', region: 'global' },
      {},
      {},
    );

    expect(records.map((r) => [r.id, r.name, r.region])).toEqual([
      [`${WORKSPACE}/AppTraces/func-orders`, 'AppTraces/func-orders', 'westeurope'],
      [
        `${WORKSPACE}/Syslog//subscriptions/s1/resourcegroups/rg/providers/microsoft.compute/virtualmachines/vm-1`,
        'Syslog/vm-1',
        'westeurope',
      ],
    ]);
    expect(records[0]?.fields).toEqual({
      retention_days: 30,
      workspace: 'ws-weu',
      workspace_id: WORKSPACE,
      table: 'AppTraces',
      source: 'func-orders',
      recent_events: 120,
      last_event_time: '2026-11-19T23:59:00.000Z',
    });
    expect(queries.map((q) => q.query.split('\n')[0])).toEqual(['AppTraces', 'Syslog', 'ContainerLogV2']);
    expect(queries[0]?.timespan).toEqual({ startTime: new Date('2026-11-19T00:00:00.000Z'), endTime: NOW });
  });
});
