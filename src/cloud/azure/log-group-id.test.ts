import { describe, expect, it } from 'vitest';
import { parseLogGroupId, toLogGroupId, toLogGroupName, type LogGroupRef } from './log-group-id.js';

const WORKSPACE = 'e270ccba-19f9-48c6-b01a-bb14dced9fdd';

describe('log group ids', () => {
  it.each<LogGroupRef>([
    { workspaceId: WORKSPACE, table: 'AppTraces', source: 'func-payments-prod-ab12' },
    {
      workspaceId: WORKSPACE,
      table: 'Syslog',
      source: '/subscriptions/s/resourcegroups/rg/providers/microsoft.compute/virtualmachines/vm-1',
    },
    { workspaceId: WORKSPACE, table: 'ContainerLogV2', source: 'orders-svc-api' },
  ])('round-trips $table/$source', (ref) => {
    expect(parseLogGroupId(toLogGroupId(ref))).toEqual(ref);
  });

  it.each([
    ['/aws/lambda/payments'],
    [`${WORKSPACE}/Event/host-1`],
    [`${WORKSPACE}/AppTraces/`],
    ['not-a-guid/AppTraces/func'],
    [WORKSPACE],
  ])('rejects %s', (id) => {
    expect(parseLogGroupId(id)).toBeUndefined();
  });

  it.each([
    [{ table: 'AppTraces', source: 'func-a' } as const, 'AppTraces/func-a'],
    [
      {
        table: 'Syslog',
        source: '/subscriptions/s/resourcegroups/rg/providers/microsoft.compute/virtualmachines/vm-1',
      } as const,
      'Syslog/vm-1',
    ],
    [{ table: 'ContainerLogV2', source: 'orders-api' } as const, 'ContainerLogV2/orders-api'],
  ])('names %j %s', (ref, name) => {
    expect(toLogGroupName(ref)).toBe(name);
  });
});
