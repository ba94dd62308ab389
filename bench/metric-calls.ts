import type { JournalEntry } from '../emulator/server/call-journal.js';
import { generateEstate } from '../emulator/estate/generate-estate.js';
import type { Estate, EstateInstance } from '../emulator/estate/model.js';
import { startEmulator } from '../emulator/server/start-emulator.js';
import { demoAwsCredentialSets, demoOverrides } from '../src/interfaces/cli/start-demo-emulator.js';
import type { AskChildResult, AskChildSpec } from './ask-child.js';
import { BENCH_ANCHOR } from './bench-estate.js';
import type { BenchFigure } from './figure.js';
import { round } from './measure.js';
import { runChild } from './run-child.js';

const QUESTION = 'instances with average cpu above 80% in the last hour';

/**
 * Documented batch and page limits of the APIs a perfect client would use for the question.
 * - AWS EC2 DescribeInstances: MaxResults ≤ 1000; CloudWatch GetMetricData: ≤ 500 queries per call,
 *   per account and region (one datapoint per query here: the period is the whole window).
 * - Azure VirtualMachines_ListAll: ARM decides the page size (the client cannot ask for more); the
 *   emulator serves 100 per page. Azure Monitor: `metrics:getBatch` (`Metrics_Batch`, what the
 *   adapter calls for VMs of a known region) takes up to 50 resource ids of one subscription and
 *   region; `Metrics_List` (the adapter's fallback when the region is unknown) takes one resource.
 * - GCP instances.aggregatedList: maxResults ≤ 500; Monitoring timeSeries.list: one filter per
 *   call for the whole project, pageSize ≤ 100,000 points (FULL view), one point per aligned series.
 */
const LIMITS = {
  awsDescribeInstances: 1000,
  awsGetMetricData: 500,
  azureArmPage: 100,
  azureMetricsBatch: 50,
  gcpAggregatedList: 500,
  gcpTimeSeriesPage: 100_000,
} as const;

/** The operations of each provider that list the instances and read their metric. */
const OPERATIONS = {
  aws: { list: ['DescribeInstances'], metrics: ['GetMetricData'] },
  azure: {
    list: ['VirtualMachines_ListAll', 'VirtualMachines_List'],
    metrics: ['Metrics_Batch', 'Metrics_List'],
  },
  // Not `instances.list`: Cloud SQL's list has that name too.
  gcp: { list: ['instances.aggregatedList'], metrics: ['timeSeries.list'] },
} as const;

type Provider = keyof typeof OPERATIONS;
const PROVIDERS: readonly Provider[] = ['aws', 'azure', 'gcp'];

const pages = (items: number, perPage: number): number => Math.max(1, Math.ceil(items / perPage));

function groupCounts(instances: readonly EstateInstance[], key: (i: EstateInstance) => string): number[] {
  const counts = new Map<string, number>();
  for (const i of instances) counts.set(key(i), (counts.get(key(i)) ?? 0) + 1);
  return [...counts.values()];
}

interface Minimum {
  readonly list: number;
  readonly metrics: number;
  /** Azure only: metric calls with the per-resource `Metrics_List` (one VM per call), for comparison. */
  readonly metricsPerResource?: number;
}

/**
 * The fewest calls that can answer the question over `estate` with the APIs' documented limits,
 * for a client configured like the product (every AWS account asked in every configured region).
 */
function minimumCalls(estate: Estate, awsRegions: readonly string[]): Record<Provider, Minimum> {
  const of = (p: Provider): EstateInstance[] => estate.instances.filter((i) => i.provider === p);
  const accounts = (p: Provider): string[] =>
    estate.accounts.filter((a) => a.provider === p).map((a) => a.id);
  const count = (list: readonly EstateInstance[], match: (i: EstateInstance) => boolean): number =>
    list.filter(match).length;
  const aws = of('aws');
  const azure = of('azure');
  const gcp = of('gcp');
  const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);
  return {
    aws: {
      // Every (account, configured region) costs one call even when empty: only the call tells.
      list: sum(
        accounts('aws').flatMap((account) =>
          awsRegions.map((region) =>
            pages(
              count(aws, (i) => i.account === account && i.region === region),
              LIMITS.awsDescribeInstances,
            ),
          ),
        ),
      ),
      metrics: sum(
        groupCounts(aws, (i) => `${i.account}/${i.region}`).map((n) =>
          Math.ceil(n / LIMITS.awsGetMetricData),
        ),
      ),
    },
    azure: {
      list: sum(
        accounts('azure').map((sub) =>
          pages(
            count(azure, (i) => i.account === sub),
            LIMITS.azureArmPage,
          ),
        ),
      ),
      metrics: sum(
        groupCounts(azure, (i) => `${i.account}/${i.region}`).map((n) =>
          Math.ceil(n / LIMITS.azureMetricsBatch),
        ),
      ),
      metricsPerResource: azure.length,
    },
    gcp: {
      list: sum(
        accounts('gcp').map((project) =>
          pages(
            count(gcp, (i) => i.account === project),
            LIMITS.gcpAggregatedList,
          ),
        ),
      ),
      // At most one aligned point per instance, so a project's series fit in ceil(n / 100,000) pages.
      metrics: sum(groupCounts(gcp, (i) => i.account).map((n) => Math.ceil(n / LIMITS.gcpTimeSeriesPage))),
    },
  };
}

/** Calls of one provider split into listing, metric and other operations. */
function splitCalls(
  calls: readonly JournalEntry[],
  provider: Provider,
): { list: number; metrics: number; other: Map<string, number> } {
  const ops = OPERATIONS[provider];
  let list = 0;
  let metrics = 0;
  const other = new Map<string, number>();
  for (const call of calls) {
    if (call.provider !== provider) continue;
    if ((ops.list as readonly string[]).includes(call.operation)) list++;
    else if ((ops.metrics as readonly string[]).includes(call.operation)) metrics++;
    else other.set(call.operation, (other.get(call.operation) ?? 0) + 1);
  }
  return { list, metrics, other };
}

/** Options of {@link benchMetricCalls}. */
export interface BenchMetricCallsOptions {
  /** Repository root (where `dist/` is). */
  readonly root: string;
  /** Estate preset (default `large`: 20,000 instances). */
  readonly size?: 'tiny' | 'small' | 'medium' | 'large' | 'xl';
}

/**
 * Issue #4: calls per answer ÷ the minimum possible, per provider, for a metric-threshold question
 * over every instance of a multi-cloud estate. The question is asked in a child process just
 * before the estate's anchor (the emulator serves metrics up to it); the emulator counts the calls.
 * GCP pages are capped at the APIs' documented maxima (Monitoring: 100,000 points), not at the
 * emulator's default 500, so the minimum and the product see the same limits.
 */
export async function benchMetricCalls(
  options: BenchMetricCallsOptions,
  print: (figure: BenchFigure) => void,
): Promise<void> {
  const size = options.size ?? 'large';
  const estate = generateEstate({ seed: 42, size, anchorTime: BENCH_ANCHOR });
  const emulator = await startEmulator({ estate, pageSizeCaps: { gcp: LIMITS.gcpTimeSeriesPage } });
  try {
    const overrides = demoOverrides(emulator);
    const awsRegions = overrides['aws.regions'] as string[];
    const spec: AskChildSpec = {
      // The longest deadline: a question cut short would not make every call it needs.
      overrides: { ...overrides, requestTimeoutSeconds: 600 },
      awsCredentialSets: demoAwsCredentialSets(emulator),
      now: new Date(Date.parse(BENCH_ANCHOR) - 60_000).toISOString(),
      questions: [QUESTION],
    };
    emulator.journal.clear();
    const before = emulator.journal.total();
    const result = await runChild<AskChildResult>(options.root, 'dist/bench/ask-child.js', [
      JSON.stringify(spec),
    ]);
    const calls = emulator.journal.query();
    if (calls.length !== emulator.journal.total() - before)
      throw new Error('the call journal dropped entries: counts would be wrong');
    const answer = result.answers[0];
    if (answer === undefined || !answer.ok || answer.partial)
      throw new Error(
        `calls: the answer is not complete: ${answer?.error ?? answer?.failedScopes.join(', ') ?? 'no answer'}`,
      );
    const minimum = minimumCalls(estate, awsRegions);
    const label = `calls: cpu > 80 % over ${estate.instances.length} instances (${size})`;
    print({
      name: `${label}: answer (${answer.count} match)`,
      value: round(answer.ms, 0),
      unit: 'ms',
      note: `“${QUESTION}”, asked 1 min before the estate anchor`,
    });
    let total = 0;
    let totalMinimum = 0;
    for (const provider of PROVIDERS) {
      const made = splitCalls(calls, provider);
      const min = minimum[provider];
      const otherCount = [...made.other.values()].reduce((a, b) => a + b, 0);
      const n = made.list + made.metrics + otherCount;
      const least = min.list + min.metrics;
      total += n;
      totalMinimum += least;
      const others = [...made.other].map(([operation, k]) => ` + ${operation} ${k}`).join('');
      const instances = estate.instances.filter((i) => i.provider === provider).length;
      print({
        name: `${label}: ${provider} calls`,
        value: n,
        unit: 'calls',
        note: `${instances} instances: list ${made.list} + metrics ${made.metrics}${others}`,
      });
      print({
        name: `${label}: ${provider} calls ÷ minimum`,
        value: round(n / least, 2),
        unit: 'ratio',
        note: `minimum ${least} = list ${min.list} + metrics ${min.metrics}${
          provider === 'azure' ? ` (metrics:getBatch, ${LIMITS.azureMetricsBatch} VMs per call)` : ''
        }`,
      });
      if (min.metricsPerResource !== undefined) {
        const perResource = min.list + min.metricsPerResource;
        print({
          name: `${label}: azure calls ÷ minimum with Metrics_List`,
          value: round(n / perResource, 2),
          unit: 'ratio',
          note: `minimum ${perResource} = list ${min.list} + metrics ${min.metricsPerResource} (1 VM per call: the per-resource API the adapter used before metrics:getBatch)`,
        });
      }
    }
    print({
      name: `${label}: all clouds calls ÷ minimum`,
      value: round(total / totalMinimum, 2),
      unit: 'ratio',
      note: `${total} calls; minimum ${totalMinimum}; aim 1.0`,
    });
  } finally {
    await emulator.close();
  }
}
