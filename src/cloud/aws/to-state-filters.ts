import type { ListHints } from '../../core/ports/cloud-port.js';

/**
 * The EC2 `Filters` that push state hints down to the API (`instance-state-name` for instances,
 * `status` for volumes); `undefined` when the plan names no state.
 */
export function toStateFilters(
  hints: ListHints,
  name: string,
): { Name: string; Values: string[] }[] | undefined {
  return hints.states !== undefined && hints.states.length > 0
    ? [{ Name: name, Values: [...hints.states] }]
    : undefined;
}
