import { z } from 'zod';
import { ResilienceSettingsSchema } from '../../resilience/resilience-settings-schema.js';

/** Parses a comma-separated environment value into trimmed, non-empty items. */
const csv = (value: string): string[] =>
  value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

const integer = (value: string): number => (/^-?\d+$/.test(value.trim()) ? Number(value.trim()) : Number.NaN);

const boolean = (value: string): boolean | string => {
  const v = value.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off'].includes(v)) return false;
  return value;
};

/** One configuration option: its dotted key, environment variable, schema, default and description. */
export interface ConfigOption {
  /** Dotted key in the config file (`aws.regions`). */
  readonly key: string;
  /** Environment variable (always `SRE_` prefixed). */
  readonly env: string;
  readonly schema: z.ZodType;
  /** Converts the environment string to the schema's input. */
  readonly fromEnv: (value: string) => unknown;
  /** Default, documented as shown. */
  readonly defaultValue: unknown;
  readonly description: string;
}

const regionCode = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, 'an AWS region code such as us-east-1');
const httpUrl = z.url({ protocol: /^https?$/, error: 'an http(s) URL such as http://127.0.0.1:4566' });

/** Dotted paths of the leaves of a plain object (arrays and scalars are leaves). */
function leafKeys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return prefix ? [prefix] : [];
  return Object.entries(value).flatMap(([k, v]) => leafKeys(v, prefix ? `${prefix}.${k}` : k));
}

/**
 * A part of the resilience settings (`ResilienceSettingsSchema`) as one option: partial input,
 * defaults filled in, and — unlike the embedded schema, which strips them — unknown keys rejected,
 * so a typo (`openMS`) is an error instead of a silently ignored setting.
 */
function resiliencePart(part: 'breaker' | 'aws' | 'azure' | 'gcp', description: string): ConfigOption {
  const schema = ResilienceSettingsSchema.shape[part];
  return {
    key: `resilience.${part}`,
    env: `SRE_RESILIENCE_${part.toUpperCase()}`,
    schema: z.unknown().transform((value, context) => {
      const parsed = schema.safeParse(value);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          context.addIssue({ code: 'custom', message: issue.message, path: issue.path });
        }
        return z.NEVER;
      }
      const known = leafKeys(parsed.data);
      const unknown = leafKeys(value).filter(
        (key) => !known.includes(key) && !known.some((k) => k.startsWith(`${key}.`)),
      );
      for (const key of unknown) {
        context.addIssue({ code: 'custom', message: 'unknown key', path: key.split('.') });
      }
      return unknown.length > 0 ? z.NEVER : parsed.data;
    }),
    fromEnv: (value) => {
      try {
        return JSON.parse(value) as unknown;
      } catch {
        return `${value} (not JSON)`;
      }
    },
    defaultValue: {},
    description,
  };
}

/**
 * The option catalogue: the single source of configuration keys, environment variables, defaults,
 * validation and the generated `docs/configuration.md`.
 */
export const CONFIG_OPTIONS: readonly ConfigOption[] = [
  {
    key: 'providers',
    env: 'SRE_PROVIDERS',
    schema: z.array(z.enum(['aws', 'azure', 'gcp'])),
    fromEnv: csv,
    defaultValue: [],
    description:
      'Providers to query when a question names none (comma-separated: aws, azure, gcp). Empty: every provider whose credentials or endpoint are configured (see `sre doctor`).',
  },
  {
    key: 'aws.regions',
    env: 'SRE_AWS_REGIONS',
    schema: z.array(regionCode),
    fromEnv: csv,
    defaultValue: [],
    description:
      'AWS regions to scan (comma-separated). Empty: the region of the standard SDK chain (AWS_REGION, profile), else us-east-1. `--region` overrides.',
  },
  {
    key: 'aws.profile',
    env: 'SRE_AWS_PROFILE',
    schema: z.string().min(1).optional(),
    fromEnv: (v) => v,
    defaultValue: undefined,
    description:
      'Named AWS profile; when unset the SDK default chain applies (AWS_PROFILE, environment keys, SSO, instance role).',
  },
  {
    key: 'aws.endpoint',
    env: 'SRE_AWS_ENDPOINT',
    schema: httpUrl.optional(),
    fromEnv: (v) => v,
    defaultValue: undefined,
    description:
      'Endpoint override for every AWS service (the SDK also honours AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE>). Used for the emulator.',
  },
  {
    key: 'aws.profiles',
    env: 'SRE_AWS_PROFILES',
    schema: z.array(z.string().min(1)),
    fromEnv: csv,
    defaultValue: [],
    description:
      'Several AWS accounts at once: one named profile per account (comma-separated). Each profile is resolved by the SDK; its account id comes from STS. Empty: one account, the default chain (or `aws.profile`).',
  },
  {
    key: 'azure.subscriptions',
    env: 'SRE_AZURE_SUBSCRIPTIONS',
    schema: z.array(z.string().min(1)),
    fromEnv: csv,
    defaultValue: [],
    description:
      'Azure subscription ids to read (comma-separated). Empty: `AZURE_SUBSCRIPTION_ID` when set, else every subscription the credential can see.',
  },
  {
    key: 'azure.endpoint',
    env: 'SRE_AZURE_ENDPOINT',
    schema: httpUrl.optional(),
    fromEnv: (v) => v,
    defaultValue: undefined,
    description:
      'Azure Resource Manager endpoint override (the emulator). Plain http without a token is accepted only for loopback addresses.',
  },
  {
    key: 'gcp.projects',
    env: 'SRE_GCP_PROJECTS',
    schema: z.array(
      z.string().regex(/^[a-z][a-z0-9-]{4,28}[a-z0-9]$/, 'a GCP project id such as shop-prod-4821'),
    ),
    fromEnv: csv,
    defaultValue: [],
    description:
      'GCP project ids to read (comma-separated). Empty: `GOOGLE_CLOUD_PROJECT`, else the Application Default Credentials project.',
  },
  {
    key: 'gcp.endpoint',
    env: 'SRE_GCP_ENDPOINT',
    schema: httpUrl.optional(),
    fromEnv: (v) => v,
    defaultValue: undefined,
    description:
      'Google Cloud API endpoint override (the emulator). Plain http without credentials is accepted only for loopback addresses.',
  },
  {
    key: 'concurrency',
    env: 'SRE_CONCURRENCY',
    schema: z.number().int().min(1).max(64),
    fromEnv: integer,
    defaultValue: 8,
    description: 'Scopes (provider × account × region × service) read in parallel.',
  },
  {
    key: 'requestTimeoutSeconds',
    env: 'SRE_REQUEST_TIMEOUT_SECONDS',
    schema: z.number().int().min(1).max(600),
    fromEnv: integer,
    defaultValue: 120,
    description:
      'Deadline for a whole question, seconds: scopes not read by then are reported in `coverage` (`QUESTION_DEADLINE_EXCEEDED`) and the answer keeps everything read before it.',
  },
  {
    key: 'logs.eventLimit',
    env: 'SRE_LOG_EVENT_LIMIT',
    schema: z.number().int().min(1).max(100_000),
    fromEnv: integer,
    defaultValue: 1000,
    description:
      'Most log events returned per (account, region); reaching it is reported in warnings, never silent.',
  },
  {
    key: 'resilience.delayScale',
    env: 'SRE_DELAY_SCALE',
    schema: z.number().positive().max(10),
    fromEnv: (v) => Number(v),
    defaultValue: 1,
    description:
      'Multiplier on retry back-off and breaker waits (1 = the per-cloud policy of docs/resilience.md; the emulator demo uses 0.01).',
  },
  resiliencePart(
    'breaker',
    'Circuit breakers (YAML mapping, or JSON in the variable): `scope` (service|region), `failureThreshold`, `openMs`, `halfOpenMaxTrials`, `successThreshold`. Omitted keys keep the defaults of docs/resilience.md.',
  ),
  resiliencePart(
    'aws',
    'AWS call policy: `timeoutMs`, `retry` {`maxAttempts`, `maxThrottledAttempts`, `baseDelayMs`, `maxDelayMs`, `jitter`, `honourRetryAfter`}, `rateLimit` {`default` {`perSecond`, `burst`}, `services` {name: {…}}}. Omitted keys keep the defaults of docs/resilience.md.',
  ),
  resiliencePart('azure', 'Azure call policy, same keys as `resilience.aws`.'),
  resiliencePart('gcp', 'GCP call policy, same keys as `resilience.aws`.'),
  {
    key: 'strict',
    env: 'SRE_STRICT',
    schema: z.boolean(),
    fromEnv: boolean,
    defaultValue: false,
    description: 'Treat a partial answer (some scopes unreadable) as a failure.',
  },
];
