// The built `sre` as a user runs it: a pipe that closes early, and stderr that stays clean.
import { spawn, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);

describe('sre (spawned process)', () => {
  it('stops quietly with exit 0 when the reader closes the pipe early (`sre ask … | head -1`)', async () => {
    const child = spawn(process.execPath, ['bin/sre.js', 'ask', '--demo', 'list all instances'], {
      cwd: root,
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    let firstChunk = '';
    child.stdout.once('data', (chunk: Buffer) => {
      firstChunk = chunk.toString();
      child.stdout.destroy();
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));

    expect(firstChunk).toContain('provider');
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it.each([
    ['average memory usage of my Azure VMs last hour'],
    ['top 5 azure vms by cpu'],
    ['过去一小时CPU最高的10台服务器'],
  ])('answers a metric question over many resources with a clean stderr: %s', (question) => {
    const result = spawnSync(process.execPath, ['bin/sre.js', 'ask', '--demo', '--json', question], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    const answer = JSON.parse(result.stdout) as { ok: boolean; count: number; rows: { metric?: unknown }[] };

    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(answer.ok).toBe(true);
    expect(answer.count).toBeGreaterThan(0);
  });
});
