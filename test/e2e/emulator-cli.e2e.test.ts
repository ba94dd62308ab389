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
