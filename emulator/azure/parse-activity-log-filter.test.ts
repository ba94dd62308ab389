import { describe, expect, it } from 'vitest';
import { parseActivityLogFilter } from './parse-activity-log-filter.js';

describe('parseActivityLogFilter', () => {
  it.each([
    [
      "eventTimestamp ge '2026-11-01T00:00:00Z' and eventTimestamp le '2026-11-02T00:00:00Z'",
      { startMs: Date.parse('2026-11-01T00:00:00Z'), endMs: Date.parse('2026-11-02T00:00:00Z') },
    ],
    [
      "eventTimestamp ge '2026-11-01' and resourceGroupName eq 'rg-api-prod-eus'",
      { startMs: Date.parse('2026-11-01T00:00:00Z'), resourceGroupName: 'rg-api-prod-eus' },
    ],
    [
      "EventTimestamp GE 2026-11-01T00:00:00.1234567Z AND resourceUri eq '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm'",
      {
        startMs: Date.parse('2026-11-01T00:00:00.123Z'),
        resourceUri: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm',
      },
    ],
    [
      "eventTimestamp ge '2026-11-01T00:00:00Z' and eventChannels eq 'Admin, Operation' and levels eq 'Critical,Error,Warning,Informational'",
      {
        startMs: Date.parse('2026-11-01T00:00:00Z'),
        eventChannels: ['admin', 'operation'],
        levels: ['critical', 'error', 'warning', 'informational'],
      },
    ],
    [
      "eventTimestamp ge '2026-11-01T00:00:00Z' and caller eq 'o''brien@contoso.com'",
      { startMs: Date.parse('2026-11-01T00:00:00Z'), caller: "o'brien@contoso.com" },
    ],
  ])('parses %s', (text, filter) => {
    expect(parseActivityLogFilter(text)).toEqual({ ok: true, filter });
  });

  it.each([
    [undefined, 'is required'],
    ["resourceGroupName eq 'rg'", "must specify the start time with 'eventTimestamp ge'"],
    ["eventTimestamp ge 'yesterday'", 'is not a valid date time'],
    [
      "eventTimestamp ge '2026-11-01' and operationName eq 'x'",
      "The filter field 'operationName' is not supported.",
    ],
    ["eventTimestamp ge '2026-11-01' and resourceGroupName ne 'rg'", 'is not valid'],
    ["eventTimestamp ge '2026-11-01' and resourceGroupName ge 'rg'", "only supports the 'eq' operator"],
  ])('rejects %s', (text, message) => {
    const result = parseActivityLogFilter(text);

    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toContain(message);
  });
});
