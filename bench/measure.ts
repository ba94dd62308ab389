/** Milliseconds taken by `fn`, with its result. */
export async function timed<T>(fn: () => Promise<T> | T): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await fn();
  return { ms: performance.now() - start, result };
}

/** The p-th percentile (nearest rank) of `values`, p in [0, 100]. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? Number.NaN;
}

/** Samples RSS every few milliseconds while `fn` runs; returns the peak in MB. */
export async function peakRssDuring<T>(fn: () => Promise<T>): Promise<{ peakMb: number; result: T }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  try {
    const result = await fn();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { peakMb: peak / 1024 / 1024, result };
  } finally {
    clearInterval(timer);
  }
}

/** Rounds to `digits` decimals for printing. */
export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
