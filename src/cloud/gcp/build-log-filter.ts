import type { LogSearchRequest } from '../../core/ports/cloud-port.js';

/**
 * Quotes text as a Logging query language string (https://cloud.google.com/logging/docs/view/logging-query-language):
 * wrapped in double quotes with `\` and `"` escaped, line breaks and tabs written `\n`/`\t`, other
 * control characters replaced by spaces. User text therefore always stays one string literal and
 * cannot close it to add operators of its own.
 */
export function quoteLoggingString(text: string): string {
  let escaped = '';
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (char === '\\') escaped += '\\\\';
    else if (char === '"') escaped += '\\"';
    else if (char === '\n') escaped += '\\n';
    else if (char === '\t') escaped += '\\t';
    else if (code < 0x20 || code === 0x7f) escaped += ' ';
    else escaped += char;
  }
  return `"${escaped}"`;
}

/** The severity restriction of a level: errors and worse, or warnings only (as the AWS adapter matches WARN terms). */
function severityTerm(level: LogSearchRequest['level']): string | undefined {
  switch (level) {
    case 'error':
      return 'severity >= ERROR';
    case 'warn':
      return 'severity = WARNING';
    case undefined:
      return undefined;
  }
}

/**
 * The time, level and pattern part of an `entries.list` filter:
 * `timestamp >= "START" AND timestamp < "END"` (RFC 3339, the port's `[start, end)`), then
 * `severity >= ERROR` (or `severity = WARNING`), then the pattern as a case-insensitive substring
 * of the text payload or of a structured payload's `message`:
 * `(textPayload:"…" OR jsonPayload.message:"…")`.
 */
export function buildLogFilter(
  request: Pick<LogSearchRequest, 'start' | 'end' | 'level' | 'pattern'>,
): string {
  const terms = [
    `timestamp >= ${quoteLoggingString(request.start.toISOString())}`,
    `timestamp < ${quoteLoggingString(request.end.toISOString())}`,
  ];
  const severity = severityTerm(request.level);
  if (severity !== undefined) terms.push(severity);
  const pattern = request.pattern?.trim();
  if (pattern !== undefined && pattern !== '') {
    const quoted = quoteLoggingString(pattern);
    terms.push(`(textPayload:${quoted} OR jsonPayload.message:${quoted})`);
  }
  return terms.join(' AND ');
}

/** `(logName = "a" OR logName = "b")` for a set of log names. */
export function buildLogNameTerm(logNames: readonly string[]): string {
  const terms = logNames.map((name) => `logName = ${quoteLoggingString(name)}`);
  return terms.length === 1 ? (terms[0] ?? '') : `(${terms.join(' OR ')})`;
}

/**
 * Splits log names into groups whose `logName` term keeps the whole filter within `maxLength`
 * characters (Logging accepts filters of at most 20,000 characters). A single name longer than the
 * budget still gets its own group.
 */
export function chunkLogNames(
  logNames: readonly string[],
  baseLength: number,
  maxLength = 18_000,
): string[][] {
  const budget = Math.max(1, maxLength - baseLength - ' AND ()'.length);
  const chunks: string[][] = [];
  let current: string[] = [];
  let length = 0;
  for (const name of logNames) {
    const termLength = `logName = ${quoteLoggingString(name)} OR `.length;
    if (current.length > 0 && length + termLength > budget) {
      chunks.push(current);
      current = [];
      length = 0;
    }
    current.push(name);
    length += termLength;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
