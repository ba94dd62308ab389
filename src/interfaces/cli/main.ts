import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import type { Answer } from '../../core/answer/answer.js';
import { SreError, toSreError } from '../../core/errors/sre-error.js';
import { ERROR_CATALOGUE } from '../../core/errors/error-catalogue.js';
import { loadConfig, type SreConfig } from '../../app/config/load-config.js';
import { combineExitCodes, EXIT_CODES, exitCodeOf, exitCodeOfError } from './exit-codes.js';
import { renderAnswerCsv, renderAnswerText } from './render-answer.js';

/** Where the CLI writes; injected so tests can capture output. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly isTty: boolean;
}

interface AskFlags {
  json?: boolean;
  output?: 'table' | 'json' | 'csv';
  batch?: string;
  explain?: boolean;
  region?: string;
  demo?: boolean;
  strict?: boolean;
  config?: string;
  progress?: boolean;
}

interface EmulatorFlags {
  seed: string;
  size: string;
  estate?: string;
  port: string;
  anchor?: string;
  fault: string[];
}

function errorText(error: SreError): string {
  return `error ${error.code}: ${error.message}`;
}

function errorJson(error: SreError): string {
  return JSON.stringify({
    ok: false,
    error: { code: error.code, message: error.message, category: ERROR_CATALOGUE[error.code].category },
  });
}

function readQuestions(flags: AskFlags, words: readonly string[]): string[] {
  if (flags.batch !== undefined) {
    let text: string;
    try {
      text = readFileSync(flags.batch === '-' ? 0 : flags.batch, 'utf8');
    } catch (error) {
      throw new SreError(
        'INPUT_BATCH_UNREADABLE',
        `Cannot read the batch file ${flags.batch}: ${(error as Error).message}`,
        {
          cause: error,
        },
      );
    }
    return text
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l.length > 0 && !l.startsWith('#'));
  }
  const question = words.join(' ').trim();
  if (question.length === 0) {
    throw new SreError(
      'CLI_USAGE',
      'Missing question. Usage: sre ask "which instances are running?" (or --batch FILE).',
    );
  }
  return [question];
}

function parseRegions(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const regions = value
    .split(',')
    .map((r) => r.trim())
    .filter((r) => r.length > 0);
  if (regions.length === 0)
    throw new SreError(
      'CLI_USAGE',
      '--region needs at least one region code, e.g. --region us-east-1,eu-west-1',
    );
  return regions;
}

async function runAsk(words: readonly string[], flags: AskFlags, io: CliIo): Promise<number> {
  const format = flags.json === true ? 'json' : (flags.output ?? 'table');
  const questions = readQuestions(flags, words);
  const regions = parseRegions(flags.region);
  const progress = flags.progress !== false && io.isTty && format === 'table';
  const onProgress = progress
    ? (stage: string, done: number, total: number): void => {
        io.stderr(`\r\u001b[2K${stage}: ${done}/${total} scopes${done === total ? '\n' : ''}`);
      }
    : undefined;
  let emulator: { close(): Promise<void> } | undefined;
  try {
    let config: SreConfig;
    let awsCredentialSets: { label: string; accessKeyId: string; secretAccessKey: string }[] | undefined;
    if (flags.demo === true) {
      const { startDemoEmulator, demoOverrides, demoAwsCredentialSets } =
        await import('./start-demo-emulator.js');
      if (progress) io.stderr('starting the built-in emulator (demo estate)…\n');
      const starting = startDemoEmulator(new Date());
      // Load the app while the emulator starts in its worker thread (on the other core); a failed
      // load is reported below, where the app is imported again.
      void import('../../app/create-app.js').catch(() => undefined);
      const running = await starting;
      emulator = running;
      config = loadConfig({
        env: io.env,
        ...(flags.config === undefined ? {} : { file: flags.config }),
        overrides: { ...demoOverrides(running), ...(flags.strict === true ? { strict: true } : {}) },
      });
      awsCredentialSets = demoAwsCredentialSets(running);
    } else {
      config = loadConfig({
        env: io.env,
        ...(flags.config === undefined ? {} : { file: flags.config }),
        overrides: flags.strict === true ? { strict: true } : {},
      });
    }
    const { createApp } = await import('../../app/create-app.js');
    const app = createApp(config, {
      env: io.env,
      ...(awsCredentialSets === undefined ? {} : { awsCredentialSets }),
      ...(onProgress === undefined ? {} : { onProgress }),
    });
    const codes: number[] = [];
    for (const question of questions) {
      const answer: Answer = await app.ask(question, regions === undefined ? {} : { regions });
      codes.push(exitCodeOf(answer));
      if (format === 'json') {
        io.stdout(
          `${JSON.stringify(answer, null, questions.length > 1 || flags.batch !== undefined ? undefined : 2)}\n`,
        );
      } else if (format === 'csv') {
        io.stdout(answer.ok ? `${renderAnswerCsv(answer)}\n` : '');
        if (!answer.ok)
          io.stderr(`${renderAnswerText(answer, { color: false, explain: flags.explain === true })}\n`);
      } else {
        if (questions.length > 1) io.stdout(`\n❯ ${question}\n`);
        const color = io.isTty && io.env.NO_COLOR === undefined;
        io.stdout(`${renderAnswerText(answer, { color, explain: flags.explain === true })}\n`);
      }
    }
    return combineExitCodes(codes);
  } finally {
    await emulator?.close();
  }
}

async function runEmulatorCommand(flags: EmulatorFlags, io: CliIo): Promise<number> {
  const { runEmulator } = await import('./run-emulator.js');
  return runEmulator(flags, io);
}

/** Builds the `sre` command tree. Commander's own exits are turned into CLI_USAGE errors. */
function buildProgram(io: CliIo, result: { code: number }): Command {
  const program = new Command('sre')
    .description(
      'Multi-cloud SRE agent: deterministic answers about AWS, Azure and GCP estates (English / 中文).',
    )
    .version('0.1.0')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => {
        io.stdout(s);
      },
      writeErr: (s) => {
        io.stderr(s);
      },
    })
    .showSuggestionAfterError(true);

  program
    .command('ask')
    .description('Answer a question about the estate (read-only).')
    .argument('[question...]', 'the question, in English or Chinese')
    .option(
      '--json',
      'print the answer as JSON (the public contract, docs/output.md); JSON Lines with --batch',
    )
    .addOption(new Option('-o, --output <format>', 'output format').choices(['table', 'json', 'csv']))
    .option('--batch <file>', 'answer one question per line of FILE (- for stdin), in order')
    .option('--explain', 'show how the question was understood, and the plan')
    .option('--region <regions>', 'regions to read (comma-separated), replacing the configured ones')
    .option('--demo', 'start the built-in emulator with the demo estate and ask it')
    .option('--strict', 'treat a partial answer as a failure')
    .option('--config <file>', 'YAML configuration file (default: $SRE_CONFIG)')
    .option('--no-progress', 'do not show progress on stderr')
    .action(async (words: string[], flags: AskFlags) => {
      result.code = await runAsk(words, flags, io);
    });

  program
    .command('doctor')
    .description('Check configuration, credentials and read permissions of each provider.')
    .option('--json', 'print the checks as JSON')
    .option('--config <file>', 'YAML configuration file (default: $SRE_CONFIG)')
    .option('--demo', 'check against the built-in emulator (demo estate)')
    .action(async (flags: { json?: boolean; config?: string; demo?: boolean }) => {
      const { runDoctorCommand } = await import('./run-doctor-command.js');
      result.code = await runDoctorCommand(flags, io);
    });

  program
    .command('emulator')
    .description('Start the local multi-cloud emulator (AWS, Azure, GCP wire protocols) on 127.0.0.1.')
    .option('--seed <n>', 'estate seed', '42')
    .option('--size <preset>', 'estate size: tiny, small, medium, large, xl', 'small')
    .option('--estate <file>', 'load the estate from a JSON/YAML file instead of generating it')
    .option('--port <n>', 'base port: AWS on n, Azure on n+1, GCP on n+2 (0 = any free ports)', '4566')
    .option('--anchor <iso-time>', "the estate's now (default: the start of the next UTC hour)")
    .option(
      '--fault <spec>',
      'inject a fault, e.g. kind=throttle,provider=aws,service=ec2,probability=0.3 (repeatable)',
      (value: string, previous: string[]) => [...previous, value],
      [] as string[],
    )
    .action(async (flags: EmulatorFlags) => {
      result.code = await runEmulatorCommand(flags, io);
    });
  return program;
}

/** Runs the CLI with `argv` (without node and script) and returns the exit code. Never throws. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const result = { code: EXIT_CODES.ok as number };
  const program = buildProgram(io, result);
  const wantsJson =
    argv.includes('--json') ||
    argv.includes('--output=json') ||
    argv.join(' ').includes('-o json') ||
    argv.join(' ').includes('--output json');
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return result.code;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        error.code === 'commander.help'
      ) {
        return EXIT_CODES.ok;
      }
      // Commander already printed its message to stderr.
      if (wantsJson)
        io.stdout(`${errorJson(new SreError('CLI_USAGE', error.message.replace(/^error: /, '')))}\n`);
      return EXIT_CODES.usage;
    }
    const sreError = toSreError(error);
    if (wantsJson) io.stdout(`${errorJson(sreError)}\n`);
    io.stderr(`${errorText(sreError)}\n`);
    return exitCodeOfError(sreError);
  }
}
