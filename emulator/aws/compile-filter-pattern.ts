/**
 * CloudWatch Logs filter patterns
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html), the
 * parts an SRE uses:
 * - terms: `ERROR timeout` — every term must occur (case-sensitive substring match);
 * - quoted phrases: `"Internal Server Error"` — the exact phrase must occur;
 * - optional terms: `?ERROR ?WARN` — at least one of them must occur;
 * - exclusions: `ERROR -Exiting` or `-"health check"` — the term must not occur;
 * - regular expressions: `%ERROR|WARN%` — the expression must match somewhere;
 * - JSON patterns: `{ $.level = "ERROR" && $.latency > 500 }` — on events whose message is JSON
 *   (`=`, `!=`, `<`, `<=`, `>`, `>=`, `*` wildcards in strings, `IS TRUE|FALSE|NULL`, `NOT EXISTS`,
 *   `&&`, `||`, parentheses);
 * - space-delimited patterns: `[ip, user, ..., status = 5*, size > 1000]`.
 * An empty pattern (or `""`) matches every event.
 */

/** A filter pattern the emulator cannot parse; the service answers `InvalidParameterException`. */
export class FilterPatternError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FilterPatternError';
  }
}

/** Compiles a filter pattern into a predicate over event messages. */
export function compileFilterPattern(pattern: string | undefined): (message: string) => boolean {
  const text = (pattern ?? '').trim();
  if (text === '' || text === '""') return () => true;
  if (text.startsWith('{')) return compileJsonPattern(text);
  if (text.startsWith('[')) return compileDelimitedPattern(text);
  return compileTermPattern(text);
}

// ---------------------------------------------------------------------------------------------
// Terms, phrases, ?optional, -excluded, %regex%

interface Term {
  readonly kind: 'required' | 'optional' | 'excluded';
  readonly test: (message: string) => boolean;
}

function compileTermPattern(text: string): (message: string) => boolean {
  const terms: Term[] = [];
  let position = 0;
  while (position < text.length) {
    while (position < text.length && /\s/.test(text[position]!)) position++;
    if (position >= text.length) break;
    let kind: Term['kind'] = 'required';
    if (text[position] === '?') {
      kind = 'optional';
      position++;
    } else if (text[position] === '-' && position + 1 < text.length && !/\s/.test(text[position + 1]!)) {
      kind = 'excluded';
      position++;
    }
    const start = text[position];
    if (start === '"') {
      const end = text.indexOf('"', position + 1);
      if (end < 0) throw new FilterPatternError('Invalid filter pattern: unterminated quoted term.');
      const phrase = text.slice(position + 1, end);
      terms.push({ kind, test: (message) => message.includes(phrase) });
      position = end + 1;
    } else if (start === '%') {
      const end = text.indexOf('%', position + 1);
      if (end < 0) throw new FilterPatternError('Invalid filter pattern: unterminated regular expression.');
      let regex: RegExp;
      try {
        regex = new RegExp(text.slice(position + 1, end));
      } catch {
        throw new FilterPatternError('Invalid filter pattern: invalid regular expression.');
      }
      terms.push({ kind, test: (message) => regex.test(message) });
      position = end + 1;
    } else {
      let end = position;
      while (end < text.length && !/\s/.test(text[end]!)) end++;
      const word = text.slice(position, end);
      terms.push({ kind, test: (message) => message.includes(word) });
      position = end;
    }
  }
  const required = terms.filter((term) => term.kind === 'required');
  const optional = terms.filter((term) => term.kind === 'optional');
  const excluded = terms.filter((term) => term.kind === 'excluded');
  return (message) =>
    required.every((term) => term.test(message)) &&
    (optional.length === 0 || optional.some((term) => term.test(message))) &&
    !excluded.some((term) => term.test(message));
}

// ---------------------------------------------------------------------------------------------
// Comparisons shared by JSON and space-delimited patterns

type Operator = '=' | '!=' | '<' | '<=' | '>' | '>=';

function wildcardRegex(value: string): RegExp {
  const source = value
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\/]/g, '\\$&'))
    .join('[\\s\\S]*');
  return new RegExp(`^${source}$`);
}

/** Compares a field value with a pattern literal (`"text"` with `*` wildcards, or a number). */
function compileComparison(operator: Operator, literal: string): (value: unknown) => boolean {
  const quoted = literal.startsWith('"') && literal.endsWith('"') && literal.length >= 2;
  const raw = quoted ? literal.slice(1, -1) : literal;
  const number = Number(raw);
  if (!quoted && raw !== '' && Number.isFinite(number)) {
    return (value) => {
      const actual =
        typeof value === 'number'
          ? value
          : typeof value === 'string' && value.trim() !== ''
            ? Number(value)
            : Number.NaN;
      if (!Number.isFinite(actual)) return operator === '!=';
      switch (operator) {
        case '=':
          return actual === number;
        case '!=':
          return actual !== number;
        case '<':
          return actual < number;
        case '<=':
          return actual <= number;
        case '>':
          return actual > number;
        case '>=':
          return actual >= number;
      }
    };
  }
  if (operator !== '=' && operator !== '!=')
    throw new FilterPatternError(`Invalid filter pattern: ${operator} needs a number.`);
  const regex = raw.includes('*') ? wildcardRegex(raw) : undefined;
  const equals = (value: unknown): boolean => {
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return false;
    const text = String(value);
    return regex === undefined ? text === raw : regex.test(text);
  };
  return operator === '=' ? equals : (value) => value !== undefined && !equals(value);
}

// ---------------------------------------------------------------------------------------------
// JSON patterns

type JsonPredicate = (event: unknown) => boolean;

function selectPath(event: unknown, path: readonly (string | number)[]): unknown {
  let node = event;
  for (const step of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string | number, unknown>)[step];
  }
  return node;
}

function parseSelector(selector: string): (string | number)[] {
  if (!selector.startsWith('$'))
    throw new FilterPatternError(`Invalid filter pattern: selector ${selector} must start with $.`);
  const path: (string | number)[] = [];
  const steps = /\.([A-Za-z0-9_\-@]+)|\[(\d+)\]|\.\*|\[\*\]/g;
  let match: RegExpExecArray | null;
  let consumed = 1;
  while ((match = steps.exec(selector)) !== null) {
    if (match.index !== consumed) break;
    consumed = match.index + match[0].length;
    if (match[1] !== undefined) path.push(match[1]);
    else if (match[2] !== undefined) path.push(Number(match[2]));
  }
  if (consumed !== selector.length)
    throw new FilterPatternError(`Invalid filter pattern: bad selector ${selector}.`);
  return path;
}

function compileJsonPattern(text: string): (message: string) => boolean {
  if (!text.endsWith('}')) throw new FilterPatternError('Invalid filter pattern: missing }.');
  const tokens = tokenizeJsonPattern(text.slice(1, -1));
  let position = 0;
  const peek = (): string | undefined => tokens[position];
  const next = (): string => {
    const token = tokens[position++];
    if (token === undefined) throw new FilterPatternError('Invalid filter pattern: unexpected end.');
    return token;
  };
  const parseOr = (): JsonPredicate => {
    let left = parseAnd();
    while (peek() === '||') {
      next();
      const right = parseAnd();
      const previous = left;
      left = (event) => previous(event) || right(event);
    }
    return left;
  };
  const parseAnd = (): JsonPredicate => {
    let left = parseUnit();
    while (peek() === '&&') {
      next();
      const right = parseUnit();
      const previous = left;
      left = (event) => previous(event) && right(event);
    }
    return left;
  };
  const parseUnit = (): JsonPredicate => {
    if (peek() === '(') {
      next();
      const inner = parseOr();
      if (next() !== ')') throw new FilterPatternError('Invalid filter pattern: missing ).');
      return inner;
    }
    const path = parseSelector(next());
    const operator = next();
    if (operator.toUpperCase() === 'IS') {
      const value = next().toUpperCase();
      if (value === 'TRUE') return (event) => selectPath(event, path) === true;
      if (value === 'FALSE') return (event) => selectPath(event, path) === false;
      if (value === 'NULL') return (event) => selectPath(event, path) === null;
      throw new FilterPatternError(`Invalid filter pattern: IS ${value}.`);
    }
    if (operator.toUpperCase() === 'NOT') {
      if (next().toUpperCase() !== 'EXISTS')
        throw new FilterPatternError('Invalid filter pattern: NOT must be followed by EXISTS.');
      return (event) => selectPath(event, path) === undefined;
    }
    if (!['=', '!=', '<', '<=', '>', '>='].includes(operator)) {
      throw new FilterPatternError(`Invalid filter pattern: unknown operator ${operator}.`);
    }
    const compare = compileComparison(operator as Operator, next());
    return (event) => compare(selectPath(event, path));
  };
  const predicate = parseOr();
  if (position !== tokens.length)
    throw new FilterPatternError('Invalid filter pattern: unexpected trailing input.');
  return (message) => {
    const trimmed = message.trimStart();
    if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return false;
    let event: unknown;
    try {
      event = JSON.parse(trimmed);
    } catch {
      return false;
    }
    return predicate(event);
  };
}

function tokenizeJsonPattern(text: string): string[] {
  const tokens: string[] = [];
  const pattern = /\s*("(?:[^"\\]|\\.)*"|&&|\|\||!=|<=|>=|[=<>()]|[^\s=<>!()&|"]+)/y;
  let position = 0;
  while (position < text.length && text.slice(position).trim() !== '') {
    pattern.lastIndex = position;
    const match = pattern.exec(text);
    if (match === null) throw new FilterPatternError('Invalid filter pattern: unexpected characters.');
    tokens.push(match[1]!);
    position = pattern.lastIndex;
  }
  return tokens;
}

// ---------------------------------------------------------------------------------------------
// Space-delimited patterns

interface DelimitedField {
  readonly ellipsis: boolean;
  readonly test: (value: string) => boolean;
}

/** Splits a log line into fields: runs of non-blanks, "quoted" and [bracketed] groups stay whole. */
function splitFields(message: string): string[] {
  const fields: string[] = [];
  const pattern = /"[^"]*"|\[[^\]]*\]|\S+/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(message)) !== null) {
    const field = match[0];
    fields.push(
      (field.startsWith('"') && field.endsWith('"')) || (field.startsWith('[') && field.endsWith(']'))
        ? field.slice(1, -1)
        : field,
    );
  }
  return fields;
}

function compileDelimitedPattern(text: string): (message: string) => boolean {
  if (!text.endsWith(']')) throw new FilterPatternError('Invalid filter pattern: missing ].');
  const fields: DelimitedField[] = text
    .slice(1, -1)
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((part) => {
      if (part === '...') return { ellipsis: true, test: () => true };
      const alternatives = part.split('||').map((alternative) => {
        const match = /^[A-Za-z0-9_-]*\s*(!=|<=|>=|=|<|>)\s*(.+)$/.exec(alternative.trim());
        if (match === null) return () => true;
        const compare = compileComparison(match[1] as Operator, match[2]!.trim());
        return (value: string) => compare(value);
      });
      return {
        ellipsis: false,
        test: (value: string) => alternatives.some((alternative) => alternative(value)),
      };
    });
  const ellipsisAt = fields.findIndex((field) => field.ellipsis);
  return (message) => {
    const values = splitFields(message);
    if (ellipsisAt < 0)
      return values.length === fields.length && fields.every((field, index) => field.test(values[index]!));
    const before = fields.slice(0, ellipsisAt);
    const after = fields.slice(ellipsisAt + 1);
    if (values.length < before.length + after.length) return false;
    const tail = values.slice(values.length - after.length);
    return (
      before.every((field, index) => field.test(values[index]!)) &&
      after.every((field, index) => field.test(tail[index]!))
    );
  };
}
