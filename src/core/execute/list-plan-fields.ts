import type { QueryPlan } from '../plan/query-plan.js';

/** Record identity, present on every record: adapters need no hint to fill it. */
const IDENTITY_FIELDS: ReadonlySet<string> = new Set(['provider', 'kind', 'id', 'name', 'account', 'region']);

/** Fields computed from another field (see `readField`): the adapter must fill the source. */
const DERIVED_FROM: Readonly<Record<string, string>> = { family: 'type', size: 'type' };

/** The hint name of a plan field: every tag field (`tags`, `tag:KEY`) is `tags`. */
export function toHintField(field: string): string {
  return field === 'tags' || field.startsWith('tag:') ? 'tags' : field;
}

/**
 * The normalized fields a resource plan reads, for `ListHints.fields`: its filter fields (plus
 * `resource_group` when the scope names resource groups), group-by fields and sort keys, without
 * `metric` (metrics are read separately) and without the identity fields every record carries.
 * Tag fields become `tags`; `family` and `size` bring `type`. Sorted, without duplicates, so the
 * same plan always sends the same hints.
 */
export function listPlanFields(plan: QueryPlan): string[] {
  const fields = new Set<string>();
  const add = (field: string): void => {
    if (field === 'metric' || IDENTITY_FIELDS.has(field)) return;
    fields.add(toHintField(field));
    const source = DERIVED_FROM[field];
    if (source !== undefined) fields.add(source);
  };
  for (const filter of plan.filters) add(filter.field);
  if (plan.scope.resourceGroups.length > 0) add('resource_group');
  for (const field of plan.groupBy) add(field);
  for (const key of plan.sort) add(key.field);
  return [...fields].sort();
}
