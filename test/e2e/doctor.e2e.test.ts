import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generateEstate } from '../../emulator/estate/generate-estate.js';
import type { Estate, Provider } from '../../emulator/estate/model.js';
import { startEmulator, type RunningEmulator } from '../../emulator/server/start-emulator.js';
import type { DoctorCheck } from '../../src/app/run-doctor.js';
import { TEST_ANCHOR } from './app-harness.js';

/**
 * `sre doctor` as users run it: the built bin (`npm run build` first), configured only through its
 * environment, against the emulator on 127.0.0.1. The emulator lives in this process, so the CLI is
 * spawned asynchronously.
 */

const root = new URL('../../', import.meta.url);

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function sre(args: readonly string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/sre.js', ...args], { cwd: root, env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ code, stdout, stderr });
    });
  });
}

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

describe('sre doctor (spawned CLI) against the emulator', () => {
  let emulator: RunningEmulator;
  let estate: Estate;

  beforeAll(async () => {
    estate = generateEstate({ seed: 7, size: 'small', anchorTime: TEST_ANCHOR });
    emulator = await startEmulator({ estate });
  });

  afterEach(() => {
    emulator.faults.clear();
  });

  afterAll(async () => {
    await emulator.close();
  });

  const ids = (p: Provider) =>
    estate.accounts
      .filter((a) => a.provider === p)
      .map((a) => a.id)
      .sort();

  /**
   * A clean environment: an empty HOME (no ~/.aws), no cloud variables but those of `configured`,
   * which point at `endpoint` (the emulator by default), and short resilience waits.
   */
  function envFor(configured: readonly Provider[], endpoint?: string): Record<string, string> {
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      HOME: mkdtempSync(join(tmpdir(), 'sre-doctor-home-')),
      NO_COLOR: '1',
      SRE_DELAY_SCALE: '0.001',
    };
    if (configured.includes('aws')) {
      const account = ids('aws')[0]!;
      Object.assign(env, {
        SRE_AWS_ENDPOINT: endpoint ?? emulator.endpoints.aws,
        SRE_AWS_REGIONS: 'us-east-1,eu-west-1',
        AWS_ACCESS_KEY_ID: `EMULATOR${account}`,
        AWS_SECRET_ACCESS_KEY: 'x',
      });
    }
    if (configured.includes('azure')) {
      Object.assign(env, {
        SRE_AZURE_ENDPOINT: endpoint ?? emulator.endpoints.azure,
        SRE_AZURE_SUBSCRIPTIONS: ids('azure').join(','),
      });
    }
    if (configured.includes('gcp')) {
      Object.assign(env, {
        SRE_GCP_ENDPOINT: endpoint ?? emulator.endpoints.gcp,
        SRE_GCP_PROJECTS: ids('gcp').join(','),
      });
    }
    return env;
  }

  async function doctorJson(
    env: Record<string, string>,
  ): Promise<{ run: Run; ok: boolean; checks: DoctorCheck[] }> {
    const run = await sre(['doctor', '--json'], env);
    const parsed = JSON.parse(run.stdout) as { ok: boolean; checks: DoctorCheck[] };
    return { run, ...parsed };
  }

  it('AWS, Azure and GCP configured: every row ok, exit 0, and no mutating call', async () => {
    const since = emulator.journal.total();

    const { run, ok, checks } = await doctorJson(envFor(['aws', 'azure', 'gcp']));

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(ok).toBe(true);
    expect(checks.filter((c) => c.status !== 'ok')).toEqual([]);
    for (const provider of ['aws', 'azure', 'gcp'] as const) {
      const rows = checks.filter((c) => c.provider === provider);
      expect(rows.map((c) => c.check).slice(0, 2)).toEqual(['credentials', 'identity']);
      expect(rows).toHaveLength(8);
      for (const row of rows.slice(2)) expect(row.detail).toMatch(/^readable in \S+: \d+ found$/);
    }
    expect(checks.find((c) => c.provider === 'aws' && c.check === 'identity')?.detail).toBe(
      `accounts: ${ids('aws')[0]!}; regions: eu-west-1, us-east-1`,
    );
    const calls = emulator.journal.query({ sinceSeq: since });
    expect(new Set(calls.map((c) => c.provider))).toEqual(new Set(['aws', 'azure', 'gcp']));
    expect(calls.filter((c) => c.mutating)).toEqual([]);
  });

  it('only GCP configured: AWS and Azure are "skipped: not configured" with where to look, exit 0', async () => {
    const since = emulator.journal.total();

    const run = await sre(['doctor'], envFor(['gcp']));

    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const lines = run.stdout.split('\n');
    expect(lines.find((l) => l.startsWith('aws credentials'))).toMatch(
      /^aws credentials\s+skipped\s+not configured: no AWS credentials found/,
    );
    expect(lines.find((l) => l.startsWith('azure credentials'))).toMatch(
      /^azure credentials\s+skipped\s+not configured: no AZURE_SUBSCRIPTION_ID/,
    );
    expect(
      lines.filter((l) => /^\s+fix: To use (aws|azure), see docs\/configuration\.md\.$/.test(l)),
    ).toHaveLength(2);
    expect(lines.filter((l) => l.startsWith('gcp ')).every((l) => /^gcp .+\s{2}ok\s/.test(l))).toBe(true);
    expect(lines.filter((l) => l.startsWith('gcp '))).toHaveLength(8);
    expect(run.stdout).not.toContain('FAILED');
    expect(run.stdout).toContain('All configured providers are usable.');
    const calls = emulator.journal.query({ sinceSeq: since });
    expect(new Set(calls.map((c) => c.provider))).toEqual(new Set(['gcp']));
    expect(calls.filter((c) => c.mutating)).toEqual([]);
  });

  it('nothing configured: every provider skipped, a pointer to the docs and --demo, exit 0', async () => {
    const run = await sre(['doctor'], envFor([]));

    expect(run.code).toBe(0);
    expect(run.stdout.match(/ skipped /g)).toHaveLength(3);
    expect(run.stdout).toContain(
      'No provider is configured yet: see docs/configuration.md, or try `sre ask --demo`.',
    );
  });

  it('Azure configured but denied on one service: a FAILED row with its fix, exit 1', async () => {
    emulator.faults.add({ kind: 'denied', provider: 'azure', service: 'Microsoft.Web' });
    const since = emulator.journal.total();

    const run = await sre(['doctor'], envFor(['azure']));

    expect(run.code).toBe(1);
    const lines = run.stdout.split('\n');
    const failed = lines.findIndex((l) => l.includes('FAILED'));
    expect(lines[failed]).toMatch(
      /^azure Microsoft\.Web \(functions\)\s+FAILED\s+CLOUD_AUTHORIZATION: Azure WebApps_List was denied/,
    );
    expect(lines[failed + 1]).toMatch(
      /^\s+fix: Grant the read permission Microsoft\.Web\/sites\/read to the identity \(a read-only role such as Reader covers it\)\.$/,
    );
    expect(lines.filter((l) => l.includes('FAILED'))).toHaveLength(1);
    expect(run.stdout).toContain('Some checks failed.');
    expect(emulator.journal.query({ sinceSeq: since, mutating: true })).toEqual([]);
  });

  it('denied as JSON: ok false, the failed rows carry a fix, exit 1', async () => {
    emulator.faults.add({ kind: 'denied', provider: 'aws', service: 'rds' });

    const { run, ok, checks } = await doctorJson(envFor(['aws']));

    expect(run.code).toBe(1);
    expect(ok).toBe(false);
    expect(checks.filter((c) => c.status === 'failed')).toEqual([
      {
        provider: 'aws',
        check: 'rds (databases)',
        status: 'failed',
        detail: expect.stringMatching(
          /^CLOUD_AUTHORIZATION: AWS DescribeDBInstances in us-east-1 was denied/,
        ),
        fix: 'Grant the read permission rds:DescribeDBInstances to the identity (a read-only role such as ReadOnlyAccess covers it).',
      },
    ]);
  });

  it.each(['aws', 'azure', 'gcp'] as const)(
    '%s on an unreachable endpoint: failed rows that say the endpoint could not be reached, exit 1',
    async (provider) => {
      const port = await closedPort();

      const { run, ok, checks } = await doctorJson(envFor([provider], `http://127.0.0.1:${port}`));

      expect(run.code).toBe(1);
      expect(ok).toBe(false);
      const failed = checks.filter((c) => c.status === 'failed');
      expect(failed.length).toBeGreaterThan(0);
      for (const check of failed) {
        expect(check.provider).toBe(provider);
        expect(check.detail).toMatch(
          new RegExp(`^CLOUD_UNREACHABLE: .*could not be reached.*ECONNREFUSED 127\\.0\\.0\\.1:${port}`),
        );
        expect(check.fix).toBe(
          'Check the network path and any endpoint override (SRE_*_ENDPOINT, AWS_ENDPOINT_URL).',
        );
      }
    },
  );
});
