// A child process of `npm run bench`: lists every EC2 instance of the given regions from an
// emulator, either through the product (`ours`) or with a bare SDK paginate loop (`bare`),
// and prints {ms, count, maxRssMb, calls} as JSON. Separate processes keep the memory figures honest.
import { EC2Client, paginateDescribeInstances } from '@aws-sdk/client-ec2';
import { loadConfig } from '../src/app/config/load-config.js';
import { createApp } from '../src/app/create-app.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const [mode, endpoint, regionList, question] = process.argv.slice(2);
const regions = (regionList ?? '').split(',');
const credentials = { accessKeyId: 'emulator', secretAccessKey: 'emulator' };

async function bare(): Promise<number> {
  const counts = await Promise.all(
    regions.map(async (region) => {
      const client = new EC2Client({ endpoint, region, credentials, maxAttempts: 1 });
      let n = 0;
      for await (const page of paginateDescribeInstances({ client, pageSize: 1000 }, {})) {
        for (const reservation of page.Reservations ?? []) n += reservation.Instances?.length ?? 0;
      }
      return n;
    }),
  );
  return counts.reduce((a, b) => a + b, 0);
}

async function ours(): Promise<number> {
  const config = loadConfig({
    env: {},
    overrides: { providers: ['aws'], 'aws.endpoint': endpoint, 'aws.regions': regions, concurrency: 8 },
  });
  const app = createApp(config, { awsCredentialSets: [{ label: 'emulator', ...credentials }] });
  const answer = await app.ask(question ?? 'list all instances');
  if (!answer.ok || answer.partial)
    throw new Error(`answer not complete: ${JSON.stringify(answer.error ?? answer.coverage)}`);
  return answer.count;
}

const start = performance.now();
const count = mode === 'bare' ? await bare() : await ours();
const ms = performance.now() - start;
process.stdout.write(`${JSON.stringify({ ms, count, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
process.exit(0);
