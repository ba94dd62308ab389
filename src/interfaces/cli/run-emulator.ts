import { SreError } from '../../core/errors/sre-error.js';
import type { FaultRuleInput } from '../../../emulator/server/fault-rules.js';
import type { CliIo } from './main.js';
import { demoAnchorTime } from './start-demo-emulator.js';

/** Parses `--fault kind=throttle,provider=aws,service=ec2,probability=0.3` into a fault rule. */
export function parseFaultSpec(spec: string): FaultRuleInput {
  const rule: Record<string, unknown> = {};
  for (const part of spec.split(',')) {
    const eq = part.indexOf('=');
    if (eq <= 0) {
      throw new SreError(
        'EMULATOR_FAULT_INVALID',
        `Bad --fault "${spec}": expected key=value pairs separated by commas, e.g. kind=throttle,provider=aws,service=ec2,probability=0.3`,
      );
    }
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    rule[key] = ['probability', 'latencyMs', 'retryAfterSeconds', 'maxHits'].includes(key)
      ? Number(value)
      : value;
  }
  return rule as FaultRuleInput;
}

/** `sre emulator`: starts the emulator, prints endpoints and environment, stops on Ctrl-C / SIGTERM. */
export async function runEmulator(
  flags: { seed: string; size: string; estate?: string; port: string; anchor?: string; fault: string[] },
  io: CliIo,
): Promise<number> {
  const [
    { generateEstate },
    { isSizePreset, SIZE_PRESETS },
    { loadEstateFile },
    { startEmulator, EmulatorListenError },
    { FaultRuleSchema },
    { z },
  ] = await Promise.all([
    import('../../../emulator/estate/generate-estate.js'),
    import('../../../emulator/estate/presets.js'),
    import('../../../emulator/estate/load-estate-file.js'),
    import('../../../emulator/server/start-emulator.js'),
    import('../../../emulator/server/fault-rules.js'),
    import('zod'),
  ]);
  if (!/^\d+$/.test(flags.seed))
    throw new SreError('CLI_USAGE', `--seed must be a non-negative integer, got "${flags.seed}".`);
  if (!/^\d+$/.test(flags.port) || Number(flags.port) > 65533) {
    throw new SreError('CLI_USAGE', `--port must be an integer between 0 and 65533, got "${flags.port}".`);
  }
  const faults = flags.fault.map((spec) => {
    const parsed = FaultRuleSchema.safeParse(parseFaultSpec(spec));
    if (!parsed.success) {
      throw new SreError('EMULATOR_FAULT_INVALID', `Bad --fault "${spec}": ${z.prettifyError(parsed.error)}`);
    }
    return parsed.data;
  });
  const anchorTime = flags.anchor ?? demoAnchorTime(new Date());
  if (Number.isNaN(Date.parse(anchorTime)))
    throw new SreError('CLI_USAGE', `--anchor must be an ISO-8601 time, got "${anchorTime}".`);
  let estate;
  if (flags.estate !== undefined) {
    try {
      estate = loadEstateFile(flags.estate);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'EMULATOR_ESTATE_INVALID' || code === 'EMULATOR_ESTATE_NOT_FOUND') {
        throw new SreError(code, (error as Error).message, { cause: error });
      }
      throw error;
    }
  } else {
    if (!isSizePreset(flags.size)) {
      throw new SreError(
        'EMULATOR_SIZE_UNKNOWN',
        `Unknown --size "${flags.size}". Choose one of: ${Object.keys(SIZE_PRESETS).join(', ')}.`,
      );
    }
    estate = generateEstate({
      seed: Number(flags.seed),
      size: flags.size,
      anchorTime: new Date(anchorTime).toISOString(),
    });
  }
  const base = Number(flags.port);
  let emulator;
  try {
    emulator = await startEmulator({
      estate,
      ports: base === 0 ? {} : { aws: base, azure: base + 1, gcp: base + 2 },
      faults,
    });
  } catch (error) {
    if (error instanceof EmulatorListenError) throw new SreError(error.code, error.message, { cause: error });
    throw error;
  }
  const summary = estate.instances.length;
  io.stdout(
    [
      `sre emulator: seed ${estate.seed}, size ${estate.size}, ${summary} instances, anchor ${estate.anchorTime}`,
      `  AWS    ${emulator.endpoints.aws}`,
      `  Azure  ${emulator.endpoints.azure}`,
      `  GCP    ${emulator.endpoints.gcp}`,
      `  admin  ${emulator.adminUrl}/health | /journal | /faults | /estate`,
      '',
      'Point the SDKs (and sre) at it:',
      ...Object.entries(emulator.environment).map(([k, v]) => `  export ${k}=${v}`),
      ...otherAwsAccounts(estate),
      '',
      'Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await emulator.close();
  io.stdout('sre emulator: stopped.\n');
  return 0;
}

/** A hint for the AWS accounts the default key does not reach (the emulator maps a key containing an id to it). */
function otherAwsAccounts(estate: {
  readonly accounts: readonly { provider: string; id: string }[];
}): string[] {
  const ids = estate.accounts
    .filter((account) => account.provider === 'aws')
    .map((account) => account.id)
    .sort();
  return ids.length <= 1
    ? []
    : [
        `  # AWS key "emulator" reads account ${ids[0] ?? ''}; for another, use AWS_ACCESS_KEY_ID=EMULATOR<account id>`,
        `  # (accounts: ${ids.join(', ')})`,
      ];
}
