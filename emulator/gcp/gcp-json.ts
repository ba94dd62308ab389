import type { WireRequest, WireResponse } from '../server/wire.js';

/** The content type Google APIs answer JSON with. */
export const GCP_JSON_CONTENT_TYPE = 'application/json; charset=UTF-8';

/** A JSON value as built by the renderers (never `undefined` inside). */
export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;
/** A JSON object. */
export interface JsonObject {
  [key: string]: JsonValue;
}

/** A 200 (or other) JSON response with Google's content type; `body` is already serialized. */
export function gcpJsonResponse(body: string, status = 200): WireResponse {
  return { status, headers: { 'content-type': GCP_JSON_CONTENT_TYPE }, body };
}

/**
 * How enums go on the wire. The gax REST transport of the newer clients (Functions, Cloud SQL,
 * Monitoring, Logging) asks for numbers with `$alt=json;enum-encoding=int`, and Google then sends
 * enum values as integers; everyone else gets names.
 */
export type EnumEncoding = 'name' | 'int';

/** The enum encoding a request asks for (`$alt=json;enum-encoding=int` → `int`). */
export function enumEncodingOf(request: WireRequest): EnumEncoding {
  const alt = request.url.searchParams.get('$alt') ?? request.url.searchParams.get('alt') ?? '';
  return /(?:^|;)\s*enum-encoding=int\s*(?:;|$)/i.test(alt) ? 'int' : 'name';
}

/** One proto enum: value names to numbers. */
export class EnumTable {
  constructor(readonly values: Readonly<Record<string, number>>) {}

  /** The number of a name, or `undefined`. */
  numberOf(name: string): number | undefined {
    return Object.hasOwn(this.values, name) ? this.values[name] : undefined;
  }

  /** The name of a number, or `undefined`. */
  nameOf(value: number): string | undefined {
    for (const [name, number] of Object.entries(this.values)) if (number === value) return name;
    return undefined;
  }

  /** A name given as a name or as a number (query strings of numeric-enum clients), or `undefined`. */
  parse(text: string): string | undefined {
    if (/^\d+$/.test(text)) return this.nameOf(Number(text));
    return this.numberOf(text) === undefined ? undefined : text;
  }
}

/** Where the enums of a message are: field name → enum table, or a nested message's spec. */
export interface EnumSpec {
  readonly [field: string]: EnumTable | EnumSpec;
}

/**
 * A copy of `value` with the enum fields named by `spec` turned into numbers. Arrays are mapped
 * element by element; names missing from a table are left as they are.
 */
export function withIntEnums(value: JsonValue, spec: EnumSpec): JsonValue {
  if (Array.isArray(value)) return value.map((item) => withIntEnums(item, spec));
  if (value === null || typeof value !== 'object') return value;
  const out: JsonObject = {};
  for (const [key, field] of Object.entries(value)) {
    const rule = spec[key];
    if (rule === undefined) out[key] = field;
    else if (rule instanceof EnumTable) out[key] = convertEnum(field, rule);
    else out[key] = withIntEnums(field, rule);
  }
  return out;
}

function convertEnum(value: JsonValue, table: EnumTable): JsonValue {
  if (Array.isArray(value)) return value.map((item) => convertEnum(item, table));
  if (typeof value === 'string') return table.numberOf(value) ?? value;
  return value;
}

/** A resource with its JSON forms serialized once, on first use, and kept. */
export interface RenderedResource {
  /** The resource with enum names (what filters are evaluated against). */
  readonly object: JsonObject;
  /** The serialized resource in the given enum encoding. */
  json(encoding: EnumEncoding): string;
}

/** Wraps a resource object; both serializations are computed lazily and memoized. */
export function renderResource(object: JsonObject, enums?: EnumSpec): RenderedResource {
  let names: string | undefined;
  let ints: string | undefined;
  return {
    object,
    json(encoding) {
      if (encoding === 'int' && enums !== undefined) {
        ints ??= JSON.stringify(withIntEnums(object, enums));
        return ints;
      }
      names ??= JSON.stringify(object);
      return names;
    },
  };
}

/** A lazily filled, never evicted cache (the estate is immutable, so entries never go stale). */
export function memoize<K, V>(build: (key: K) => V): (key: K) => V {
  const cache = new Map<K, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = build(key);
      cache.set(key, value);
    }
    return value;
  };
}

/** Serializes a list page: `{"k":"v",…,"items":[…],"nextPageToken":"…"}` from pre-serialized items. */
export function serializeList(
  head: Readonly<Record<string, JsonValue>>,
  itemsKey: string,
  items: readonly string[],
  tail: Readonly<Record<string, JsonValue | undefined>> = {},
): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(head))
    parts.push(`${JSON.stringify(key)}:${JSON.stringify(value)}`);
  // proto3 JSON and the Apiary APIs both omit empty repeated fields.
  if (items.length > 0) parts.push(`${JSON.stringify(itemsKey)}:[${items.join(',')}]`);
  for (const [key, value] of Object.entries(tail)) {
    if (value !== undefined) parts.push(`${JSON.stringify(key)}:${JSON.stringify(value)}`);
  }
  return `{${parts.join(',')}}`;
}
