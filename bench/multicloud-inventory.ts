import type { JournalEntry } from '../emulator/server/call-journal.js';
import { generateEstate } from '../emulator/estate/generate-estate.js';
import type { Estate } from '../emulator/estate/model.js';
import { startEmulator, type RunningEmulator } from '../emulator/server/start-emulator.js';
import { demoAwsCredentialSets, demoOverrides } from '../src/interfaces/cli/start-demo-emulator.js';
import type { AskChildResult, AskChildSpec } from './ask-child.js';
import { BENCH_ANCHOR } from './bench-estate.js';
import type { BenchFigure } from './figure.js';
import { round } from './measure.js';
import { runChild } from './run-child.js';

const PROVIDERS = ['aws', 'azure', 'gcp'] as const;

/** Resources per provider. */
function perProvider(resources: readonly { provider: string }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const p of PROVIDERS) counts[p] = 0;
  for (const r of resources) counts[r.provider] = (counts[r.provider] ?? 0) + 1;
  return counts;
}

/**
 * Log groups as the clouds expose them. GCP log names are project-wide (`logs.list` has no region),
 * so the estate's GCP log groups that share a (project, log name) in several regions are one log.
 */
function visibleLogGroups(estate: Estate): Record<string, number> {
  const counts = perProvider(estate.logGroups.filter((g) => g.provider !== 'gcp'));
  counts.gcp = new Set(
    estate.logGroups.filter((g) => g.provider === 'gcp').map((g) => `${g.account}\u0000${g.id}`),
  ).size;
  return counts;
}

/**
 * The product answers one resource kind per question (the rules have no whole-inventory question:
 * "inventory" and "everything" are stop words), so the inventory is one question per kind, summed.
 */
const INVENTORY: readonly { question: string; expected: (estate: Estate) => Record<string, number> }[] = [
  { question: 'list all instances', expected: (e) => perProvider(e.instances) },
  { question: 'list all volumes', expected: (e) => perProvider(e.volumes) },
  { question: 'list all functions', expected: (e) => perProvider(e.functions) },
  { question: 'list all databases', expected: (e) => perProvider(e.databases) },
  { question: 'list all buckets', expected: (e) => perProvider(e.buckets) },
  { question: 'list all log groups', expected: visibleLogGroups },
];

const sum = (counts: Readonly<Record<string, number>>): number =>
  Object.values(counts).reduce((a, b) => a + b, 0);

/** `aws 28, azure 0 (estate 24), gcp 21`: rows per provider, with the estate's count where they differ. */
function describeCounts(
  got: Readonly<Record<string, number>>,
  want: Readonly<Record<string, number>>,
): string {
  return PROVIDERS.map((p) => {
    const n = got[p] ?? 0;
    const w = want[p] ?? 0;
    return n === w ? `${p} ${n}` : `${p} ${n} (estate ${w})`;
  }).join(', ');
}

/** Options of {@link benchInventory}. */
export interface BenchInventoryOptions {
  /** Repository root (where `dist/` is). */
  readonly root: string;
  /** Estate preset (default `xl`: 100,000 instances and ~190,000 other resources). */
  readonly size?: 'tiny' | 'small' | 'medium' | 'large' | 'xl';
  /** `resilience.delayScale` of both runs (default 0.01: backoffs of 5–20 ms instead of 0.5–2 s). */
  readonly delayScale?: number;
  /** Probability of the throttle fault of the second run (default 0.3). */
  readonly throttleProbability?: number;
}

interface InventoryRun {
  readonly result: AskChildResult;
  readonly calls: readonly JournalEntry[];
}

/** Runs the inventory questions in a child process and collects the emulator calls they made. */
async function runInventory(
  root: string,
  emulator: RunningEmulator,
  spec: AskChildSpec,
): Promise<InventoryRun> {
  emulator.journal.clear();
  const before = emulator.journal.total();
  const result = await runChild<AskChildResult>(root, 'dist/bench/ask-child.js', [JSON.stringify(spec)]);
  const calls = emulator.journal.query();
  const recorded = emulator.journal.total() - before;
  if (calls.length !== recorded)
    throw new Error(
      `the call journal dropped entries (${calls.length} kept of ${recorded}): counts would be wrong`,
    );
  return { result, calls };
}

function countBy(calls: readonly JournalEntry[], provider: string): number {
  return calls.filter((c) => c.provider === provider).length;
}

/** `ec2 DescribeVolumes 144, …`: calls of one provider by operation, most first. */
function operations(calls: readonly JournalEntry[], provider: string): string {
  const counts = new Map<string, number>();
  for (const call of calls)
    if (call.provider === provider) counts.set(call.operation, (counts.get(call.operation) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([operation, n]) => `${operation} ${n}`)
    .join(', ');
}

/**
 * Issue #4: the whole inventory of a multi-cloud estate (3 clouds, every AWS account, Azure
 * subscription and GCP project, every region), answered by the product in a child process with the
 * emulator here: wall time, emulator calls per provider, the child's peak RSS and the rows, which
 * must equal the estate's counts. Then the same under throttling of every call of every cloud,
 * with the time ratio and whether every answer has the same resultHash.
 * @throws Error when a fault-free answer is not complete or its count differs from the estate's.
 */
export async function benchInventory(
  options: BenchInventoryOptions,
  print: (figure: BenchFigure) => void,
): Promise<void> {
  const size = options.size ?? 'xl';
  const delayScale = options.delayScale ?? 0.01;
  const probability = options.throttleProbability ?? 0.3;
  const estate = generateEstate({ seed: 42, size, anchorTime: BENCH_ANCHOR });
  const expected = INVENTORY.map((k) => k.expected(estate));
  const expectedTotal = expected.reduce((total, counts) => total + sum(counts), 0);
  const scopes = PROVIDERS.map((p) => `${estate.accounts.filter((a) => a.provider === p).length} ${p}`).join(
    ' + ',
  );
  const label = `inventory ${size}`;
  const emulator = await startEmulator({ estate });
  const problems: string[] = [];
  try {
    const spec: AskChildSpec = {
      overrides: {
        ...demoOverrides(emulator),
        'resilience.delayScale': delayScale,
        // The longest deadline: a question cut short would be measured as an incomplete answer.
        requestTimeoutSeconds: 600,
        // The emulator answers a Log Analytics discovery query over a day of xl logs in about a minute
        // (it generates every event); real Log Analytics answers in seconds. Let that attempt finish.
        'resilience.azure': { timeoutMs: 300_000 },
      },
      awsCredentialSets: demoAwsCredentialSets(emulator),
      now: new Date(Date.parse(BENCH_ANCHOR) - 60_000).toISOString(),
      questions: INVENTORY.map((k) => k.question),
    };

    const clean = await runInventory(options.root, emulator, spec);
    clean.result.answers.forEach((answer, i) => {
      const want = expected[i] ?? {};
      const matches = PROVIDERS.every((p) => (answer.rowsByProvider[p] ?? 0) === (want[p] ?? 0));
      if (!answer.ok || answer.partial || !matches || answer.count !== sum(want))
        problems.push(
          `“${answer.question}”: ${describeCounts(answer.rowsByProvider, want)}` +
            (answer.ok ? '' : `; ${answer.error ?? 'not ok'}`) +
            (answer.partial ? `; partial: ${answer.failedScopes.join(', ')}` : ''),
        );
    });
    const cleanRows = clean.result.answers.reduce((total, a) => total + a.count, 0);
    print({
      name: `${label} / 3 clouds: wall time, 6 questions one after another`,
      value: round(clean.result.ms, 0),
      unit: 'ms',
      note: `one question per kind (no whole-inventory question), summed; ${scopes} scopes`,
    });
    clean.result.answers.forEach((answer, i) => {
      print({
        name: `${label}: “${answer.question}” (${answer.count} rows)`,
        value: round(answer.ms, 0),
        unit: 'ms',
        note: describeCounts(answer.rowsByProvider, expected[i] ?? {}),
      });
    });
    print({
      name: `${label}: rows, all kinds`,
      value: cleanRows,
      unit: 'rows',
      note: `estate has ${expectedTotal}; ${problems.length === 0 ? 'every kind matches' : 'MISMATCH'}`,
    });
    for (const provider of PROVIDERS)
      print({
        name: `${label}: API calls, ${provider}`,
        value: countBy(clean.calls, provider),
        unit: 'calls',
        note: operations(clean.calls, provider),
      });
    print({ name: `${label}: API calls, total`, value: clean.calls.length, unit: 'calls' });
    print({
      name: `${label}: peak RSS of the answering process`,
      value: round(clean.result.maxRssMb, 0),
      unit: 'MB',
      note: 'child process; the emulator runs in the parent',
    });

    emulator.faults.add({ kind: 'throttle', probability });
    let throttled: InventoryRun;
    try {
      throttled = await runInventory(options.root, emulator, spec);
    } finally {
      emulator.faults.clear();
    }
    const pct = `${Math.round(probability * 100)} %`;
    const hits = throttled.calls.filter((c) => c.fault === 'throttle').length;
    const same = throttled.result.answers.filter(
      (a, i) => a.resultHash === clean.result.answers[i]?.resultHash,
    ).length;
    const partial = throttled.result.answers.filter((a) => a.partial || !a.ok);
    const throttledRows = throttled.result.answers.reduce((total, a) => total + a.count, 0);
    const unread = partial.reduce((total, a) => total + a.failedScopes.length, 0);
    print({
      name: `${label}, ${pct} throttled: wall time`,
      value: round(throttled.result.ms, 0),
      unit: 'ms',
      note: `throttle fault on every call of every cloud, p=${probability}; resilience.delayScale ${delayScale}`,
    });
    print({
      name: `${label}, ${pct} throttled: rows, all kinds`,
      value: throttledRows,
      unit: 'rows',
      note: `estate has ${expectedTotal}; ${partial.length} of ${INVENTORY.length} answers partial`,
    });
    print({
      name: `${label}, ${pct} throttled: scopes not read`,
      value: unread,
      unit: 'scopes',
      note:
        unread === 0
          ? 'every scope read'
          : `a scope is dropped when one of its pages is throttled on all its attempts; ${partial
              .map((a) => `${a.question.replace('list all ', '')} ${a.failedScopes.length}`)
              .join(', ')}`,
    });
    for (const provider of PROVIDERS)
      print({
        name: `${label}, ${pct} throttled: API calls, ${provider}`,
        value: countBy(throttled.calls, provider),
        unit: 'calls',
        note: `${throttled.calls.filter((c) => c.provider === provider && c.fault === 'throttle').length} throttled`,
      });
    print({
      name: `${label}, ${pct} throttled: API calls, total`,
      value: throttled.calls.length,
      unit: 'calls',
      note: `${hits} throttled (${round((100 * hits) / Math.max(1, throttled.calls.length), 1)} %)`,
    });
    print({
      name: `${label}, ${pct} throttled: peak RSS of the answering process`,
      value: round(throttled.result.maxRssMb, 0),
      unit: 'MB',
    });
    print({
      name: `${label}: time throttled ÷ fault-free`,
      value: round(throttled.result.ms / clean.result.ms, 2),
      unit: 'ratio',
      note: `delayScale ${delayScale}: real backoffs are ${round(1 / delayScale, 0)}× longer${
        partial.length > 0 ? '; partial answers stop reading their failed scopes early' : ''
      }`,
    });
    print({
      name: `${label}: same resultHash throttled and fault-free`,
      value: same === INVENTORY.length ? 1 : 0,
      text: same === INVENTORY.length ? 'yes' : 'no',
      unit: '',
      note: `${same} of ${INVENTORY.length} answers`,
    });
    if (partial.length > 0)
      process.stderr.write(
        `${label}: throttled answers were partial:\n  ${partial
          .map((a) => `“${a.question}”: ${a.failedScopes.join(', ')}`)
          .join('\n  ')}\n`,
      );
  } finally {
    await emulator.close();
  }
  if (problems.length > 0)
    throw new Error(`${label}: the fault-free answers do not match the estate:\n  ${problems.join('\n  ')}`);
}
