import type { CallRunner } from '../../core/ports/call-runner.js';
import type { AzureClientPool } from './azure-client-pool.js';
import { readSdkPages } from './read-arm-pages.js';
import { toCallKey } from './to-call-key.js';

/** Subscription states whose resources can no longer be read. */
const UNREADABLE_STATES = new Set(['disabled', 'deleted']);

/**
 * The ids of every subscription the credential can see (`Subscriptions_List`, all pages), sorted,
 * without disabled or deleted ones (`Warned` and `PastDue` subscriptions are still readable).
 * The subscription is what this call discovers, so its call key names account `unknown`.
 */
export async function listSubscriptions(
  pool: AzureClientPool,
  runner: CallRunner,
  signal?: AbortSignal,
): Promise<string[]> {
  const { client, module } = await pool.get('subscriptions', '');
  const key = toCallKey({ account: 'unknown', region: 'global' }, 'subscriptions', 'Subscriptions_List');
  const ids = new Set<string>();
  await readSdkPages(
    runner,
    key,
    (abortSignal) => client.subscriptions.list({ abortSignal }),
    (page) => module.getContinuationToken(page),
    (items) => {
      for (const subscription of items) {
        if (
          subscription.subscriptionId === undefined ||
          UNREADABLE_STATES.has((subscription.state ?? '').toLowerCase())
        )
          continue;
        ids.add(subscription.subscriptionId);
      }
      return true;
    },
    { signal },
  );
  return [...ids].sort();
}
