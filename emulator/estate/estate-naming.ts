import type { Provider, Tags } from './model.js';
import { COST_CENTERS, EMAIL_DOMAIN, PEOPLE } from './presets.js';
import type { Random } from './random.js';

/**
 * Identifier, time and tag conventions shared by the estate generators, so that every resource
 * kind spells ids, times and tags the same way.
 */

/** A writable view of a model type, for building objects field by field before handing them out. */
export type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/*
 * Ids and names that the estate keeps are built with `[...].join('')` rather than template
 * literals: V8 represents a concatenation as a tree of "cons strings" until something flattens
 * it, which for a uuid costs ~400 bytes instead of ~60. With hundreds of thousands of ids, that is
 * the difference between a lean estate and a bloated one.
 */

/** Milliseconds in a day. */
export const DAY_MS = 86_400_000;

/** The shared empty tag set (frozen), for resources without tags. */
export const NO_TAGS: Tags = Object.freeze({});

/** ISO-8601 UTC with milliseconds, the model's time format. */
export function toIsoTime(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

const TWO_DIGITS: readonly string[] = Array.from({ length: 60 }, (_, value) =>
  String(value).padStart(2, '0'),
);

/**
 * A formatter equivalent to {@link toIsoTime} that is much cheaper for whole seconds: it caches
 * the date part per day and the time part per second of the day, and joins them. Generating
 * 100,000 instances formats about half a million times, so this matters; the caches live as long
 * as the returned function (one estate generation).
 */
export function createTimeFormatter(): (epochMs: number) => string {
  const days = new Map<number, string>();
  const seconds = new Array<string | undefined>(86_400).fill(undefined);
  return (epochMs) => {
    if (epochMs % 1000 !== 0 || epochMs < 0) return toIsoTime(epochMs);
    const day = Math.floor(epochMs / DAY_MS);
    let date = days.get(day);
    if (date === undefined) {
      date = toIsoTime(day * DAY_MS).slice(0, 11);
      days.set(day, date);
    }
    const second = (epochMs - day * DAY_MS) / 1000;
    let time = seconds[second];
    if (time === undefined) {
      const hours = Math.floor(second / 3600);
      const minutes = Math.floor((second % 3600) / 60);
      time = [TWO_DIGITS[hours], ':', TWO_DIGITS[minutes], ':', TWO_DIGITS[second % 60], '.000Z'].join('');
      seconds[second] = time;
    }
    return date + time;
  };
}

/** A time `0 ≤ offset < maxAgeMs` before the anchor, rounded down to the second. */
export function timeBefore(anchorMs: number, maxAgeMs: number, random: Random): number {
  return anchorMs - Math.floor((random.next() * maxAgeMs) / 1000) * 1000;
}

/** A time between `fromMs` and `toMs`, rounded down to the second (never before `fromMs`). */
export function timeBetween(fromMs: number, toMs: number, random: Random): number {
  if (toMs <= fromMs) return fromMs;
  return fromMs + Math.floor((random.next() * (toMs - fromMs)) / 1000) * 1000;
}

/** An Azure Resource Manager id. */
export function armResourceId(
  subscription: string,
  resourceGroup: string,
  type: string,
  name: string,
): string {
  return [
    '/subscriptions/',
    subscription,
    '/resourceGroups/',
    resourceGroup,
    '/providers/',
    type,
    '/',
    name,
  ].join('');
}

/** An AWS id such as `i-0a1b…` or `vol-0a1b…`: the prefix and 17 hex digits, like EC2 issues them. */
export function awsResourceId(prefix: string, random: Random): string {
  return [prefix, '-0', random.hex(16)].join('');
}

/** A GCE numeric resource id: 19 decimal digits (a uint64), as a string. */
export function gcpNumericId(random: Random): string {
  // The first digit stays below 9 so that the value fits an unsigned (and a signed) 64-bit integer.
  return [String(random.int(1, 8)), random.digits(18)].join('');
}

/** The values a resource's tags are built from. */
export interface TagValues {
  /** AWS `Name` tag; leave undefined for Azure and GCP (the name is the resource name there). */
  readonly name?: string | undefined;
  readonly environment: string;
  readonly team: string;
  readonly app: string;
  /** UPN local part of the owner (`alice`). */
  readonly owner: string;
}

/** Owner e-mail addresses and lowercase cost centers, built once so tags share the strings. */
const OWNER_EMAILS: ReadonlyMap<string, string> = new Map(
  PEOPLE.map((person) => [person, `${person}@${EMAIL_DOMAIN}`]),
);
const LOWERCASE_COST_CENTERS: ReadonlyMap<string, string> = new Map(
  Object.values(COST_CENTERS).map((costCenter) => [costCenter, costCenter.toLowerCase()]),
);

/** Which keys are missing from a resource's tags: about 19 % of resources miss at least one. */
function missing(random: Random): {
  owner: boolean;
  costCenter: boolean;
  team: boolean;
  environment: boolean;
} {
  return {
    owner: random.chance(0.09),
    costCenter: random.chance(0.07),
    team: random.chance(0.03),
    environment: random.chance(0.02),
  };
}

/**
 * Builds realistic tags (AWS), tags (Azure) or labels (GCP): `Name`/env/team/owner/cost-center/app
 * with some keys missing. Azure resources use `PascalCase` keys 60 % of the time and lowercase
 * keys otherwise; GCP labels are lowercase keys and values, as GCP requires.
 */
export function buildTags(provider: Provider, values: TagValues, random: Random, extra?: Tags): Tags {
  const gaps = missing(random);
  const costCenter = COST_CENTERS[values.team] ?? 'CC-9990';
  const email = OWNER_EMAILS.get(values.owner) ?? `${values.owner}@${EMAIL_DOMAIN}`;
  const tags: Record<string, string> = {};
  switch (provider) {
    case 'aws':
      if (values.name !== undefined && values.name !== '') tags.Name = values.name;
      if (!gaps.environment) tags.env = values.environment;
      if (!gaps.team) tags.team = values.team;
      if (!gaps.owner) tags.owner = email;
      if (!gaps.costCenter) tags['cost-center'] = costCenter;
      tags.app = values.app;
      break;
    case 'azure':
      if (random.chance(0.6)) {
        if (!gaps.environment) tags.Environment = values.environment;
        if (!gaps.team) tags.Team = values.team;
        if (!gaps.owner) tags.Owner = email;
        if (!gaps.costCenter) tags.CostCenter = costCenter;
        tags.Application = values.app;
      } else {
        if (!gaps.environment) tags.env = values.environment;
        if (!gaps.team) tags.team = values.team;
        if (!gaps.owner) tags.owner = email;
        if (!gaps.costCenter) tags['cost-center'] = costCenter;
        tags.app = values.app;
      }
      break;
    case 'gcp':
      if (!gaps.environment) tags.env = values.environment;
      if (!gaps.team) tags.team = values.team;
      if (!gaps.owner) tags.owner = values.owner;
      if (!gaps.costCenter)
        tags['cost-center'] = LOWERCASE_COST_CENTERS.get(costCenter) ?? costCenter.toLowerCase();
      tags.app = values.app;
      break;
  }
  if (extra) Object.assign(tags, extra);
  return tags;
}
