/** Longest provider message kept in an error, in characters. */
const MAX_LENGTH = 400;

/**
 * Folds white space (a provider message may span lines) and bounds the length: a longer message
 * is cut to 397 characters and `...`. Adapters redact credentials before.
 */
export function boundMessage(text: string): string {
  const folded = text.replace(/\s+/g, ' ').trim();
  return folded.length > MAX_LENGTH ? `${folded.slice(0, MAX_LENGTH - 3)}...` : folded;
}
