import { type RunCloudCall, runCloudCallWith } from '../shared/run-cloud-call.js';
import { mapAzureError } from './map-azure-error.js';

/** Runs ONE Azure SDK call (one page) through the call runner, its errors mapped by {@link mapAzureError}. */
export const runAzureCall: RunCloudCall = runCloudCallWith((error, key, attempt) =>
  mapAzureError(error, key.operation, {
    service: key.service,
    subscription: key.account,
    region: key.region,
    ...attempt,
  }),
);
