/**
 * The Cloud Monitoring `filter` of `timeSeries.list` (https://cloud.google.com/monitoring/api/v3/filters).
 *
 * Supported subset:
 * - selectors `metric.type`, `resource.type`, `project`, `metric.labels.KEY` / `metric.label.KEY`,
 *   `resource.labels.KEY` / `resource.label.KEY`;
 * - comparisons `=` and `!=` against a quoted (or bare) string or number, or against one of the
 *   functions `starts_with("…")`, `ends_with("…")`, `has_substring("…")`, `one_of("…", …)`,
 *   `monitoring.regex.full_match("…")`; `:` (has substring) against a string;
 * - `AND`, `OR`, `NOT`, parentheses and juxtaposition (implicit `AND`); `NOT` binds tightest, then
 *   `AND`, then `OR`.
 *
 * Like the real API, the filter must restrict `metric.type`. Anything else (other selectors,
 * `metadata.*`, numeric comparisons, unknown functions) is refused with {@link MonitoringFilterError}.
 */

/** The labels of one time series, keyed by canonical selector (`metric.type`, `resource.labels.zone`…). */
export type SeriesSelectors = ReadonlyMap<string, string>;

/** A parsed filter: tests the selectors of one time series. */
export type MonitoringFilter = (series: SeriesSelectors) => boolean;

/** Why a filter was refused; the router turns it into 400 INVALID_ARGUMENT. */
export class MonitoringFilterError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MonitoringFilterError';
  }
}

type Matcher = (value: string) => boolean;

type Node =
  | { readonly type: 'and' | 'or'; readonly children: readonly Node[] }
  | { readonly type: 'not'; readonly child: Node }
  | {
      readonly type: 'compare';
      readonly selector: string;
      readonly negate: boolean;
      readonly matcher: Matcher;
    };

type Token =
  | { readonly type: 'lparen' | 'rparen' | 'comma' | 'and' | 'or' | 'not' }
  | { readonly type: 'op'; readonly op: '=' | '!=' | ':' }
  | { readonly type: 'string'; readonly text: string }
  | { readonly type: 'word'; readonly text: string };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < text.length) {
    const char = text[index]!;
    if (/\s/.test(char)) {
      index++;
    } else if (char === '(' || char === ')' || char === ',') {
      tokens.push({ type: char === '(' ? 'lparen' : char === ')' ? 'rparen' : 'comma' });
      index++;
    } else if (text.startsWith('!=', index)) {
      tokens.push({ type: 'op', op: '!=' });
      index += 2;
    } else if (char === '=' || char === ':') {
      tokens.push({ type: 'op', op: char });
      index++;
    } else if (char === '"' || char === "'") {
      let end = index + 1;
      let value = '';
      while (end < text.length && text[end] !== char) {
        if (text[end] === '\\' && end + 1 < text.length) {
          value += text.charAt(end + 1);
          end += 2;
        } else {
          value += text.charAt(end);
          end++;
        }
      }
      if (end >= text.length) throw new MonitoringFilterError(`Unterminated string at position ${index}.`);
      tokens.push({ type: 'string', text: value });
      index = end + 1;
    } else {
      let end = index;
      while (end < text.length && !/[\s()=!:,"']/.test(text[end]!)) end++;
      if (end === index)
        throw new MonitoringFilterError(`Unexpected character '${char}' at position ${index}.`);
      const word = text.slice(index, end);
      if (word === 'AND') tokens.push({ type: 'and' });
      else if (word === 'OR') tokens.push({ type: 'or' });
      else if (word === 'NOT') tokens.push({ type: 'not' });
      else tokens.push({ type: 'word', text: word });
      index = end;
    }
  }
  return tokens;
}

/** `metric.label.zone` → `metric.labels.zone`; `undefined` for selectors outside the subset. */
function canonicalSelector(word: string): string | undefined {
  if (word === 'metric.type' || word === 'resource.type' || word === 'project') return word;
  const label = /^(metric|resource)\.labels?\.([A-Za-z_][\w.-]*)$/.exec(word);
  return label ? `${label[1]}.labels.${label[2]}` : undefined;
}

const FUNCTIONS: Readonly<Record<string, (args: readonly string[]) => Matcher>> = {
  starts_with:
    ([prefix = '']) =>
    (value) =>
      value.startsWith(prefix),
  ends_with:
    ([suffix = '']) =>
    (value) =>
      value.endsWith(suffix),
  has_substring:
    ([part = '']) =>
    (value) =>
      value.includes(part),
  one_of: (options) => (value) => options.includes(value),
  'monitoring.regex.full_match': ([pattern = '']) => {
    let regex: RegExp;
    try {
      regex = new RegExp(`^(?:${pattern})$`, 'u');
    } catch (error) {
      throw new MonitoringFilterError(`Invalid regular expression '${pattern}': ${(error as Error).message}`);
    }
    return (value) => regex.test(value);
  },
};

class Parser {
  private position = 0;
  readonly selectors = new Set<string>();

  constructor(private readonly tokens: readonly Token[]) {}

  private peek(): Token | undefined {
    return this.tokens[this.position];
  }

  private next(): Token | undefined {
    return this.tokens[this.position++];
  }

  parse(): Node {
    const node = this.parseOr();
    if (this.peek() !== undefined)
      throw new MonitoringFilterError(`Unexpected token at position ${this.position + 1}.`);
    return node;
  }

  private parseOr(): Node {
    const children = [this.parseAnd()];
    while (this.peek()?.type === 'or') {
      this.next();
      children.push(this.parseAnd());
    }
    return children.length === 1 ? children[0]! : { type: 'or', children };
  }

  private parseAnd(): Node {
    const children = [this.parseUnary()];
    for (;;) {
      const token = this.peek();
      if (token === undefined || token.type === 'rparen' || token.type === 'or') break;
      if (token.type === 'and') this.next();
      children.push(this.parseUnary());
    }
    return children.length === 1 ? children[0]! : { type: 'and', children };
  }

  private parseUnary(): Node {
    if (this.peek()?.type === 'not') {
      this.next();
      return { type: 'not', child: this.parseUnary() };
    }
    const token = this.next();
    if (token === undefined) throw new MonitoringFilterError('Unexpected end of filter.');
    if (token.type === 'lparen') {
      const inner = this.parseOr();
      if (this.next()?.type !== 'rparen') throw new MonitoringFilterError('Missing closing parenthesis.');
      return inner;
    }
    if (token.type !== 'word') throw new MonitoringFilterError('Expected a selector such as metric.type.');
    const selector = canonicalSelector(token.text);
    if (selector === undefined) throw new MonitoringFilterError(`Unsupported selector '${token.text}'.`);
    this.selectors.add(selector);
    const op = this.next();
    if (op?.type !== 'op')
      throw new MonitoringFilterError(`Expected '=', '!=' or ':' after '${token.text}'.`);
    const value = this.next();
    if (value?.type === 'string' || (value?.type === 'word' && this.peek()?.type !== 'lparen')) {
      const text = value.text;
      const matcher: Matcher =
        op.op === ':' ? (candidate) => candidate.includes(text) : (candidate) => candidate === text;
      return { type: 'compare', selector, negate: op.op === '!=', matcher };
    }
    if (value?.type === 'word' && op.op !== ':') {
      const build = FUNCTIONS[value.text];
      if (build === undefined) throw new MonitoringFilterError(`Unsupported function '${value.text}'.`);
      this.next();
      const args: string[] = [];
      while (this.peek()?.type !== 'rparen') {
        const argument = this.next();
        if (argument?.type !== 'string')
          throw new MonitoringFilterError(`Arguments of ${value.text} must be quoted strings.`);
        args.push(argument.text);
        if (this.peek()?.type === 'comma') this.next();
      }
      this.next();
      return { type: 'compare', selector, negate: op.op === '!=', matcher: build(args) };
    }
    throw new MonitoringFilterError(`Expected a value after '${token.text} ${op.op}'.`);
  }
}

function evaluate(node: Node, series: SeriesSelectors): boolean {
  switch (node.type) {
    case 'and':
      return node.children.every((child) => evaluate(child, series));
    case 'or':
      return node.children.some((child) => evaluate(child, series));
    case 'not':
      return !evaluate(node.child, series);
    case 'compare': {
      const value = series.get(node.selector);
      const matched = value !== undefined && node.matcher(value);
      return node.negate ? !matched : matched;
    }
  }
}

/**
 * Parses a Monitoring filter.
 * @throws MonitoringFilterError when the filter is empty, lacks a `metric.type` restriction or
 *   leaves the supported subset.
 */
export function parseMonitoringFilter(text: string): MonitoringFilter {
  if (text.trim() === '') throw new MonitoringFilterError('A filter must specify a metric type.');
  const parser = new Parser(tokenize(text));
  const node = parser.parse();
  if (!parser.selectors.has('metric.type'))
    throw new MonitoringFilterError('A filter must specify a metric type.');
  return (series) => evaluate(node, series);
}
