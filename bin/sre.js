#!/usr/bin/env node
// The `sre` command: runs the compiled CLI (built by `npm ci` through the `prepare` script).
// The SDK's notice about its future Node 22 requirement is not about this command's result; keep stderr clean.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
// Node 22+ keeps compiled code of the SDKs between runs (most of a cold start); Node 20 has no such API.
const { default: nodeModule } = await import('node:module');
if (typeof nodeModule.enableCompileCache === 'function') nodeModule.enableCompileCache();
const { runCli } = await import('../dist/src/interfaces/cli/main.js');

// `sre ask … | head`: the reader has gone, so stop quietly instead of crashing on EPIPE.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const code = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  isTty: Boolean(process.stdout.isTTY),
});
// Exit explicitly: SDK keep-alive sockets must not keep a finished command alive.
process.stdout.write('', () => process.exit(code));
