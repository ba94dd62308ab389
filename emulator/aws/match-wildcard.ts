/**
 * Compiles EC2/RDS-style filter values into one predicate: `*` matches any run of characters,
 * `?` exactly one, and a backslash escapes them (`\*` is a literal star). The predicate is true
 * when the text matches any of the values. Matching is case-sensitive, as EC2's is.
 */
export function compileWildcards(values: readonly string[]): (text: string) => boolean {
  const exact = new Set<string>();
  const patterns: RegExp[] = [];
  for (const value of values) {
    if (!/[*?]/.test(value)) {
      exact.add(value.replaceAll('\\\\', '\\'));
      continue;
    }
    let source = '';
    for (let index = 0; index < value.length; index++) {
      const character = value[index]!;
      if (character === '\\' && index + 1 < value.length) {
        source += escapeRegExp(value[++index]!);
      } else if (character === '*') {
        source += '[\\s\\S]*';
      } else if (character === '?') {
        source += '[\\s\\S]';
      } else {
        source += escapeRegExp(character);
      }
    }
    patterns.push(new RegExp(`^${source}$`));
  }
  if (patterns.length === 0) return (text) => exact.has(text);
  return (text) => exact.has(text) || patterns.some((pattern) => pattern.test(text));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
