// Regenerates src/cloud/gcp/compute-protos/compute-read-protos.generated.ts: `npm run protos`
// (run it after upgrading @google-cloud/compute; a test fails while it is stale).
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { renderComputeReadProtosModule } from '../src/cloud/gcp/compute-protos/trim-compute-protos.js';

const require = createRequire(import.meta.url);
const full = require('@google-cloud/compute/build/protos/protos.json') as Parameters<
  typeof renderComputeReadProtosModule
>[0];
const { version } = require('@google-cloud/compute/package.json') as { version: string };
const target = new URL(
  '../../src/cloud/gcp/compute-protos/compute-read-protos.generated.ts',
  import.meta.url,
);
writeFileSync(target, renderComputeReadProtosModule(full, version));
process.stdout.write(`${target.pathname} written for @google-cloud/compute ${version}\n`);
