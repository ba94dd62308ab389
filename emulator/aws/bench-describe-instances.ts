import { EC2Client, paginateDescribeInstances } from '@aws-sdk/client-ec2';
import type { BenchFigure } from '../../bench/figure.js';
import { generateEstate } from '../estate/generate-estate.js';
import type { SizePreset } from '../estate/presets.js';
import { startEmulator } from '../server/start-emulator.js';
import { awsTestClientConfig } from './aws-test-client-config.js';

/** Options of {@link benchDescribeInstances}. */
export interface BenchDescribeInstancesOptions {
  /** Estate size preset (default `xl`, 100,000 instances of which a third are AWS). */
  readonly size?: SizePreset;
  /** Page size asked of the paginator (default 1000, DescribeInstances' maximum). */
  readonly pageSize?: number;
}

/** One pass over every AWS account and region: instances listed and seconds taken. */
async function listEverything(
  endpoint: string,
  cells: readonly (readonly [string, string])[],
  pageSize: number,
): Promise<{ instances: number; seconds: number; pages: number }> {
  const started = performance.now();
  let instances = 0;
  let pages = 0;
  for (const [account, region] of cells) {
    const client = new EC2Client(awsTestClientConfig(endpoint, region, `emulator-${account}`));
    for await (const page of paginateDescribeInstances({ client, pageSize }, {})) {
      pages++;
      for (const reservation of page.Reservations ?? []) instances += reservation.Instances?.length ?? 0;
    }
    client.destroy();
  }
  return { instances, seconds: (performance.now() - started) / 1000, pages };
}

/**
 * Measures how fast the emulator serves DescribeInstances to the official AWS SDK: an emulator
 * on the `xl` estate, every AWS account and region listed with `paginateDescribeInstances` in
 * pages of 1000, twice (the first pass also builds the emulator's cached XML fragments). The
 * figures are what the SDK achieves end to end (HTTP, XML parsing included), the "physical
 * limit" an agent's own listing can be compared with.
 */
export async function benchDescribeInstances(
  options: BenchDescribeInstancesOptions = {},
): Promise<BenchFigure[]> {
  const size = options.size ?? 'xl';
  const pageSize = options.pageSize ?? 1000;
  const estate = generateEstate({ seed: 1, size, anchorTime: '2026-11-20T00:00:00.000Z' });
  const expected = estate.instances.filter((instance) => instance.provider === 'aws').length;
  const cells = estate.accounts
    .filter((account) => account.provider === 'aws')
    .flatMap((account) => account.regions.map((region) => [account.id, region] as const));
  const emulator = await startEmulator({ estate });
  try {
    const cold = await listEverything(emulator.endpoints.aws, cells, pageSize);
    const warm = await listEverything(emulator.endpoints.aws, cells, pageSize);
    const check =
      cold.instances === expected && warm.instances === expected
        ? 'all listed'
        : `MISMATCH: estate has ${expected}`;
    return [
      {
        name: `aws DescribeInstances instances listed (${size})`,
        value: warm.instances,
        unit: 'instances',
        note: `${check}; ${cells.length} account/region pairs, ${warm.pages} pages of ≤${pageSize}`,
      },
      {
        name: `aws DescribeInstances throughput, first pass (${size})`,
        value: Math.round(cold.instances / cold.seconds),
        unit: 'instances/s',
        note: 'includes building the cached XML fragments',
      },
      {
        name: `aws DescribeInstances throughput, warm (${size})`,
        value: Math.round(warm.instances / warm.seconds),
        unit: 'instances/s',
        note: 'SDK paginator end to end: HTTP, XML parsing',
      },
      {
        name: `aws DescribeInstances time per page, warm (${size})`,
        value: Math.round((warm.seconds * 1000 * 100) / Math.max(1, warm.pages)) / 100,
        unit: 'ms',
        note: `pages of ≤${pageSize}`,
      },
    ];
  } finally {
    await emulator.close();
  }
}
