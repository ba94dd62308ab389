import pc from 'picocolors';
import { loadConfig } from '../../app/config/load-config.js';
import { createApp } from '../../app/create-app.js';
import { runDoctor } from '../../app/run-doctor.js';
import { EXIT_CODES } from './exit-codes.js';
import type { CliIo } from './main.js';

/** `sre doctor`: prints a table of checks with fixes; exit 0 when nothing failed, 1 otherwise. */
export async function runDoctorCommand(
  flags: { json?: boolean; config?: string; demo?: boolean },
  io: CliIo,
): Promise<number> {
  let emulator: { close(): Promise<void> } | undefined;
  try {
    let overrides: Record<string, unknown> = {};
    let awsCredentialSets: { label: string; accessKeyId: string; secretAccessKey: string }[] | undefined;
    if (flags.demo === true) {
      const { startDemoEmulator, demoOverrides, demoAwsCredentialSets } =
        await import('./start-demo-emulator.js');
      const running = await startDemoEmulator(new Date());
      emulator = running;
      overrides = demoOverrides(running);
      awsCredentialSets = demoAwsCredentialSets(running);
    }
    const config = loadConfig({
      env: io.env,
      ...(flags.config === undefined ? {} : { file: flags.config }),
      overrides,
    });
    const app = createApp(config, {
      env: io.env,
      ...(awsCredentialSets === undefined ? {} : { awsCredentialSets }),
    });
    const checks = await runDoctor({ config, detection: app.detection, providers: app.providers });
    const failed = checks.some((c) => c.status === 'failed');
    if (flags.json === true) {
      io.stdout(`${JSON.stringify({ ok: !failed, checks }, null, 2)}\n`);
    } else {
      const colors = pc.createColors(io.isTty && io.env.NO_COLOR === undefined);
      const mark = (s: string): string =>
        s === 'ok' ? colors.green('ok') : s === 'skipped' ? colors.dim('skipped') : colors.red('FAILED');
      const width = Math.max(...checks.map((c) => `${c.provider} ${c.check}`.length));
      for (const c of checks) {
        io.stdout(`${`${c.provider} ${c.check}`.padEnd(width)}  ${mark(c.status).padEnd(8)}  ${c.detail}\n`);
        if (c.fix !== undefined && c.status !== 'ok')
          io.stdout(`${' '.repeat(width)}  ${colors.cyan(`fix: ${c.fix}`)}\n`);
      }
      const anyConfigured = checks.some((c) => c.check === 'identity');
      io.stdout(
        failed
          ? colors.red('Some checks failed.\n')
          : anyConfigured
            ? colors.green('All configured providers are usable.\n')
            : colors.yellow(
                'No provider is configured yet: see docs/configuration.md, or try `sre ask --demo`.\n',
              ),
      );
    }
    return failed ? EXIT_CODES.error : EXIT_CODES.ok;
  } finally {
    await emulator?.close();
  }
}
