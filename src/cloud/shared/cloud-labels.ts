import type { Provider } from '../../core/ports/cloud-port.js';

/** How messages name each provider (`AWS DescribeInstances in eu-west-1 was throttled`). */
export const CLOUD_LABELS: Readonly<Record<Provider, string>> = { aws: 'AWS', azure: 'Azure', gcp: 'GCP' };
