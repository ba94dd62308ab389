import { createServer } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generateEstate } from '../../emulator/estate/generate-estate.js';
import type { Estate } from '../../emulator/estate/model.js';
import { startEmulator, type RunningEmulator } from '../../emulator/server/start-emulator.js';
import type { Provider } from '../core/ports/cloud-port.js';
import { loadConfig } from './config/load-config.js';
import { createApp } from './create-app.js';
import { runDoctor, type DoctorCheck } from './run-doctor.js';

const ANCHOR = '2026-11-20T00:00:00.000Z';
const PROVIDERS: readonly Provider[] = ['aws', 'azure', 'gcp'];
/** The service rows the doctor prints for each provider, in order (the emulator's service names too). */
const SERVICE_ROWS: Record<Provider, readonly string[]> = {
  aws: [
    'ec2 (instances)',
    'ec2 (volumes)',
    'lambda (functions)',
    'rds (databases)',
    's3 (buckets)',
    'logs (log_groups)',
  ],
  azure: [
    'Microsoft.Compute (instances)',
    'Microsoft.Compute (volumes)',
    'Microsoft.Web (functions)',
    'Microsoft.Sql (databases)',
    'Microsoft.Storage (buckets)',
    'Microsoft.OperationalInsights (log_groups)',
  ],
  gcp: [
    'compute (instances)',
    'compute (volumes)',
    'cloudfunctions (functions)',
    'sqladmin (databases)',
    'storage (buckets)',
    'logging (log_groups)',
  ],
};

const estate: Estate = generateEstate({ seed: 7, size: 'small', anchorTime: ANCHOR });
const accountsOf = (provider: Provider): string[] =>
  estate.accounts
    .filter((a) => a.provider === provider)
    .map((a) => a.id)
    .sort();
const awsRegions = [
  ...new Set(estate.accounts.filter((a) => a.provider === 'aws').flatMap((a) => a.regions)),
].sort();

let emulator: RunningEmulator;

/** A loopback port nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => {
    server.close(() => {
      resolve();
    });
  });
  return port;
}

/**
 * Runs the doctor as `sre doctor` does (config → createApp → runDoctor) with the given providers
 * configured against `endpoint` (the emulator by default); the others are not configured at all.
 */
async function doctor(
  configured: readonly Provider[],
  options: { endpoint?: string; providers?: readonly Provider[] } = {},
): Promise<DoctorCheck[]> {
  const endpointOf = (p: Provider) => options.endpoint ?? emulator.endpoints[p];
  const overrides: Record<string, unknown> = { 'resilience.delayScale': 0.001 };
  if (options.providers !== undefined) overrides.providers = options.providers;
  if (configured.includes('aws')) {
    overrides['aws.endpoint'] = endpointOf('aws');
    overrides['aws.regions'] = awsRegions;
  }
  if (configured.includes('azure')) {
    overrides['azure.endpoint'] = endpointOf('azure');
    overrides['azure.subscriptions'] = accountsOf('azure');
  }
  if (configured.includes('gcp')) {
    overrides['gcp.endpoint'] = endpointOf('gcp');
    overrides['gcp.projects'] = accountsOf('gcp');
  }
  const config = loadConfig({ env: {}, overrides });
  const app = createApp(config, {
    awsCredentialSets: accountsOf('aws').map((id) => ({
      label: id,
      accessKeyId: `EMULATOR${id}`,
      secretAccessKey: 'x',
    })),
  });
  return runDoctor({ config, detection: app.detection, providers: app.providers });
}

const rowsOf = (checks: readonly DoctorCheck[], provider: Provider) =>
  checks.filter((c) => c.provider === provider);
const row = (checks: readonly DoctorCheck[], provider: Provider, check: string): DoctorCheck => {
  const found = checks.find((c) => c.provider === provider && c.check === check);
  expect(found, `${provider} ${check}`).toBeDefined();
  return found!;
};

beforeAll(async () => {
  emulator = await startEmulator({ estate });
});

afterEach(() => {
  emulator.faults.clear();
});

afterAll(async () => {
  expect(emulator.journal.query({ mutating: true })).toEqual([]);
  await emulator.close();
});

describe('runDoctor against the emulator', () => {
  it.each(PROVIDERS)(
    '%s configured, the others not: ok for credentials, identity and every service; the others skipped',
    async (provider) => {
      const since = emulator.journal.total();

      const checks = await doctor([provider]);

      expect(checks[0]).toMatchObject({ provider: 'config', check: 'configuration', status: 'ok' });
      expect(rowsOf(checks, provider).map((c) => [c.check, c.status])).toEqual([
        ['credentials', 'ok'],
        ['identity', 'ok'],
        ...SERVICE_ROWS[provider].map((check) => [check, 'ok']),
      ]);
      expect(row(checks, provider, 'credentials').detail).toBe(`found (${provider}.endpoint)`);
      expect(row(checks, provider, 'identity').detail).toMatch(
        `accounts: ${accountsOf(provider).join(', ')}; regions: `,
      );
      // Real reads: the instance count of the first scope is the estate's.
      const instances = row(checks, provider, SERVICE_ROWS[provider][0]!).detail;
      const [, account, region, found] = /^readable in ([^/]+)\/(\S+): (\d+) found$/.exec(instances)!;
      const expected = estate.instances.filter(
        (i) =>
          i.provider === provider && i.account === account && (region === 'global' || i.region === region),
      );
      expect(Number(found)).toBe(expected.length);
      for (const other of PROVIDERS.filter((p) => p !== provider)) {
        const [skipped, ...rest] = rowsOf(checks, other);
        expect(rest).toEqual([]);
        expect(skipped).toMatchObject({ check: 'credentials', status: 'skipped' });
        expect(skipped!.detail).toMatch(/^not configured: no /);
        expect(skipped!.fix).toBe(`To use ${other}, see docs/configuration.md.`);
      }
      expect(checks.some((c) => c.status === 'failed')).toBe(false);
      // Every service was read, only on this provider, and nothing was changed.
      const calls = emulator.journal.query({ sinceSeq: since });
      expect(new Set(calls.map((c) => c.provider))).toEqual(new Set([provider]));
      const services = new Set(calls.map((c) => c.service));
      for (const check of SERVICE_ROWS[provider]) expect(services).toContain(check.split(' ')[0]);
      expect(calls.filter((c) => c.mutating)).toEqual([]);
    },
  );

  it('all three configured: every row is ok', async () => {
    const checks = await doctor(PROVIDERS);

    expect(checks.filter((c) => c.status !== 'ok')).toEqual([]);
    expect(checks).toHaveLength(1 + 3 * (2 + 6));
  });

  it('nothing configured: every provider is skipped, nothing failed', async () => {
    const since = emulator.journal.total();

    const checks = await doctor([]);

    expect(checks.map((c) => [c.provider, c.check, c.status])).toEqual([
      ['config', 'configuration', 'ok'],
      ['aws', 'credentials', 'skipped'],
      ['azure', 'credentials', 'skipped'],
      ['gcp', 'credentials', 'skipped'],
    ]);
    expect(checks[0]!.detail).toBe('valid; providers: auto-detected');
    expect(emulator.journal.query({ sinceSeq: since })).toEqual([]);
  });

  it('a configured provider left out by the providers setting is skipped as not selected', async () => {
    const checks = await doctor(['aws', 'gcp'], { providers: ['gcp'] });

    expect(rowsOf(checks, 'aws')).toEqual([
      {
        provider: 'aws',
        check: 'credentials',
        status: 'skipped',
        detail: 'not selected (providers setting)',
      },
    ]);
    expect(rowsOf(checks, 'gcp').every((c) => c.status === 'ok')).toBe(true);
  });

  it.each([
    ['aws', 'ec2', ['ec2 (instances)', 'ec2 (volumes)'], 'ec2:DescribeInstances', 'ReadOnlyAccess'],
    [
      'azure',
      'Microsoft.Sql',
      ['Microsoft.Sql (databases)'],
      'Microsoft.Sql/servers/databases/read',
      'Reader',
    ],
    ['gcp', 'storage', ['storage (buckets)'], 'storage.buckets.list', 'roles/viewer'],
  ] as const)(
    '%s configured but %s denied: that row failed with the permission to grant, the rest ok',
    async (provider, service, failedRows, permission, role) => {
      emulator.faults.add({ kind: 'denied', provider, service });

      const checks = await doctor([provider]);

      const failed = checks.filter((c) => c.status === 'failed');
      expect(failed.map((c) => c.check)).toEqual(failedRows);
      const first = failed[0]!;
      expect(first.detail).toMatch(/^CLOUD_AUTHORIZATION: .*denied/);
      expect(first.fix).toBe(
        `Grant the read permission ${permission} to the identity (a read-only role such as ${role} covers it).`,
      );
      expect(
        rowsOf(checks, provider)
          .filter((c) => !failedRows.includes(c.check as never))
          .every((c) => c.status === 'ok'),
      ).toBe(true);
    },
  );

  it('AWS identity denied: the identity row fails with a fix, and no service is read', async () => {
    emulator.faults.add({ kind: 'denied', provider: 'aws', service: 'sts' });
    const since = emulator.journal.total();

    const checks = await doctor(['aws']);

    expect(rowsOf(checks, 'aws').map((c) => [c.check, c.status])).toEqual([
      ['credentials', 'ok'],
      ['identity', 'failed'],
    ]);
    const identity = row(checks, 'aws', 'identity');
    expect(identity.detail).toMatch(/^CLOUD_AUTHORIZATION: AWS GetCallerIdentity .*was denied/);
    expect(identity.fix).toBe(
      'Grant read access to the identity (a read-only role such as ReadOnlyAccess covers it).',
    );
    expect(new Set(emulator.journal.query({ sinceSeq: since }).map((c) => c.service))).toEqual(
      new Set(['sts']),
    );
  });

  it.each(PROVIDERS)(
    '%s configured with an unreachable endpoint: failed rows that say why and how to fix it',
    async (provider) => {
      const endpoint = `http://127.0.0.1:${await closedPort()}`;

      const checks = await doctor([provider], { endpoint });

      const failed = checks.filter((c) => c.status === 'failed');
      // AWS learns its account from STS, so identity fails first; Azure subscriptions and GCP
      // projects come from the configuration, so every service read fails instead.
      expect(failed.map((c) => c.check)).toEqual(provider === 'aws' ? ['identity'] : SERVICE_ROWS[provider]);
      // Not "circuit open": when a check's own failures open the breaker, the cause is still shown.
      for (const check of failed) {
        expect(check.detail).toMatch(/^CLOUD_UNREACHABLE: .*the endpoint could not be reached.*ECONNREFUSED/);
        expect(check.detail).toContain(endpoint.replace('http://', ''));
        expect(check.fix).toBe(
          'Check the network path and any endpoint override (SRE_*_ENDPOINT, AWS_ENDPOINT_URL).',
        );
      }
    },
  );
});
