import { SreError } from '../../core/errors/sre-error.js';
import { isRecord } from './unknown-props.js';

/**
 * The `SreError` an SDK error already is, or that an abort carries as its cause (the runner's
 * own timeout); error mappers return it unchanged. `undefined` for anything else.
 */
export function passThroughSreError(error: unknown): SreError | undefined {
  if (error instanceof SreError) return error;
  if (isRecord(error) && error.name === 'AbortError' && error.cause instanceof SreError) return error.cause;
  return undefined;
}
