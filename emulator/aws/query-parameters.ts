/**
 * The parameters of an ec2Query/awsQuery request (`Action=DescribeInstances&Filter.1.Name=…`),
 * with accessors for the flattened list and structure encodings both protocols use:
 * EC2 flattens lists (`InstanceId.1`, `Filter.1.Value.1`), awsQuery wraps them
 * (`MetricDataQueries.member.1.Id`, RDS `Filters.Filter.1.Values.Value.1`).
 */
export class QueryParameters {
  constructor(private readonly values: ReadonlyMap<string, string>) {}

  /** The value of one parameter, or `undefined`. */
  get(name: string): string | undefined {
    return this.values.get(name);
  }

  /** True when at least one parameter is `name` or starts with `name.`. */
  has(name: string): boolean {
    if (this.values.has(name)) return true;
    const prefix = `${name}.`;
    for (const key of this.values.keys()) if (key.startsWith(prefix)) return true;
    return false;
  }

  /** A list of strings encoded as `prefix.1`, `prefix.2`, … (in index order; gaps are skipped). */
  list(prefix: string): string[] {
    const found: [number, string][] = [];
    const start = `${prefix}.`;
    for (const [key, value] of this.values) {
      if (!key.startsWith(start)) continue;
      const rest = key.slice(start.length);
      if (/^\d+$/.test(rest)) found.push([Number(rest), value]);
    }
    return found.sort((a, b) => a[0] - b[0]).map(([, value]) => value);
  }

  /** A list of structures encoded as `prefix.N.member…`: one {@link QueryParameters} per index, in index order. */
  structures(prefix: string): QueryParameters[] {
    const groups = new Map<number, Map<string, string>>();
    const start = `${prefix}.`;
    for (const [key, value] of this.values) {
      if (!key.startsWith(start)) continue;
      const rest = key.slice(start.length);
      const dot = rest.indexOf('.');
      if (dot <= 0) continue;
      const index = rest.slice(0, dot);
      if (!/^\d+$/.test(index)) continue;
      const number = Number(index);
      let group = groups.get(number);
      if (!group) groups.set(number, (group = new Map<string, string>()));
      group.set(rest.slice(dot + 1), value);
    }
    return [...groups.entries()].sort((a, b) => a[0] - b[0]).map(([, group]) => new QueryParameters(group));
  }

  /** The parameters under `prefix.` as their own set (a nested structure). */
  structure(prefix: string): QueryParameters {
    const group = new Map<string, string>();
    const start = `${prefix}.`;
    for (const [key, value] of this.values)
      if (key.startsWith(start)) group.set(key.slice(start.length), value);
    return new QueryParameters(group);
  }

  /**
   * The parameters as a nested object shaped like the operation's JSON input: `A.B` nests,
   * `A.member.N` (awsQuery) and `A.N` (ec2Query) become arrays. Values stay strings.
   */
  toObject(): Record<string, unknown> {
    const root: Record<string, unknown> = {};
    for (const [key, value] of this.values) {
      const segments = key.split('.');
      let node = root;
      for (let index = 0; index < segments.length - 1; index++) {
        const segment = segments[index]!;
        const next = node[segment];
        if (typeof next === 'object' && next !== null) {
          node = next as Record<string, unknown>;
        } else {
          const child: Record<string, unknown> = {};
          node[segment] = child;
          node = child;
        }
      }
      node[segments[segments.length - 1]!] = value;
    }
    return listify(root) as Record<string, unknown>;
  }

  /** Every parameter, for fingerprinting a request. */
  entries(): [string, string][] {
    return [...this.values.entries()];
  }
}

function isIndexObject(node: Record<string, unknown>): boolean {
  const keys = Object.keys(node);
  return keys.length > 0 && keys.every((key) => /^\d+$/.test(key));
}

/** Turns `{member: {1: x, 2: y}}` and `{1: x, 2: y}` into `[x, y]`, recursively. */
function listify(node: unknown): unknown {
  if (typeof node !== 'object' || node === null) return node;
  const record = node as Record<string, unknown>;
  const keys = Object.keys(record);
  const member = record.member;
  if (
    keys.length === 1 &&
    typeof member === 'object' &&
    member !== null &&
    isIndexObject(member as Record<string, unknown>)
  ) {
    return listify(member);
  }
  if (isIndexObject(record)) {
    return keys
      .map(Number)
      .sort((a, b) => a - b)
      .map((index) => listify(record[String(index)]));
  }
  const out: Record<string, unknown> = {};
  for (const key of keys) out[key] = listify(record[key]);
  return out;
}

/**
 * Parses the parameters of a query-protocol request: the URL query string, then the
 * `application/x-www-form-urlencoded` body (body values win).
 */
export function parseQueryParameters(url: URL, body: Buffer): QueryParameters {
  const values = new Map<string, string>();
  for (const [key, value] of url.searchParams) values.set(key, value);
  if (body.length > 0) {
    for (const [key, value] of new URLSearchParams(body.toString('utf8'))) values.set(key, value);
  }
  return new QueryParameters(values);
}
