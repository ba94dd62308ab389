import type { ListHints } from '../../core/ports/cloud-port.js';

/**
 * True when the plan needs a field that costs extra calls (see `ListHints.fields`). `tags` is
 * needed for `tags` and for any `tag:KEY`, so an adapter also honours hints that list tag fields
 * one by one.
 */
export function isFieldNeeded(hints: ListHints, field: string): boolean {
  const fields = hints.fields ?? [];
  if (field === 'tags') return fields.some((f) => f === 'tags' || f.startsWith('tag:'));
  return fields.includes(field);
}
