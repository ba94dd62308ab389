import { describe, expect, it } from 'vitest';
import { meaningOf, resolveWriteAction } from './azure-audit-operations.js';
import { toActivityEvent, toAuditRecords, type ActivityEvent } from './to-audit-records.js';

const VM = '/subscriptions/sub-1/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm-1';
const ALL = ['create', 'start', 'stop', 'delete', 'modify'] as const;

function event(overrides: Partial<ActivityEvent>): ActivityEvent {
  return {
    eventDataId: 'e1',
    time: '2026-11-19T10:00:00.000Z',
    operation: 'Microsoft.Compute/virtualMachines/write',
    status: 'Succeeded',
    statusCode: 'Created',
    caller: 'alice@contoso.com',
    operationKey: 'op-1',
    resourceId: VM,
    ...overrides,
  };
}

function records(
  events: readonly ActivityEvent[],
  kind: 'instance' | 'volume' = 'instance',
  actions: readonly (typeof ALL)[number][] = ALL,
) {
  return toAuditRecords(events, {
    account: 'sub-1',
    kind,
    actions,
    regionOf: () => undefined,
    region: 'global',
  });
}

describe('meaningOf', () => {
  it.each([
    ['instance', 'Microsoft.Compute/virtualMachines/write', 'write'],
    ['instance', 'Microsoft.Compute/virtualMachines/start/action', 'start'],
    ['instance', 'Microsoft.Compute/virtualMachines/powerOff/action', 'stop'],
    ['instance', 'MICROSOFT.COMPUTE/VIRTUALMACHINES/POWEROFF/ACTION', 'stop'],
    ['instance', 'Microsoft.Compute/virtualMachines/deallocate/action', 'stop'],
    ['instance', 'Microsoft.Compute/virtualMachines/delete', 'delete'],
    ['instance', 'Microsoft.Compute/virtualMachines/restart/action', undefined],
    ['instance', 'Microsoft.Compute/disks/write', undefined],
    ['volume', 'Microsoft.Compute/disks/delete', 'delete'],
    ['function', 'Microsoft.Web/sites/stop/action', 'stop'],
    ['database', 'Microsoft.Sql/servers/databases/pause/action', 'stop'],
    ['database', 'Microsoft.Sql/servers/databases/resume/action', 'start'],
    ['database', 'Microsoft.Sql/servers/write', undefined],
    ['bucket', 'Microsoft.Storage/storageAccounts/write', 'write'],
    ['log_group', 'Microsoft.OperationalInsights/workspaces/delete', 'delete'],
  ] as const)('%s %s → %s', (kind, operation, meaning) => {
    expect(meaningOf(kind, operation)).toBe(meaning);
  });

  it.each([
    ['Created', 'create'],
    ['Created (HTTP Status Code: 201)', 'create'],
    ['201', 'create'],
    ['OK', 'modify'],
    ['Accepted', 'modify'],
    [undefined, 'create'],
  ])('write with status %s → %s', (status, action) => {
    expect(resolveWriteAction(status)).toBe(action);
  });
});

describe('toAuditRecords', () => {
  it('maps a succeeded creation', () => {
    const [record] = records([event({})]);

    expect(record).toEqual({
      provider: 'azure',
      account: 'sub-1',
      region: 'global',
      eventId: 'e1',
      time: '2026-11-19T10:00:00.000Z',
      action: 'create',
      operation: 'Microsoft.Compute/virtualMachines/write',
      actor: 'alice@contoso.com',
      resourceId: VM,
      resourceType: 'Microsoft.Compute/virtualMachines',
      resourceName: 'vm-1',
    });
  });

  it('keeps only the final entry of an operation, and only when it succeeded', () => {
    const events = [
      event({ eventDataId: 'a1', status: 'Started', time: '2026-11-19T10:00:00.000Z' }),
      event({ eventDataId: 'a2', status: 'Accepted', time: '2026-11-19T10:00:01.000Z' }),
      event({ eventDataId: 'a3', status: 'Succeeded', time: '2026-11-19T10:03:00.000Z' }),
      event({ eventDataId: 'b1', operationKey: 'op-2', status: 'Started', time: '2026-11-19T11:00:00.000Z' }),
      event({ eventDataId: 'b2', operationKey: 'op-2', status: 'Failed', time: '2026-11-19T11:01:00.000Z' }),
      event({
        eventDataId: 'c1',
        operationKey: 'op-3',
        status: 'Succeeded',
        statusCode: 'OK',
        time: '2026-11-19T12:00:00.000Z',
      }),
      event({
        eventDataId: 'c0',
        operationKey: 'op-3',
        status: 'Started',
        statusCode: undefined,
        time: '2026-11-19T12:00:00.000Z',
      }),
    ];

    const out = records(events);

    expect(out.map((r) => [r.eventId, r.action])).toEqual([
      ['a3', 'create'],
      ['c1', 'modify'],
    ]);
  });

  it('keeps only the asked verbs and the asked kind', () => {
    const events = [
      event({
        eventDataId: 'x1',
        operation: 'Microsoft.Compute/virtualMachines/deallocate/action',
        operationKey: 'o1',
      }),
      event({
        eventDataId: 'x2',
        operation: 'Microsoft.Compute/virtualMachines/start/action',
        operationKey: 'o2',
      }),
      event({ eventDataId: 'x3', operation: 'Microsoft.Compute/disks/write', operationKey: 'o3' }),
    ];

    expect(records(events, 'instance', ['stop']).map((r) => r.eventId)).toEqual(['x1']);
    expect(records(events, 'volume').map((r) => r.eventId)).toEqual(['x3']);
  });
});

describe('toActivityEvent', () => {
  it('reads the SDK model and raw JSON alike', () => {
    const sdk = toActivityEvent({
      eventDataId: 'e1',
      eventTimestamp: new Date('2026-11-19T10:00:00Z'),
      operationName: {
        value: 'Microsoft.Compute/virtualMachines/write',
        localizedValue: 'Create or Update Virtual Machine',
      },
      status: { value: 'Succeeded' },
      subStatus: { value: 'Created' },
      caller: 'alice@contoso.com',
      correlationId: 'c1',
      resourceId: VM,
    });
    const raw = toActivityEvent(
      JSON.parse(
        JSON.stringify({
          eventDataId: 'e1',
          eventTimestamp: '2026-11-19T10:00:00Z',
          operationName: { value: 'Microsoft.Compute/virtualMachines/write' },
          status: { value: 'Succeeded' },
          properties: { statusCode: 'Created' },
          claims: { name: 'alice@contoso.com' },
          operationId: 'c1',
          resourceId: VM,
        }),
      ),
    );

    const expected = {
      eventDataId: 'e1',
      time: '2026-11-19T10:00:00.000Z',
      operation: 'Microsoft.Compute/virtualMachines/write',
      status: 'Succeeded',
      statusCode: 'Created',
      caller: 'alice@contoso.com',
      operationKey: 'c1',
      resourceId: VM,
    };
    expect(sdk).toEqual(expected);
    expect(raw).toEqual(expected);
    expect(toActivityEvent({ eventDataId: 'no-time' })).toBeUndefined();
  });
});
