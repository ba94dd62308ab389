import { createEstateIndex } from '../emulator/estate/estate-index.js';
import { generateEstate } from '../emulator/estate/generate-estate.js';
import { aggregateMetric } from '../emulator/estate/metrics.js';
import type { BenchFigure } from './figure.js';
import { round } from './measure.js';

/** Fixed seed and anchor, so every run measures the same estate. */
const SEED = 42;
const ANCHOR = '2026-11-20T00:00:00.000Z';
const MB = 1024 * 1024;

/** Runs a full collection when node was started with `--expose-gc`; otherwise does nothing. */
function collectGarbage(): boolean {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) return false;
  gc();
  return true;
}

/** Lets pending work (finalizers, timers) run before a memory reading. */
async function settle(): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  collectGarbage();
}

/**
 * Measures the estate layer at the `xl` preset (100,000 instances): generation wall and CPU time,
 * heap and RSS growth while the estate is held, index build time, and the cost of aggregating one
 * hour of CPU for 10,000 instances. Memory figures are exact only with `node --expose-gc`.
 */
export async function benchEstateGeneration(): Promise<BenchFigure[]> {
  const figures: BenchFigure[] = [];
  const exactMemory = collectGarbage();
  // Warm the JIT on a small estate so the figure is about generation, not compilation.
  generateEstate({ seed: SEED, size: 'small', anchorTime: ANCHOR });
  await settle();

  const before = process.memoryUsage();
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  const estate = generateEstate({ seed: SEED, size: 'xl', anchorTime: ANCHOR });
  const wallMs = performance.now() - start;
  const cpu = process.cpuUsage(cpuBefore);
  await settle();
  const after = process.memoryUsage();

  const memoryNote = exactMemory
    ? 'estate held; after full GC'
    : 'estate held; run node --expose-gc for exact figures';
  figures.push(
    {
      name: `estate xl: generation time (${estate.instances.length} instances)`,
      value: round(wallMs, 0),
      unit: 'ms',
      note: 'aim: a few seconds',
    },
    { name: 'estate xl: generation CPU time', value: round((cpu.user + cpu.system) / 1000, 0), unit: 'ms' },
    {
      name: 'estate xl: heap growth',
      value: round((after.heapUsed - before.heapUsed) / MB, 0),
      unit: 'MB',
      note: memoryNote,
    },
    {
      name: 'estate xl: RSS growth',
      value: round((after.rss - before.rss) / MB, 0),
      unit: 'MB',
      note: memoryNote,
    },
    {
      name: 'estate xl: resources generated',
      value:
        estate.instances.length +
        estate.volumes.length +
        estate.functions.length +
        estate.databases.length +
        estate.buckets.length +
        estate.logGroups.length +
        estate.auditEvents.length,
      unit: 'objects',
    },
  );

  const indexStart = performance.now();
  const index = createEstateIndex(estate);
  figures.push({
    name: 'estate xl: index build time',
    value: round(performance.now() - indexStart, 0),
    unit: 'ms',
  });

  const anchorMs = Date.parse(ANCHOR);
  const sample = estate.instances.slice(0, 10_000);
  const aggregateStart = performance.now();
  let points = 0;
  for (const instance of sample) {
    points += aggregateMetric(instance.metrics.cpu, anchorMs - 3_600_000, anchorMs, 300, 'Average').length;
  }
  figures.push({
    name: `metrics: 1 h of CPU at 5 min for ${sample.length} instances (${points} points)`,
    value: round(performance.now() - aggregateStart, 0),
    unit: 'ms',
    note: 'aim well under 1000 ms',
  });
  // Keep the estate and index alive until every reading is taken.
  if (index.accounts('aws').length === 0)
    figures.push({ name: 'estate xl: no AWS accounts', value: 0, unit: 'error' });
  return figures;
}
