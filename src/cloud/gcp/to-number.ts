/**
 * A number from an int64 (or double) as the client libraries decode it: a number, a decimal
 * string, or a protobuf.js `Long` (`{ low, high, toNumber() }`). `undefined` when absent or not
 * numeric.
 */
export function toNumber(value: unknown): number | undefined {
  let number: number | undefined;
  if (typeof value === 'number') number = value;
  else if (typeof value === 'string' && value.trim() !== '') number = Number(value);
  else if (typeof value === 'object' && value !== null) {
    const long = value as { toNumber?: unknown; low?: unknown; high?: unknown };
    if (typeof long.toNumber === 'function') number = Number((long.toNumber as () => unknown).call(value));
    else if (typeof long.low === 'number' && typeof long.high === 'number')
      number = long.high * 2 ** 32 + (long.low >>> 0);
  }
  return number !== undefined && Number.isFinite(number) ? number : undefined;
}
