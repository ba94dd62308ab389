/**
 * The value of a query parameter whose name matches `name` case-insensitively (ARM treats
 * `$skipToken`, `$skiptoken` and `$SkipToken` alike), or `undefined`. The first match wins.
 */
export function readQueryParameter(url: URL, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of url.searchParams) if (key.toLowerCase() === wanted) return value;
  return undefined;
}
