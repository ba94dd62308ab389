import { describe, expect, it } from 'vitest';
import { GCP_RUNTIME_DEPRECATIONS, isGcpRuntimeDeprecated } from './gcp-runtime-deprecations.js';

describe('isGcpRuntimeDeprecated', () => {
  it.each([
    ['python37', '2024-01-29T23:59:59.999Z', false],
    ['python37', '2024-01-30T00:00:00.000Z', true],
    ['python38', '2026-11-20T00:00:00.000Z', true],
    ['nodejs10', '2026-11-20T00:00:00.000Z', true],
    ['nodejs12', '2026-11-20T00:00:00.000Z', true],
    ['nodejs14', '2026-11-20T00:00:00.000Z', true],
    ['nodejs16', '2026-11-20T00:00:00.000Z', true],
    ['go111', '2026-11-20T00:00:00.000Z', true],
    ['go113', '2026-11-20T00:00:00.000Z', true],
    ['nodejs20', '2026-04-29T00:00:00.000Z', false],
    ['nodejs20', '2026-04-30T00:00:00.000Z', true],
    ['python312', '2026-11-20T00:00:00.000Z', false],
    ['java21', '2026-11-20T00:00:00.000Z', false],
    ['go125', '2030-01-01T00:00:00.000Z', false],
    ['cobol85', '2026-11-20T00:00:00.000Z', undefined],
  ] as const)('%s at %s → %s', (runtime, at, expected) => {
    expect(isGcpRuntimeDeprecated(runtime, new Date(at))).toBe(expected);
  });

  it('holds only valid calendar dates', () => {
    for (const [runtime, date] of Object.entries(GCP_RUNTIME_DEPRECATIONS)) {
      expect(new Date(`${date}T00:00:00.000Z`).toISOString().slice(0, 10), runtime).toBe(date);
    }
  });
});
