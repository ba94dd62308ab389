import { SreError } from '../core/errors/sre-error.js';
import type { CloudProvider, ScopeTarget } from '../core/ports/cloud-port.js';

/** One account's adapter and a label for it (the profile name) used when its identity is unreadable. */
export interface LabelledProvider {
  readonly label: string;
  readonly adapter: CloudProvider;
}

/**
 * Combines several adapters of one provider, each holding the credentials of one account (AWS
 * profiles), into one adapter: scopes are the union of theirs, and every call is routed to the
 * adapter that owns the scope's account. An account whose identity cannot be read does not hide
 * the others: it becomes a scope named `label` whose every call fails with the identity error, so
 * it shows in the answer's coverage; the error is thrown only when no account is readable.
 */
export function combineAccountProviders(entries: readonly LabelledProvider[]): CloudProvider {
  const providers = entries.map((e) => e.adapter);
  const first = providers[0];
  if (first === undefined)
    throw new SreError('INTERNAL', 'combineAccountProviders needs at least one adapter.');
  if (providers.length === 1) return first;
  const owners = new Map<string, CloudProvider>();
  const broken = new Map<string, unknown>();
  const ownerOf = (scope: ScopeTarget): CloudProvider => {
    if (broken.has(scope.account)) throw broken.get(scope.account);
    const owner = owners.get(scope.account);
    if (owner === undefined) {
      throw new SreError(
        'CLOUD_NOT_FOUND',
        `No configured credentials for ${scope.provider} account ${scope.account}.`,
      );
    }
    return owner;
  };
  return {
    provider: first.provider,
    async listScopes(context) {
      const results = await Promise.allSettled(providers.map((p) => p.listScopes(context)));
      const scopes: ScopeTarget[] = [];
      results.forEach((result, i) => {
        if (result.status !== 'fulfilled') {
          const label = entries[i]!.label;
          broken.set(label, result.reason);
          scopes.push({ provider: first.provider, account: label, region: '*' });
          return;
        }
        for (const scope of result.value) {
          if (!owners.has(scope.account)) owners.set(scope.account, providers[i]!);
          if (owners.get(scope.account) === providers[i]) scopes.push(scope);
        }
      });
      const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failure !== undefined && results.every((r) => r.status === 'rejected')) throw failure.reason;
      return scopes;
    },
    serviceFor: (kind) => first.serviceFor(kind),
    isGlobal: (kind) => first.isGlobal(kind),
    listResources: (kind, scope, hints, context) => ownerOf(scope).listResources(kind, scope, hints, context),
    getMetrics: (request, scope, context) => ownerOf(scope).getMetrics(request, scope, context),
    searchLogs: (request, scope, context) => ownerOf(scope).searchLogs(request, scope, context),
    lookupAudit: (request, scope, context) => ownerOf(scope).lookupAudit(request, scope, context),
  };
}
