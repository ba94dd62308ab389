import type { Weighted } from './cloud-catalog.js';
import { DAY_MS, timeBetween, toIsoTime } from './estate-naming.js';
import type { ComputeOutput } from './generate-compute.js';
import type { EstateLogGroup, EstateLogStream, Provider } from './model.js';
import type { CellPlan, EstatePlan } from './plan-estate.js';
import { APPLICATION_PRESETS } from './presets.js';
import type { Random } from './random.js';

/** What {@link createLogGroup} needs besides the random source. */
export interface LogGroupSpec {
  readonly provider: Provider;
  readonly id: string;
  readonly name: string;
  readonly account: string;
  readonly region: string;
  readonly createdMs: number;
  readonly resourceId?: string;
  readonly source: string;
  readonly streamNames: readonly string[];
  /** Makes a very error-heavy group (10–20 % errors) more likely, e.g. for deprecated runtimes. */
  readonly troubled?: boolean;
}

const RETENTION_DAYS: Readonly<Record<Provider, Weighted<number | undefined>>> = {
  aws: [
    [undefined, 3],
    [7, 2],
    [14, 2],
    [30, 3],
    [90, 2],
    [365, 1],
  ],
  azure: [
    [30, 3],
    [90, 2],
    [730, 1],
  ],
  gcp: [
    [30, 4],
    [90, 1],
    [365, 1],
  ],
};

/** Average size of a generated log line in bytes, for `storedBytes`. */
const AVERAGE_EVENT_BYTES = 140;

function errorRatio(random: Random, troubled: boolean): number {
  const roll = random.next();
  if (roll < (troubled ? 0.25 : 0.08)) return random.float(0.1, 0.2);
  if (roll < 0.3) return random.float(0.02, 0.08);
  return random.float(0, 0.02);
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/**
 * Creates a log group whose streams share a total rate of 0.1–20 events per minute (log-uniform),
 * with an error ratio of 0–2 % (most groups), 2–8 % or 10–20 % (the troubled few).
 * `storedBytes` follows from the rates, the retention and the group's age at the anchor.
 */
export function createLogGroup(plan: EstatePlan, spec: LogGroupSpec, random: Random): EstateLogGroup {
  const totalRate = 0.1 * Math.pow(200, random.next());
  const ratio = errorRatio(random, spec.troubled === true);
  const streams: EstateLogStream[] = spec.streamNames.map((name) => ({
    name,
    ratePerMinute: round3(Math.max(0.01, (totalRate / spec.streamNames.length) * random.float(0.6, 1.4))),
    errorRatio: round3(Math.min(1, ratio * random.float(0.8, 1.2))),
    seed: random.int(0, 0xffffffff),
  }));
  const retentionDays = random.weighted(RETENTION_DAYS[spec.provider]);
  const ageDays = Math.max(0, (plan.anchorMs - spec.createdMs) / DAY_MS);
  const keptDays = Math.min(ageDays, retentionDays ?? 400);
  const storedBytes = Math.round(
    streams.reduce((sum, stream) => sum + stream.ratePerMinute, 0) * 1440 * keptDays * AVERAGE_EVENT_BYTES,
  );
  return {
    provider: spec.provider,
    id: spec.id,
    name: spec.name,
    account: spec.account,
    region: spec.region,
    createdTime: toIsoTime(spec.createdMs),
    storedBytes,
    source: spec.source,
    streams,
    ...(retentionDays === undefined ? {} : { retentionDays }),
    ...(spec.resourceId === undefined ? {} : { resourceId: spec.resourceId }),
  };
}

/** The Log Analytics workspace id (a GUID) of an Azure subscription in a region. */
export function azureWorkspaceId(plan: EstatePlan, subscription: string, region: string): string {
  return plan.random(`workspace/${subscription}/${region}`).uuid();
}

const COMPONENTS = ['api', 'worker', 'web', 'scheduler', 'consumer', 'cron'];
const FACILITIES = ['syslog', 'auth', 'kern', 'daemon'];

/** Picks up to `count` distinct items, keeping their order. */
function sample<T>(items: readonly T[], count: number, random: Random): T[] {
  if (items.length <= count) return [...items];
  const chosen = new Set<number>();
  while (chosen.size < count) chosen.add(random.int(0, items.length - 1));
  return [...chosen].sort((a, b) => a - b).map((index) => items[index]!);
}

/**
 * Generates the non-function log groups of one cell: an OS log group (AWS `/var/log/syslog` or
 * `/var/log/messages` with one stream per instance; Azure and GCP one group per monitored VM) and
 * application groups (`/app/payments/api`, `ContainerLogV2/orders-svc-worker`, `app/web-api`),
 * about one per 40 instances, each with 1–4 streams.
 */
export function generateLogGroups(
  plan: EstatePlan,
  cell: CellPlan,
  compute: ComputeOutput,
): EstateLogGroup[] {
  const { instances } = compute;
  const groups: EstateLogGroup[] = [];
  if (instances.length === 0) return groups;
  const random = plan.random(`logs/${cell.provider}/${cell.account.id}/${cell.region.name}`);
  const provider = cell.provider;
  const account = cell.account.id;
  const region = cell.region.name;
  const oldest = compute.instanceCreatedMs.reduce((min, created) => Math.min(min, created), plan.anchorMs);
  const createdMs = (): number => timeBetween(oldest, plan.anchorMs - DAY_MS, random);
  const workspace = provider === 'azure' ? azureWorkspaceId(plan, account, region) : '';
  const linux = instances.filter((instance) => instance.platform === 'linux');
  const perCell = Math.max(1, Math.round(instances.length / 40));

  if (provider === 'aws' && linux.length > 0) {
    const name = random.chance(0.5) ? '/var/log/syslog' : '/var/log/messages';
    const streamNames = sample(linux, random.int(1, 4), random).map((instance) => instance.id);
    groups.push(
      createLogGroup(
        plan,
        { provider, id: name, name, account, region, createdMs: createdMs(), source: 'ec2', streamNames },
        random,
      ),
    );
  } else if (provider !== 'aws') {
    for (const instance of sample(linux, perCell, random)) {
      const name = provider === 'azure' ? `Syslog/${instance.name}` : `syslog/${instance.name}`;
      groups.push(
        createLogGroup(
          plan,
          {
            provider,
            id:
              provider === 'azure'
                ? `${workspace}/${instance.name}`
                : `projects/${account}/logs/${encodeURIComponent(name)}`,
            name,
            account,
            region,
            createdMs: Math.max(Date.parse(instance.createdTime), createdMs()),
            resourceId: instance.id,
            source: provider === 'azure' ? 'vm' : 'gce_instance',
            streamNames: FACILITIES.slice(0, random.int(1, 4)),
          },
          random,
        ),
      );
    }
  }

  const used = new Set<string>();
  for (let index = 0; index < perCell; index++) {
    const app = random.pick(APPLICATION_PRESETS).app;
    const component = random.pick(COMPONENTS);
    let base = provider === 'aws' ? `/app/${app.split('-')[0]!}/${component}` : `${app}-${component}`;
    for (let suffix = 2; used.has(base); suffix++) base = `${base.replace(/-\d+$/, '')}-${suffix}`;
    used.add(base);
    const name = provider === 'aws' ? base : provider === 'azure' ? `ContainerLogV2/${base}` : `app/${base}`;
    const streamNames = Array.from({ length: random.int(1, 4) }, () => `${component}-${random.hex(8)}`);
    groups.push(
      createLogGroup(
        plan,
        {
          provider,
          id:
            provider === 'aws'
              ? name
              : provider === 'azure'
                ? `${workspace}/${base}`
                : `projects/${account}/logs/${encodeURIComponent(name)}`,
          name,
          account,
          region,
          createdMs: createdMs(),
          source: 'api',
          streamNames,
        },
        random,
      ),
    );
  }
  return groups;
}
