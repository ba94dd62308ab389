import type { Tags } from '../estate/model.js';
import { compileWildcards } from './match-wildcard.js';

/** One `Filter.N` of a describe call: a name and the values any of which may match. */
export interface ResourceFilter {
  readonly name: string;
  readonly values: readonly string[];
}

/** The value(s) a filter name reads from a resource; `undefined` never matches. */
export type FilterAccessor<T> = (item: T) => string | readonly string[] | undefined;

/** Thrown by {@link compileResourceFilters} for a filter name the resource type does not support. */
export class UnknownFilterError extends Error {
  constructor(readonly filterName: string) {
    super(`The filter '${filterName}' is invalid`);
    this.name = 'UnknownFilterError';
  }
}

/**
 * Compiles describe-call filters into one predicate, with EC2 semantics: every filter must match
 * (AND), any value of a filter may match (OR), values may use `*` and `?` wildcards. Besides the
 * named `accessors`, `tag:<key>`, `tag-key` and `tag-value` work on every tagged resource.
 * @throws UnknownFilterError when a filter name is neither an accessor nor a tag filter.
 */
export function compileResourceFilters<T>(
  filters: readonly ResourceFilter[],
  accessors: Readonly<Record<string, FilterAccessor<T>>>,
  tagsOf: ((item: T) => Tags) | undefined,
): (item: T) => boolean {
  const predicates: ((item: T) => boolean)[] = [];
  for (const filter of filters) {
    const matches = compileWildcards(filter.values);
    if (tagsOf !== undefined && filter.name.startsWith('tag:')) {
      const key = filter.name.slice(4);
      predicates.push((item) => {
        const value = tagsOf(item)[key];
        return value !== undefined && matches(value);
      });
      continue;
    }
    if (tagsOf !== undefined && filter.name === 'tag-key') {
      predicates.push((item) => Object.keys(tagsOf(item)).some(matches));
      continue;
    }
    if (tagsOf !== undefined && filter.name === 'tag-value') {
      predicates.push((item) => Object.values(tagsOf(item)).some(matches));
      continue;
    }
    const accessor = Object.hasOwn(accessors, filter.name) ? accessors[filter.name] : undefined;
    if (accessor === undefined) throw new UnknownFilterError(filter.name);
    predicates.push((item) => {
      const value = accessor(item);
      if (value === undefined) return false;
      return typeof value === 'string' ? matches(value) : value.some(matches);
    });
  }
  if (predicates.length === 0) return () => true;
  return (item) => predicates.every((predicate) => predicate(item));
}
