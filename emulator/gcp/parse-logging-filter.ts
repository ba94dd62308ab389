import type { JsonObject, JsonValue } from './gcp-json.js';
import { parseRfc3339 } from './gcp-time.js';

/**
 * The Logging query language (https://cloud.google.com/logging/docs/view/logging-query-language),
 * the subset `entries.list` accepts in the emulator:
 *
 * - comparisons `FIELD OP VALUE` with OP one of `=`, `!=`, `<`, `<=`, `>`, `>=`, `:` (has: substring,
 *   `:*` tests presence), `=~` / `!~` (RE2 regular expression, unanchored, case-sensitive);
 * - FIELD is any LogEntry path (`severity`, `timestamp`, `logName`, `resource.type`,
 *   `resource.labels.function_name`, `protoPayload.methodName`, `textPayload`, `jsonPayload.x`,
 *   `labels."key.with.dots"`…); VALUE is a quoted string, a bare word or number, or a parenthesized
 *   value expression `("insert" OR "stop")`;
 * - global restrictions: a bare quoted string or word matches entries where any field contains it;
 * - functions `log_id("cloudaudit.googleapis.com/activity")` and `SEARCH([field,] "text")`;
 * - `AND`, `OR`, `NOT` / leading `-`, parentheses, and juxtaposition or line breaks (implicit `AND`).
 *   As in Logging, `NOT` binds tightest, then `OR`, then `AND`:
 *   `a OR NOT b AND c` means `(a OR (NOT b)) AND c`.
 *
 * String comparisons ignore case (as Logging's do); `severity` compares by rank (DEBUG < INFO <
 * NOTICE < WARNING < ERROR…, names or numbers); `timestamp` compares as instants. Anything else
 * (other functions, `sample`, `ip_in_net`, comparisons of booleans…) raises {@link LoggingFilterError}.
 */

/** Why a filter was refused; the router turns it into 400 INVALID_ARGUMENT. */
export class LoggingFilterError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LoggingFilterError';
  }
}

/** A parsed Logging filter. */
export interface LoggingFilter {
  /** True when the entry (its JSON with enum names) matches. */
  matches(entry: JsonObject): boolean;
  /**
   * False only when no entry sharing the known fields of `prototype` can match: fields under
   * `knownPrefixes` (`logName`, `resource.type`…) are taken from the prototype, all others are unknown.
   */
  mayMatch(prototype: JsonObject, knownPrefixes: readonly string[]): boolean;
  /** True when the filter restricts `timestamp` anywhere. */
  readonly restrictsTimestamp: boolean;
  /** `[from, to)` epoch-ms bounds implied by top-level `AND`ed timestamp restrictions. */
  readonly bounds: { readonly from?: number; readonly to?: number };
}

type Operator = '=' | '!=' | '<' | '<=' | '>' | '>=' | ':' | '=~' | '!~';

type Token =
  | { readonly type: 'lparen' | 'rparen' | 'comma' | 'and' | 'or' | 'not' | 'minus' }
  | { readonly type: 'op'; readonly op: Operator }
  | { readonly type: 'string'; readonly text: string }
  | { readonly type: 'word'; readonly text: string; readonly path: readonly string[] };

type ValueNode =
  | { readonly type: 'value'; readonly text: string; readonly quoted: boolean }
  | { readonly type: 'and' | 'or'; readonly children: readonly ValueNode[] }
  | { readonly type: 'not'; readonly child: ValueNode };

type Node =
  | { readonly type: 'and' | 'or'; readonly children: readonly Node[] }
  | { readonly type: 'not'; readonly child: Node }
  | {
      readonly type: 'compare';
      readonly path: readonly string[];
      readonly dotted: string;
      readonly op: Operator;
      readonly value: ValueNode;
    }
  | { readonly type: 'global'; readonly text: string }
  | { readonly type: 'logId'; readonly id: string }
  | { readonly type: 'search'; readonly path?: readonly string[]; readonly text: string };

const OPERATORS: readonly Operator[] = ['=~', '!~', '<=', '>=', '!=', '=', '<', '>', ':'];

const SEVERITY_RANKS: Readonly<Record<string, number>> = {
  DEFAULT: 0,
  DEBUG: 100,
  INFO: 200,
  NOTICE: 300,
  WARNING: 400,
  ERROR: 500,
  CRITICAL: 600,
  ALERT: 700,
  EMERGENCY: 800,
};

function readQuoted(text: string, start: number): { value: string; end: number } {
  const quote = text[start]!;
  let index = start + 1;
  let value = '';
  while (index < text.length && text[index] !== quote) {
    if (text[index] === '\\' && index + 1 < text.length) {
      const next = text.charAt(index + 1);
      value += next === 'n' ? '\n' : next === 't' ? '\t' : next;
      index += 2;
    } else {
      value += text.charAt(index);
      index++;
    }
  }
  if (index >= text.length)
    throw new LoggingFilterError(`Unterminated string starting at position ${start}.`);
  return { value, end: index + 1 };
}

const WORD_BREAK = /[\s()"',=!<>:~]/;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < text.length) {
    const char = text[index]!;
    if (/\s/.test(char)) {
      index++;
      continue;
    }
    if (char === '(' || char === ')' || char === ',') {
      tokens.push({ type: char === '(' ? 'lparen' : char === ')' ? 'rparen' : 'comma' });
      index++;
      continue;
    }
    const op = OPERATORS.find((candidate) => text.startsWith(candidate, index));
    if (op !== undefined) {
      tokens.push({ type: 'op', op });
      index += op.length;
      continue;
    }
    if (char === '"' || char === "'") {
      const { value, end } = readQuoted(text, index);
      tokens.push({ type: 'string', text: value });
      index = end;
      continue;
    }
    const previous = tokens.at(-1);
    if (char === '-' && previous?.type !== 'op' && index + 1 < text.length && !/\s/.test(text[index + 1]!)) {
      tokens.push({ type: 'minus' });
      index++;
      continue;
    }
    // A word, possibly a field path with quoted segments: labels."compute.googleapis.com/name".
    const path: string[] = [];
    let word = '';
    let segment = '';
    while (index < text.length) {
      const current = text[index]!;
      if ((current === '"' || current === "'") && segment === '' && word.endsWith('.')) {
        const { value, end } = readQuoted(text, index);
        path.push(value);
        word += `"${value}"`;
        index = end;
        continue;
      }
      if (WORD_BREAK.test(current)) break;
      word += current;
      if (current === '.') {
        if (segment !== '') path.push(segment);
        segment = '';
      } else segment += current;
      index++;
    }
    if (segment !== '') path.push(segment);
    if (word === '') throw new LoggingFilterError(`Unexpected character '${char}' at position ${index}.`);
    if (word === 'AND') tokens.push({ type: 'and' });
    else if (word === 'OR') tokens.push({ type: 'or' });
    else if (word === 'NOT') tokens.push({ type: 'not' });
    else tokens.push({ type: 'word', text: word, path });
  }
  return tokens;
}

class Parser {
  private position = 0;
  restrictsTimestamp = false;

  constructor(private readonly tokens: readonly Token[]) {}

  private peek(offset = 0): Token | undefined {
    return this.tokens[this.position + offset];
  }

  private next(): Token | undefined {
    return this.tokens[this.position++];
  }

  parse(): Node {
    const node = this.parseAnd();
    const rest = this.peek();
    if (rest !== undefined)
      throw new LoggingFilterError(
        `Unexpected ${rest.type === 'rparen' ? "')'" : rest.type} at token ${this.position + 1}.`,
      );
    return node;
  }

  /** AND (explicit or implicit) has the lowest precedence. */
  private parseAnd(): Node {
    const children = [this.parseOr()];
    for (;;) {
      const token = this.peek();
      if (token === undefined || token.type === 'rparen') break;
      if (token.type === 'and') this.next();
      children.push(this.parseOr());
    }
    return children.length === 1 ? children[0]! : { type: 'and', children };
  }

  private parseOr(): Node {
    const children = [this.parseNot()];
    while (this.peek()?.type === 'or') {
      this.next();
      children.push(this.parseNot());
    }
    return children.length === 1 ? children[0]! : { type: 'or', children };
  }

  private parseNot(): Node {
    const token = this.peek();
    if (token?.type === 'not' || token?.type === 'minus') {
      this.next();
      return { type: 'not', child: this.parseNot() };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): Node {
    const token = this.next();
    if (token === undefined) throw new LoggingFilterError('Unexpected end of filter.');
    switch (token.type) {
      case 'lparen': {
        const inner = this.parseAnd();
        if (this.next()?.type !== 'rparen') throw new LoggingFilterError('Missing closing parenthesis.');
        return inner;
      }
      case 'string':
        return { type: 'global', text: token.text };
      case 'word': {
        const following = this.peek();
        if (following?.type === 'lparen') return this.parseFunction(token.text);
        if (following?.type !== 'op') return { type: 'global', text: token.text };
        this.next();
        if (token.path.length === 0) throw new LoggingFilterError(`Invalid field '${token.text}'.`);
        if (token.path[0] === 'timestamp') this.restrictsTimestamp = true;
        return {
          type: 'compare',
          path: token.path,
          dotted: token.path.join('.'),
          op: following.op,
          value: this.parseValue(),
        };
      }
      case 'op':
        throw new LoggingFilterError(`Unexpected operator '${token.op}' in filter.`);
      case 'rparen':
      case 'comma':
      case 'and':
      case 'or':
      case 'not':
      case 'minus':
        throw new LoggingFilterError(`Unexpected ${token.type} in filter.`);
    }
  }

  private parseFunction(name: string): Node {
    this.next();
    const args: { text: string; path?: readonly string[] }[] = [];
    while (this.peek()?.type !== 'rparen') {
      const argument = this.next();
      if (argument?.type === 'string') args.push({ text: argument.text });
      else if (argument?.type === 'word') args.push({ text: argument.text, path: argument.path });
      else throw new LoggingFilterError(`Invalid arguments to ${name}().`);
      if (this.peek()?.type === 'comma') this.next();
    }
    this.next();
    if (name === 'log_id' && args.length === 1) return { type: 'logId', id: args[0]!.text };
    if (name === 'SEARCH' && args.length === 1) return { type: 'search', text: args[0]!.text };
    if (name === 'SEARCH' && args.length === 2 && args[0]!.path !== undefined) {
      return { type: 'search', path: args[0]!.path, text: args[1]!.text };
    }
    throw new LoggingFilterError(`Unsupported function ${name}().`);
  }

  private parseValue(): ValueNode {
    const token = this.next();
    if (token?.type === 'string') return { type: 'value', text: token.text, quoted: true };
    if (token?.type === 'word') return { type: 'value', text: token.text, quoted: false };
    if (token?.type === 'lparen') {
      const inner = this.parseValueAnd();
      if (this.next()?.type !== 'rparen')
        throw new LoggingFilterError('Missing closing parenthesis in value.');
      return inner;
    }
    throw new LoggingFilterError('Expected a value after the comparison operator.');
  }

  private parseValueAnd(): ValueNode {
    const children = [this.parseValueOr()];
    while (this.peek()?.type === 'and') {
      this.next();
      children.push(this.parseValueOr());
    }
    return children.length === 1 ? children[0]! : { type: 'and', children };
  }

  private parseValueOr(): ValueNode {
    const children = [this.parseValueNot()];
    while (this.peek()?.type === 'or') {
      this.next();
      children.push(this.parseValueNot());
    }
    return children.length === 1 ? children[0]! : { type: 'or', children };
  }

  private parseValueNot(): ValueNode {
    if (this.peek()?.type === 'not') {
      this.next();
      return { type: 'not', child: this.parseValueNot() };
    }
    return this.parseValue();
  }
}

// ---------------------------------------------------------------------------------------------
// Evaluation

/** Three-valued logic for pruning: `undefined` means "cannot tell". */
type Truth = boolean | undefined;

function leaves(value: JsonValue | undefined): JsonValue[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function resolve(entry: JsonObject, path: readonly string[]): JsonValue[] {
  let current: JsonValue[] = [entry];
  for (const segment of path) {
    const next: JsonValue[] = [];
    for (const value of current) {
      for (const item of leaves(value)) {
        if (
          item !== null &&
          typeof item === 'object' &&
          !Array.isArray(item) &&
          Object.hasOwn(item, segment)
        ) {
          next.push(item[segment]!);
        }
      }
    }
    current = next;
  }
  return current.flatMap(leaves);
}

function textOf(value: JsonValue): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function severityRank(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  return SEVERITY_RANKS[text.toUpperCase()];
}

function compareOrdered(path: readonly string[], actual: string, expected: string): number | undefined {
  if (path.length === 1 && path[0] === 'severity') {
    const left = severityRank(actual);
    const right = severityRank(expected);
    return left === undefined || right === undefined ? undefined : left - right;
  }
  if (path.at(-1) === 'timestamp' || path.at(-1) === 'receiveTimestamp') {
    const left = parseRfc3339(actual);
    const right = parseRfc3339(expected);
    if (left !== undefined && right !== undefined) return left - right;
  }
  const leftNumber = Number(actual);
  const rightNumber = Number(expected);
  if (
    actual.trim() !== '' &&
    expected.trim() !== '' &&
    Number.isFinite(leftNumber) &&
    Number.isFinite(rightNumber)
  ) {
    return leftNumber - rightNumber;
  }
  const left = actual.toLowerCase();
  const right = expected.toLowerCase();
  return left < right ? -1 : left > right ? 1 : 0;
}

function matchScalar(path: readonly string[], op: Operator, actual: string, expected: string): boolean {
  switch (op) {
    case '=':
    case '!=':
      return compareOrdered(path, actual, expected) === 0;
    case ':':
      return actual.toLowerCase().includes(expected.toLowerCase());
    case '=~':
    case '!~':
      return regexOf(expected).test(actual);
    case '<':
      return (compareOrdered(path, actual, expected) ?? 0) < 0;
    case '<=':
      return (compareOrdered(path, actual, expected) ?? 1) <= 0;
    case '>':
      return (compareOrdered(path, actual, expected) ?? 0) > 0;
    case '>=':
      return (compareOrdered(path, actual, expected) ?? -1) >= 0;
  }
}

const regexCache = new Map<string, RegExp>();
function regexOf(pattern: string): RegExp {
  let regex = regexCache.get(pattern);
  if (regex === undefined) {
    try {
      regex = new RegExp(pattern, 'u');
    } catch (error) {
      throw new LoggingFilterError(`Invalid regular expression '${pattern}': ${(error as Error).message}`);
    }
    regexCache.set(pattern, regex);
  }
  return regex;
}

/** Does one value expression hold for the field's values? */
function matchValue(
  path: readonly string[],
  op: Operator,
  value: ValueNode,
  actuals: readonly string[],
): boolean {
  switch (value.type) {
    case 'and':
      return value.children.every((child) => matchValue(path, op, child, actuals));
    case 'or':
      return value.children.some((child) => matchValue(path, op, child, actuals));
    case 'not':
      return !matchValue(path, op, value.child, actuals);
    case 'value':
      if (op === ':' && value.text === '*' && !value.quoted) return actuals.length > 0;
      return actuals.some((actual) => matchScalar(path, op, actual, value.text));
  }
}

function collectText(value: JsonValue, out: string[]): void {
  if (value === null) return;
  if (Array.isArray(value)) for (const item of value) collectText(item, out);
  else if (typeof value === 'object') for (const [, field] of Object.entries(value)) collectText(field, out);
  else out.push(String(value));
}

function containsText(value: JsonValue, text: string): boolean {
  const strings: string[] = [];
  collectText(value, strings);
  const needle = text.toLowerCase();
  return strings.some((item) => item.toLowerCase().includes(needle));
}

/** `cloudaudit.googleapis.com/activity` from `projects/p/logs/cloudaudit.googleapis.com%2Factivity`. */
function logIdOf(logName: string): string | undefined {
  const match = /^(?:projects|organizations|folders|billingAccounts)\/[^/]+\/logs\/(.+)$/.exec(logName);
  if (!match) return undefined;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return match[1];
  }
}

function isKnown(dotted: string, knownPrefixes: readonly string[] | undefined): boolean {
  if (knownPrefixes === undefined) return true;
  for (const prefix of knownPrefixes) {
    if (dotted === prefix || (dotted.startsWith(prefix) && dotted[prefix.length] === '.')) return true;
  }
  return false;
}

function evaluate(node: Node, entry: JsonObject, known?: readonly string[]): Truth {
  switch (node.type) {
    case 'and': {
      let result: Truth = true;
      for (const child of node.children) {
        const value = evaluate(child, entry, known);
        if (value === false) return false;
        if (value === undefined) result = undefined;
      }
      return result;
    }
    case 'or': {
      let result: Truth = false;
      for (const child of node.children) {
        const value = evaluate(child, entry, known);
        if (value === true) return true;
        if (value === undefined) result = undefined;
      }
      return result;
    }
    case 'not': {
      const value = evaluate(node.child, entry, known);
      return value === undefined ? undefined : !value;
    }
    case 'global':
      return known === undefined ? containsText(entry, node.text) : undefined;
    case 'search':
      if (known !== undefined && (node.path === undefined || !isKnown(node.path.join('.'), known)))
        return undefined;
      return node.path === undefined
        ? containsText(entry, node.text)
        : resolve(entry, node.path).some((value) => containsText(value, node.text));
    case 'logId': {
      if (!isKnown('logName', known)) return undefined;
      const logName = entry.logName;
      return typeof logName === 'string' && logIdOf(logName)?.toLowerCase() === node.id.toLowerCase();
    }
    case 'compare': {
      if (!isKnown(node.dotted, known)) return undefined;
      const actuals = resolve(entry, node.path)
        .map(textOf)
        .filter((text): text is string => text !== undefined);
      const matched = matchValue(node.path, node.op, node.value, actuals);
      return node.op === '!=' || node.op === '!~' ? !matched : matched;
    }
  }
}

/** Epoch-ms bounds from top-level AND-ed `timestamp` comparisons. */
function boundsOf(node: Node): { from?: number; to?: number } {
  const conjuncts = node.type === 'and' ? node.children : [node];
  let from: number | undefined;
  let to: number | undefined;
  for (const conjunct of conjuncts) {
    if (conjunct.type !== 'compare' || conjunct.path.length !== 1 || conjunct.path[0] !== 'timestamp')
      continue;
    if (conjunct.value.type !== 'value') continue;
    const time = parseRfc3339(conjunct.value.text);
    if (time === undefined) throw new LoggingFilterError(`Invalid timestamp '${conjunct.value.text}'.`);
    const lower =
      conjunct.op === '>=' || conjunct.op === '=' ? time : conjunct.op === '>' ? time + 1 : undefined;
    const upper =
      conjunct.op === '<' ? time : conjunct.op === '<=' || conjunct.op === '=' ? time + 1 : undefined;
    if (lower !== undefined) from = from === undefined ? lower : Math.max(from, lower);
    if (upper !== undefined) to = to === undefined ? upper : Math.min(to, upper);
  }
  return { ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) };
}

/**
 * Parses a Logging filter; an empty filter matches every entry.
 * @throws LoggingFilterError when the filter leaves the supported subset.
 */
export function parseLoggingFilter(text: string | null | undefined): LoggingFilter {
  if (text === null || text === undefined || text.trim() === '') {
    return { matches: () => true, mayMatch: () => true, restrictsTimestamp: false, bounds: {} };
  }
  const parser = new Parser(tokenize(text));
  const node = parser.parse();
  return {
    matches: (entry) => evaluate(node, entry) === true,
    mayMatch: (prototype, knownPrefixes) => evaluate(node, prototype, knownPrefixes) !== false,
    restrictsTimestamp: parser.restrictsTimestamp,
    bounds: boundsOf(node),
  };
}
