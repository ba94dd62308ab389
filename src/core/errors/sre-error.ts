import { ERROR_CATALOGUE, type ErrorCategory, type ErrorCode } from './error-catalogue.js';

/** Options of {@link SreError}. */
export interface SreErrorOptions {
  readonly cause?: unknown;
  /** Seconds to wait before retrying, when the source said so. */
  readonly retryAfterSeconds?: number;
  /** Overrides the catalogue's retryable flag (e.g. a throttling error after its retries ran out). */
  readonly retryable?: boolean;
  /** Extra structured facts (provider, operation, key…) safe to show to users. */
  readonly details?: Readonly<Record<string, unknown>>;
  /** Helpful next steps. */
  readonly suggestions?: readonly string[];
}

/** The one base error: a stable code from the catalogue, a category, a retryable flag and a cause. */
export class SreError extends Error {
  readonly code: ErrorCode;
  readonly category: ErrorCategory;
  readonly retryable: boolean;
  readonly retryAfterSeconds: number | undefined;
  readonly details: Readonly<Record<string, unknown>>;
  readonly suggestions: readonly string[];

  constructor(code: ErrorCode, message: string, options: SreErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'SreError';
    this.code = code;
    this.category = ERROR_CATALOGUE[code].category;
    this.retryable = options.retryable ?? ERROR_CATALOGUE[code].retryable;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.details = options.details ?? {};
    this.suggestions = options.suggestions ?? [];
  }
}

/** True when `value` is an {@link SreError}. */
export function isSreError(value: unknown): value is SreError {
  return value instanceof SreError;
}

/** Wraps anything thrown into an {@link SreError} (unknown errors become `INTERNAL`). */
export function toSreError(value: unknown): SreError {
  if (value instanceof SreError) return value;
  const message = value instanceof Error ? value.message : String(value);
  return new SreError('INTERNAL', message, { cause: value });
}
