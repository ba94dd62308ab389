// `npm run bench`: prints benchmark figures (never pass/fail against an aim). A wrong result (an answer
// whose rows do not match the estate) is listed at the end and the run exits with status 1.
// Everything talks to 127.0.0.1 only.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { benchDescribeInstances } from '../emulator/aws/bench-describe-instances.js';
import { startEmulator } from '../emulator/server/start-emulator.js';
import { loadConfig } from '../src/app/config/load-config.js';
import { createApp } from '../src/app/create-app.js';
import { parseQuestion } from '../src/core/rules/parse-question.js';
import { AWS_EN } from '../test/corpus/aws-en.js';
import { AWS_ZH } from '../test/corpus/aws-zh.js';
import { MULTICLOUD_EN } from '../test/corpus/multicloud-en.js';
import { MULTICLOUD_ZH } from '../test/corpus/multicloud-zh.js';
import { benchEstateGeneration } from './estate-generation.js';
import type { BenchFigure } from './figure.js';
import { percentile, round } from './measure.js';
import { BENCH_ANCHOR, buildAwsBenchEstate } from './bench-estate.js';
import { benchMetricCalls } from './metric-calls.js';
import { benchInventory } from './multicloud-inventory.js';
import { runChild } from './run-child.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const figures: BenchFigure[] = [];
const print = (f: BenchFigure): void => {
  figures.push(f);
  process.stdout.write(
    `${f.name.padEnd(64)} ${(f.text ?? String(f.value)).padStart(12)} ${f.unit.padEnd(12)} ${f.note ?? ''}\n`,
  );
};
const root = fileURLToPath(new URL('../../', import.meta.url));
const only = process.argv.slice(2);
const want = (name: string): boolean => only.length === 0 || only.includes(name);
/** Benchmarks whose results were wrong (printed at the end; the run then exits with status 1). */
const failures: string[] = [];

if (want('rules')) {
  const ALL_CORPUS = [...AWS_EN, ...AWS_ZH, ...MULTICLOUD_EN, ...MULTICLOUD_ZH];
  const times: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const entry of ALL_CORPUS) {
      const start = performance.now();
      parseQuestion(entry.question);
      times.push(performance.now() - start);
    }
  }
  print({
    name: `rules: parse+plan per question (${ALL_CORPUS.length} corpus questions ×3) p50`,
    value: round(percentile(times, 50), 3),
    unit: 'ms',
    note: 'aim < 2 ms',
  });
  print({ name: 'rules: parse+plan per question p99', value: round(percentile(times, 99), 3), unit: 'ms' });
}

if (want('estate')) for (const f of await benchEstateGeneration()) print(f);
if (want('emulator')) for (const f of await benchDescribeInstances()) print(f);

if (want('cold')) {
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    const result = spawnSync(
      process.execPath,
      ['bin/sre.js', 'ask', '--demo', '--json', 'how many running instances?'],
      {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
      },
    );
    runs.push(performance.now() - start);
    if (result.status !== 0) throw new Error(`sre ask --demo failed: ${result.stderr}`);
  }
  print({
    name: 'sre ask --demo wall time, cold process (median of 5)',
    value: round(percentile(runs, 50), 0),
    unit: 'ms',
    note: 'aim < 1500 ms',
  });
}

if (want('listing')) {
  const regions = ['us-east-1', 'us-west-2', 'eu-west-1'];
  const estate = buildAwsBenchEstate(100_000, regions);
  const emulator = await startEmulator({ estate });
  try {
    // Asynchronous: the emulator serving the child runs in this process's event loop.
    const child = (mode: string): Promise<{ ms: number; count: number; maxRssMb: number }> =>
      runChild(root, 'dist/bench/list-child.js', [
        mode,
        emulator.endpoints.aws,
        regions.join(','),
        'list all instances',
      ]);
    await child('bare'); // warm the emulator's caches once, so both sides see the same server
    const bare = await child('bare');
    const ours = await child('ours');
    print({
      name: `list 100k instances / 3 regions: bare SDK paginate loop (${bare.count})`,
      value: round(bare.ms, 0),
      unit: 'ms',
    });
    print({
      name: `list 100k instances / 3 regions: sre end to end (${ours.count})`,
      value: round(ours.ms, 0),
      unit: 'ms',
    });
    print({
      name: 'list 100k instances: ours ÷ bare SDK loop',
      value: round(ours.ms / bare.ms, 2),
      unit: 'ratio',
      note: 'aim ≤ 1.25',
    });
    print({
      name: 'list 100k instances: sre peak RSS',
      value: round(ours.maxRssMb, 0),
      unit: 'MB',
      note: 'aim < 400 MB',
    });
    print({
      name: 'list 100k instances: bare SDK loop peak RSS',
      value: round(bare.maxRssMb, 0),
      unit: 'MB',
    });
  } finally {
    await emulator.close();
  }
}

if (want('metrics')) {
  const regions = ['us-east-1'];
  const estate = buildAwsBenchEstate(10_000, regions);
  const emulator = await startEmulator({ estate });
  try {
    const config = loadConfig({
      env: {},
      overrides: { providers: ['aws'], 'aws.endpoint': emulator.endpoints.aws, 'aws.regions': regions },
    });
    // Ask just before the estate's anchor: the emulator serves metrics up to it.
    const app = createApp(config, {
      now: () => new Date(Date.parse(BENCH_ANCHOR) - 60_000),
      awsCredentialSets: [{ label: 'emulator', accessKeyId: 'emulator', secretAccessKey: 'emulator' }],
    });
    const start = performance.now();
    const answer = await app.ask('instances with average cpu above 80% in the last hour');
    const ms = performance.now() - start;
    const calls = emulator.journal.query({ provider: 'aws', operation: 'GetMetricData' }).length;
    const minimum = Math.ceil(10_000 / 500);
    print({
      name: `cpu threshold over 10k instances: answer (${answer.count} match)`,
      value: round(ms, 0),
      unit: 'ms',
    });
    print({
      name: 'cpu threshold over 10k instances: GetMetricData calls',
      value: calls,
      unit: 'calls',
      note: `minimum ${minimum}`,
    });
    print({
      name: 'cpu threshold over 10k instances: calls ÷ minimum',
      value: round(calls / minimum, 2),
      unit: 'ratio',
      note: 'aim 1.0',
    });
  } finally {
    await emulator.close();
  }
}

if (want('inventory')) {
  try {
    await benchInventory({ root }, print);
  } catch (error) {
    failures.push(error instanceof Error ? error.message : String(error));
  }
}

if (want('calls')) {
  try {
    await benchMetricCalls({ root }, print);
  } catch (error) {
    failures.push(error instanceof Error ? error.message : String(error));
  }
}

process.stdout.write(`\n${figures.length} figures.\n`);
if (failures.length > 0) {
  process.stderr.write(`\nWRONG RESULTS:\n${failures.join('\n')}\n`);
  process.exitCode = 1;
}
