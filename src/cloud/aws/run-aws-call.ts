import { type RunCloudCall, runCloudCallWith } from '../shared/run-cloud-call.js';
import { mapAwsError } from './map-aws-error.js';

/** Runs ONE AWS SDK call (one page) through the call runner, its errors mapped by {@link mapAwsError}. */
export const runAwsCall: RunCloudCall = runCloudCallWith((error, key, attempt) =>
  mapAwsError(error, key.operation, { service: key.service, region: key.region, ...attempt }),
);
