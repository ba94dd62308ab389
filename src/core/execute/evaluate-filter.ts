import type { FieldValue, ResourceRecord } from '../ports/cloud-port.js';
import type { PlanFilter } from '../plan/query-plan.js';

const RELATIVE_TIME = /^now-(\d+)(m|h|d|w)$/;
const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T/;

/**
 * The value of a normalized field of a record (`tag:KEY` reads a tag, case-insensitively on the key).
 * `undefined` = the record has no such value; `null` = the adapter could not read it (a `null`
 * field, or any tag field of a record with `tagsUnknown`), see `ListHints.fields`.
 */
export function readField(record: ResourceRecord, field: string): FieldValue | undefined {
  if (record.tagsUnknown === true && (field === 'tags' || field.startsWith('tag:'))) return null;
  switch (field) {
    case 'id':
      return record.id;
    case 'name':
      return record.name;
    case 'account':
      return record.account;
    case 'region':
      return record.region;
    case 'provider':
      return record.provider;
    case 'tags':
      return Object.keys(record.tags).length > 0 ? Object.keys(record.tags).sort().join(',') : undefined;
    case 'family': {
      const stored = record.fields.family;
      if (stored !== undefined) return stored;
      const type = record.fields.type;
      if (type === null) return null;
      return typeof type === 'string' ? familyOf(type) : undefined;
    }
    case 'size': {
      const type = record.fields.type;
      if (type === null) return null;
      return typeof type === 'string' && type.includes('.') ? type.slice(type.indexOf('.') + 1) : undefined;
    }
    default:
      break;
  }
  if (field.startsWith('tag:')) {
    const key = field.slice(4);
    if (Object.hasOwn(record.tags, key)) return record.tags[key];
    const lower = key.toLowerCase();
    const match = Object.keys(record.tags).find((k) => k.toLowerCase() === lower);
    return match === undefined ? undefined : record.tags[match];
  }
  return record.fields[field];
}

/** The family of an instance type: `t3` of `t3.micro`, `Standard_D2s_v3` → `D`-series as `dsv3`, `e2` of `e2-medium`. */
export function familyOf(type: string): string {
  if (type.includes('.')) return type.slice(0, type.indexOf('.')).toLowerCase();
  if (type.startsWith('Standard_') || type.startsWith('Basic_')) {
    const rest = type.replace(/^(Standard|Basic)_/, '');
    const letters = /^([A-Za-z]+)\d*([a-z]*)(?:_v(\d+))?/.exec(rest);
    if (letters === null) return rest.toLowerCase();
    return `${letters[1] ?? ''}${letters[2] ?? ''}${letters[3] === undefined ? '' : `v${letters[3]}`}`.toLowerCase();
  }
  const dash = type.indexOf('-');
  return (dash > 0 ? type.slice(0, dash) : type).toLowerCase();
}

function resolveValue(value: unknown, now: Date): unknown {
  if (typeof value === 'string') {
    const match = RELATIVE_TIME.exec(value);
    if (match)
      return new Date(now.getTime() - Number(match[1]) * (UNIT_MS[match[2] ?? 'd'] ?? 0)).toISOString();
  }
  return value;
}

function compare(actual: FieldValue, expected: unknown): number | undefined {
  if (typeof actual === 'number' && typeof expected === 'number') return actual - expected;
  if (typeof actual === 'string' && typeof expected === 'string') {
    if (ISO_TIME.test(actual) && ISO_TIME.test(expected)) return Date.parse(actual) - Date.parse(expected);
    const a = Number(actual);
    const b = Number(expected);
    if (actual.trim() !== '' && expected.trim() !== '' && Number.isFinite(a) && Number.isFinite(b))
      return a - b;
    return actual.localeCompare(expected);
  }
  if (typeof actual === 'string' && typeof expected === 'number') {
    const a = Number(actual);
    return Number.isFinite(a) ? a - expected : undefined;
  }
  return undefined;
}

function equals(actual: FieldValue | undefined, expected: unknown): boolean {
  if (actual === undefined || actual === null) return false;
  if (typeof actual === 'boolean' || typeof expected === 'boolean') {
    const e = typeof expected === 'string' ? expected.toLowerCase() === 'true' : expected;
    return actual === e;
  }
  if (typeof actual === 'number' || typeof expected === 'number') return Number(actual) === Number(expected);
  return actual.toLowerCase() === String(expected).toLowerCase();
}

/**
 * True when a record satisfies one filter at `now` (relative values like `now-30d` are resolved
 * against it). A field the adapter could not read (`null`, or tags with `tagsUnknown`) matches no
 * operator, not even `not_exists`, `ne` or `not_in`: the record is left out rather than wrongly
 * counted as lacking the value (the executor warns about it).
 */
export function matchesFilter(record: ResourceRecord, filter: PlanFilter, now: Date): boolean {
  const actual = readField(record, filter.field);
  if (actual === null) return false;
  const expected = resolveValue(filter.value, now);
  switch (filter.op) {
    case 'exists':
      return actual !== undefined && actual !== '';
    case 'not_exists':
      return actual === undefined || actual === '';
    case 'eq':
      return equals(actual, expected);
    case 'ne':
      return !equals(actual, expected);
    case 'in':
      return Array.isArray(expected) && expected.some((e) => equals(actual, e));
    case 'not_in':
      return !(Array.isArray(expected) && expected.some((e) => equals(actual, e)));
    case 'contains':
      return actual !== undefined && String(actual).toLowerCase().includes(String(expected).toLowerCase());
    case 'prefix':
      return actual !== undefined && String(actual).toLowerCase().startsWith(String(expected).toLowerCase());
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      if (actual === undefined) return false;
      const c = compare(actual, expected);
      if (c === undefined) return false;
      return filter.op === 'gt' ? c > 0 : filter.op === 'gte' ? c >= 0 : filter.op === 'lt' ? c < 0 : c <= 0;
    }
  }
}

/** True when a record satisfies every filter. */
export function matchesFilters(record: ResourceRecord, filters: readonly PlanFilter[], now: Date): boolean {
  return filters.every((f) => matchesFilter(record, f, now));
}
