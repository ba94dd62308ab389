#!/usr/bin/env node
// The `sre` command: runs the compiled CLI (built by `npm ci` through the `prepare` script).
import { runCli } from '../dist/src/interfaces/cli/main.js';

const code = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  isTty: Boolean(process.stdout.isTTY),
});
// Exit explicitly: SDK keep-alive sockets must not keep a finished command alive.
process.stdout.write('', () => process.exit(code));
