import {
  KqlError,
  type KqlAggregate,
  type KqlExpression,
  type KqlLiteral,
  type KqlOperator,
  type KqlQuery,
  type KqlSortKey,
} from './kql-syntax.js';

/** Column types of the Log Analytics wire format. */
export type KqlColumnType = 'datetime' | 'string' | 'int' | 'long' | 'real' | 'bool';

/** A result column. */
export interface KqlColumn {
  readonly name: string;
  readonly type: KqlColumnType;
}

/** A cell: datetimes are epoch milliseconds until serialized. */
export type KqlCell = string | number | boolean | null;

/** A row, cells in column order. */
export type KqlRow = readonly KqlCell[];

/** A time window `[startMs, endMs)`. */
export interface KqlWindow {
  readonly startMs: number;
  readonly endMs: number;
}

/** A table the engine can read: its schema and a time-ordered scan. */
export interface KqlTableSource {
  readonly columns: readonly KqlColumn[];
  /** Name of the time column bounds are pushed down on (`TimeGenerated`). */
  readonly timeColumn: string;
  /**
   * Feeds rows with `startMs ≤ time < endMs` that pass `predicate` to `sink`, in chunks. Each
   * underlying stream (log group) yields at most `limitPerStream` rows, in ascending time, when
   * given. Stops when `sink` returns `false`.
   */
  scan(
    window: KqlWindow,
    options: { readonly predicate?: (row: KqlRow) => boolean; readonly limitPerStream?: number },
    sink: (rows: readonly KqlRow[]) => boolean,
  ): void;
}

/** Knobs of {@link executeKql}. */
export interface KqlExecutionOptions {
  /** The time range the request allows (its `timespan` ∩ the data retention). */
  readonly window: KqlWindow;
  /** Most rows a result may hold (Log Analytics: 500,000); beyond it the result is truncated. */
  readonly maxRows: number;
}

/** A query result; `truncated` when the row limit cut it. */
export interface KqlResult {
  readonly columns: readonly KqlColumn[];
  readonly rows: readonly KqlRow[];
  readonly truncated: boolean;
}

interface Table {
  readonly columns: readonly KqlColumn[];
  readonly rows: readonly KqlRow[];
}

const HOUR_MS = 3_600_000;

function semanticError(operator: string, message: string): KqlError {
  return new KqlError('SemanticError', `'${operator}' operator: ${message}`);
}

function columnIndex(columns: readonly KqlColumn[], name: string, operator: string): number {
  const index = columns.findIndex((column) => column.name === name);
  if (index < 0)
    throw semanticError(operator, `Failed to resolve column or scalar expression named '${name}'`);
  return index;
}

function isNumeric(type: KqlColumnType): boolean {
  return type === 'int' || type === 'long' || type === 'real';
}

function literalTypeName(literal: KqlLiteral): string {
  return literal.kind === 'number' ? 'long' : literal.kind;
}

function incompatible(operator: string, column: KqlColumn, literal: KqlLiteral): KqlError {
  return semanticError(
    operator,
    `Cannot compare values of types ${column.type} and ${literalTypeName(literal)}. Try adding explicit casts`,
  );
}

/** The comparable value of a literal for a column, or a semantic error when the types do not mix. */
function operand(column: KqlColumn, literal: KqlLiteral, operator: string): string | number | boolean {
  if (column.type === 'datetime') {
    if (literal.kind !== 'datetime') throw incompatible(operator, column, literal);
    return literal.value;
  }
  if (isNumeric(column.type)) {
    if (literal.kind !== 'number') throw incompatible(operator, column, literal);
    return literal.value;
  }
  if (column.type === 'bool') {
    if (literal.kind !== 'bool') throw incompatible(operator, column, literal);
    return literal.value;
  }
  if (literal.kind !== 'string') throw incompatible(operator, column, literal);
  return literal.value;
}

function textOf(cell: KqlCell): string {
  return cell === null ? '' : String(cell);
}

function isTermCharacter(char: string): boolean {
  return /[\p{L}\p{N}]/u.test(char);
}

/** KQL `has`: `needle` occurs as whole terms (bounded by non-alphanumerics) in `hay`. */
function hasTerm(hay: string, needle: string): boolean {
  if (needle === '') return true;
  let from = 0;
  for (;;) {
    const at = hay.indexOf(needle, from);
    if (at < 0) return false;
    const before = at === 0 ? '' : hay.charAt(at - 1);
    const after = hay.charAt(at + needle.length);
    const startsTerm = !isTermCharacter(needle.charAt(0)) || before === '' || !isTermCharacter(before);
    const endsTerm =
      !isTermCharacter(needle.charAt(needle.length - 1)) || after === '' || !isTermCharacter(after);
    if (startsTerm && endsTerm) return true;
    from = at + 1;
  }
}

type Predicate = (row: KqlRow) => boolean;

function stringTest(operator: string, needle: string): (text: string) => boolean {
  const lowered = needle.toLowerCase();
  switch (operator.replace(/^!/, '')) {
    case 'has':
      return (text) => hasTerm(text.toLowerCase(), lowered);
    case 'has_cs':
      return (text) => hasTerm(text, needle);
    case 'contains':
      return (text) => text.toLowerCase().includes(lowered);
    case 'contains_cs':
      return (text) => text.includes(needle);
    case 'startswith':
      return (text) => text.toLowerCase().startsWith(lowered);
    case 'startswith_cs':
      return (text) => text.startsWith(needle);
    case 'endswith':
      return (text) => text.toLowerCase().endsWith(lowered);
    default:
      return (text) => text.endsWith(needle);
  }
}

/** Compiles a `where` expression against a schema; throws semantic errors for unknown columns or type clashes. */
export function compileKqlPredicate(
  expression: KqlExpression,
  columns: readonly KqlColumn[],
  operator = 'where',
): Predicate {
  switch (expression.kind) {
    case 'and': {
      const left = compileKqlPredicate(expression.left, columns, operator);
      const right = compileKqlPredicate(expression.right, columns, operator);
      return (row) => left(row) && right(row);
    }
    case 'or': {
      const left = compileKqlPredicate(expression.left, columns, operator);
      const right = compileKqlPredicate(expression.right, columns, operator);
      return (row) => left(row) || right(row);
    }
    case 'not': {
      const inner = compileKqlPredicate(expression.operand, columns, operator);
      return (row) => !inner(row);
    }
    case 'emptiness': {
      const index = columnIndex(columns, expression.column, operator);
      return (row) => (row[index] === null || row[index] === '') === expression.empty;
    }
    case 'in': {
      const index = columnIndex(columns, expression.column, operator);
      const column = columns[index]!;
      const values = expression.values.map((value) => operand(column, value, operator));
      const wanted = new Set(
        values.map((value) =>
          expression.caseInsensitive && typeof value === 'string' ? value.toLowerCase() : value,
        ),
      );
      return (row) => {
        const cell = row[index] ?? null;
        const key = expression.caseInsensitive && typeof cell === 'string' ? cell.toLowerCase() : cell;
        return wanted.has(key as string | number | boolean) !== expression.negated;
      };
    }
    case 'between': {
      const index = columnIndex(columns, expression.column, operator);
      const column = columns[index]!;
      if (!(column.type === 'datetime' || isNumeric(column.type))) {
        throw semanticError(operator, `'between' is not supported for values of type ${column.type}`);
      }
      const low = operand(column, expression.low, operator) as number;
      const high = operand(column, expression.high, operator) as number;
      return (row) => {
        const cell = row[index];
        return (typeof cell === 'number' && cell >= low && cell <= high) !== expression.negated;
      };
    }
    case 'compare': {
      const index = columnIndex(columns, expression.column, operator);
      const column = columns[index]!;
      const op = expression.operator;
      if (/^!?(?:has|contains|startswith|endswith)/.test(op)) {
        const literal = expression.value;
        const needle = literal.kind === 'string' ? literal.value : String(literal.value);
        const test = stringTest(op, needle);
        const negated = op.startsWith('!');
        return (row) => test(textOf(row[index] ?? null)) !== negated;
      }
      if (op === '=~' || op === '!~') {
        if (column.type !== 'string') throw incompatible(operator, column, expression.value);
        const value = (operand(column, expression.value, operator) as string).toLowerCase();
        return (row) => (textOf(row[index] ?? null).toLowerCase() === value) === (op === '=~');
      }
      const value = operand(column, expression.value, operator);
      if (op === '==') return (row) => row[index] === value;
      if (op === '!=') return (row) => row[index] !== value;
      if (typeof value !== 'number') {
        throw semanticError(operator, `Cannot compare values of type ${column.type} with '${op}'`);
      }
      if (op === '<') return (row) => (row[index] as number) < value;
      if (op === '<=') return (row) => (row[index] as number) <= value;
      if (op === '>') return (row) => (row[index] as number) > value;
      return (row) => (row[index] as number) >= value;
    }
  }
}

/** Narrows `window` by the top-level `and` conditions on the time column. */
function timeBounds(expression: KqlExpression, timeColumn: string, window: KqlWindow): KqlWindow {
  let { startMs, endMs } = window;
  const visit = (node: KqlExpression): void => {
    if (node.kind === 'and') {
      visit(node.left);
      visit(node.right);
      return;
    }
    if (node.kind === 'between' && node.column === timeColumn && !node.negated) {
      if (node.low.kind === 'datetime') startMs = Math.max(startMs, node.low.value);
      if (node.high.kind === 'datetime') endMs = Math.min(endMs, node.high.value + 1);
      return;
    }
    if (node.kind !== 'compare' || node.column !== timeColumn || node.value.kind !== 'datetime') return;
    const at = node.value.value;
    const operator = node.operator;
    if (operator === '>' || operator === '>=' || operator === '==')
      startMs = Math.max(startMs, operator === '>' ? at + 1 : at);
    if (operator === '<' || operator === '<=' || operator === '==')
      endMs = Math.min(endMs, operator === '<' ? at : at + 1);
  };
  visit(expression);
  return { startMs, endMs };
}

function compareCells(a: KqlCell, b: KqlCell): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

function sortRows(table: Table, keys: readonly KqlSortKey[], operator: string): Table {
  const indexes = keys.map((key) => ({
    index: columnIndex(table.columns, key.column, operator),
    sign: key.direction === 'asc' ? 1 : -1,
  }));
  const rows = [...table.rows].sort((a, b) => {
    for (const { index, sign } of indexes) {
      const order = compareCells(a[index] ?? null, b[index] ?? null);
      if (order !== 0) return order * sign;
    }
    return 0;
  });
  return { columns: table.columns, rows };
}

/** Incremental `summarize`: rows are added one by one, groups come out sorted by key. */
interface Summarizer {
  add(row: KqlRow): void;
  result(): Table;
}

function createSummarizer(
  columns: readonly KqlColumn[],
  aggregates: readonly KqlAggregate[],
  by: readonly { readonly name: string; readonly column: string; readonly bin?: number }[],
): Summarizer {
  const keyIndexes = by.map((key) => columnIndex(columns, key.column, 'summarize'));
  const aggregateSpecs = aggregates.map((aggregate) => {
    switch (aggregate.kind) {
      case 'count':
        return { aggregate, type: 'long' as KqlColumnType };
      case 'countif':
        return {
          aggregate,
          type: 'long' as KqlColumnType,
          predicate: compileKqlPredicate(aggregate.predicate, columns, 'summarize'),
        };
      case 'dcount': {
        const index = columnIndex(columns, aggregate.column, 'summarize');
        return { aggregate, type: 'long' as KqlColumnType, index };
      }
      case 'min':
      case 'max': {
        const index = columnIndex(columns, aggregate.column, 'summarize');
        return { aggregate, type: columns[index]!.type, index };
      }
    }
  });
  interface Group {
    readonly key: KqlCell[];
    readonly values: (number | KqlCell | Set<KqlCell>)[];
  }
  const groups = new Map<string, Group>();
  const initial = (): (number | KqlCell | Set<KqlCell>)[] =>
    aggregateSpecs.map((spec) =>
      spec.aggregate.kind === 'dcount'
        ? new Set<KqlCell>()
        : spec.aggregate.kind === 'count' || spec.aggregate.kind === 'countif'
          ? 0
          : null,
    );
  if (by.length === 0) groups.set(JSON.stringify([]), { key: [], values: initial() });
  return {
    add(row) {
      const key = keyIndexes.map((index, position) => {
        const cell = row[index] ?? null;
        const bin = by[position]!.bin;
        return bin !== undefined && typeof cell === 'number' ? Math.floor(cell / bin) * bin : cell;
      });
      const id = JSON.stringify(key);
      let group = groups.get(id);
      if (!group) groups.set(id, (group = { key, values: initial() }));
      aggregateSpecs.forEach((spec, position) => {
        const current = group.values[position];
        switch (spec.aggregate.kind) {
          case 'count':
            group.values[position] = (current as number) + 1;
            break;
          case 'countif':
            if (spec.predicate?.(row) === true) group.values[position] = (current as number) + 1;
            break;
          case 'dcount':
            (current as Set<KqlCell>).add(row[spec.index!] ?? null);
            break;
          case 'min':
          case 'max': {
            const cell = row[spec.index!] ?? null;
            if (cell === null) break;
            const better =
              spec.aggregate.kind === 'min'
                ? compareCells(cell, current as KqlCell) < 0
                : compareCells(cell, current as KqlCell) > 0;
            if (current === null || better) group.values[position] = cell;
            break;
          }
        }
      });
    },
    result() {
      const resultColumns: KqlColumn[] = [
        ...by.map((key, position) => ({ name: key.name, type: columns[keyIndexes[position]!]!.type })),
        ...aggregateSpecs.map((spec) => ({ name: spec.aggregate.name, type: spec.type })),
      ];
      const ordered = [...groups.values()].sort((a, b) => {
        for (let index = 0; index < a.key.length; index++) {
          const order = compareCells(a.key[index] ?? null, b.key[index] ?? null);
          if (order !== 0) return order;
        }
        return 0;
      });
      const rows = ordered.map((group) => [
        ...group.key,
        ...group.values.map((value) => (value instanceof Set ? value.size : value)),
      ]);
      return { columns: resultColumns, rows };
    },
  };
}

function applyOperator(table: Table, operator: KqlOperator): Table {
  switch (operator.kind) {
    case 'where': {
      const predicate = compileKqlPredicate(operator.predicate, table.columns);
      return { columns: table.columns, rows: table.rows.filter(predicate) };
    }
    case 'project': {
      const indexes = operator.columns.map((column) => columnIndex(table.columns, column.source, 'project'));
      return {
        columns: operator.columns.map((column, position) => ({
          name: column.name,
          type: table.columns[indexes[position]!]!.type,
        })),
        rows: table.rows.map((row) => indexes.map((index) => row[index] ?? null)),
      };
    }
    case 'sort':
      return sortRows(table, operator.keys, 'sort');
    case 'take':
      return { columns: table.columns, rows: table.rows.slice(0, operator.count) };
    case 'top': {
      const sorted = sortRows(table, [operator.key], 'top');
      return { columns: sorted.columns, rows: sorted.rows.slice(0, operator.count) };
    }
    case 'summarize': {
      const summarizer = createSummarizer(table.columns, operator.aggregates, operator.by);
      for (const row of table.rows) summarizer.add(row);
      return summarizer.result();
    }
    case 'count':
      return { columns: [{ name: 'Count', type: 'long' }], rows: [[table.rows.length]] };
  }
}

/** Is the pipeline after the leading `where`s "newest N rows by time" (`order by T desc | take N`, `top N by T desc`)? */
function newestRowsWanted(rest: readonly KqlOperator[], timeColumn: string): number | undefined {
  const [first, second] = rest;
  if (first?.kind === 'top' && first.key.column === timeColumn && first.key.direction === 'desc')
    return first.count;
  if (
    first?.kind === 'sort' &&
    first.keys[0]?.column === timeColumn &&
    first.keys[0].direction === 'desc' &&
    second?.kind === 'take'
  ) {
    return second.count;
  }
  return undefined;
}

/** Is the pipeline "the first N rows" (`take N`, possibly after `project`s)? */
function firstRowsWanted(rest: readonly KqlOperator[]): number | undefined {
  for (const operator of rest) {
    if (operator.kind === 'project') continue;
    return operator.kind === 'take' ? operator.count : undefined;
  }
  return undefined;
}

/**
 * Runs a parsed query against a table source. The leading `where`s are pushed down: their
 * conditions on the time column narrow the scanned window, and they filter rows as they are
 * generated. `take N` reads at most N rows per stream; `order by TimeGenerated desc | take N`
 * and `top N by TimeGenerated desc` scan backwards from the window's end in growing slices;
 * `summarize` and `count` right after the `where`s aggregate without keeping rows. Unordered
 * results come in ascending time order; `summarize` groups come sorted by their keys.
 * @throws KqlError (kind `SemanticError`) for unknown columns or mismatched types.
 */
export function executeKql(query: KqlQuery, source: KqlTableSource, options: KqlExecutionOptions): KqlResult {
  const { columns, timeColumn } = source;
  const timeIndex = columnIndex(columns, timeColumn, query.table);
  let leadingCount = 0;
  while (query.operators[leadingCount]?.kind === 'where') leadingCount++;
  const leading = query.operators.slice(0, leadingCount) as readonly Extract<
    KqlOperator,
    { kind: 'where' }
  >[];
  const rest = query.operators.slice(leadingCount);
  const predicates = leading.map((operator) => compileKqlPredicate(operator.predicate, columns));
  const predicate =
    predicates.length === 0 ? undefined : (row: KqlRow): boolean => predicates.every((test) => test(row));
  let window = options.window;
  for (const operator of leading) window = timeBounds(operator.predicate, timeColumn, window);
  // Validate the rest of the pipeline's columns before scanning anything.
  rest.reduce<Table>((table, operator) => applyOperator(table, operator), { columns, rows: [] });

  const scanOptions = predicate === undefined ? {} : { predicate };
  let truncated = false;
  let table: Table;
  const first = rest[0];
  if (window.endMs <= window.startMs) {
    table = { columns, rows: [] };
  } else if (first?.kind === 'summarize' || first?.kind === 'count') {
    const summarizer =
      first.kind === 'summarize'
        ? createSummarizer(columns, first.aggregates, first.by)
        : createSummarizer(columns, [{ kind: 'count', name: 'Count' }], []);
    source.scan(window, scanOptions, (rows) => {
      for (const row of rows) summarizer.add(row);
      return true;
    });
    table = applyOperator(summarizer.result(), { kind: 'take', count: options.maxRows });
    return finish(table, rest.slice(1), false);
  } else {
    const newest = newestRowsWanted(rest, timeColumn);
    const firstRows = newest === undefined ? firstRowsWanted(rest) : undefined;
    const rows: KqlRow[] = [];
    const collect = (chunk: readonly KqlRow[]): boolean => {
      for (const row of chunk) {
        if (rows.length >= options.maxRows) {
          truncated = true;
          return false;
        }
        rows.push(row);
      }
      return true;
    };
    if (newest !== undefined) {
      let sliceEnd = window.endMs;
      let span = HOUR_MS;
      while (sliceEnd > window.startMs && rows.length < newest && !truncated) {
        const sliceStart = Math.max(window.startMs, sliceEnd - span);
        source.scan({ startMs: sliceStart, endMs: sliceEnd }, scanOptions, collect);
        sliceEnd = sliceStart;
        span *= 4;
      }
    } else {
      source.scan(
        window,
        firstRows === undefined ? scanOptions : { ...scanOptions, limitPerStream: firstRows },
        collect,
      );
    }
    rows.sort((a, b) => compareCells(a[timeIndex] ?? null, b[timeIndex] ?? null));
    table = { columns, rows };
  }
  return finish(table, rest, truncated);
}

function finish(table: Table, operators: readonly KqlOperator[], truncated: boolean): KqlResult {
  const result = operators.reduce((current, operator) => applyOperator(current, operator), table);
  return { columns: result.columns, rows: result.rows, truncated };
}
