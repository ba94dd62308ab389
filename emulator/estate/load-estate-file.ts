import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { EstateFileError, formatEstateLocation } from './estate-file-error.js';
import { EstateFileSchema } from './estate-file-schema.js';
import type { Estate } from './model.js';
import { normalizeEstateFile, type FilePath } from './normalize-estate-file.js';

/** Knobs of {@link loadEstateFile} and {@link parseEstateText}. */
export interface LoadEstateOptions {
  /** Anchor used when the file names none (default `DEFAULT_ANCHOR_TIME`, fixed for determinism). */
  readonly anchorTime?: string;
}

/** How many problems one error message lists before it stops. */
const MAX_REPORTED_PROBLEMS = 5;

const SUPPORTED_EXTENSIONS = new Set(['.json', '.yaml', '.yml']);

/** The YAML document of a file with its line index, for mapping offsets to line and column. */
interface ParsedSource {
  readonly document: Document.Parsed;
  readonly lineCounter: LineCounter;
}

/** `instances[3].state` from `['instances', 3, 'state']`. */
function toFieldPath(path: FilePath): string {
  let text = '';
  for (const part of path) text += typeof part === 'number' ? `[${part}]` : text === '' ? part : `.${part}`;
  return text;
}

/**
 * The source position of a path: the deepest node of the document that exists along it (a missing
 * field points at the object that lacks it). For an unknown key, `key` selects the key itself.
 */
function locate(
  source: ParsedSource,
  path: FilePath,
  key?: string,
): { line: number; column: number } | undefined {
  const { document, lineCounter } = source;
  let node: unknown = document.contents;
  let offset: number | undefined = rangeStart(node);
  for (const part of path) {
    let next: unknown;
    if (isMap(node)) {
      next = node.items.find(
        (pair) => isPair(pair) && isScalar(pair.key) && String(pair.key.value) === String(part),
      )?.value;
    } else if (isSeq(node) && typeof part === 'number') {
      next = node.items[part];
    }
    if (next === undefined || next === null) break;
    node = next;
    offset = rangeStart(node) ?? offset;
  }
  if (key !== undefined && isMap(node)) {
    const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
    offset = rangeStart(pair?.key) ?? offset;
  }
  if (offset === undefined) return undefined;
  const position = lineCounter.linePos(offset);
  return { line: position.line, column: position.col };
}

function rangeStart(node: unknown): number | undefined {
  return node !== null && typeof node === 'object' && 'range' in node ? (node as Node).range?.[0] : undefined;
}

/** zod says "Invalid input: expected string, received number"; we keep what follows the colon. */
function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys')
    return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  if (issue.code === 'invalid_value')
    return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join('|')}`;
  return issue.message.replace(/^Invalid (input|option): /, '');
}

/**
 * A syntax error, located by the YAML parser; when it finds none (JSON that is valid YAML, such as
 * a trailing comma), by the offset JSON.parse reports.
 */
function syntaxError(
  fileName: string,
  text: string,
  source: ParsedSource,
  jsonError: unknown,
): EstateFileError {
  const { document, lineCounter } = source;
  const yamlError = document.errors[0];
  const jsonOffset = jsonError instanceof Error ? /position (\d+)/.exec(jsonError.message)?.[1] : undefined;
  const offset =
    yamlError?.pos[0] ?? (jsonOffset === undefined ? undefined : Math.min(Number(jsonOffset), text.length));
  const position = offset === undefined ? undefined : lineCounter.linePos(offset);
  const reason = yamlError
    ? yamlError.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')
    : jsonError instanceof Error
      ? jsonError.message
      : 'unreadable content';
  return new EstateFileError({
    code: 'EMULATOR_ESTATE_INVALID',
    file: fileName,
    ...(position === undefined ? {} : { line: position.line, column: position.col }),
    detail: `syntax error: ${reason}`,
    cause: yamlError ?? jsonError,
  });
}

/**
 * Parses the text of an estate file (JSON or YAML; YAML is a superset of JSON, so one parser keeps
 * positions for both), validates it and fills in defaults.
 *
 * @param fileName - used in error messages only.
 * @throws EstateFileError with code `EMULATOR_ESTATE_INVALID` for syntax errors and invalid
 *   content; the message and fields give line, column and field path (`instances[3].state`).
 */
export function parseEstateText(text: string, fileName: string, options: LoadEstateOptions = {}): Estate {
  // Positions come from the YAML parser (YAML ⊇ JSON), but JSON.parse is far faster on big files,
  // so a JSON file is parsed with it and the YAML document is built only to locate a problem.
  let parsed: ParsedSource | undefined;
  const positions = (): ParsedSource => {
    if (!parsed) {
      const lineCounter = new LineCounter();
      parsed = {
        document: parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true }),
        lineCounter,
      };
    }
    return parsed;
  };

  let content: unknown;
  const isJson = extname(fileName).toLowerCase() === '.json';
  try {
    content = isJson ? JSON.parse(text) : undefined;
  } catch (error) {
    throw syntaxError(fileName, text, positions(), error);
  }
  if (!isJson) {
    const { document } = positions();
    if (document.errors.length > 0) throw syntaxError(fileName, text, positions(), undefined);
    content = document.toJS({ maxAliasCount: 10_000 });
  }
  content ??= {};

  const result = EstateFileSchema.safeParse(content);
  if (!result.success) {
    const problems = result.error.issues.slice(0, MAX_REPORTED_PROBLEMS).map((issue) => {
      const key = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
      const path = issue.path.filter((part): part is string | number => typeof part !== 'symbol');
      const fieldPath = toFieldPath(key === undefined ? path : [...path, key]);
      const position = locate(positions(), path, key);
      return { position, fieldPath, detail: describeIssue(issue) };
    });
    const [first, ...rest] = problems;
    const hidden = result.error.issues.length - problems.length;
    throw new EstateFileError({
      code: 'EMULATOR_ESTATE_INVALID',
      file: fileName,
      ...(first!.position === undefined
        ? {}
        : { line: first!.position.line, column: first!.position.column }),
      fieldPath: first!.fieldPath,
      detail: first!.detail,
      more: [
        ...rest.map((problem) =>
          formatEstateLocation(
            fileName,
            problem.position?.line,
            problem.position?.column,
            problem.fieldPath,
            problem.detail,
          ),
        ),
        ...(hidden > 0 ? [`(and ${hidden} more problem${hidden > 1 ? 's' : ''})`] : []),
      ],
    });
  }

  return normalizeEstateFile(result.data, {
    ...(options.anchorTime === undefined ? {} : { anchorTime: options.anchorTime }),
    fail: (path, detail) => {
      const position = locate(positions(), path);
      throw new EstateFileError({
        code: 'EMULATOR_ESTATE_INVALID',
        file: fileName,
        ...(position === undefined ? {} : { line: position.line, column: position.column }),
        fieldPath: toFieldPath(path),
        detail,
      });
    },
  });
}

/**
 * Reads an estate from a `.json`, `.yaml` or `.yml` file. See {@link parseEstateText} for the
 * format and `normalizeEstateFile` for the defaults.
 *
 * @throws EstateFileError `EMULATOR_ESTATE_NOT_FOUND` when the file does not exist,
 *   `EMULATOR_ESTATE_INVALID` when it cannot be read, has another extension, or is invalid.
 */
export function loadEstateFile(path: string, options: LoadEstateOptions = {}): Estate {
  const extension = extname(path).toLowerCase();
  if (!SUPPORTED_EXTENSIONS.has(extension)) {
    throw new EstateFileError({
      code: 'EMULATOR_ESTATE_INVALID',
      file: path,
      detail: `unsupported file type "${extension || '(none)'}": use .json, .yaml or .yml`,
    });
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const notFound = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new EstateFileError({
      code: notFound ? 'EMULATOR_ESTATE_NOT_FOUND' : 'EMULATOR_ESTATE_INVALID',
      file: path,
      detail: notFound ? 'estate file not found' : `cannot read the estate file: ${(error as Error).message}`,
      cause: error,
    });
  }
  return parseEstateText(text, path, options);
}
