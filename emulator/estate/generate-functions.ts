import { RUNTIMES, type Weighted } from './cloud-catalog.js';
import { DAY_MS, armResourceId, buildTags, timeBefore, timeBetween, toIsoTime } from './estate-naming.js';
import { azureWorkspaceId, createLogGroup } from './generate-log-groups.js';
import { invocationTraits } from './logs.js';
import type { EstateFunction, EstateLogGroup, Provider } from './model.js';
import type { CellPlan, EstatePlan } from './plan-estate.js';
import { PEOPLE } from './presets.js';

/** Where {@link generateFunctions} appends what it creates. */
export interface FunctionsOutput {
  readonly functions: EstateFunction[];
  readonly logGroups: EstateLogGroup[];
}

/** Function base names with the team that owns them. */
const FUNCTION_NAMES: readonly (readonly [name: string, team: string])[] = [
  ['payments-webhook-handler', 'payments'],
  ['orders-queue-consumer', 'orders'],
  ['thumbnail-generator', 'storefront'],
  ['nightly-report', 'finance'],
  ['slack-notifier', 'sre'],
  ['invoice-pdf-renderer', 'finance'],
  ['user-signup-trigger', 'platform-api'],
  ['inventory-sync', 'orders'],
  ['cost-exporter', 'finance'],
  ['log-shipper', 'sre'],
  ['event-router', 'platform'],
  ['fraud-score', 'payments'],
  ['email-sender', 'platform-api'],
  ['cache-warmer', 'storefront'],
  ['session-cleanup', 'platform-api'],
  ['search-indexer', 'data'],
  ['price-updater', 'storefront'],
  ['audit-forwarder', 'sre'],
];

const STATES: Readonly<Record<Provider, Weighted<string>>> = {
  aws: [
    ['Active', 95],
    ['Inactive', 3],
    ['Failed', 1],
    ['Pending', 1],
  ],
  azure: [
    ['Running', 93],
    ['Stopped', 7],
  ],
  gcp: [
    ['ACTIVE', 95],
    ['FAILED', 3],
    ['DEPLOYING', 2],
  ],
};

/**
 * Generates the serverless functions of one cell, each with its own log group
 * (`/aws/lambda/{name}`, `FunctionAppLogs/{site}`, `cloud-functions/{name}`) whose lines report
 * the function's memory size and timeout. Functions on deprecated runtimes are older and more
 * often error-heavy. Appends to `output`.
 */
export function generateFunctions(plan: EstatePlan, cell: CellPlan, output: FunctionsOutput): void {
  if (cell.functions === 0) return;
  const random = plan.random(`functions/${cell.provider}/${cell.account.id}/${cell.region.name}`);
  const provider = cell.provider;
  const account = cell.account.id;
  const region = cell.region.name;
  const environment = cell.account.environment;
  const resourceGroup =
    provider === 'azure' ? `rg-serverless-${environment}-${cell.region.short}` : undefined;
  const workspace = provider === 'azure' ? azureWorkspaceId(plan, account, region) : '';
  const counters = new Map<string, number>();

  for (let index = 0; index < cell.functions; index++) {
    const [base, team] = random.pick(FUNCTION_NAMES);
    const counter = (counters.get(base) ?? 0) + 1;
    counters.set(base, counter);
    const stem = counter === 1 ? `${base}-${environment}` : `${base}-${environment}-${counter}`;
    // Function app names are global DNS names on Azure, hence the random suffix.
    const name = provider === 'azure' ? `func-${stem}-${random.hex(4)}` : stem;
    const runtime = random.weighted(RUNTIMES[provider]);
    const createdMs = runtime.deprecated
      ? plan.anchorMs - 400 * DAY_MS - Math.floor((random.next() * 1000 * DAY_MS) / 1000) * 1000
      : timeBefore(plan.anchorMs, 720 * DAY_MS, random);
    const modifiedMs = runtime.deprecated
      ? timeBetween(createdMs, plan.anchorMs - 300 * DAY_MS, random)
      : timeBetween(createdMs, plan.anchorMs, random);

    let id: string;
    let logGroupId: string;
    let logGroupName: string;
    let streamNames: string[];
    switch (provider) {
      case 'aws': {
        id = `arn:aws:lambda:${region}:${account}:function:${name}`;
        logGroupName = `/aws/lambda/${name}`;
        logGroupId = logGroupName;
        const day = toIsoTime(plan.anchorMs - random.int(0, 2) * DAY_MS)
          .slice(0, 10)
          .replaceAll('-', '/');
        streamNames = Array.from({ length: random.int(1, 4) }, () => `${day}/[$LATEST]${random.hex(32)}`);
        break;
      }
      case 'azure':
        id = armResourceId(account, resourceGroup!, 'Microsoft.Web/sites', name);
        logGroupName = `FunctionAppLogs/${name}`;
        logGroupId = `${workspace}/${name}`;
        streamNames = Array.from({ length: random.int(1, 4) }, () => random.uuid());
        break;
      case 'gcp':
        id = `projects/${account}/locations/${region}/functions/${name}`;
        logGroupName = `cloud-functions/${name}`;
        logGroupId = `projects/${account}/logs/${encodeURIComponent(logGroupName)}`;
        streamNames = Array.from({ length: random.int(1, 4) }, () => `${name}-${random.hex(16)}`);
        break;
    }
    const traits = invocationTraits(logGroupId);
    output.functions.push({
      provider,
      id,
      name,
      account,
      region,
      runtime: runtime.runtime,
      runtimeDeprecated: runtime.deprecated,
      memoryMb: traits.memoryMb,
      timeoutSeconds: traits.timeoutSeconds,
      handler: runtime.handler,
      codeSizeBytes: random.int(runtime.runtime.startsWith('java') ? 5_000_000 : 2_000, 50_000_000),
      lastModified: toIsoTime(modifiedMs),
      createdTime: toIsoTime(createdMs),
      state: random.weighted(STATES[provider]),
      tags: buildTags(provider, { environment, team, app: base, owner: random.pick(PEOPLE) }, random),
      logGroup: logGroupName,
      ...(resourceGroup === undefined ? {} : { resourceGroup }),
    });
    output.logGroups.push(
      createLogGroup(
        plan,
        {
          provider,
          id: logGroupId,
          name: logGroupName,
          account,
          region,
          createdMs,
          resourceId: id,
          source: provider === 'aws' ? 'lambda' : provider === 'azure' ? 'functionapp' : 'cloud_function',
          streamNames,
          troubled: runtime.deprecated,
        },
        random,
      ),
    );
  }
}
