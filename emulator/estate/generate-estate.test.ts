import { describe, expect, it } from 'vitest';
import { NATIVE_INSTANCE_STATES } from './cloud-catalog.js';
import { generateEstate } from './generate-estate.js';
import type { Provider } from './model.js';
import { SIZE_PRESETS, type SizePreset } from './presets.js';
import { comparePlaced } from './sort-by-placement.js';

const ANCHOR = '2026-11-25T00:00:00.000Z';
const ANCHOR_MS = Date.parse(ANCHOR);
const DAY = 86_400_000;

const small = generateEstate({ seed: 42, size: 'small', anchorTime: ANCHOR });

function of<T extends { provider: Provider }>(items: readonly T[], provider: Provider): T[] {
  return items.filter((item) => item.provider === provider);
}

describe('generateEstate: determinism', () => {
  it('gives an identical estate for the same seed, size and anchor', () => {
    const again = generateEstate({ seed: 42, size: 'small', anchorTime: ANCHOR });

    expect(JSON.stringify(again)).toBe(JSON.stringify(small));
  });

  it('gives a different estate for a different seed', () => {
    const other = generateEstate({ seed: 43, size: 'small', anchorTime: ANCHOR });

    expect(other.instances.map((i) => i.id)).not.toEqual(small.instances.map((i) => i.id));
    expect(other.accounts.map((a) => a.id)).not.toEqual(small.accounts.map((a) => a.id));
  });

  it('lays every time out before the anchor', () => {
    const later = generateEstate({ seed: 42, size: 'tiny', anchorTime: '2027-06-01T00:00:00.000Z' });

    const times = [...later.instances.map((i) => i.launchTime), ...later.auditEvents.map((e) => e.time)];

    expect(later.anchorTime).toBe('2027-06-01T00:00:00.000Z');
    expect(times.every((time) => time <= '2027-06-01T00:00:00.000Z' && time > '2026-11-01')).toBe(true);
  });

  it.each([
    ['an unknown size', { seed: 1, size: 'huge' as SizePreset, anchorTime: ANCHOR }],
    ['a bad anchor', { seed: 1, size: 'tiny' as const, anchorTime: 'yesterday' }],
    ['a non-finite seed', { seed: Number.NaN, size: 'tiny' as const, anchorTime: ANCHOR }],
  ])('rejects %s', (_name, options) => {
    expect(() => generateEstate(options)).toThrow(RangeError);
  });
});

describe('generateEstate: sizes', () => {
  it.each(['tiny', 'small', 'medium'] as SizePreset[])('generates the %s counts within ±10 %%', (size) => {
    const estate = size === 'small' ? small : generateEstate({ seed: 42, size, anchorTime: ANCHOR });
    const target = SIZE_PRESETS[size];

    const within = (actual: number, expected: number): boolean =>
      Math.abs(actual - expected) <= expected * 0.1;

    expect(estate.instances.length).toBe(target.instances);
    expect(within(estate.functions.length, Math.max(target.functions, 6))).toBe(true);
    expect(within(estate.databases.length, target.databases)).toBe(true);
    expect(estate.buckets.length).toBeGreaterThanOrEqual(target.buckets);
    expect(within(estate.buckets.length, Math.max(target.buckets, 20))).toBe(true);
  });

  it('splits instances about 45/30/25 across AWS, Azure and GCP', () => {
    const total = small.instances.length;

    expect(of(small.instances, 'aws').length / total).toBeCloseTo(0.45, 2);
    expect(of(small.instances, 'azure').length / total).toBeCloseTo(0.3, 2);
    expect(of(small.instances, 'gcp').length / total).toBeCloseTo(0.25, 2);
  });
});

describe('generateEstate: accounts and regions', () => {
  it('has 3 accounts per provider with native ids', () => {
    expect(
      of(small.accounts, 'aws')
        .map((a) => a.environment)
        .sort(),
    ).toEqual(['dev', 'prod', 'staging']);
    expect(of(small.accounts, 'aws').every((a) => /^\d{12}$/.test(a.id))).toBe(true);
    expect(of(small.accounts, 'azure').every((a) => /^[0-9a-f-]{36}$/.test(a.id))).toBe(true);
    expect(
      of(small.accounts, 'gcp').every((a) => /^[a-z-]+-\d{4}$/.test(a.id) && /^\d{12}$/.test(a.number ?? '')),
    ).toBe(true);
  });

  it.each([
    ['aws', ['ap-southeast-1', 'eu-central-1', 'eu-west-1', 'us-east-1', 'us-west-2']],
    ['azure', ['eastus', 'northeurope', 'southeastasia', 'westeurope']],
    ['gcp', ['asia-east1', 'europe-west1', 'us-central1', 'us-east1']],
  ] as const)('uses the %s regions %j with their zones', (provider, names) => {
    const regions = of(small.regions, provider);

    expect(regions.map((r) => r.name)).toEqual(names);
    expect(regions.every((r) => r.zones.length >= 3)).toBe(true);
  });

  it('lists in each account only regions that hold resources', () => {
    for (const account of small.accounts) {
      for (const region of account.regions) {
        const used = [...small.instances, ...small.buckets, ...small.functions].some(
          (item) => item.account === account.id && item.region === region,
        );
        expect(used).toBe(true);
      }
    }
  });
});

describe('generateEstate: instances', () => {
  it.each([
    ['aws', ['running', 'stopped', 'terminated']],
    ['azure', ['running', 'stopped', 'deallocated']],
    ['gcp', ['RUNNING', 'TERMINATED']],
  ] as const)('has %s instances in the states %j, and only native states', (provider, expected) => {
    const states = new Set(of(small.instances, provider).map((i) => i.state));

    for (const state of expected) expect(states).toContain(state);
    for (const state of states) expect(NATIVE_INSTANCE_STATES[provider]).toContain(state);
  });

  it('is mostly running', () => {
    const running = small.instances.filter((i) => i.state === 'running' || i.state === 'RUNNING').length;

    expect(running / small.instances.length).toBeGreaterThan(0.7);
  });

  it.each([
    ['aws', /^i-0[0-9a-f]{16}$/],
    [
      'azure',
      /^\/subscriptions\/[0-9a-f-]{36}\/resourceGroups\/rg-[a-z-]+\/providers\/Microsoft\.Compute\/virtualMachines\/vm-[a-z0-9-]+$/,
    ],
    ['gcp', /^[1-8]\d{18}$/],
  ] as const)('spells %s instance ids natively', (provider, pattern) => {
    for (const instance of of(small.instances, provider)) expect(instance.id).toMatch(pattern);
  });

  it('uses AMI ids with 17 hex digits and real instance types', () => {
    const aws = of(small.instances, 'aws');

    expect(aws.every((i) => /^ami-0[0-9a-f]{16}$/.test(i.imageId))).toBe(true);
    expect(aws.every((i) => /^[a-z]\d[a-z]*\.\d*x?(large|medium|small|micro)$/.test(i.type))).toBe(true);
    expect(of(small.instances, 'azure').every((i) => i.type.startsWith('Standard_'))).toBe(true);
    expect(of(small.instances, 'gcp').every((i) => /^[a-z]\d[a-z]?-/.test(i.type))).toBe(true);
  });

  it('keeps Azure VM names unique per resource group', () => {
    const keys = of(small.instances, 'azure').map((i) =>
      `${i.account}/${i.resourceGroup ?? ''}/${i.name}`.toLowerCase(),
    );

    expect(new Set(keys).size).toBe(keys.length);
  });

  it('creates instances in the 180 days before the anchor and launches them after creation', () => {
    for (const instance of small.instances) {
      const created = Date.parse(instance.createdTime);
      expect(created).toBeGreaterThanOrEqual(ANCHOR_MS - 180 * DAY);
      expect(Date.parse(instance.launchTime)).toBeGreaterThanOrEqual(created);
      expect(Date.parse(instance.launchTime)).toBeLessThanOrEqual(ANCHOR_MS);
    }
  });

  it('leaves owner or cost-center tags off 10–30 % of instances', () => {
    const missing = small.instances.filter((i) => {
      const keys = Object.keys(i.tags).map((key) => key.toLowerCase().replace('-', ''));
      return !keys.includes('owner') || !keys.includes('costcenter');
    });

    expect(missing.length / small.instances.length).toBeGreaterThan(0.1);
    expect(missing.length / small.instances.length).toBeLessThan(0.3);
  });

  it('uses lowercase GCP label keys and values, and both key styles on Azure', () => {
    const gcpLabels = of(small.instances, 'gcp').flatMap((i) => Object.entries(i.tags));
    const azureKeys = new Set(of(small.instances, 'azure').flatMap((i) => Object.keys(i.tags)));

    expect(
      gcpLabels.every(([key, value]) => /^[a-z][a-z0-9_-]*$/.test(key) && /^[a-z0-9_-]*$/.test(value)),
    ).toBe(true);
    expect(azureKeys).toContain('Owner');
    expect(azureKeys).toContain('owner');
  });

  it('mixes metric patterns about 55/25/12/8', () => {
    const share = (kind: string): number =>
      small.instances.filter((i) => i.metrics.cpu.kind === kind).length / small.instances.length;

    expect(share('idle')).toBeGreaterThan(0.45);
    expect(share('idle')).toBeLessThan(0.65);
    expect(share('steady')).toBeGreaterThan(0.15);
    expect(share('busy')).toBeGreaterThan(0.06);
    expect(share('spiky')).toBeGreaterThan(0.03);
    expect(small.instances.every((i) => i.metrics.networkIn.unit === 'bytesPerSecond')).toBe(true);
  });
});

describe('generateEstate: volumes', () => {
  it('attaches every listed volume to its instance, boot disk first', () => {
    const volumes = new Map(small.volumes.map((v) => [v.id, v]));

    for (const instance of small.instances) {
      instance.volumeIds.forEach((id, index) => {
        const volume = volumes.get(id);
        expect(volume?.attachedTo).toBe(instance.id);
        if (index === 0) expect(volume?.device).toMatch(/^(\/dev\/(xvda|sda1)|osDisk|persistent-disk-0)$/);
      });
    }
  });

  it('has 8–10 % unattached volumes, some unencrypted, sizes from 8 to 2000 GB', () => {
    const unattached = small.volumes.filter((v) => v.attachedTo === undefined).length / small.volumes.length;

    expect(unattached).toBeGreaterThanOrEqual(0.07);
    expect(unattached).toBeLessThanOrEqual(0.11);
    expect(small.volumes.some((v) => !v.encrypted)).toBe(true);
    expect(small.volumes.filter((v) => v.encrypted).length / small.volumes.length).toBeGreaterThan(0.8);
    expect(small.volumes.every((v) => v.sizeGb >= 8 && v.sizeGb <= 2000)).toBe(true);
    expect(of(small.volumes, 'aws').every((v) => /^vol-0[0-9a-f]{16}$/.test(v.id))).toBe(true);
  });
});

describe('generateEstate: functions, databases, buckets, logs', () => {
  it('has current and deprecated runtimes, flagged correctly', () => {
    const deprecated = small.functions.filter((f) => f.runtimeDeprecated).map((f) => f.runtime);
    const current = small.functions.filter((f) => !f.runtimeDeprecated).map((f) => f.runtime);

    expect(deprecated.length).toBeGreaterThan(0);
    for (const runtime of deprecated) {
      expect(runtime).toMatch(
        /^(python3\.[78]|nodejs1[246]\.x|go1\.x|ruby2\.7|PYTHON\|3\.[78]|NODE\|14|DOTNETCORE\|3\.1|python3[78]|nodejs1[24]|go113)$/,
      );
    }
    for (const runtime of current) expect(runtime).not.toMatch(/^(python3\.7|nodejs14\.x|go1\.x|ruby2\.7)$/);
    expect(small.functions.every((f) => f.memoryMb >= 128 && f.memoryMb <= 3008)).toBe(true);
  });

  it('gives every function its own log group', () => {
    for (const fn of small.functions) {
      const group = small.logGroups.find(
        (g) =>
          g.provider === fn.provider &&
          g.account === fn.account &&
          g.region === fn.region &&
          g.name === fn.logGroup,
      );
      expect(group?.resourceId).toBe(fn.id);
      if (fn.provider === 'aws') expect(fn.logGroup).toBe(`/aws/lambda/${fn.name}`);
    }
  });

  it('has public databases and buckets, and unencrypted buckets', () => {
    expect(small.databases.some((d) => d.publiclyAccessible)).toBe(true);
    expect(small.databases.some((d) => !d.publiclyAccessible)).toBe(true);
    expect(small.buckets.some((b) => b.publicAccess)).toBe(true);
    expect(small.buckets.some((b) => !b.encrypted)).toBe(true);
    expect(new Set(small.databases.map((d) => d.engine)).size).toBeGreaterThan(3);
    expect(
      of(small.databases, 'azure').every((d) => d.server !== undefined && d.engine === 'sqlserver'),
    ).toBe(true);
  });

  it('has at least two buckets per account and globally unique bucket names', () => {
    for (const account of small.accounts) {
      expect(small.buckets.filter((b) => b.account === account.id).length).toBeGreaterThanOrEqual(2);
    }
    expect(new Set(small.buckets.map((b) => b.name)).size).toBe(small.buckets.length);
  });

  it('has log groups with 1–4 streams, rates of 0.1–20 per minute and some error-heavy groups', () => {
    const rates = small.logGroups.map((g) => g.streams.reduce((sum, s) => sum + s.ratePerMinute, 0));

    expect(small.logGroups.every((g) => g.streams.length >= 1 && g.streams.length <= 4)).toBe(true);
    expect(Math.min(...rates)).toBeGreaterThanOrEqual(0.05);
    expect(Math.max(...rates)).toBeLessThanOrEqual(30);
    expect(small.logGroups.some((g) => g.streams.some((s) => s.errorRatio >= 0.1))).toBe(true);
    expect(small.logGroups.some((g) => g.name === '/var/log/syslog' || g.name === '/var/log/messages')).toBe(
      true,
    );
  });
});

describe('generateEstate: audit events', () => {
  it('records the creation of every instance created in the last 90 days', () => {
    const creates = new Set(small.auditEvents.filter((e) => e.action === 'create').map((e) => e.resourceId));

    const recent = small.instances.filter((i) => Date.parse(i.createdTime) >= ANCHOR_MS - 90 * DAY);

    expect(recent.length).toBeGreaterThan(0);
    for (const instance of recent) expect(creates).toContain(instance.id);
  });

  it.each([
    ['aws', 'running', 'RunInstances'],
    ['aws', 'stopped', 'StopInstances'],
    ['aws', 'terminated', 'TerminateInstances'],
    ['azure', 'deallocated', 'Microsoft.Compute/virtualMachines/deallocate/action'],
    ['azure', 'stopped', 'Microsoft.Compute/virtualMachines/powerOff/action'],
    ['gcp', 'TERMINATED', 'v1.compute.instances.stop'],
  ] as const)('uses native operations: %s %s instances have %s events', (provider, state, operation) => {
    const ids = new Set(
      of(small.instances, provider)
        .filter((i) => i.state === state)
        .map((i) => i.id),
    );

    const events = small.auditEvents.filter((e) => e.operation === operation && ids.has(e.resourceId));

    expect(events.length).toBeGreaterThan(0);
  });

  it('includes deletions of resources that no longer exist, and volume events', () => {
    const ids = new Set([...small.instances, ...small.volumes].map((r) => r.id));

    const gone = small.auditEvents.filter((e) => e.action === 'delete' && !ids.has(e.resourceId));

    expect(gone.length).toBeGreaterThan(0);
    expect(small.auditEvents.some((e) => e.operation === 'CreateVolume')).toBe(true);
    expect(
      small.auditEvents.every(
        (e) => Date.parse(e.time) >= ANCHOR_MS - 90 * DAY && Date.parse(e.time) <= ANCHOR_MS,
      ),
    ).toBe(true);
  });

  it('names realistic actors', () => {
    const actors = small.auditEvents.map((e) => e.actor);

    expect(actors.some((a) => /^arn:aws:sts::\d{12}:assumed-role\/ci-deployer\//.test(a))).toBe(true);
    expect(actors.some((a) => /^[a-z]+@contoso\.com$/.test(a))).toBe(true);
    expect(actors.some((a) => /^deployer@[a-z0-9-]+\.iam\.gserviceaccount\.com$/.test(a))).toBe(true);
  });
});

describe('generateEstate: order', () => {
  it.each(['instances', 'volumes', 'functions', 'databases', 'buckets', 'logGroups', 'auditEvents'] as const)(
    'sorts %s by provider, account, region and id',
    (kind) => {
      const items = small[kind];

      const sorted = [...items].sort(comparePlaced);

      expect(items).toEqual(sorted);
    },
  );
});
