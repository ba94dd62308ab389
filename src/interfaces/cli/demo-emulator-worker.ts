// Worker thread of `--demo`: generates the demo estate, serves it on 127.0.0.1 and posts the endpoints.
import { parentPort, workerData } from 'node:worker_threads';
import { generateEstate } from '../../../emulator/estate/generate-estate.js';
import { startEmulator } from '../../../emulator/server/start-emulator.js';
import { DEMO_SEED, DEMO_SIZE, type DemoWorkerMessage } from './start-demo-emulator.js';

const { anchorTime } = workerData as { anchorTime: string };
const post = (message: DemoWorkerMessage): void => parentPort?.postMessage(message);

try {
  const estate = generateEstate({ seed: DEMO_SEED, size: DEMO_SIZE, anchorTime });
  const emulator = await startEmulator({ estate });
  post({ type: 'ready', endpoints: { ...emulator.endpoints }, accounts: estate.accounts });
} catch (error) {
  post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
}
