import { generateEstate } from '../../emulator/estate/generate-estate.js';
import type { Estate } from '../../emulator/estate/model.js';
import {
  startEmulator,
  type PageSizeCaps,
  type RunningEmulator,
} from '../../emulator/server/start-emulator.js';
import { loadConfig } from '../../src/app/config/load-config.js';
import { createApp, type App } from '../../src/app/create-app.js';

/** The fixed "now" of end-to-end tests: an estate anchor and a clock that do not move. */
export const TEST_ANCHOR = '2026-11-20T00:00:00.000Z';
export const TEST_NOW = new Date('2026-11-20T09:32:10.000Z');

/** An app wired to a fresh emulator, for end-to-end tests of the deterministic path. */
export interface AppHarness {
  readonly emulator: RunningEmulator;
  readonly app: App;
  readonly estate: Estate;
  /** The AWS account the emulator maps the test credentials to. */
  readonly awsAccount: string;
  close(): Promise<void>;
}

/** Starts an emulator (seed 7, small) and an app pointed at it; nothing leaves 127.0.0.1. */
export async function startAppHarness(
  options: { pageSizeCaps?: PageSizeCaps; seed?: number } = {},
): Promise<AppHarness> {
  const estate = generateEstate({ seed: options.seed ?? 7, size: 'small', anchorTime: TEST_ANCHOR });
  const emulator = await startEmulator({
    estate,
    ...(options.pageSizeCaps === undefined ? {} : { pageSizeCaps: options.pageSizeCaps }),
  });
  const awsAccounts = estate.accounts
    .filter((a) => a.provider === 'aws')
    .sort((a, b) => a.id.localeCompare(b.id));
  const awsAccount = awsAccounts[0]!.id;
  const regions = [...new Set(awsAccounts.flatMap((a) => a.regions))].sort();
  const config = loadConfig({
    env: {},
    overrides: {
      providers: ['aws'],
      'aws.endpoint': emulator.endpoints.aws,
      'aws.regions': regions,
      'resilience.delayScale': 0.001,
    },
  });
  const app = createApp(config, {
    now: () => TEST_NOW,
    awsCredentialSets: [{ label: 'emulator', accessKeyId: 'emulator', secretAccessKey: 'emulator' }],
  });
  return { emulator, app, estate, awsAccount, close: () => emulator.close() };
}
