/** A JSON value as the emulator builds response bodies (`undefined` members are dropped by `JSON.stringify`). */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | JsonObject;

/** A JSON object; members set to `undefined` are omitted on the wire. */
export interface JsonObject {
  readonly [key: string]: JsonValue | undefined;
}

/** `tags` as ARM puts them on the wire: present only when the resource has at least one. */
export function tagsMember(tags: Readonly<Record<string, string>>): JsonObject | undefined {
  return Object.keys(tags).length === 0 ? undefined : tags;
}
