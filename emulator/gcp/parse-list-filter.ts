import type { JsonObject, JsonValue } from './gcp-json.js';
import { parseRfc3339 } from './gcp-time.js';

/**
 * The `filter` parameter of Compute Engine `list`/`aggregatedList` (and Cloud Functions v2 `list`),
 * evaluated against the resource's JSON.
 *
 * Supported subset — two syntaxes that cannot be mixed, as in the real API:
 * - **AIP-160**: `field OP value` with OP one of `=`, `!=`, `<`, `>`, `<=`, `>=`, `:`; values bare,
 *   `"double"` or `'single'` quoted. `*` in a value matches any run of characters (`name = web-*`);
 *   `field:*` tests that the field is set (`labels.owner:*`); `:` otherwise matches a substring.
 *   Restrictions combine with `AND`, `OR` (which binds tighter than `AND`, per AIP-160), `NOT` or a
 *   leading `-`, parentheses, and juxtaposition (implicit `AND`): `(status = RUNNING) (labels.env = prod)`.
 * - **Regular expressions**: `field eq REGEX` / `field ne REGEX` (full match, RE2 syntax as far as
 *   JavaScript shares it), alone and unparenthesized, or several parenthesized ones (implicit `AND`):
 *   `(name eq web-.*) (status ne TERMINATED)`.
 *
 * Field paths are dotted (`labels.env`, `scheduling.automaticRestart`); a path through an array
 * matches when any element matches. Numbers compare numerically, RFC 3339 timestamps as instants,
 * everything else as case-sensitive strings. Bare global restrictions, functions and `OR` inside
 * values are not supported and are rejected.
 */
export type ListFilter = (resource: JsonObject) => boolean;

/** Why a filter was refused; the router turns it into 400 INVALID_ARGUMENT. */
export class FilterSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FilterSyntaxError';
  }
}

/** Options of {@link parseListFilter}. */
export interface ListFilterOptions {
  /** Accept the Compute `eq`/`ne` regular-expression syntax (default true). */
  readonly allowRegex?: boolean;
}

/**
 * Parses a list filter into a predicate; an empty or blank filter matches everything.
 * @throws FilterSyntaxError when the filter is outside the supported subset.
 */
export function parseListFilter(
  text: string | null | undefined,
  options: ListFilterOptions = {},
): ListFilter {
  if (text === null || text === undefined || text.trim() === '') return () => true;
  if ((options.allowRegex ?? true) && REGEX_MODE.test(text)) return parseRegexFilter(text);
  const parser = new Parser(tokenize(text));
  const node = parser.parseExpression();
  parser.expectEnd();
  return (resource) => evaluate(node, resource);
}

// ---------------------------------------------------------------------------------------------
// Regular-expression syntax

const REGEX_MODE = /^\s*\(?\s*[A-Za-z_][\w.]*\s+(?:eq|ne)\s/;

function parseRegexFilter(text: string): ListFilter {
  const trimmed = text.trim();
  const clauses: { path: string; negate: boolean; regex: RegExp }[] = [];
  if (trimmed.startsWith('(')) {
    let rest = trimmed;
    while (rest.length > 0) {
      const match =
        /^\(\s*([A-Za-z_][\w.]*)\s+(eq|ne)\s+((?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[^)])*?)\s*\)\s*/.exec(
          rest,
        );
      if (!match) throw new FilterSyntaxError(`Cannot parse regular-expression clause at '${rest}'.`);
      clauses.push(toRegexClause(match[1]!, match[2]!, match[3]!));
      rest = rest.slice(match[0].length);
    }
  } else {
    const match = /^([A-Za-z_][\w.]*)\s+(eq|ne)\s+(.*)$/s.exec(trimmed);
    if (!match) throw new FilterSyntaxError(`Cannot parse regular-expression filter '${text}'.`);
    clauses.push(toRegexClause(match[1]!, match[2]!, match[3]!));
  }
  return (resource) =>
    clauses.every((clause) => {
      const values = resolvePath(resource, clause.path).map(scalarText);
      const matched = values.some((value) => value !== undefined && clause.regex.test(value));
      return clause.negate ? !matched : matched;
    });
}

function toRegexClause(
  path: string,
  operator: string,
  rawValue: string,
): { path: string; negate: boolean; regex: RegExp } {
  let value = rawValue.trim();
  if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.endsWith(value[0])) {
    value = unescape(value.slice(1, -1));
  }
  if (value === '') throw new FilterSyntaxError(`Missing regular expression for '${path}'.`);
  try {
    return { path, negate: operator === 'ne', regex: new RegExp(`^(?:${value})$`, 'u') };
  } catch (error) {
    throw new FilterSyntaxError(`Invalid regular expression '${value}': ${(error as Error).message}`);
  }
}

// ---------------------------------------------------------------------------------------------
// AIP-160 syntax

type Operator = '=' | '!=' | '<' | '>' | '<=' | '>=' | ':';

type Token =
  | { readonly type: 'lparen' | 'rparen' | 'and' | 'or' | 'not' | 'minus' }
  | { readonly type: 'op'; readonly op: Operator }
  | { readonly type: 'text'; readonly text: string; readonly quoted: boolean };

type FilterNode =
  | { readonly type: 'and' | 'or'; readonly children: readonly FilterNode[] }
  | { readonly type: 'not'; readonly child: FilterNode }
  | {
      readonly type: 'compare';
      readonly path: string;
      readonly op: Operator;
      readonly value: string;
      readonly quoted: boolean;
    };

const OPERATORS: readonly Operator[] = ['<=', '>=', '!=', '=', '<', '>', ':'];

function unescape(text: string): string {
  return text.replace(/\\(.)/g, '$1');
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < text.length) {
    const char = text[index]!;
    if (/\s/.test(char)) {
      index++;
      continue;
    }
    if (char === '(' || char === ')') {
      tokens.push({ type: char === '(' ? 'lparen' : 'rparen' });
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
      let end = index + 1;
      while (end < text.length && text[end] !== char) end += text[end] === '\\' ? 2 : 1;
      if (end >= text.length)
        throw new FilterSyntaxError(`Unterminated string starting at position ${index}.`);
      tokens.push({ type: 'text', text: unescape(text.slice(index + 1, end)), quoted: true });
      index = end + 1;
      continue;
    }
    const previous = tokens.at(-1);
    const startsTerm = previous === undefined || previous.type !== 'op';
    if (char === '-' && startsTerm && index + 1 < text.length && !/\s/.test(text[index + 1]!)) {
      tokens.push({ type: 'minus' });
      index++;
      continue;
    }
    let end = index;
    while (end < text.length && !/[\s()"'=<>!:]/.test(text[end]!)) end++;
    if (end === index) throw new FilterSyntaxError(`Unexpected character '${char}' at position ${index}.`);
    const word = text.slice(index, end);
    if (word === 'AND') tokens.push({ type: 'and' });
    else if (word === 'OR') tokens.push({ type: 'or' });
    else if (word === 'NOT') tokens.push({ type: 'not' });
    else tokens.push({ type: 'text', text: word, quoted: false });
    index = end;
  }
  return tokens;
}

class Parser {
  private position = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  private peek(): Token | undefined {
    return this.tokens[this.position];
  }

  private next(): Token | undefined {
    return this.tokens[this.position++];
  }

  expectEnd(): void {
    const token = this.peek();
    if (token !== undefined)
      throw new FilterSyntaxError(`Unexpected ${describe(token)} at token ${this.position + 1}.`);
  }

  /** expression := factor { [AND] factor } — juxtaposition is an implicit AND. */
  parseExpression(): FilterNode {
    const children: FilterNode[] = [this.parseFactor()];
    for (;;) {
      const token = this.peek();
      if (token === undefined || token.type === 'rparen') break;
      if (token.type === 'and') this.next();
      children.push(this.parseFactor());
    }
    return children.length === 1 ? children[0]! : { type: 'and', children };
  }

  /** factor := term { OR term } — OR binds tighter than AND (AIP-160). */
  private parseFactor(): FilterNode {
    const children: FilterNode[] = [this.parseTerm()];
    while (this.peek()?.type === 'or') {
      this.next();
      children.push(this.parseTerm());
    }
    return children.length === 1 ? children[0]! : { type: 'or', children };
  }

  private parseTerm(): FilterNode {
    const token = this.peek();
    if (token?.type === 'not' || token?.type === 'minus') {
      this.next();
      return { type: 'not', child: this.parseTerm() };
    }
    return this.parseSimple();
  }

  private parseSimple(): FilterNode {
    const token = this.next();
    if (token === undefined) throw new FilterSyntaxError('Unexpected end of filter.');
    if (token.type === 'lparen') {
      const inner = this.parseExpression();
      const close = this.next();
      if (close?.type !== 'rparen') throw new FilterSyntaxError('Missing closing parenthesis.');
      return inner;
    }
    if (token.type !== 'text' || token.quoted) {
      throw new FilterSyntaxError(`Expected a field name, found ${describe(token)}.`);
    }
    const op = this.next();
    if (op?.type !== 'op') {
      throw new FilterSyntaxError(
        `Expected a comparison operator after '${token.text}' (global restrictions are not supported).`,
      );
    }
    const value = this.next();
    if (value?.type !== 'text')
      throw new FilterSyntaxError(`Expected a value after '${token.text} ${op.op}'.`);
    return { type: 'compare', path: token.text, op: op.op, value: value.text, quoted: value.quoted };
  }
}

function describe(token: Token): string {
  switch (token.type) {
    case 'text':
      return `'${token.text}'`;
    case 'op':
      return `operator '${token.op}'`;
    case 'lparen':
      return "'('";
    case 'rparen':
      return "')'";
    case 'and':
    case 'or':
    case 'not':
      return token.type.toUpperCase();
    case 'minus':
      return "'-'";
  }
}

// ---------------------------------------------------------------------------------------------
// Evaluation

/** Leaf values at a dotted path; arrays on the way fan out. */
function resolvePath(resource: JsonValue, path: string): JsonValue[] {
  let current: JsonValue[] = [resource];
  for (const segment of path.split('.')) {
    const next: JsonValue[] = [];
    for (const value of current) {
      if (Array.isArray(value)) {
        for (const item of value) {
          if (
            item !== null &&
            typeof item === 'object' &&
            !Array.isArray(item) &&
            Object.hasOwn(item, segment)
          ) {
            next.push(item[segment]!);
          }
        }
      } else if (value !== null && typeof value === 'object' && Object.hasOwn(value, segment)) {
        next.push(value[segment]!);
      }
    }
    current = next;
  }
  return current.flatMap((value) => (Array.isArray(value) ? value : [value]));
}

function scalarText(value: JsonValue): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function globToRegex(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`, 's');
}

function compareValues(left: string, right: string): number {
  const leftNumber = Number(left);
  const rightNumber = Number(right);
  if (
    left.trim() !== '' &&
    right.trim() !== '' &&
    Number.isFinite(leftNumber) &&
    Number.isFinite(rightNumber)
  ) {
    return leftNumber - rightNumber;
  }
  const leftTime = parseRfc3339(left);
  const rightTime = parseRfc3339(right);
  if (leftTime !== undefined && rightTime !== undefined) return leftTime - rightTime;
  return left < right ? -1 : left > right ? 1 : 0;
}

function equals(actual: string, expected: string): boolean {
  if (expected.includes('*')) return globToRegex(expected).test(actual);
  return actual === expected || compareValues(actual, expected) === 0;
}

function evaluate(node: FilterNode, resource: JsonObject): boolean {
  switch (node.type) {
    case 'and':
      return node.children.every((child) => evaluate(child, resource));
    case 'or':
      return node.children.some((child) => evaluate(child, resource));
    case 'not':
      return !evaluate(node.child, resource);
    case 'compare': {
      const values = resolvePath(resource, node.path)
        .map(scalarText)
        .filter((value): value is string => value !== undefined);
      switch (node.op) {
        case '=':
          return values.some((value) => equals(value, node.value));
        case '!=':
          return !values.some((value) => equals(value, node.value));
        case ':':
          if (node.value === '*' && !node.quoted) return values.length > 0;
          return values.some((value) =>
            node.value.includes('*') ? equals(value, node.value) : value.includes(node.value),
          );
        case '<':
          return values.some((value) => compareValues(value, node.value) < 0);
        case '<=':
          return values.some((value) => compareValues(value, node.value) <= 0);
        case '>':
          return values.some((value) => compareValues(value, node.value) > 0);
        case '>=':
          return values.some((value) => compareValues(value, node.value) >= 0);
      }
    }
  }
}
