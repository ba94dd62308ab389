import type { WorkloadRole } from './cloud-catalog.js';
import type { Provider } from './model.js';

/** Size of a generated estate. */
export type SizePreset = 'tiny' | 'small' | 'medium' | 'large' | 'xl';

/** Target resource counts of a size preset, all providers together. */
export interface SizePresetCounts {
  /** Compute instances (EC2 + Azure VMs + GCE), split 45 % / 30 % / 25 %. */
  readonly instances: number;
  /** Serverless functions (about one per 12 instances, at least two per provider). */
  readonly functions: number;
  /** Managed databases (about one per 25 instances, at least one per provider). */
  readonly databases: number;
  /** Buckets / storage accounts (about one per 15 instances, at least two per account). */
  readonly buckets: number;
}

/**
 * Resource counts per size preset. Instance counts are met exactly; the other counts are met
 * exactly too unless the per-provider / per-account minimums push them up (only `tiny`).
 */
export const SIZE_PRESETS: Readonly<Record<SizePreset, SizePresetCounts>> = Object.freeze({
  tiny: Object.freeze({ instances: 36, functions: 6, databases: 3, buckets: 18 }),
  small: Object.freeze({ instances: 300, functions: 25, databases: 12, buckets: 20 }),
  medium: Object.freeze({ instances: 3_000, functions: 250, databases: 120, buckets: 200 }),
  large: Object.freeze({ instances: 20_000, functions: 1_667, databases: 800, buckets: 1_333 }),
  xl: Object.freeze({ instances: 100_000, functions: 8_333, databases: 4_000, buckets: 6_667 }),
});

/** True when `text` names a size preset. */
export function isSizePreset(text: string): text is SizePreset {
  return Object.hasOwn(SIZE_PRESETS, text);
}

/** Share of every resource kind that each provider gets. */
export const PROVIDER_SHARES: Readonly<Record<Provider, number>> = Object.freeze({
  aws: 0.45,
  azure: 0.3,
  gcp: 0.25,
});

/** A region of an account preset with its share of the account's resources. */
export interface RegionShare {
  readonly region: string;
  readonly weight: number;
}

/** The shape of one generated account; ids are drawn from the seed. */
export interface AccountPreset {
  readonly provider: Provider;
  /** AWS account alias / Azure subscription display name / GCP project name. */
  readonly name: string;
  /** GCP only: the project id prefix; the seed adds a 4-digit suffix (`shop-prod-4821`). */
  readonly projectPrefix?: string;
  readonly environment: string;
  /** Share of the provider's resources in this account. */
  readonly weight: number;
  readonly regions: readonly RegionShare[];
}

/** The accounts every generated estate has, in order: AWS 3 accounts, Azure 3 subscriptions, GCP 3 projects. */
export const ACCOUNT_PRESETS: readonly AccountPreset[] = [
  {
    provider: 'aws',
    name: 'acme-prod',
    environment: 'prod',
    weight: 0.55,
    regions: [
      { region: 'us-east-1', weight: 0.4 },
      { region: 'us-west-2', weight: 0.2 },
      { region: 'eu-west-1', weight: 0.2 },
      { region: 'ap-southeast-1', weight: 0.1 },
      { region: 'eu-central-1', weight: 0.1 },
    ],
  },
  {
    provider: 'aws',
    name: 'acme-staging',
    environment: 'staging',
    weight: 0.25,
    regions: [
      { region: 'us-east-1', weight: 0.6 },
      { region: 'eu-west-1', weight: 0.4 },
    ],
  },
  {
    provider: 'aws',
    name: 'acme-dev',
    environment: 'dev',
    weight: 0.2,
    regions: [
      { region: 'us-east-1', weight: 0.7 },
      { region: 'us-west-2', weight: 0.3 },
    ],
  },
  {
    provider: 'azure',
    name: 'Contoso Production',
    environment: 'prod',
    weight: 0.6,
    regions: [
      { region: 'eastus', weight: 0.4 },
      { region: 'westeurope', weight: 0.3 },
      { region: 'southeastasia', weight: 0.15 },
      { region: 'northeurope', weight: 0.15 },
    ],
  },
  {
    provider: 'azure',
    name: 'Contoso Dev/Test',
    environment: 'dev',
    weight: 0.25,
    regions: [
      { region: 'eastus', weight: 0.6 },
      { region: 'westeurope', weight: 0.4 },
    ],
  },
  {
    provider: 'azure',
    name: 'Contoso Shared Services',
    environment: 'shared',
    weight: 0.15,
    regions: [
      { region: 'eastus', weight: 0.5 },
      { region: 'northeurope', weight: 0.5 },
    ],
  },
  {
    provider: 'gcp',
    name: 'Shop Production',
    projectPrefix: 'shop-prod',
    environment: 'prod',
    weight: 0.6,
    regions: [
      { region: 'us-central1', weight: 0.4 },
      { region: 'europe-west1', weight: 0.3 },
      { region: 'asia-east1', weight: 0.15 },
      { region: 'us-east1', weight: 0.15 },
    ],
  },
  {
    provider: 'gcp',
    name: 'Shop Staging',
    projectPrefix: 'shop-staging',
    environment: 'staging',
    weight: 0.25,
    regions: [
      { region: 'us-central1', weight: 0.6 },
      { region: 'europe-west1', weight: 0.4 },
    ],
  },
  {
    provider: 'gcp',
    name: 'Data Platform',
    projectPrefix: 'data-platform',
    environment: 'prod',
    weight: 0.15,
    regions: [
      { region: 'us-central1', weight: 0.6 },
      { region: 'us-east1', weight: 0.4 },
    ],
  },
];

/** How an application names its instances. */
export type NamingStyle =
  /** `web-prod-use1-014`: app, environment, region code, 3-digit counter. */
  | 'fleet'
  /** `payments-api-3`: app and counter. */
  | 'short'
  /** `kafka-prod-2`: app, environment and counter. */
  | 'environment';

/** An application that runs on instances: it fixes names, team, instance sizes and platform. */
export interface ApplicationPreset {
  readonly app: string;
  readonly team: string;
  readonly naming: NamingStyle;
  readonly role: WorkloadRole;
  /** Share of instances running this application. */
  readonly weight: number;
  /** Probability that an instance of this application runs Windows. */
  readonly windows: number;
  /** Probability that a running instance has a public IP. */
  readonly publicIp: number;
  /** Probability that an instance has extra data disks. */
  readonly dataDisks: number;
}

/** The applications instances run, with their weights. */
export const APPLICATION_PRESETS: readonly ApplicationPreset[] = [
  {
    app: 'web',
    team: 'storefront',
    naming: 'fleet',
    role: 'general',
    weight: 18,
    windows: 0,
    publicIp: 0.6,
    dataDisks: 0.05,
  },
  {
    app: 'api',
    team: 'platform-api',
    naming: 'fleet',
    role: 'general',
    weight: 14,
    windows: 0,
    publicIp: 0.2,
    dataDisks: 0.05,
  },
  {
    app: 'payments-api',
    team: 'payments',
    naming: 'short',
    role: 'general',
    weight: 8,
    windows: 0,
    publicIp: 0.05,
    dataDisks: 0.1,
  },
  {
    app: 'orders-svc',
    team: 'orders',
    naming: 'short',
    role: 'general',
    weight: 8,
    windows: 0,
    publicIp: 0.05,
    dataDisks: 0.1,
  },
  {
    app: 'batch-worker',
    team: 'data',
    naming: 'short',
    role: 'compute',
    weight: 12,
    windows: 0,
    publicIp: 0,
    dataDisks: 0.3,
  },
  {
    app: 'kafka',
    team: 'platform',
    naming: 'environment',
    role: 'memory',
    weight: 5,
    windows: 0,
    publicIp: 0,
    dataDisks: 0.95,
  },
  {
    app: 'cassandra',
    team: 'data',
    naming: 'environment',
    role: 'memory',
    weight: 4,
    windows: 0,
    publicIp: 0,
    dataDisks: 0.95,
  },
  {
    app: 'ml-inference',
    team: 'ml',
    naming: 'short',
    role: 'gpu',
    weight: 3,
    windows: 0,
    publicIp: 0,
    dataDisks: 0.4,
  },
  {
    app: 'ci-agent',
    team: 'devex',
    naming: 'short',
    role: 'compute',
    weight: 8,
    windows: 0.15,
    publicIp: 0,
    dataDisks: 0.2,
  },
  {
    app: 'bastion',
    team: 'platform',
    naming: 'fleet',
    role: 'small',
    weight: 2,
    windows: 0,
    publicIp: 0.95,
    dataDisks: 0,
  },
  {
    app: 'monitoring',
    team: 'sre',
    naming: 'environment',
    role: 'general',
    weight: 3,
    windows: 0,
    publicIp: 0,
    dataDisks: 0.6,
  },
  {
    app: 'reporting',
    team: 'finance',
    naming: 'short',
    role: 'general',
    weight: 4,
    windows: 0.9,
    publicIp: 0,
    dataDisks: 0.3,
  },
  {
    app: 'legacy-erp',
    team: 'finance',
    naming: 'short',
    role: 'memory',
    weight: 3,
    windows: 0.5,
    publicIp: 0,
    dataDisks: 0.5,
  },
  {
    app: 'dc',
    team: 'it',
    naming: 'environment',
    role: 'small',
    weight: 2,
    windows: 1,
    publicIp: 0,
    dataDisks: 0.2,
  },
];

/** Cost centers per team, so that the same team always carries the same cost center. */
export const COST_CENTERS: Readonly<Record<string, string>> = Object.freeze({
  storefront: 'CC-1010',
  'platform-api': 'CC-1020',
  payments: 'CC-1030',
  orders: 'CC-1040',
  data: 'CC-1050',
  platform: 'CC-1060',
  ml: 'CC-1070',
  devex: 'CC-1080',
  sre: 'CC-1090',
  finance: 'CC-2010',
  it: 'CC-2020',
});

/** People who own resources and appear as actors in audit logs (UPN local parts). */
export const PEOPLE: readonly string[] = [
  'alice',
  'bob',
  'carol',
  'dave',
  'erin',
  'frank',
  'grace',
  'heidi',
  'ivan',
  'judy',
];

/** The organisation's e-mail domain (owners, Azure UPNs). */
export const EMAIL_DOMAIN = 'contoso.com';
