import { describe, expect, it } from 'vitest';
import type { WireRequest } from '../server/wire.js';
import { requestOrigin, requestPathname } from './request-target.js';

/** Builds the request the way the core does: the raw target resolved against the Host header. */
function asCoreParses(target: string, host: string): WireRequest {
  return { method: 'GET', url: new URL(target, `http://${host}`), headers: { host }, body: Buffer.alloc(0) };
}

describe('requestPathname', () => {
  it.each([
    [
      '/subscriptions/s/providers/Microsoft.Compute/virtualMachines',
      '127.0.0.1:4100',
      '/subscriptions/s/providers/Microsoft.Compute/virtualMachines',
    ],
    [
      '//subscriptions/s/resourceGroups/rg/providers/Microsoft.Insights/metrics',
      '127.0.0.1:4100',
      '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Insights/metrics',
    ],
    ['/v1//workspaces/w/query', 'LOCALHOST:80', '/v1/workspaces/w/query'],
    ['//subscriptions/s/query', 'localhost:80', '/subscriptions/s/query'],
  ])('recovers %s sent to %s', (target, host, expected) => {
    expect(requestPathname(asCoreParses(target, host))).toBe(expected);
  });

  it('takes the origin from the Host header even when the target starts with //', () => {
    expect(requestOrigin(asCoreParses('//subscriptions/s', '127.0.0.1:4100'))).toBe('http://127.0.0.1:4100');
  });
});
