import { isRecord } from './unknown-props.js';

/** The string-valued entries of a plain header object, names lower-cased; `{}` for anything else. */
export function lowerCaseHeaders(raw: unknown): Record<string, string> {
  const headers: Record<string, string> = {};
  if (isRecord(raw)) {
    for (const [key, value] of Object.entries(raw)) {
      if (typeof value === 'string') headers[key.toLowerCase()] = value;
    }
  }
  return headers;
}
