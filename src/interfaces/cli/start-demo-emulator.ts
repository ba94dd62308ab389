import type { RunningEmulator } from '../../../emulator/server/start-emulator.js';

/** Seed and size of the demo estate used by `sre ask --demo`. */
export const DEMO_SEED = 42;
export const DEMO_SIZE = 'small';

/** The demo estate's anchor: today, 00:00 UTC, so "last 30 days" questions find recent activity. */
export function demoAnchorTime(now: Date): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())).toISOString();
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
