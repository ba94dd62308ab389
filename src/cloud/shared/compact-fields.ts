import type { FieldValue } from '../../core/ports/cloud-port.js';

/** Drops `undefined` entries: a field unknown to the API is absent from the record, never `undefined`. */
export function compactFields(
  fields: Readonly<Record<string, FieldValue | undefined>>,
): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) out[key] = value;
  }
  return out;
}
