import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isRestError } from '@azure/core-rest-pipeline';
import { LogsQueryResultStatus, type LogsTable } from '@azure/monitor-query-logs';
import { logEventsBetween } from '../estate/logs.js';
import { generateEstate } from '../estate/generate-estate.js';
import type { Estate, EstateFunction, EstateLogGroup } from '../estate/model.js';
import { startEmulator, type RunningEmulator } from '../server/start-emulator.js';
import { createAzureTestClients, type AzureTestClients } from './create-azure-test-clients.js';

const ANCHOR = '2026-11-20T00:00:00.000Z';
const ANCHOR_MS = Date.parse(ANCHOR);
const HOUR_MS = 3_600_000;

interface WorkspaceListBody {
  readonly value: readonly {
    readonly id: string;
    readonly location: string;
    readonly properties: { readonly customerId: string };
  }[];
}

async function tableOf(promise: ReturnType<AzureTestClients['logs']['queryWorkspace']>): Promise<LogsTable> {
  const result = await promise;
  if (result.status !== LogsQueryResultStatus.Success) throw new Error('expected a successful query');
  return result.tables[0]!;
}

describe('Log Analytics query API with LogsQueryClient', () => {
  let estate: Estate;
  let emulator: RunningEmulator;
  let clients: AzureTestClients;
  let site: EstateFunction;
  let siteGroup: EstateLogGroup;
  let workspaceId: string;

  beforeAll(async () => {
    estate = generateEstate({ seed: 7, size: 'small', anchorTime: ANCHOR });
    emulator = await startEmulator({ estate });
    clients = createAzureTestClients(emulator.endpoints.azure);
    siteGroup = estate.logGroups.find(
      (group) => group.provider === 'azure' && group.source === 'functionapp',
    )!;
    site = estate.functions.find((fn) => fn.id === siteGroup.resourceId)!;
    const response = await fetch(
      `${emulator.endpoints.azure}/subscriptions/${site.account}/providers/Microsoft.OperationalInsights/workspaces?api-version=2022-10-01`,
    );
    const body = (await response.json()) as WorkspaceListBody;
    workspaceId = body.value.find((workspace) => workspace.location === site.region)!.properties.customerId;
  });

  afterAll(async () => {
    await emulator.close();
  });

  it('lists one workspace per subscription region, whose customerId holds the estate log groups', () => {
    expect(siteGroup.id.startsWith(`${workspaceId}/`)).toBe(true);
  });

  it('returns the newest AppTraces of a function app, like the estate generates them', async () => {
    const query = `AppTraces
      | where TimeGenerated > ago(6h)
      | where AppRoleName == "${site.name}"
      | order by TimeGenerated desc
      | take 25`;

    const table = await tableOf(clients.logs.queryWorkspace(workspaceId, query, { duration: 'P1D' }));

    const expected = logEventsBetween(siteGroup, ANCHOR_MS - 6 * HOUR_MS + 1, ANCHOR_MS)
      .reverse()
      .slice(0, 25);
    expect(table.name).toBe('PrimaryResult');
    expect(table.columnDescriptors.map((column) => column.name)).toEqual([
      'TimeGenerated',
      'Message',
      'SeverityLevel',
      'AppRoleName',
      '_ResourceId',
      'OperationId',
    ]);
    expect(table.rows.map((row) => (row[0] as Date).getTime())).toEqual(
      expected.map((event) => event.timestamp),
    );
    expect(table.rows.map((row) => row[1])).toEqual(expected.map((event) => event.message));
    expect(table.rows.every((row) => row[3] === site.name && row[4] === site.id.toLowerCase())).toBe(true);
  });

  it('filters with has / contains / severity and an explicit time window', async () => {
    const startTime = new Date(ANCHOR_MS - 12 * HOUR_MS);
    const endTime = new Date(ANCHOR_MS);
    const query = `AppTraces | where SeverityLevel >= 3 and Message has "error" | project TimeGenerated, Message`;

    const table = await tableOf(clients.logs.queryWorkspace(workspaceId, query, { startTime, endTime }));
    const containing = await tableOf(
      clients.logs.queryWorkspace(workspaceId, `AppTraces | where Message contains "xecut" | count`, {
        startTime,
        endTime,
      }),
    );

    const workspaceGroups = estate.logGroups.filter(
      (group) => group.id.startsWith(`${workspaceId}/`) && group.source === 'functionapp',
    );
    const events = workspaceGroups.flatMap((group) =>
      logEventsBetween(group, startTime.getTime(), endTime.getTime()),
    );
    const errors = events.filter(
      (event) => event.level === 'ERROR' && /(^|[^a-z0-9])error([^a-z0-9]|$)/i.test(event.message),
    );
    expect(table.columnDescriptors.map((column) => column.name)).toEqual(['TimeGenerated', 'Message']);
    expect(table.rows.map((row) => row[1]).sort()).toEqual(errors.map((event) => event.message).sort());
    expect(containing.rows).toEqual([
      [events.filter((event) => event.message.toLowerCase().includes('xecut')).length],
    ]);
  });

  it('summarizes Syslog rows per computer and severity', async () => {
    const vmGroups = estate.logGroups.filter(
      (group) => group.id.startsWith(`${workspaceId}/`) && group.source === 'vm',
    );
    const query = `Syslog | where TimeGenerated between (datetime(${new Date(ANCHOR_MS - 2 * HOUR_MS).toISOString()}) .. datetime(${ANCHOR}))
      | summarize count() by Computer, SeverityLevel`;

    const table = await tableOf(clients.logs.queryWorkspace(workspaceId, query, { duration: 'PT3H' }));

    const counts = new Map<string, number>();
    const severity = { DEBUG: 'debug', INFO: 'info', WARN: 'warning', ERROR: 'err' } as const;
    for (const group of vmGroups) {
      const computer = estate.instances.find((vm) => vm.id === group.resourceId)!.name;
      for (const event of logEventsBetween(group, ANCHOR_MS - 2 * HOUR_MS, ANCHOR_MS + 1)) {
        const key = `${computer}|${severity[event.level]}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
    expect(vmGroups.length).toBeGreaterThan(0);
    expect(table.columnDescriptors.map((column) => [column.name, column.type])).toEqual([
      ['Computer', 'string'],
      ['SeverityLevel', 'string'],
      ['count_', 'long'],
    ]);
    expect(new Map(table.rows.map((row) => [`${row[0] as string}|${row[1] as string}`, row[2]]))).toEqual(
      counts,
    );
  });

  it.each([
    ['a query outside the supported subset', 'AppTraces | extend x = 1', 'SyntaxError'],
    ['a table the workspace does not have', 'SecurityEvent | take 1', 'SemanticError'],
    ['an unknown column', 'AppTraces | where Level == "Error"', 'SemanticError'],
  ])('rejects %s with BadArgumentError', async (_case, query, inner) => {
    const error: unknown = await clients.logs
      .queryWorkspace(workspaceId, query, { duration: 'PT1H' })
      .catch((caught: unknown) => caught);

    expect(isRestError(error)).toBe(true);
    expect(error).toMatchObject({ statusCode: 400, code: 'BadArgumentError' });
    expect(
      (error as { details?: { error?: { innererror?: { code?: string } } } }).details?.error?.innererror
        ?.code,
    ).toBe(inner);
  });

  it('serves FunctionAppLogs with its Level column and journals queries against the workspace', async () => {
    const table = await tableOf(
      clients.logs.queryWorkspace(workspaceId, 'FunctionAppLogs | where Level == "Error" | take 5', {
        duration: 'P1D',
      }),
    );

    expect(table.rows.every((row) => row[4] === 'Error')).toBe(true);
    expect(
      emulator.journal.query({ service: 'loganalytics', operation: 'Query_Execute' }).at(-1),
    ).toMatchObject({
      account: site.account,
      region: site.region,
      status: 200,
    });
  });

  it('queries the logs of one resource (resource-centric query)', async () => {
    const result = await clients.logs.queryResource(site.id, 'AppTraces | summarize count() by AppRoleName', {
      duration: 'PT6H',
    });

    expect(result.status).toBe(LogsQueryResultStatus.Success);
    const rows = result.status === LogsQueryResultStatus.Success ? result.tables[0]!.rows : [];
    expect(rows).toEqual([
      [site.name, logEventsBetween(siteGroup, ANCHOR_MS - 6 * HOUR_MS, ANCHOR_MS).length],
    ]);
    expect(emulator.journal.query({ operation: 'Query_ResourceExecute' }).at(-1)).toMatchObject({
      status: 200,
      account: site.account,
    });
  });

  it('answers an unknown workspace with 404 WorkspaceNotFoundError', async () => {
    const error: unknown = await clients.logs
      .queryWorkspace('00000000-0000-4000-8000-000000000000', 'AppTraces | take 1', { duration: 'PT1H' })
      .catch((caught: unknown) => caught);

    expect(error).toMatchObject({ statusCode: 404, code: 'WorkspaceNotFoundError' });
  });
});
