import {
  KqlError,
  type KqlAggregate,
  type KqlCompareOperator,
  type KqlExpression,
  type KqlGroupKey,
  type KqlLiteral,
  type KqlOperator,
  type KqlQuery,
  type KqlSortKey,
} from './kql-syntax.js';
import { parseTimestamp } from './parse-iso-duration.js';

type TokenKind = 'ident' | 'string' | 'number' | 'timespan' | 'datetime' | 'symbol' | 'eof';

interface Token {
  readonly kind: TokenKind;
  /** Source text of the token. */
  readonly text: string;
  /** Decoded value: string contents, number, milliseconds. */
  readonly value?: string | number;
  readonly line: number;
  readonly pos: number;
}

const TIMESPAN_UNITS: Readonly<Record<string, number>> = {
  d: 86_400_000,
  day: 86_400_000,
  days: 86_400_000,
  h: 3_600_000,
  hr: 3_600_000,
  hrs: 3_600_000,
  hour: 3_600_000,
  hours: 3_600_000,
  m: 60_000,
  min: 60_000,
  minute: 60_000,
  minutes: 60_000,
  s: 1000,
  sec: 1000,
  second: 1000,
  seconds: 1000,
  ms: 1,
  milli: 1,
  millis: 1,
  millisecond: 1,
  milliseconds: 1,
};

const SYMBOLS = ['..', '==', '!=', '=~', '!~', '>=', '<=', '|', '(', ')', ',', '>', '<', '=', '!'] as const;
/** Functions whose argument is raw text (`datetime(2026-11-19T10:00:00Z)`, `timespan(1h)`). */
const RAW_ARGUMENT_FUNCTIONS = new Set(['datetime', 'todatetime', 'timespan', 'time']);
const NEGATABLE = new Set([
  'has',
  'has_cs',
  'contains',
  'contains_cs',
  'startswith',
  'startswith_cs',
  'endswith',
  'endswith_cs',
  'in',
  'between',
]);
const STRING_OPERATORS = new Set([
  'has',
  'has_cs',
  'contains',
  'contains_cs',
  'startswith',
  'startswith_cs',
  'endswith',
  'endswith_cs',
]);

function syntaxError(token: Token): KqlError {
  const text = token.kind === 'eof' ? '<EOF>' : token.text;
  return new KqlError(
    'SyntaxError',
    `Query could not be parsed at '${text}' on line [${token.line},${token.pos}]`,
    {
      token: text,
      line: token.line,
      pos: token.pos,
    },
  );
}

function parseTimespanText(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)([a-z]+)$/i.exec(text.trim());
  if (!match) return undefined;
  const unit = TIMESPAN_UNITS[match[2]!.toLowerCase()];
  return unit === undefined ? undefined : Math.round(Number(match[1]) * unit);
}

/** Splits a query into tokens; raw-argument functions keep their argument as one `datetime`/`timespan` token. */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  let line = 1;
  let lineStart = 0;
  const at = (offset = 0): string => text.charAt(index + offset);
  const push = (
    kind: TokenKind,
    start: number,
    startLine: number,
    startPos: number,
    value?: string | number,
  ): void => {
    tokens.push({
      kind,
      text: text.slice(start, index),
      line: startLine,
      pos: startPos,
      ...(value === undefined ? {} : { value }),
    });
  };
  while (index < text.length) {
    const char = at();
    if (char === '\n') {
      index++;
      line++;
      lineStart = index;
      continue;
    }
    if (/\s/.test(char)) {
      index++;
      continue;
    }
    if (char === '/' && at(1) === '/') {
      while (index < text.length && at() !== '\n') index++;
      continue;
    }
    const start = index;
    const startLine = line;
    const startPos = index - lineStart;
    if (char === '"' || char === "'" || (char === '@' && (at(1) === '"' || at(1) === "'"))) {
      const verbatim = char === '@';
      if (verbatim) index++;
      const quote = at();
      index++;
      let value = '';
      let closed = false;
      while (index < text.length) {
        const current = at();
        if (current === '\n') break;
        if (!verbatim && current === '\\') {
          const next = at(1);
          value += next === 'n' ? '\n' : next === 't' ? '\t' : next === 'r' ? '\r' : next;
          index += 2;
          continue;
        }
        if (current === quote) {
          if (verbatim && at(1) === quote) {
            value += quote;
            index += 2;
            continue;
          }
          index++;
          closed = true;
          break;
        }
        value += current;
        index++;
      }
      if (!closed) {
        push('symbol', start, startLine, startPos);
        throw syntaxError(tokens[tokens.length - 1]!);
      }
      push('string', start, startLine, startPos, value);
      continue;
    }
    if (/[0-9]/.test(char) || (char === '-' && /[0-9]/.test(at(1)) && isValueStart(tokens))) {
      index++;
      while (/[0-9.]/.test(at()) && !(at() === '.' && at(1) === '.')) index++;
      const numberEnd = index;
      while (/[a-z]/i.test(at())) index++;
      if (index > numberEnd) {
        const ms = parseTimespanText(text.slice(start, index).replace(/^-/, ''));
        if (ms === undefined) {
          push('symbol', start, startLine, startPos);
          throw syntaxError(tokens[tokens.length - 1]!);
        }
        push('timespan', start, startLine, startPos, text.startsWith('-', start) ? -ms : ms);
      } else {
        const value = Number(text.slice(start, index));
        if (!Number.isFinite(value)) {
          push('symbol', start, startLine, startPos);
          throw syntaxError(tokens[tokens.length - 1]!);
        }
        push('number', start, startLine, startPos, value);
      }
      continue;
    }
    if (/[A-Za-z_$]/.test(char)) {
      while (/[A-Za-z0-9_]/.test(at())) index++;
      // project-away, project-rename…: one (unsupported) operator name.
      while (
        at() === '-' &&
        /[a-z]/.test(at(1)) &&
        /^[a-z]+$/.test(text.slice(start, index).split('-')[0] ?? '')
      ) {
        index++;
        while (/[a-z]/.test(at())) index++;
      }
      const word = text.slice(start, index);
      if (word === 'in' && at() === '~') index++;
      let probe = index;
      while (/[ \t]/.test(text.charAt(probe))) probe++;
      if (RAW_ARGUMENT_FUNCTIONS.has(word) && text.charAt(probe) === '(') {
        const close = text.indexOf(')', probe);
        if (close < 0) {
          push('ident', start, startLine, startPos);
          throw syntaxError(tokens[tokens.length - 1]!);
        }
        index = close + 1;
        const argument = text
          .slice(probe + 1, close)
          .trim()
          .replace(/^(['"])(.*)\1$/, '$2');
        if (word === 'timespan' || word === 'time') {
          const ms = parseTimespanText(argument);
          if (ms === undefined) {
            push('symbol', start, startLine, startPos);
            throw syntaxError(tokens[tokens.length - 1]!);
          }
          push('timespan', start, startLine, startPos, ms);
        } else {
          const ms = parseTimestamp(argument);
          if (ms === undefined) {
            push('symbol', start, startLine, startPos);
            throw syntaxError(tokens[tokens.length - 1]!);
          }
          push('datetime', start, startLine, startPos, ms);
        }
        continue;
      }
      push('ident', start, startLine, startPos, text.slice(start, index));
      continue;
    }
    if (char === '!' && /[a-z]/.test(at(1))) {
      index++;
      while (/[A-Za-z0-9_]/.test(at())) index++;
      const word = text.slice(start + 1, index);
      if (word === 'in' && at() === '~') index++;
      if (!NEGATABLE.has(word)) {
        push('symbol', start, startLine, startPos);
        throw syntaxError(tokens[tokens.length - 1]!);
      }
      push('ident', start, startLine, startPos, text.slice(start, index));
      continue;
    }
    const symbol = SYMBOLS.find((candidate) => text.startsWith(candidate, index));
    index += symbol === undefined ? 1 : symbol.length;
    push('symbol', start, startLine, startPos);
    if (symbol === undefined || symbol === '!') throw syntaxError(tokens[tokens.length - 1]!);
  }
  tokens.push({ kind: 'eof', text: '', line, pos: index - lineStart });
  return tokens;
}

/** A `-` starts a negative number only where a value may begin. */
function isValueStart(tokens: readonly Token[]): boolean {
  const previous = tokens[tokens.length - 1];
  return (
    previous === undefined ||
    previous.kind === 'symbol' ||
    (previous.kind === 'ident' && /^(?:!?[a-z_]+~?)$/.test(previous.text))
  );
}

/** Options of {@link parseKql}. */
export interface ParseKqlOptions {
  /** "Now" for `ago()` and `now()`, epoch milliseconds. */
  readonly nowMs: number;
}

class Parser {
  private index = 0;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly nowMs: number,
  ) {}

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)]!;
  }

  private next(): Token {
    const token = this.peek();
    if (token.kind !== 'eof') this.index++;
    return token;
  }

  private isSymbol(text: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token.kind === 'symbol' && token.text === text;
  }

  private isWord(word: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token.kind === 'ident' && token.text === word;
  }

  private expectSymbol(text: string): void {
    if (!this.isSymbol(text)) throw syntaxError(this.peek());
    this.next();
  }

  private expectWord(word: string): void {
    if (!this.isWord(word)) throw syntaxError(this.peek());
    this.next();
  }

  private identifier(): string {
    const token = this.peek();
    if (token.kind !== 'ident' || token.text.startsWith('!')) throw syntaxError(token);
    this.next();
    return token.text;
  }

  private count(): number {
    const token = this.peek();
    if (token.kind !== 'number' || !Number.isInteger(token.value) || (token.value as number) < 0)
      throw syntaxError(token);
    this.next();
    return token.value as number;
  }

  query(): KqlQuery {
    const table = this.identifier();
    const operators: KqlOperator[] = [];
    while (this.isSymbol('|')) {
      this.next();
      operators.push(this.operator());
    }
    if (this.peek().kind !== 'eof') throw syntaxError(this.peek());
    return { table, operators };
  }

  private operator(): KqlOperator {
    const token = this.peek();
    if (token.kind !== 'ident') throw syntaxError(token);
    switch (token.text) {
      case 'where':
      case 'filter':
        this.next();
        return { kind: 'where', predicate: this.expression() };
      case 'project': {
        this.next();
        const columns: { name: string; source: string }[] = [];
        do {
          if (columns.length > 0) this.next();
          const name = this.identifier();
          if (this.isSymbol('=')) {
            this.next();
            columns.push({ name, source: this.identifier() });
          } else columns.push({ name, source: name });
        } while (this.isSymbol(','));
        return { kind: 'project', columns };
      }
      case 'order':
      case 'sort': {
        this.next();
        this.expectWord('by');
        const keys: KqlSortKey[] = [this.sortKey()];
        while (this.isSymbol(',')) {
          this.next();
          keys.push(this.sortKey());
        }
        return { kind: 'sort', keys };
      }
      case 'take':
      case 'limit':
        this.next();
        return { kind: 'take', count: this.count() };
      case 'top': {
        this.next();
        const count = this.count();
        this.expectWord('by');
        return { kind: 'top', count, key: this.sortKey() };
      }
      case 'summarize':
        this.next();
        return this.summarize();
      case 'count':
        this.next();
        return { kind: 'count' };
      default:
        throw syntaxError(token);
    }
  }

  private sortKey(): KqlSortKey {
    const column = this.identifier();
    let direction: 'asc' | 'desc' = 'desc';
    if (this.isWord('asc') || this.isWord('desc')) direction = this.next().text as 'asc' | 'desc';
    if (this.isWord('nulls')) {
      this.next();
      if (!this.isWord('first') && !this.isWord('last')) throw syntaxError(this.peek());
      this.next();
    }
    return { column, direction };
  }

  private summarize(): KqlOperator {
    const aggregates: KqlAggregate[] = [];
    const by: KqlGroupKey[] = [];
    if (!this.isWord('by')) {
      do {
        if (aggregates.length > 0) this.next();
        aggregates.push(this.aggregate());
      } while (this.isSymbol(','));
    }
    if (this.isWord('by')) {
      this.next();
      do {
        if (by.length > 0) this.next();
        by.push(this.groupKey());
      } while (this.isSymbol(','));
    }
    if (aggregates.length === 0 && by.length === 0) throw syntaxError(this.peek());
    return { kind: 'summarize', aggregates, by };
  }

  private aggregate(): KqlAggregate {
    let name: string | undefined;
    if (this.peek().kind === 'ident' && this.isSymbol('=', 1)) {
      name = this.identifier();
      this.next();
    }
    const fn = this.peek();
    if (fn.kind !== 'ident' || !this.isSymbol('(', 1)) throw syntaxError(fn);
    this.next();
    this.next();
    switch (fn.text) {
      case 'count':
        this.expectSymbol(')');
        return { kind: 'count', name: name ?? 'count_' };
      case 'countif': {
        const predicate = this.expression();
        this.expectSymbol(')');
        return { kind: 'countif', name: name ?? 'countif_', predicate };
      }
      case 'dcount':
      case 'min':
      case 'max': {
        const column = this.identifier();
        this.expectSymbol(')');
        return { kind: fn.text, name: name ?? `${fn.text}_${column}`, column };
      }
      default:
        throw syntaxError(fn);
    }
  }

  private groupKey(): KqlGroupKey {
    let name: string | undefined;
    if (this.peek().kind === 'ident' && this.isSymbol('=', 1)) {
      name = this.identifier();
      this.next();
    }
    if (this.isWord('bin') && this.isSymbol('(', 1)) {
      this.next();
      this.next();
      const column = this.identifier();
      this.expectSymbol(',');
      const size = this.next();
      if ((size.kind !== 'timespan' && size.kind !== 'number') || !((size.value as number) > 0))
        throw syntaxError(size);
      this.expectSymbol(')');
      return { name: name ?? column, column, bin: size.value as number };
    }
    const column = this.identifier();
    return { name: name ?? column, column };
  }

  private expression(): KqlExpression {
    let left = this.conjunction();
    while (this.isWord('or')) {
      this.next();
      left = { kind: 'or', left, right: this.conjunction() };
    }
    return left;
  }

  private conjunction(): KqlExpression {
    let left = this.unary();
    while (this.isWord('and')) {
      this.next();
      left = { kind: 'and', left, right: this.unary() };
    }
    return left;
  }

  private unary(): KqlExpression {
    if (this.isWord('not') && this.isSymbol('(', 1)) {
      this.next();
      this.next();
      const operand = this.expression();
      this.expectSymbol(')');
      return { kind: 'not', operand };
    }
    if (this.isSymbol('(')) {
      this.next();
      const inner = this.expression();
      this.expectSymbol(')');
      return inner;
    }
    if ((this.isWord('isempty') || this.isWord('isnotempty')) && this.isSymbol('(', 1)) {
      const empty = this.next().text === 'isempty';
      this.next();
      const column = this.identifier();
      this.expectSymbol(')');
      return { kind: 'emptiness', column, empty };
    }
    return this.predicate();
  }

  private predicate(): KqlExpression {
    const column = this.identifier();
    const operator = this.peek();
    if (
      operator.kind === 'symbol' &&
      ['==', '!=', '=~', '!~', '<', '<=', '>', '>='].includes(operator.text)
    ) {
      this.next();
      return {
        kind: 'compare',
        column,
        operator: operator.text as KqlCompareOperator,
        value: this.literal(),
      };
    }
    if (operator.kind !== 'ident') throw syntaxError(operator);
    const negated = operator.text.startsWith('!');
    const word = negated ? operator.text.slice(1) : operator.text;
    if (STRING_OPERATORS.has(word)) {
      this.next();
      return {
        kind: 'compare',
        column,
        operator: operator.text as KqlCompareOperator,
        value: this.literal(),
      };
    }
    if (word === 'in' || word === 'in~') {
      this.next();
      this.expectSymbol('(');
      const values: KqlLiteral[] = [this.literal()];
      while (this.isSymbol(',')) {
        this.next();
        values.push(this.literal());
      }
      this.expectSymbol(')');
      return { kind: 'in', column, values, caseInsensitive: word === 'in~', negated };
    }
    if (word === 'between') {
      this.next();
      this.expectSymbol('(');
      const low = this.literal();
      this.expectSymbol('..');
      const high = this.literal();
      this.expectSymbol(')');
      return { kind: 'between', column, low, high, negated };
    }
    throw syntaxError(operator);
  }

  private literal(): KqlLiteral {
    const token = this.peek();
    switch (token.kind) {
      case 'string':
        this.next();
        return { kind: 'string', value: token.value as string };
      case 'number':
        this.next();
        return { kind: 'number', value: token.value as number };
      case 'timespan':
        this.next();
        return { kind: 'timespan', value: token.value as number };
      case 'datetime':
        this.next();
        return { kind: 'datetime', value: token.value as number };
      case 'ident':
        return this.functionLiteral(token);
      case 'symbol':
      case 'eof':
        throw syntaxError(token);
    }
  }

  private functionLiteral(token: Token): KqlLiteral {
    if (token.text === 'true' || token.text === 'false') {
      this.next();
      return { kind: 'bool', value: token.text === 'true' };
    }
    if ((token.text === 'ago' || token.text === 'now') && this.isSymbol('(', 1)) {
      this.next();
      this.next();
      let offset = 0;
      if (!this.isSymbol(')')) {
        const span = this.next();
        if (span.kind !== 'timespan') throw syntaxError(span);
        offset = span.value as number;
      }
      this.expectSymbol(')');
      return { kind: 'datetime', value: token.text === 'ago' ? this.nowMs - offset : this.nowMs + offset };
    }
    throw syntaxError(token);
  }
}

/**
 * Parses the KQL subset of the emulator's Log Analytics API:
 *
 * ```
 * Table [| operator]…
 *   where|filter <expr>           expr: and / or / not(…) / ( … ) of predicates:
 *       col ==|!=|=~|!~|<|<=|>|>= value
 *       col has|contains|startswith|endswith[_cs] "text"   (and their ! negations)
 *       col [!]in[~] (v1, v2, …)      col [!]between (low .. high)      isempty(col) / isnotempty(col)
 *     values: "string" 'string' @"verbatim", numbers, true/false, 1h / 30m / 7d timespans,
 *             datetime(2026-11-19T10:00:00Z), ago(1h), now(), now(-1h)
 *   project col, alias = col, …
 *   order|sort by col [asc|desc] [, …]   (default desc, like KQL)
 *   take|limit N        top N by col [asc|desc]        count
 *   summarize [name =] count()|countif(expr)|dcount(col)|min(col)|max(col), … [by col | [name =] bin(col, span), …]
 * ```
 * `ago()` and `now()` are relative to `options.nowMs` (the estate's now). Comments (`//`) are
 * ignored. Anything else is a `SyntaxError` with the token, line and position, as Log Analytics
 * reports it.
 * @throws KqlError (kind `SyntaxError`) when the text is not in the subset.
 */
export function parseKql(text: string, options: ParseKqlOptions): KqlQuery {
  return new Parser(tokenize(text), options.nowMs).query();
}
