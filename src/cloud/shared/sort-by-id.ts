/** Sorts records by `id` in code-unit order (locale-independent, so every machine agrees). */
export function sortById<T extends { readonly id: string }>(records: readonly T[]): T[] {
  return [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
