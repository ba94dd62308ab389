import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../src/interfaces/cli/main.js';

const root = new URL('../../', import.meta.url);
const schema = JSON.parse(readFileSync(new URL('docs/answer.schema.json', root), 'utf8')) as object;
const validate = new Ajv2020({ allErrors: true, strict: false, validateFormats: false }).compile(schema);

/** Runs the CLI in-process and captures its output. */
async function cli(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    env: { NO_COLOR: '1', ...env },
    isTty: false,
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

describe('sre ask (CLI)', () => {
  it('answers a demo question as JSON that matches the published schema', async () => {
    const { code, stdout } = await cli(['ask', '--demo', '--json', 'how many running instances per region?']);

    const answer = JSON.parse(stdout) as {
      ok: boolean;
      groups: { key: string; count: number }[];
      count: number;
    };
    expect(validate(answer), JSON.stringify(validate.errors)).toBe(true);
    expect(code).toBe(0);
    expect(answer.ok).toBe(true);
    expect(answer.groups.reduce((n, g) => n + g.count, 0)).toBe(answer.count);
  });

  it('prints a readable table with the count and provenance', async () => {
    const { code, stdout } = await cli(['ask', '--demo', 'list stopped instances']);

    expect(code).toBe(0);
    expect(stdout).toMatch(/\d+ instances/);
    expect(stdout).toContain('rule R-LIST');
    expect(stdout).toContain('stopped');
  });

  it('--explain shows how the question was understood and the plan', async () => {
    const { stdout } = await cli(['ask', '--demo', '--explain', '列出未加密的卷']);

    expect(stdout).toContain('How the question was understood');
    expect(stdout).toContain('encrypted = false');
    expect(stdout).toContain('"resource":"volume"');
  });

  it('--batch answers every line in order as JSON Lines', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sre-batch-'));
    const file = join(dir, 'q.txt');
    writeFileSync(file, 'how many instances?\n# a comment\n\nterminate everything\n有多少个存储桶\n');

    const { code, stdout } = await cli(['ask', '--demo', '--json', '--batch', file]);

    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { question: string; ok: boolean; error?: { code: string } });
    expect(lines.map((l) => l.question)).toEqual([
      'how many instances?',
      'terminate everything',
      '有多少个存储桶',
    ]);
    expect(lines.map((l) => l.ok)).toEqual([true, false, true]);
    expect(lines[1]?.error?.code).toBe('POLICY_READ_ONLY');
    expect(code).toBe(1);
  });

  it('--output csv prints a header and one line per row', async () => {
    const { code, stdout } = await cli(['ask', '--demo', '-o', 'csv', 'list unencrypted volumes']);

    const lines = stdout.trim().split('\n');
    expect(code).toBe(0);
    expect(lines[0]).toContain('provider');
    expect(lines[0]).toContain('id');
    expect(lines.length).toBeGreaterThan(1);
  });

  it.each([
    [['ask', '--bogus', 'x'], 2, /unknown option '--bogus'/],
    [['ask'], 2, /Missing question/],
    [['frobnicate'], 2, /unknown command/],
    [['ask', '--demo', '-o', 'xml', 'list instances'], 2, /Allowed choices are table, json, csv/],
    [['ask', '--demo', '--batch', '/nonexistent/q.txt'], 2, /INPUT_BATCH_UNREADABLE/],
    [['emulator', '--size', 'huge'], 2, /EMULATOR_SIZE_UNKNOWN.*tiny, small, medium, large, xl/],
    [['emulator', '--fault', 'throttle'], 2, /EMULATOR_FAULT_INVALID/],
  ])('rejects bad usage %j with exit %i and a clear message', async (args, exit, message) => {
    const { code, stderr } = await cli(args);

    expect(code).toBe(exit);
    expect(stderr).toMatch(message);
  });

  it('a bad configuration names the key and exits 2', async () => {
    const { code, stderr } = await cli(['ask', 'list instances'], { SRE_CONCURRENCY: 'many' });

    expect(code).toBe(2);
    expect(stderr).toContain('CONFIG_INVALID');
    expect(stderr).toContain('concurrency (from SRE_CONCURRENCY)');
  });

  it('without any provider configured, says so and points to --demo', async () => {
    const { code, stdout } = await cli(['ask', '--json', 'list instances'], {
      HOME: mkdtempSync(join(tmpdir(), 'sre-home-')),
    });

    const answer = JSON.parse(stdout) as { ok: boolean; error: { code: string; message: string } };
    expect(code).toBe(1);
    expect(answer.error.code).toBe('PROVIDER_NOT_CONFIGURED');
    expect(answer.error.message).toContain('--demo');
  });

  it('an empty question and an over-long one are usage errors', async () => {
    const long = await cli(['ask', '--demo', '--json', `list instances ${'x'.repeat(1100)}`]);

    expect(long.code).toBe(2);
    expect((JSON.parse(long.stdout) as { error: { code: string } }).error.code).toBe('INPUT_INVALID');
  });
});

describe('sre (spawned process)', () => {
  it('the README quick start works from the built bin and exits 0', () => {
    const result = spawnSync(
      process.execPath,
      ['bin/sre.js', 'ask', '--demo', 'how many running instances per region?'],
      {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
      },
    );

    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/us-east-1\s+\d+/);
  });

  it('sre emulator starts, prints endpoints and env vars, and stops cleanly on SIGINT', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, ['bin/sre.js', 'emulator', '--size', 'tiny', '--port', '0'], {
      cwd: root,
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`no banner: ${out}`));
      }, 30_000);
      child.stdout.on('data', () => {
        if (out.includes('Ctrl-C')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    const health = await fetch(
      `${/AWS\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1] ?? ''}/_emulator/health`,
    );

    child.kill('SIGINT');
    const exitCode = await new Promise<number | null>((resolve) => child.on('exit', resolve));

    expect(out).toContain('export AWS_ENDPOINT_URL=http://127.0.0.1:');
    expect(out).toContain('export SRE_AZURE_ENDPOINT=');
    expect(health.status).toBe(200);
    expect(exitCode).toBe(0);
    expect(out).toContain('stopped');
  });
});
