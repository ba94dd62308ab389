import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/interfaces/cli/main.js';

async function cli(args: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const code = await runCli(args, {
    stdout: () => undefined,
    stderr: (t) => {
      stderr += t;
    },
    env: { NO_COLOR: '1' },
    isTty: false,
  });
  return { code, stderr };
}

describe('sre emulator: bad input', () => {
  it('reports a port in use with a clear error and exit 2', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const { code, stderr } = await cli(['emulator', '--size', 'tiny', '--port', String(port)]);

      expect(code).toBe(2);
      expect(stderr).toContain('EMULATOR_PORT_IN_USE');
      expect(stderr).toContain(`Port ${port}`);
    } finally {
      blocker.close();
    }
  });

  it('reports a bad estate file with the line and the field at fault', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sre-estate-'));
    const file = join(dir, 'estate.yaml');
    writeFileSync(file, 'instances:\n  - provider: aws\n    id: i-0123456789abcdef0\n    state: 42\n');

    const { code, stderr } = await cli(['emulator', '--estate', file, '--port', '0']);

    expect(code).toBe(2);
    expect(stderr).toContain('EMULATOR_ESTATE_INVALID');
    expect(stderr).toMatch(/:4:|line 4/);
    expect(stderr).toContain('state');
  });

  it('reports a missing estate file', async () => {
    const { code, stderr } = await cli(['emulator', '--estate', '/nonexistent/estate.yaml']);

    expect(code).toBe(2);
    expect(stderr).toContain('EMULATOR_ESTATE_NOT_FOUND');
  });
});

describe('sre emulator: following its printed instructions', () => {
  it('the exported variables let `sre ask` read every region, subscription and project of the estate', async () => {
    const { spawn, spawnSync } = await import('node:child_process');
    const root = new URL('../../', import.meta.url);
    const child = spawn(process.execPath, ['bin/sre.js', 'emulator', '--size', 'tiny', '--port', '0'], {
      cwd: root,
    });
    try {
      let out = '';
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          reject(new Error(`emulator did not start: ${out}`));
        }, 30_000);
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes('Press Ctrl-C')) {
            clearTimeout(timer);
            resolve();
          }
        });
      });
      const env: Record<string, string> = {};
      for (const [, key, value] of out.matchAll(/^\s*export (\w+)=(\S+)$/gm)) env[key!] = value!;
      // The same estate, generated here from the seed, size and anchor the emulator printed.
      const { generateEstate } = await import('../../emulator/estate/generate-estate.js');
      const anchorTime = /anchor (\S+)/.exec(out)?.[1] ?? '';
      const estate = generateEstate({ seed: 42, size: 'tiny', anchorTime });
      const firstAws = estate.accounts
        .filter((a) => a.provider === 'aws')
        .map((a) => a.id)
        .sort()[0];

      const result = spawnSync(
        process.execPath,
        ['bin/sre.js', 'ask', '--json', 'how many instances per provider?'],
        { cwd: root, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...env } },
      );
      const answer = JSON.parse(result.stdout) as {
        partial: boolean;
        groups: { key: string; count: number }[];
      };
      const expected = (provider: string): number =>
        estate.instances.filter(
          (i) => i.provider === provider && (provider !== 'aws' || i.account === firstAws),
        ).length;

      expect(result.status).toBe(0);
      expect(answer.partial).toBe(false);
      expect(Object.fromEntries(answer.groups.map((g) => [g.key, g.count]))).toEqual(
        Object.fromEntries(
          ['aws', 'azure', 'gcp'].filter((p) => expected(p) > 0).map((p) => [p, expected(p)]),
        ),
      );
      expect(out).toContain('SRE_GCP_PROJECTS=');
    } finally {
      child.kill('SIGINT');
    }
  });
});
