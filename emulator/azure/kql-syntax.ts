/**
 * The syntax tree of the KQL subset the emulator's Log Analytics API understands
 * (see {@link parseKql} in `parse-kql.ts` for the grammar).
 */

/** A literal value; datetimes are epoch milliseconds, timespans milliseconds. */
export type KqlLiteral =
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'datetime'; readonly value: number }
  | { readonly kind: 'timespan'; readonly value: number };

/** Binary comparison and string operators of `where`. */
export type KqlCompareOperator =
  | '=='
  | '!='
  | '=~'
  | '!~'
  | '<'
  | '<='
  | '>'
  | '>='
  | 'has'
  | '!has'
  | 'has_cs'
  | '!has_cs'
  | 'contains'
  | '!contains'
  | 'contains_cs'
  | '!contains_cs'
  | 'startswith'
  | '!startswith'
  | 'startswith_cs'
  | '!startswith_cs'
  | 'endswith'
  | '!endswith'
  | 'endswith_cs'
  | '!endswith_cs';

/** A boolean expression of `where`. */
export type KqlExpression =
  | { readonly kind: 'and' | 'or'; readonly left: KqlExpression; readonly right: KqlExpression }
  | { readonly kind: 'not'; readonly operand: KqlExpression }
  | {
      readonly kind: 'compare';
      readonly column: string;
      readonly operator: KqlCompareOperator;
      readonly value: KqlLiteral;
    }
  | {
      readonly kind: 'in';
      readonly column: string;
      readonly values: readonly KqlLiteral[];
      readonly caseInsensitive: boolean;
      readonly negated: boolean;
    }
  | {
      readonly kind: 'between';
      readonly column: string;
      readonly low: KqlLiteral;
      readonly high: KqlLiteral;
      readonly negated: boolean;
    }
  | { readonly kind: 'emptiness'; readonly column: string; readonly empty: boolean };

/** One sort key of `order by` / `sort by` / `top`. */
export interface KqlSortKey {
  readonly column: string;
  readonly direction: 'asc' | 'desc';
}

/** An aggregation of `summarize`. */
export type KqlAggregate =
  | { readonly kind: 'count'; readonly name: string }
  | { readonly kind: 'countif'; readonly name: string; readonly predicate: KqlExpression }
  | { readonly kind: 'dcount' | 'min' | 'max'; readonly name: string; readonly column: string };

/** A grouping key of `summarize … by`: a column, or `bin(column, span)`. */
export interface KqlGroupKey {
  readonly name: string;
  readonly column: string;
  /** Bin size in milliseconds (datetime columns) or units (numbers), for `bin()`. */
  readonly bin?: number;
}

/** One operator of the pipeline. */
export type KqlOperator =
  | { readonly kind: 'where'; readonly predicate: KqlExpression }
  | {
      readonly kind: 'project';
      readonly columns: readonly { readonly name: string; readonly source: string }[];
    }
  | { readonly kind: 'sort'; readonly keys: readonly KqlSortKey[] }
  | { readonly kind: 'take'; readonly count: number }
  | { readonly kind: 'top'; readonly count: number; readonly key: KqlSortKey }
  | {
      readonly kind: 'summarize';
      readonly aggregates: readonly KqlAggregate[];
      readonly by: readonly KqlGroupKey[];
    }
  | { readonly kind: 'count' };

/** A parsed query: a table and the operators piped after it. */
export interface KqlQuery {
  readonly table: string;
  readonly operators: readonly KqlOperator[];
}

/** Why a query was rejected, in the vocabulary of the Log Analytics API errors. */
export class KqlError extends Error {
  constructor(
    /** `SyntaxError` (SYN0002, the query does not parse) or `SemanticError` (SEM0100, an unknown table or column…). */
    readonly kind: 'SyntaxError' | 'SemanticError',
    message: string,
    /** Where a syntax error is: the offending token, 1-based line, 0-based position in the line. */
    readonly location?: { readonly token: string; readonly line: number; readonly pos: number },
  ) {
    super(message);
    this.name = 'KqlError';
  }
}
