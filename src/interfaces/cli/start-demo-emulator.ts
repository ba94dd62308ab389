import type { RunningEmulator } from '../../../emulator/server/start-emulator.js';

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

/** Starts the built-in emulator in-process with the demo estate (modules loaded lazily). */
export async function startDemoEmulator(now: Date): Promise<RunningEmulator> {
  const [{ generateEstate }, { startEmulator }] = await Promise.all([
    import('../../../emulator/estate/generate-estate.js'),
    import('../../../emulator/server/start-emulator.js'),
  ]);
  const estate = generateEstate({ seed: DEMO_SEED, size: DEMO_SIZE, anchorTime: demoAnchorTime(now) });
  return startEmulator({ estate });
}

/** Configuration overrides that point every provider (AWS, Azure, GCP) at a running emulator. */
export function demoOverrides(emulator: RunningEmulator): Record<string, unknown> {
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
  emulator: RunningEmulator,
): { label: string; accessKeyId: string; secretAccessKey: string }[] {
  return emulator.estate.accounts
    .filter((a) => a.provider === 'aws')
    .map((a) => ({ label: a.id, accessKeyId: `EMULATOR${a.id}`, secretAccessKey: 'emulator' }));
}
