/** Codes of {@link EstateFileError}. */
export type EstateFileErrorCode = 'EMULATOR_ESTATE_INVALID' | 'EMULATOR_ESTATE_NOT_FOUND';

/** What {@link EstateFileError} is built from. */
export interface EstateFileErrorOptions {
  readonly code: EstateFileErrorCode;
  /** The file name as the user gave it. */
  readonly file: string;
  /** What is wrong, without the location (the constructor prefixes `file:line:column: fieldPath:`). */
  readonly detail: string;
  /** 1-based line of the problem, when known. */
  readonly line?: number;
  /** 1-based column of the problem, when known. */
  readonly column?: number;
  /** Path of the offending field, such as `instances[3].state`. */
  readonly fieldPath?: string;
  /** Further problems, already formatted, appended to the message one per line. */
  readonly more?: readonly string[];
  readonly cause?: unknown;
}

/**
 * An estate file that cannot be used: missing (`EMULATOR_ESTATE_NOT_FOUND`), or unreadable,
 * malformed or invalid (`EMULATOR_ESTATE_INVALID`). The message reads like a compiler error,
 * `estate.yaml:12:14: instances[3].state: expected one of …`, so editors can jump to it.
 * Always the user's to fix: `category` is `user` and `retryable` is false.
 */
export class EstateFileError extends Error {
  readonly code: EstateFileErrorCode;
  readonly category = 'user' as const;
  readonly retryable = false;
  readonly file: string;
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly fieldPath: string | undefined;

  constructor(options: EstateFileErrorOptions) {
    super(formatMessage(options), options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'EstateFileError';
    this.code = options.code;
    this.file = options.file;
    this.line = options.line;
    this.column = options.column;
    this.fieldPath = options.fieldPath;
  }
}

/** `file:line:column: path: detail`, leaving out the parts that are unknown. */
export function formatEstateLocation(
  file: string,
  line: number | undefined,
  column: number | undefined,
  fieldPath: string | undefined,
  detail: string,
): string {
  const position = line === undefined ? '' : column === undefined ? `:${line}` : `:${line}:${column}`;
  const field = fieldPath === undefined || fieldPath === '' ? '' : ` ${fieldPath}:`;
  return `${file}${position}:${field} ${detail}`;
}

function formatMessage(options: EstateFileErrorOptions): string {
  const first = formatEstateLocation(
    options.file,
    options.line,
    options.column,
    options.fieldPath,
    options.detail,
  );
  return options.more === undefined || options.more.length === 0
    ? first
    : [first, ...options.more].join('\n');
}
