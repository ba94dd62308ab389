/** The configured ids, trimmed, without blanks and duplicates, in their first-seen order. */
export function distinctTrimmed(values: readonly string[] | undefined): string[] {
  return [...new Set((values ?? []).map((value) => value.trim()).filter((value) => value !== ''))];
}
