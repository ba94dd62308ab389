/**
 * Tolerant readers of operation inputs. JSON protocols give typed values; query protocols give
 * strings (see `QueryParameters.toObject`); both go through these readers, which throw
 * {@link InvalidInputError} for values of the wrong shape (the route renders it as the service's
 * validation error).
 */

/** A request parameter of the wrong type or format. */
export class InvalidInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidInputError';
  }
}

/** A JSON-ish object, or an empty one for anything else. */
export function asRecord(value: unknown): Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** Parses a JSON request body; an empty body is `{}`. */
export function parseJsonBody(body: Buffer): Readonly<Record<string, unknown>> {
  if (body.length === 0) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    throw new InvalidInputError('The request body is not valid JSON.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new InvalidInputError('The request body must be a JSON object.');
  }
  return parsed as Record<string, unknown>;
}

/** A string member, or `undefined` when absent. */
export function readString(input: Readonly<Record<string, unknown>>, name: string): string | undefined {
  const value = input[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new InvalidInputError(`Parameter ${name} must be a string.`);
}

/** A numeric member (JSON number or numeric string), or `undefined` when absent. */
export function readNumber(input: Readonly<Record<string, unknown>>, name: string): number | undefined {
  const value = input[name];
  if (value === undefined || value === null || value === '') return undefined;
  const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  if (!Number.isFinite(number)) throw new InvalidInputError(`Parameter ${name} must be a number.`);
  return number;
}

/** An integer member, or `undefined` when absent. */
export function readInteger(input: Readonly<Record<string, unknown>>, name: string): number | undefined {
  const number = readNumber(input, name);
  if (number !== undefined && !Number.isInteger(number))
    throw new InvalidInputError(`Parameter ${name} must be an integer.`);
  return number;
}

/** A boolean member (`true`/`false`, also as strings), or `undefined` when absent. */
export function readBoolean(input: Readonly<Record<string, unknown>>, name: string): boolean | undefined {
  const value = input[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new InvalidInputError(`Parameter ${name} must be a boolean.`);
}

/** A list member, or `[]` when absent. */
export function readList(input: Readonly<Record<string, unknown>>, name: string): readonly unknown[] {
  const value = input[name];
  if (value === undefined || value === null || value === '') return [];
  if (Array.isArray(value)) return value;
  throw new InvalidInputError(`Parameter ${name} must be a list.`);
}

/** A list of strings, or `[]` when absent. */
export function readStringList(input: Readonly<Record<string, unknown>>, name: string): string[] {
  return readList(input, name).map((item, position) => {
    if (typeof item !== 'string')
      throw new InvalidInputError(`Parameter ${name}[${position}] must be a string.`);
    return item;
  });
}

/**
 * A timestamp member in epoch milliseconds. Accepts what AWS accepts: epoch seconds (JSON number
 * or numeric string, fractions allowed) and ISO-8601 strings.
 */
export function readTimestampMs(input: Readonly<Record<string, unknown>>, name: string): number | undefined {
  const value = input[name];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return Math.round(value * 1000);
  if (typeof value === 'string') {
    if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
    const parsed = Date.parse(value);
    if (Number.isFinite(parsed)) return parsed;
  }
  throw new InvalidInputError(`Parameter ${name} must be a timestamp.`);
}
