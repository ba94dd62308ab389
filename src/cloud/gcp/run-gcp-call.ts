import { type RunCloudCall, runCloudCallWith } from '../shared/run-cloud-call.js';
import { mapGcpError } from './map-gcp-error.js';

/** Runs ONE client-library call (one page) through the call runner, its errors mapped by {@link mapGcpError}. */
export const runGcpCall: RunCloudCall = runCloudCallWith((error, key, attempt) =>
  mapGcpError(error, key.operation, { service: key.service, project: key.account, ...attempt }),
);
