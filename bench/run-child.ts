import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/**
 * Runs `node <script> <args…>` in `cwd` and parses the JSON on the last line of its stdout.
 * Asynchronous on purpose: the emulator the child talks to runs in this process, and a synchronous
 * spawn would block the event loop that serves it (the child would wait forever).
 */
export async function runChild<T>(cwd: string, script: string, args: readonly string[]): Promise<T> {
  const { stdout } = await execFileAsync(process.execPath, [script, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as T;
}
