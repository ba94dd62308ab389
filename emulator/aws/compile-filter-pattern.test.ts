import { describe, expect, it } from 'vitest';
import { compileFilterPattern, FilterPatternError } from './compile-filter-pattern.js';

const LINES = [
  'START RequestId: 1 Version: $LATEST',
  '[ERROR] ConnectionError: timeout talking to payments-db after 3000ms',
  '[WARNING] Retrying call to redis-cache (attempt 2/3)',
  'INFO GET /api/orders 200 12ms request_id=abc',
  'DEBUG cache hit key=orders:1234 ttl=300s',
  'ERROR 500 POST /api/checkout upstream timeout after 3000ms (payments-db) request_id=def',
  '{"level":"ERROR","latency":812,"path":"/api/checkout","ok":false}',
  '{"level":"INFO","latency":12,"path":"/health","ok":true}',
  '10.0.0.1 - alice [20/Nov/2026:00:00:01 +0000] "GET /index.html HTTP/1.1" 200 512',
  '10.0.0.2 - bob [20/Nov/2026:00:00:02 +0000] "POST /api/pay HTTP/1.1" 503 2048',
];

function matching(pattern: string): number[] {
  const matches = compileFilterPattern(pattern);
  return LINES.flatMap((line, index) => (matches(line) ? [index] : []));
}

describe('compileFilterPattern', () => {
  it.each([
    ['', [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]],
    ['""', [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]],
    ['ERROR', [1, 5, 6]],
    ['error', []],
    ['ERROR timeout', [1, 5]],
    ['"upstream timeout"', [5]],
    ['?WARNING ?DEBUG', [2, 4]],
    ['ERROR -POST', [1, 6]],
    ['timeout -"payments-db)"', [1]],
    ['%ERROR|WARN%', [1, 2, 5, 6]],
    ['%^\\[ERROR\\]%', [1]],
    ['{ $.level = "ERROR" }', [6]],
    ['{ $.latency > 100 }', [6]],
    ['{ $.level = "IN*" && $.ok IS TRUE }', [7]],
    ['{ ($.path = "/health") || ($.latency >= 800) }', [6, 7]],
    ['{ $.missing NOT EXISTS && $.level != "INFO" }', [6]],
    ['[ip, identity, user, timestamp, request, status_code = 5*, bytes]', [9]],
    ['[ip, ..., bytes > 1000]', [9]],
    ['[ip = 10.0.0.1, ...]', [8]],
  ])('%s matches lines %j', (pattern, expected) => {
    expect(matching(pattern)).toEqual(expected);
  });

  it.each(['"unterminated', '%(unclosed%', '{ $.a = }', '{ level = "x" }', '{ $.a = "x"'])(
    'rejects the malformed pattern %s',
    (pattern) => {
      expect(() => compileFilterPattern(pattern)).toThrow(FilterPatternError);
    },
  );
});
