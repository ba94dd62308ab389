/**
 * The page size to ask an API for: the forced size when set (`pageSize`, from settings, for tests
 * that force paging), else the API's maximum, always within the API's documented bounds (a real
 * endpoint rejects values outside them).
 */
export function pageSizeFor(
  context: { readonly pageSize: number | undefined },
  min: number,
  max: number,
): number {
  const wanted = context.pageSize ?? max;
  return Math.min(max, Math.max(min, Math.floor(wanted)));
}
