/**
 * The catalogue of coded errors: every error the product can report, with a stable code, a
 * category (who has to act), whether retrying can help, and a one-line description used by
 * `docs/errors.md` (a test fails when a code is missing there).
 */

/** Who has to act on an error: the user (fix the input), the system (our fault), or a third party (a cloud). */
export type ErrorCategory = 'user' | 'system' | 'third-party';

/** One catalogue entry. */
export interface ErrorSpec {
  readonly category: ErrorCategory;
  readonly retryable: boolean;
  /** What the error means and what to do, for the docs. */
  readonly description: string;
}

/** Every error code, with its spec. Codes are SCREAMING_SNAKE with a domain prefix and never change. */
export const ERROR_CATALOGUE = {
  CONFIG_INVALID: {
    category: 'user',
    retryable: false,
    description:
      'The configuration (file or SRE_* environment variable) failed validation; the message names the key and what was expected.',
  },
  CONFIG_FILE_UNREADABLE: {
    category: 'user',
    retryable: false,
    description:
      'The configuration file given with --config or SRE_CONFIG cannot be read or is not valid YAML.',
  },
  CLI_USAGE: {
    category: 'user',
    retryable: false,
    description: 'Unknown command or flag, missing argument, or an invalid flag value.',
  },
  INPUT_INVALID: {
    category: 'user',
    retryable: false,
    description: 'The question is empty, too long (over 1000 characters) or not text.',
  },
  INPUT_BATCH_UNREADABLE: {
    category: 'user',
    retryable: false,
    description: 'The --batch file cannot be read.',
  },
  PLAN_UNRECOGNIZED: {
    category: 'user',
    retryable: false,
    description:
      'The rules could not understand the question confidently; nothing was guessed. The answer lists supported phrasings close to it.',
  },
  PLAN_INVALID: {
    category: 'system',
    retryable: false,
    description: 'A query plan failed schema validation (a bug in a planner).',
  },
  PLAN_UNSUPPORTED: {
    category: 'user',
    retryable: false,
    description:
      'The question was understood but asks for something the chosen provider or resource kind cannot answer (for example a metric a service does not publish).',
  },
  POLICY_READ_ONLY: {
    category: 'user',
    retryable: false,
    description:
      'The question asks to change the cloud (terminate, delete, stop, 删除, 停止…). The agent is read-only and refuses; nothing was executed.',
  },
  PROVIDER_NOT_CONFIGURED: {
    category: 'user',
    retryable: false,
    description:
      'The question targets a provider that is not configured (no credentials or endpoint). See docs/configuration.md.',
  },
  CLOUD_THROTTLED: {
    category: 'third-party',
    retryable: true,
    description:
      'The cloud API throttled the request (AWS Throttling/RequestLimitExceeded, Azure 429, GCP RESOURCE_EXHAUSTED) and retries did not get through.',
  },
  CLOUD_AUTHENTICATION: {
    category: 'user',
    retryable: false,
    description:
      'The cloud rejected the credentials (expired, missing or invalid). Check the provider credentials (sre doctor).',
  },
  CLOUD_AUTHORIZATION: {
    category: 'user',
    retryable: false,
    description:
      'The credentials are valid but lack permission for an operation or region. Grant the read permission named in the message.',
  },
  CLOUD_NOT_FOUND: {
    category: 'user',
    retryable: false,
    description:
      'A named cloud resource (log group, function, bucket, subscription, project) does not exist.',
  },
  CLOUD_INVALID_PARAMETER: {
    category: 'system',
    retryable: false,
    description: 'The cloud rejected a request parameter (usually a bug in an adapter).',
  },
  CLOUD_QUOTA_EXCEEDED: {
    category: 'third-party',
    retryable: false,
    description: 'A cloud quota was exceeded.',
  },
  CLOUD_UNAVAILABLE: {
    category: 'third-party',
    retryable: true,
    description: 'The cloud service or region is unavailable (5xx) and retries did not get through.',
  },
  CLOUD_TIMEOUT: {
    category: 'third-party',
    retryable: true,
    description: 'A cloud call did not answer within its timeout.',
  },
  CLOUD_UNREACHABLE: {
    category: 'third-party',
    retryable: true,
    description: 'The cloud endpoint could not be reached (DNS, connection refused, TLS).',
  },
  CLOUD_MALFORMED_RESPONSE: {
    category: 'third-party',
    retryable: true,
    description: 'The cloud answered with a response the SDK could not parse.',
  },
  CLOUD_UNKNOWN: {
    category: 'third-party',
    retryable: false,
    description: 'A cloud error that fits no other class; the message carries the provider code.',
  },
  QUESTION_DEADLINE_EXCEEDED: {
    category: 'third-party',
    retryable: true,
    description:
      'The question took longer than `requestTimeoutSeconds`; scopes not read by then are reported in `coverage` and the rest of the answer is kept.',
  },
  ANSWER_PARTIAL: {
    category: 'third-party',
    retryable: true,
    description:
      'Some (provider, account, region, service) scopes could not be read; the rows of the others are complete. With --strict this is a failure.',
  },
  EMULATOR_SIZE_UNKNOWN: {
    category: 'user',
    retryable: false,
    description: 'The emulator --size is not one of the presets (tiny, small, medium, large, xl).',
  },
  EMULATOR_ESTATE_INVALID: {
    category: 'user',
    retryable: false,
    description:
      'The emulator estate file is not valid JSON/YAML or breaks the estate schema; the message gives the line, column and field.',
  },
  EMULATOR_ESTATE_NOT_FOUND: {
    category: 'user',
    retryable: false,
    description: 'The emulator estate file does not exist.',
  },
  EMULATOR_PORT_IN_USE: {
    category: 'user',
    retryable: false,
    description: 'An emulator port is already taken by another process; choose another with --port.',
  },
  EMULATOR_LISTEN_FAILED: {
    category: 'system',
    retryable: false,
    description: 'The emulator could not listen (non-loopback host or another socket error).',
  },
  EMULATOR_FAULT_INVALID: {
    category: 'user',
    retryable: false,
    description: 'A --fault specification is malformed; the message shows the expected form.',
  },
  INTERNAL: {
    category: 'system',
    retryable: false,
    description: 'An unexpected internal error (a bug). The message and trace say where.',
  },
} as const satisfies Record<string, ErrorSpec>;

/** A stable error code. */
export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** True when `code` is a catalogued error code. */
export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ERROR_CATALOGUE, code);
}
