import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Estate, Provider } from '../../../emulator/estate/model.js';

/** Seed and size of the demo estate used by `--demo`. */
export const DEMO_SEED = 42;
export const DEMO_SIZE = 'small';

/**
 * The demo estate's anchor (its "now"): the start of the next UTC hour. The emulator has metrics and
 * logs up to the anchor, so "the last hour" has data, and the estate stays the same for an hour.
 */
export function demoAnchorTime(now: Date): string {
  const hour = 3_600_000;
  return new Date(Math.floor(now.getTime() / hour) * hour + hour).toISOString();
}

/** What `--demo` needs of a running emulator: its endpoints and the estate's accounts. */
export interface DemoEmulator {
  readonly endpoints: Readonly<Record<Provider, string>>;
  readonly estate: Pick<Estate, 'accounts'>;
  close(): Promise<void>;
}

/** The message the demo worker posts once its emulator listens (or failed to start). */
export type DemoWorkerMessage =
  | {
      readonly type: 'ready';
      readonly endpoints: Record<Provider, string>;
      readonly accounts: Estate['accounts'];
    }
  | { readonly type: 'failed'; readonly message: string };

const WORKER_URL = new URL('./demo-emulator-worker.js', import.meta.url);

/**
 * Starts the built-in emulator with the demo estate. From the built CLI it runs in a worker thread,
 * so generating the estate and serving requests use the second core while this thread loads the
 * cloud SDKs (about a third of a cold `sre ask --demo`). Where the worker script is not built (tests
 * run from TypeScript sources) it runs in-process. Either way it listens on 127.0.0.1 only.
 */
export async function startDemoEmulator(now: Date): Promise<DemoEmulator> {
  if (WORKER_URL.protocol === 'file:' && existsSync(fileURLToPath(WORKER_URL))) {
    return startDemoEmulatorWorker(now);
  }
  const [{ generateEstate }, { startEmulator }] = await Promise.all([
    import('../../../emulator/estate/generate-estate.js'),
    import('../../../emulator/server/start-emulator.js'),
  ]);
  const estate = generateEstate({ seed: DEMO_SEED, size: DEMO_SIZE, anchorTime: demoAnchorTime(now) });
  return startEmulator({ estate });
}

async function startDemoEmulatorWorker(now: Date): Promise<DemoEmulator> {
  const { Worker } = await import('node:worker_threads');
  const worker = new Worker(WORKER_URL, { workerData: { anchorTime: demoAnchorTime(now) } });
  const message = await new Promise<DemoWorkerMessage>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => {
      reject(new Error(`the demo emulator stopped before it was ready (exit code ${code})`));
    });
  });
  if (message.type === 'failed') {
    await worker.terminate();
    throw new Error(`the demo emulator could not start: ${message.message}`);
  }
  // The worker must not keep the CLI alive; it is terminated on close.
  worker.unref();
  return {
    endpoints: message.endpoints,
    estate: { accounts: message.accounts },
    close: async () => {
      await worker.terminate();
    },
  };
}

/** Configuration overrides that point every provider (AWS, Azure, GCP) at a running emulator. */
export function demoOverrides(emulator: Omit<DemoEmulator, 'close'>): Record<string, unknown> {
  const awsRegions = [
    ...new Set(emulator.estate.accounts.filter((a) => a.provider === 'aws').flatMap((a) => a.regions)),
  ].sort();
  const ids = (provider: string): string[] =>
    emulator.estate.accounts.filter((a) => a.provider === provider).map((a) => a.id);
  return {
    providers: ['aws', 'azure', 'gcp'],
    'aws.endpoint': emulator.endpoints.aws,
    'aws.regions': awsRegions,
    'azure.endpoint': emulator.endpoints.azure,
    'azure.subscriptions': ids('azure'),
    'gcp.endpoint': emulator.endpoints.gcp,
    'gcp.projects': ids('gcp'),
    'resilience.delayScale': 0.01,
  };
}

/** One static credential set per AWS account of the estate: the emulator maps a key containing an account id to it. */
export function demoAwsCredentialSets(
  emulator: Omit<DemoEmulator, 'close'>,
): { label: string; accessKeyId: string; secretAccessKey: string }[] {
  return emulator.estate.accounts
    .filter((a) => a.provider === 'aws')
    .map((a) => ({ label: a.id, accessKeyId: `EMULATOR${a.id}`, secretAccessKey: 'emulator' }));
}
