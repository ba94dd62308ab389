import {
  type AuditAction,
  type ComparisonOp,
  type FilterField,
  type MetricName,
  type PlanFilter,
  type PlanMetric,
  type PlanMetricStatistic,
  type PlanProvider,
  type PlanResourceKind,
  type PlanSort,
  PROVIDERS,
  type QueryPlan,
  QueryPlanSchema,
  type RegionGroup,
  type TimeRange,
  type TimeUnit,
} from '../plan/query-plan.js';
import { describeAtom, describeFilter, describeTimeRange } from './describe-atom.js';
import type { Atom, AtomScan, UnknownWord } from './find-atoms.js';
import type { AtomValue, QuantityUnit, StateWord } from './lexicon-entry.js';
import { RULE_IDS, type RuleId } from './rule-ids.js';

/** Caller knobs for planning. */
export interface BuildPlanOptions {
  /** Provider to use when the question names none and nothing implies one. */
  readonly defaultProvider?: PlanProvider;
}

/** A confidence deduction with its reason. */
export interface Penalty {
  readonly reason: string;
  readonly amount: number;
}

/** The planner's outcome: a plan or the reason there is none, with everything needed to explain it. */
export interface PlanDraft {
  readonly plan?: QueryPlan;
  readonly ruleId?: RuleId;
  /** Set when no plan can be built (no resource kind, a metric without threshold…). */
  readonly failure?: string;
  /** The failure is a cloud or kind the agent does not cover (not a question it failed to read). */
  readonly unsupported?: boolean;
  readonly resource?: PlanResourceKind;
  readonly explanation: readonly string[];
  readonly matched: readonly { text: string; meaning: string }[];
  readonly caveats: readonly string[];
  readonly penalties: readonly Penalty[];
  /** Words nothing understood (after names and targets were recognized). */
  readonly unknown: readonly UnknownWord[];
}

type AtomOf<T extends AtomValue['type']> = Atom & { readonly value: Extract<AtomValue, { type: T }> };

function ofType<T extends AtomValue['type']>(atoms: readonly Atom[], type: T): AtomOf<T>[] {
  return atoms.filter((atom): atom is AtomOf<T> => atom.value.type === type);
}

function quote(atoms: readonly Atom[]): string {
  return atoms.map((atom) => `“${atom.text}”`).join(', ');
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

/** Default window of a metric question when none is given. */
const DEFAULT_METRIC_WINDOW: TimeRange = { kind: 'relative', amount: 1, unit: 'hour' };
/** Default window of a log search. */
const DEFAULT_LOG_WINDOW: TimeRange = { kind: 'relative', amount: 1, unit: 'hour' };
/** Default window of an audit question. */
const DEFAULT_AUDIT_WINDOW: TimeRange = { kind: 'relative', amount: 7, unit: 'day' };
/** "Idle" = average CPU below this percentage… */
const IDLE_CPU_PERCENT = 5;
/** …over this window, unless the question gives one. */
const DEFAULT_IDLE_WINDOW: TimeRange = { kind: 'relative', amount: 7, unit: 'day' };
/** Rows of a top-N question that gives no N. */
const DEFAULT_TOP_LIMIT = 10;

/** Which resource kinds a field applies to (undefined = all). */
const FIELD_KINDS: Partial<Record<string, readonly PlanResourceKind[]>> = {
  state: ['instance', 'volume', 'function', 'database'],
  type: ['instance', 'database'],
  family: ['instance'],
  size: ['instance'],
  zone: ['instance', 'volume', 'database'],
  platform: ['instance'],
  monitoring: ['instance'],
  public_ip: ['instance'],
  encrypted: ['volume', 'database', 'bucket'],
  attached: ['volume'],
  volume_type: ['volume'],
  size_gb: ['volume', 'database'],
  runtime: ['function'],
  runtime_deprecated: ['function'],
  memory_mb: ['function', 'instance'],
  engine: ['database'],
  multi_az: ['database'],
  public: ['database', 'bucket'],
  storage_class: ['bucket'],
  versioning: ['bucket'],
  launch_time: ['instance'],
  retention_days: ['log_group'],
};

/** Suffixes of relative time values (`now-90d`), as the executor reads them; months are written as 30 days. */
const AGE_UNIT_SUFFIX: Record<Exclude<TimeUnit, 'month'>, string> = {
  minute: 'm',
  hour: 'h',
  day: 'd',
  week: 'w',
};
const DAYS_PER_UNIT: Record<TimeUnit, number> = {
  minute: 1 / 1440,
  hour: 1 / 24,
  day: 1,
  week: 7,
  month: 30,
};
const BYTES_PER_UNIT: Partial<Record<QuantityUnit, number>> = {
  bytes: 1,
  kb: 1024,
  mb: 1024 ** 2,
  gb: 1024 ** 3,
  tb: 1024 ** 4,
  mb_per_second: 1024 ** 2,
};

interface Comparison {
  readonly op: ComparisonOp;
  readonly comparator?: AtomOf<'comparator'>;
  readonly quantity?: AtomOf<'quantity'>;
  readonly time?: AtomOf<'time'>;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Chinese environment words, for messages. */
const ENVIRONMENT_WORDS: Readonly<Record<string, string>> = {
  生产: 'prod',
  线上: 'prod',
  测试: 'test',
  开发: 'dev',
  预发: 'staging',
  预发布: 'staging',
  预生产: 'staging',
  沙箱: 'sandbox',
};
const IDENTIFIER_RE = /^[a-z0-9][\w./-]*$/i;
const PROVIDER_NAME_RE = /aws|amazon|azure|gcp|google|亚马逊|微软|谷歌/;
const NAME_LIKE_RE = /[\d_-]/;
/** Fields that name software a resource runs ("running windows", "running mysql 5.7"). */
const SOFTWARE_FIELDS: ReadonlySet<string> = new Set(['platform', 'engine', 'engine_version', 'runtime']);
/** A group-by phrase that names instances ("instance type", "vm size", "实例类型", "机型"). */
const INSTANCE_GROUP_RE = /\b(?:instance|vm|machine)\b|实例|虚拟机|服务器|机型/i;
/** Words before "logs" that say which kind of logs, not whose: never read as a log target. */
const GENERIC_LOG_QUALIFIERS = new Set([
  'recent',
  'latest',
  'new',
  'old',
  'raw',
  'full',
  'some',
  'any',
  'these',
  'those',
  'system',
  'debug',
  'info',
  'trace',
  'access',
  'security',
  'flow',
  'vpc',
  'server',
  'cloud',
  'app',
  'web',
  'request',
  'runtime',
  'platform',
  'activity',
  'diagnostic',
  'diagnostics',
]);
/** "logs of checkout-api", "logs for payments". */
const LOGS_OF_RE = /^\s*(?:of|for|from|in)\s+(?:the\s+)?$/;

/**
 * Names and targets are words no table knows, next to a word that announces them:
 * "payments lambda", "lambda payments", "checkout service", "payments 函数", "instance web-01".
 */
function recognizeTargets(
  atoms: readonly Atom[],
  unknown: readonly UnknownWord[],
  lower: string,
): { atoms: Atom[]; unknown: UnknownWord[] } {
  const anchors = atoms.filter(
    (atom) =>
      atom.value.type === 'anchor' ||
      (atom.value.type === 'resource' && atom.value.resource !== 'bucket') ||
      atom.value.type === 'logs',
  );
  const added: Atom[] = [];
  const remaining: UnknownWord[] = [];
  const onlySpaces = (from: number, to: number): boolean =>
    from <= to && lower.slice(from, to).trim().length === 0;
  for (const word of unknown) {
    if (word.cjk || !IDENTIFIER_RE.test(word.text)) {
      remaining.push(word);
      continue;
    }
    // A plain word names a function or a service ("payments lambda", "checkout 服务"); for other kinds
    // only name-like words do ("web-01 instance"), so "prod instances" is not read as a name.
    const namesIt = (anchor: Atom): boolean =>
      anchor.value.type === 'anchor' ||
      NAME_LIKE_RE.test(word.text) ||
      (anchor.value.type === 'resource' && anchor.value.resource === 'function');
    const before = anchors.find((anchor) =>
      anchor.value.type === 'logs'
        ? // "payments logs", "checkout-api 日志": the word names whose logs, unless it only qualifies them.
          onlySpaces(word.end, anchor.start) && !GENERIC_LOG_QUALIFIERS.has(word.text.toLowerCase())
        : onlySpaces(word.end, anchor.start) && namesIt(anchor),
    );
    const after = anchors.find(
      (anchor) => anchor.value.type !== 'logs' && onlySpaces(anchor.end, word.start) && namesIt(anchor),
    );
    const ofLogs = anchors.find(
      (anchor) =>
        anchor.value.type === 'logs' &&
        anchor.end <= word.start &&
        LOGS_OF_RE.test(lower.slice(anchor.end, word.start)),
    );
    const anchor = before ?? after ?? ofLogs;
    if (anchor === undefined) {
      remaining.push(word);
      continue;
    }
    const resource = anchor.value.type === 'resource' ? anchor.value.resource : undefined;
    added.push({
      start: word.start,
      end: word.end,
      text: word.text,
      entryId: 'TARGET-NEXT-TO-NOUN',
      value:
        resource === undefined
          ? { type: 'target', target: word.text }
          : { type: 'target', target: word.text, resource },
    });
  }
  return { atoms: [...atoms, ...added].sort((left, right) => left.start - right.start), unknown: remaining };
}

function ageValue(amount: number, unit: TimeUnit): string {
  return unit === 'month' ? `now-${String(amount * 30)}d` : `now-${String(amount)}${AGE_UNIT_SUFFIX[unit]}`;
}

/** Age "older than N" = time before now-N: the comparison flips. */
function flipForAge(op: ComparisonOp): ComparisonOp {
  switch (op) {
    case 'gt':
      return 'lt';
    case 'gte':
      return 'lte';
    case 'lt':
      return 'gt';
    case 'lte':
      return 'gte';
  }
}

function stateValues(
  resource: PlanResourceKind,
  word: StateWord,
): { filter?: PlanFilter; values?: string[]; note?: string } {
  switch (resource) {
    case 'instance':
      switch (word) {
        case 'stopped':
          return {
            values: ['stopped', 'deallocated'],
            note: 'stopped includes Azure deallocated VMs; say “deallocated” for those only',
          };
        case 'active':
        case 'in_use':
          return { values: ['running'] };
        case 'running':
        case 'stopping':
        case 'pending':
        case 'terminated':
        case 'deallocated':
          return { values: [word] };
        case 'available':
        case 'inactive':
        case 'failed':
          return {};
      }
      return {};
    case 'volume':
      if (word === 'available') {
        return {
          filter: { field: 'attached', op: 'eq', value: false },
          note: 'an “available” volume is one not attached',
        };
      }
      if (word === 'in_use') {
        return { filter: { field: 'attached', op: 'eq', value: true } };
      }
      return {};
    case 'database':
      if (word === 'available' || word === 'running' || word === 'active') {
        return {
          values: ['available'],
          note: word === 'available' ? undefined : 'a running database is “available”',
        };
      }
      if (word === 'stopped' || word === 'stopping' || word === 'failed' || word === 'pending') {
        return { values: [word] };
      }
      return {};
    case 'function':
      if (word === 'active' || word === 'inactive' || word === 'failed') {
        return { values: [word] };
      }
      return {};
    case 'bucket':
    case 'log_group':
      return {};
  }
}

/**
 * Combines the atoms of a question into a QueryPlan, deterministically, and says why.
 * Never guesses silently: every default is an explanation line, every doubt a penalty.
 */
export function buildPlan(scan: AtomScan, lower: string, options: BuildPlanOptions = {}): PlanDraft {
  const explanation: string[] = [];
  const caveats: string[] = [];
  const penalties: Penalty[] = [];
  const penalize = (reason: string, amount: number): void => {
    penalties.push({ reason, amount });
  };
  const withTargets = recognizeTargets(
    scan.atoms.filter((atom) => atom.value.type !== 'stop'),
    scan.unknown,
    lower,
  );
  const atoms = withTargets.atoms;
  const matched = atoms.map((atom) => ({
    text: atom.text,
    meaning: `${describeAtom(atom.value)} [${atom.entryId}]`,
  }));
  const result = (draft: {
    plan?: QueryPlan;
    ruleId?: RuleId;
    failure?: string;
    unsupported?: boolean;
    resource?: PlanResourceKind;
  }): PlanDraft => ({
    ...draft,
    explanation,
    matched,
    caveats,
    penalties,
    unknown: withTargets.unknown,
  });

  const resourceAtoms = ofType(atoms, 'resource');
  // "preemptible instances", "spot vms": an unknown word right before the noun qualifies it; ignoring
  // it would answer for every instance, so the question is not understood rather than widened.
  for (const word of withTargets.unknown) {
    if (word.cjk || word.text.length < 3) continue;
    const noun = resourceAtoms.find(
      (atom) => atom.start >= word.end && lower.slice(word.end, atom.start).trim() === '',
    );
    if (noun !== undefined) {
      penalize(`“${word.text}” qualifies “${noun.text}” but is not understood`, 0.4);
    }
  }
  const filterAtoms = ofType(atoms, 'filter');
  const metricAtoms = ofType(atoms, 'metric');
  const levelAtoms = ofType(atoms, 'level');
  const patternAtoms = ofType(atoms, 'pattern');
  const targetAtoms = ofType(atoms, 'target');
  const logsAtoms = ofType(atoms, 'logs');
  const timeAtoms = ofType(atoms, 'time');
  const idleAtoms = ofType(atoms, 'idle');

  for (const atom of ofType(atoms, 'negation')) {
    penalize(`the negation “${atom.text}” is not understood here`, 0.4);
  }
  for (const atom of ofType(atoms, 'environment')) {
    const word = ENVIRONMENT_WORDS[atom.value.word] ?? atom.value.word;
    penalize(
      `is “${atom.text}” an account or a tag? say “in the ${word} account” or “tagged env=${word}”`,
      0.35,
    );
  }
  // Mutation verbs that are not commands (a command was refused before planning).
  for (const atom of ofType(atoms, 'mutation_word')) {
    penalize(`the verb “${atom.text}” asks for a change, which is not a read question`, 0.35);
  }

  const vague = ofType(atoms, 'vague')[0];
  if (
    vague !== undefined &&
    !atoms.some(
      (atom) => atom.value.type === 'superlative' || (atom.value.type === 'limit' && atom.value.top),
    )
  ) {
    return result({
      failure: `“${vague.text}” has no number; say e.g. “average CPU over 80% in the last hour” or “top 10 by CPU”`,
    });
  }

  // ---- Resource kind
  let kinds = unique(resourceAtoms.map((atom) => atom.value.resource));
  const logsIntent =
    logsAtoms.length > 0 ||
    (levelAtoms.length > 0 && metricAtoms.length === 0) ||
    patternAtoms.some((atom) => atom.value.impliesLogs === true) ||
    (patternAtoms.length > 0 &&
      (kinds.includes('log_group') || targetAtoms.some((atom) => atom.value.resource === 'log_group')));
  // A cloud or kind we do not cover is refused, never answered for what we do cover instead (a log
  // search may name one: "errors in the redis logs").
  const unsupported = ofType(atoms, 'unsupported').find(
    (atom) => !logsIntent || atom.entryId.startsWith('PRV-'),
  );
  if (unsupported !== undefined) {
    return result({ failure: `“${unsupported.text}”: ${unsupported.value.what}`, unsupported: true });
  }
  if (kinds.includes('database') && kinds.includes('instance')) {
    kinds = kinds.filter((kind) => kind !== 'instance');
    explanation.push('“instance” read as a database instance (a database word is present)');
  }
  if (logsIntent && kinds.includes('log_group') && kinds.includes('function')) {
    kinds = kinds.filter((kind) => kind !== 'log_group');
  }
  let resource: PlanResourceKind | undefined = kinds[0];
  if (kinds.length > 1) {
    penalize(`several resource kinds (${kinds.join(', ')})`, 0.4);
  }
  if (resource === undefined) {
    const implying = filterAtoms.find((atom) => atom.value.implies !== undefined);
    const targetKind = targetAtoms.find((atom) => atom.value.resource !== undefined)?.value.resource;
    // "按实例类型统计", "count by instance type": the grouping names the kind.
    const groupingInstances = ofType(atoms, 'group').find((atom) => INSTANCE_GROUP_RE.test(atom.text));
    if (implying?.value.implies !== undefined) {
      resource = implying.value.implies;
      explanation.push(`resource: ${resource} (implied by “${implying.text}”)`);
    } else if (groupingInstances !== undefined) {
      resource = 'instance';
      explanation.push(`resource: instance (implied by “${groupingInstances.text}”)`);
    } else if (logsIntent) {
      resource = targetKind ?? 'log_group';
      explanation.push(`resource: ${resource} (a log search)`);
    } else if (metricAtoms.length > 0 || idleAtoms.length > 0) {
      resource = 'instance';
      explanation.push('resource: instance (metrics are about instances)');
    } else if (targetKind !== undefined) {
      resource = targetKind;
      explanation.push(`resource: ${resource} (implied by “${targetAtoms[0]?.text ?? ''}”)`);
    } else {
      return result({
        failure: 'no resource kind (instances, volumes, functions, databases, buckets, log groups) was named',
      });
    }
    penalize('resource kind inferred, not named', 0.05);
  } else {
    explanation.push(
      `resource: ${resource} (from ${quote(resourceAtoms.filter((atom) => atom.value.resource === resource))})`,
    );
  }
  const kind: PlanResourceKind = resource;

  // ---- Providers
  const providerAtoms = ofType(atoms, 'provider');
  // "Azure VMs", "谷歌云磁盘": a resource phrase that names its provider counts as naming it.
  const namingResources = resourceAtoms.filter(
    (atom) => atom.value.provider !== undefined && PROVIDER_NAME_RE.test(atom.text.toLowerCase()),
  );
  const explicitProviders = unique([
    ...providerAtoms.flatMap((atom) => atom.value.providers),
    ...namingResources.flatMap((atom) => (atom.value.provider === undefined ? [] : [atom.value.provider])),
  ]);
  const implied: { provider: PlanProvider; atom: Atom }[] = [];
  for (const atom of resourceAtoms) {
    if (atom.value.provider !== undefined && atom.value.resource === kind) {
      implied.push({ provider: atom.value.provider, atom });
    }
  }
  for (const atom of filterAtoms) {
    if (atom.value.provider !== undefined) {
      implied.push({ provider: atom.value.provider, atom });
    }
  }
  for (const atom of ofType(atoms, 'account')) {
    if (atom.value.provider !== undefined) {
      implied.push({ provider: atom.value.provider, atom });
    }
  }
  for (const atom of ofType(atoms, 'resource_group')) {
    implied.push({ provider: 'azure', atom });
  }
  if (explicitProviders.length > 0) {
    const conflicting = implied.filter((entry) => !explicitProviders.includes(entry.provider));
    if (conflicting.length > 0) {
      penalize(
        `${quote(conflicting.map((entry) => entry.atom))} does not belong to ${explicitProviders.join('/')}`,
        0.3,
      );
    }
  }
  let providers: PlanProvider[] = unique([...explicitProviders, ...implied.map((entry) => entry.provider)]);
  if (explicitProviders.length > 0) {
    explanation.push(
      `providers: ${explicitProviders.join(', ')} (from ${quote([...providerAtoms, ...namingResources])})`,
    );
  }
  for (const provider of unique(implied.map((entry) => entry.provider))) {
    if (!explicitProviders.includes(provider)) {
      explanation.push(
        `provider: ${provider} (implied by ${quote(implied.filter((entry) => entry.provider === provider).map((entry) => entry.atom))})`,
      );
    }
  }

  // ---- Regions and zones
  const regions: string[] = [];
  const regionGroups: RegionGroup[] = [];
  const zones: string[] = [];
  const regionAtoms = ofType(atoms, 'region');
  const codeAtoms = regionAtoms.filter((atom) => !atom.value.named);
  const zoneAtoms = ofType(atoms, 'zone');
  if (providers.length === 0) {
    const fromCodes = unique([
      ...codeAtoms.flatMap((atom) => Object.keys(atom.value.codes) as PlanProvider[]),
      ...zoneAtoms.map((atom) => atom.value.provider),
    ]);
    if (fromCodes.length > 0) {
      providers = fromCodes;
      explanation.push(
        `provider: ${fromCodes.join(', ')} (implied by region ${quote([...codeAtoms, ...zoneAtoms])})`,
      );
    } else if (options.defaultProvider !== undefined) {
      providers = [options.defaultProvider];
      explanation.push(`provider: ${options.defaultProvider} (default provider; none named)`);
    }
  }
  for (const atom of [...regionAtoms, ...zoneAtoms].sort((left, right) => left.start - right.start)) {
    if (atom.value.type === 'zone') {
      zones.push(atom.value.zone);
      regions.push(atom.value.region);
      if (providers.length > 0 && !providers.includes(atom.value.provider)) {
        penalize(`zone “${atom.text}” is not in ${providers.join('/')}`, 0.3);
      }
      continue;
    }
    const codes = atom.value.codes;
    if (!atom.value.named) {
      const [provider, code] = Object.entries(codes)[0] ?? [];
      if (code !== undefined) {
        regions.push(code);
        explanation.push(`region: ${code} (from “${atom.text}”)`);
        if (providers.length > 0 && !providers.includes(provider as PlanProvider)) {
          penalize(`region “${atom.text}” is not a ${providers.join('/')} region`, 0.3);
        }
      }
      continue;
    }
    if (providers.length > 0) {
      const resolved = providers
        .map((provider) => codes[provider])
        .filter((code): code is string => code !== undefined);
      if (resolved.length === 0) {
        penalize(`“${atom.text}” has no ${providers.join('/')} region`, 0.3);
      }
      regions.push(...resolved);
      explanation.push(`region: ${resolved.join(', ')} (“${atom.text}” at ${providers.join(', ')})`);
      continue;
    }
    const fallback = PROVIDERS.find((provider) => codes[provider] !== undefined) ?? 'aws';
    const code = codes[fallback];
    if (code !== undefined) {
      regions.push(code);
      providers = [fallback];
      explanation.push(`region: ${code} (“${atom.text}” at ${fallback}; no provider named)`);
      if (Object.keys(codes).length > 1) {
        caveats.push(
          `“${atom.text}” was read as the ${fallback} region ${code}; name the provider (Azure, GCP) for its own region there.`,
        );
      }
    }
  }
  for (const atom of ofType(atoms, 'region_group')) {
    regionGroups.push(atom.value.group);
    explanation.push(
      `region group: ${atom.value.group} (from “${atom.text}”; each provider's ${atom.value.group} regions)`,
    );
  }
  if (providers.length === 0) {
    explanation.push('providers: every configured provider (none named)');
  }
  providers = PROVIDERS.filter((provider) => providers.includes(provider));

  // ---- Scope: accounts, resource groups
  const accounts = unique(ofType(atoms, 'account').map((atom) => atom.value.account));
  const resourceGroups = unique(ofType(atoms, 'resource_group').map((atom) => atom.value.resourceGroup));
  for (const atom of ofType(atoms, 'account')) {
    explanation.push(`account: ${atom.value.account} (from “${atom.text}”)`);
  }
  for (const atom of ofType(atoms, 'resource_group')) {
    explanation.push(`resource group: ${atom.value.resourceGroup} (from “${atom.text}”)`);
  }

  // ---- Comparisons: comparator + number, number + trailing comparator, comparator + duration
  const core = atoms;
  const used = new Set<Atom>();
  const comparisons: Comparison[] = [];
  for (let index = 0; index < core.length; index += 1) {
    const atom = core[index];
    const next = core[index + 1];
    if (atom === undefined || used.has(atom)) {
      continue;
    }
    if (atom.value.type === 'comparator' && !atom.value.after) {
      const comparator = atom as AtomOf<'comparator'>;
      if (next?.value.type === 'quantity') {
        comparisons.push({
          op: atom.value.op,
          comparator,
          quantity: next as AtomOf<'quantity'>,
          start: atom.start,
          end: next.end,
          text: `${atom.text} ${next.text}`,
        });
        used.add(atom).add(next);
      } else if (next?.value.type === 'time' && next.value.bare !== undefined) {
        comparisons.push({
          op: atom.value.op,
          comparator,
          time: next as AtomOf<'time'>,
          start: atom.start,
          end: next.end,
          text: `${atom.text} ${next.text}`,
        });
        used.add(atom).add(next);
      } else if (next?.value.type === 'time') {
        used.add(atom);
      }
      continue;
    }
    if (
      (atom.value.type === 'quantity' ||
        (atom.value.type === 'time' && atom.value.bare !== undefined && atom.value.ago !== true)) &&
      next?.value.type === 'comparator' &&
      next.value.after
    ) {
      const base = {
        op: next.value.op,
        comparator: next as AtomOf<'comparator'>,
        start: atom.start,
        end: next.end,
        text: `${atom.text}${next.text}`,
      };
      comparisons.push(
        atom.value.type === 'quantity'
          ? { ...base, quantity: atom as AtomOf<'quantity'> }
          : { ...base, time: atom as AtomOf<'time'> },
      );
      used.add(atom).add(next);
    }
  }
  for (const atom of ofType(atoms, 'comparator')) {
    if (!used.has(atom)) {
      penalize(`“${atom.text}” compares with no number`, 0.3);
    }
  }

  // ---- Bind comparisons to what they compare
  const filters: PlanFilter[] = [];
  const addFilter = (filter: PlanFilter, source: string, note?: string): void => {
    const allowed = FIELD_KINDS[filter.field.startsWith('tag:') ? 'tag' : filter.field];
    if (allowed !== undefined && !allowed.includes(kind)) {
      penalize(`${filter.field} does not apply to ${kind}s`, 0.35);
    }
    const key = JSON.stringify(filter);
    if (filters.some((existing) => JSON.stringify(existing) === key)) {
      return;
    }
    filters.push(filter);
    explanation.push(
      `filter: ${describeFilter(filter)} (from “${source}”${note === undefined ? '' : `; ${note}`})`,
    );
  };
  // Functions, volumes… have no metrics here: "memory" of a function is its configured memory.
  const metricSubjects =
    kind === 'instance' ? metricAtoms : metricAtoms.filter((atom) => atom.value.metric !== 'memory');
  const memoryFieldAtoms =
    kind === 'instance' ? [] : metricAtoms.filter((atom) => atom.value.metric === 'memory');
  const subjects = [...metricSubjects, ...memoryFieldAtoms, ...ofType(atoms, 'subject')];
  const boundSubjects = new Set<Atom>();
  const metricConditions: {
    metric: MetricName;
    op: ComparisonOp;
    threshold: number;
    unit: PlanMetric['unit'];
    text: string;
    atom: Atom;
  }[] = [];
  for (const comparison of comparisons) {
    const unit: QuantityUnit | 'time' =
      comparison.time !== undefined ? 'time' : (comparison.quantity?.value.unit ?? 'none');
    const compatible = subjects.filter((subject) => {
      if (boundSubjects.has(subject)) {
        return false;
      }
      const value = subject.value;
      if (value.type === 'metric') {
        if (unit === 'time') {
          return false;
        }
        if (value.metric === 'cpu') {
          return unit === 'percent' || unit === 'none';
        }
        if (value.metric === 'memory') {
          return unit !== 'mb_per_second';
        }
        return unit !== 'percent';
      }
      if (value.field === 'age') {
        return unit === 'time';
      }
      if (value.field === 'retention_days') {
        return unit === 'time' || unit === 'none';
      }
      if (value.field === 'size_gb') {
        return unit === 'gb' || unit === 'tb' || unit === 'mb' || unit === 'none';
      }
      return unit === 'mb' || unit === 'gb' || unit === 'none';
    });
    const distance = (subject: Atom): number =>
      subject.end <= comparison.start ? comparison.start - subject.end : subject.start - comparison.end + 0.5;
    const subject = compatible.sort((left, right) => distance(left) - distance(right))[0];
    if (subject !== undefined) {
      boundSubjects.add(subject);
    }
    const sense = comparison.comparator?.value.sense;
    if (comparison.time !== undefined) {
      const bare = comparison.time.value.bare ?? { amount: 1, unit: 'day' as const };
      if (subject?.value.type === 'subject' && subject.value.field === 'retention_days') {
        addFilter(
          {
            field: 'retention_days',
            op: comparison.op,
            value: Math.round(bare.amount * DAYS_PER_UNIT[bare.unit]),
          },
          `${subject.text} ${comparison.text}`,
        );
        continue;
      }
      const timeField =
        comparison.comparator?.value.timeField ??
        (subject?.value.type === 'subject' ? subject.value.timeField : undefined) ??
        (kind === 'instance' ? 'launch_time' : 'created_time');
      addFilter(
        { field: timeField, op: flipForAge(comparison.op), value: ageValue(bare.amount, bare.unit) },
        comparison.text,
        `age ${comparison.op} ${String(bare.amount)} ${bare.unit}(s)`,
      );
      continue;
    }
    const quantity = comparison.quantity;
    if (quantity === undefined) {
      continue;
    }
    const amount = quantity.value.value;
    const subjectValue = subject?.value;
    if (
      subjectValue?.type === 'metric' &&
      !(
        subjectValue.metric === 'memory' &&
        (unit === 'mb' ||
          unit === 'gb' ||
          unit === 'kb' ||
          unit === 'tb' ||
          (unit === 'none' && kind === 'function'))
      )
    ) {
      const metric = subjectValue.metric;
      if (metric === 'cpu' || metric === 'memory') {
        const threshold =
          quantity.value.fraction && unit === 'none' ? Math.round(amount * 10_000) / 100 : amount;
        if (quantity.value.fraction && unit === 'none') {
          explanation.push(`threshold ${String(amount)} read as ${String(threshold)}% (a fraction)`);
        } else if (unit === 'none') {
          explanation.push(
            `threshold ${String(amount)} read as ${String(amount)}% (${metric} is a percentage)`,
          );
        }
        if (threshold > 100 || threshold < 0) {
          penalize(`${String(threshold)}% is not a percentage`, 0.4);
        }
        metricConditions.push({
          metric,
          op: comparison.op,
          threshold,
          unit: 'percent',
          text: `${subject?.text ?? ''} ${comparison.text}`,
          atom: subject as Atom,
        });
      } else {
        const factor = BYTES_PER_UNIT[unit === 'none' ? 'bytes' : (unit as QuantityUnit)] ?? 1;
        if (unit === 'none') {
          explanation.push(`threshold ${String(amount)} read as bytes`);
        }
        metricConditions.push({
          metric,
          op: comparison.op,
          threshold: amount * factor,
          unit: unit === 'mb_per_second' ? 'bytes_per_second' : 'bytes',
          text: `${subject?.text ?? ''} ${comparison.text}`,
          atom: subject as Atom,
        });
      }
      continue;
    }
    const memoryField =
      subjectValue?.type === 'metric' ||
      (subjectValue?.type === 'subject' && subjectValue.field === 'memory_mb');
    if (memoryField || (subjectValue === undefined && unit === 'mb' && kind === 'function')) {
      const megabytes =
        unit === 'gb'
          ? amount * 1024
          : unit === 'tb'
            ? amount * 1024 * 1024
            : unit === 'kb'
              ? amount / 1024
              : amount;
      addFilter(
        { field: 'memory_mb', op: comparison.op, value: megabytes },
        `${subject?.text ?? ''} ${comparison.text}`.trim(),
        unit === 'none' ? 'MB assumed' : undefined,
      );
      continue;
    }
    const sizeField =
      (subjectValue?.type === 'subject' && subjectValue.field === 'size_gb') ||
      sense === 'size' ||
      (subjectValue === undefined &&
        (unit === 'gb' || unit === 'tb' || unit === 'mb') &&
        (kind === 'volume' || kind === 'database'));
    if (sizeField) {
      const gigabytes = unit === 'tb' ? amount * 1024 : unit === 'mb' ? amount / 1024 : amount;
      addFilter(
        { field: 'size_gb', op: comparison.op, value: gigabytes },
        `${subject?.text ?? ''} ${comparison.text}`.trim(),
        unit === 'none' ? 'GB assumed' : undefined,
      );
      continue;
    }
    if (subjectValue?.type === 'subject' && subjectValue.field === 'retention_days') {
      addFilter(
        { field: 'retention_days', op: comparison.op, value: amount },
        `${subject?.text ?? ''} ${comparison.text}`,
        'days',
      );
      continue;
    }
    penalize(`“${comparison.text}” does not say what it compares`, 0.4);
  }
  for (const subject of subjects) {
    if (
      subject.value.type === 'subject' &&
      !boundSubjects.has(subject) &&
      subject.value.field !== 'size_gb'
    ) {
      penalize(`“${subject.text}” has no value to compare with`, 0.25);
    }
  }

  // Ages written "90 days ago" / "90天前"
  const agoAtoms = timeAtoms.filter((atom) => atom.value.ago === true && !used.has(atom));
  for (const atom of agoAtoms) {
    const bare = atom.value.bare;
    if (bare !== undefined) {
      used.add(atom);
      addFilter(
        {
          field: kind === 'instance' ? 'launch_time' : 'created_time',
          op: 'lt',
          value: ageValue(bare.amount, bare.unit),
        },
        atom.text,
        'created before then',
      );
    }
  }

  // ---- States
  const auditAtoms = ofType(atoms, 'audit');
  const cues = ofType(atoms, 'audit_cue');
  const windowAtoms = timeAtoms.filter(
    (atom) => !used.has(atom) && atom.value.ago !== true && (atom.value.bare === undefined || true),
  );
  const stateAtoms = ofType(atoms, 'state');
  const weakAudit = [
    ...stateAtoms.filter((atom) => atom.value.audit !== undefined),
    ...auditAtoms.filter((atom) => !atom.value.strong),
  ];
  const strongAudit =
    agoAtoms.length > 0
      ? auditAtoms.filter((atom) => atom.value.strong && atom.value.action !== 'create')
      : auditAtoms.filter((atom) => atom.value.strong);
  const metricIntent =
    metricAtoms.length > 0 &&
    metricConditions.length + (ofType(atoms, 'superlative').length + ofType(atoms, 'limit').length) > 0;
  const auditIntent =
    !logsIntent &&
    !metricIntent &&
    (strongAudit.length > 0 ||
      (weakAudit.length > 0 &&
        (cues.length > 0 || windowAtoms.some((atom) => atom.value.bare === undefined))));
  if (!auditIntent) {
    const words = unique([
      ...stateAtoms.flatMap((atom) => atom.value.states.map((word) => ({ word, atom }))),
      ...auditAtoms.flatMap((atom) => (atom.value.states ?? []).map((word) => ({ word, atom }))),
    ]);
    const values: string[] = [];
    for (const { word, atom } of words) {
      // "instances running windows", "databases running mysql 5.7": after the noun, "running" + software
      // is the verb "to run", not a state ("running windows instances" keeps the state).
      const runsSoftware =
        word === 'running' &&
        /^running$/i.test(atom.text.trim()) &&
        resourceAtoms.some((noun) => noun.end <= atom.start) &&
        filterAtoms.some(
          (next) =>
            next.start >= atom.end &&
            lower.slice(atom.end, next.start).trim() === '' &&
            next.value.filters.some((filter) => SOFTWARE_FIELDS.has(filter.field)),
        );
      if (runsSoftware) {
        explanation.push(`state: “${atom.text}” read as “that runs”, not as a state`);
        continue;
      }
      const mapped = stateValues(kind, word);
      if (mapped.filter !== undefined) {
        addFilter(mapped.filter, atom.text, mapped.note);
      } else if (mapped.values !== undefined) {
        values.push(...mapped.values);
        if (mapped.note !== undefined) {
          explanation.push(`state: ${mapped.note}`);
        }
      } else if (kind === 'function' && word === 'running') {
        explanation.push(`state: “${atom.text}” ignored (functions have no running state)`);
      } else if (!(logsIntent && word === 'failed')) {
        penalize(`state “${atom.text}” does not apply to ${kind}s`, 0.4);
      }
    }
    const states = unique(values);
    if (states.length === 1) {
      addFilter({ field: 'state', op: 'eq', value: states[0] ?? '' }, quote(stateAtoms).replace(/“|”/g, ''));
    } else if (states.length > 1) {
      addFilter({ field: 'state', op: 'in', value: states }, quote(stateAtoms).replace(/“|”/g, ''));
    }
  }

  // ---- Fixed filters, public access, zones, targets as names
  for (const atom of filterAtoms) {
    for (const filter of atom.value.filters) {
      addFilter(filter, atom.text);
    }
  }
  for (const atom of ofType(atoms, 'public')) {
    if (kind === 'instance') {
      addFilter(
        { field: 'public_ip', op: atom.value.value ? 'exists' : 'not_exists' },
        atom.text,
        'a public instance has a public IP',
      );
    } else {
      addFilter({ field: 'public', op: 'eq', value: atom.value.value }, atom.text);
    }
  }
  if (zones.length === 1) {
    addFilter({ field: 'zone', op: 'eq', value: zones[0] ?? '' }, zones[0] ?? '');
  } else if (zones.length > 1) {
    addFilter({ field: 'zone', op: 'in', value: unique(zones) }, zones.join(', '));
  }
  if (!logsIntent) {
    for (const atom of targetAtoms) {
      addFilter({ field: 'name', op: 'eq', value: atom.value.target }, atom.text, 'a name');
    }
    for (const atom of patternAtoms) {
      addFilter({ field: 'name', op: 'contains', value: atom.value.pattern }, atom.text, 'text in the name');
    }
    for (const atom of levelAtoms) {
      penalize(`“${atom.text}” only makes sense for logs`, 0.3);
    }
  }

  // ---- Metrics
  const statisticAtoms = ofType(atoms, 'statistic');
  const superlatives = ofType(atoms, 'superlative');
  const limitAtoms = ofType(atoms, 'limit');
  const sortAtoms = ofType(atoms, 'sort');
  const directionAtom = ofType(atoms, 'direction')[0];
  let metric: PlanMetric | undefined;
  let timeRange: TimeRange | undefined;
  const sort: PlanSort[] = [];
  let limit: number | undefined;
  let limitDefaulted = false;
  let ruleId: RuleId | undefined;
  const windowAtom = windowAtoms.find((atom) => atom.value.bare === undefined) ?? windowAtoms[0];
  const takeWindow = (fallback: TimeRange, what: string): TimeRange => {
    if (windowAtom !== undefined) {
      used.add(windowAtom);
      explanation.push(
        `time range: ${describeTimeRange(windowAtom.value.range)} (from “${windowAtom.text}”)`,
      );
      return windowAtom.value.range;
    }
    explanation.push(`time range: ${describeTimeRange(fallback)} (default for ${what})`);
    return fallback;
  };
  const takeStatistic = (allowSuperlative: boolean): PlanMetricStatistic => {
    const statistic = statisticAtoms[0];
    if (statistic !== undefined) {
      explanation.push(`statistic: ${statistic.value.statistic} (from “${statistic.text}”)`);
      return statistic.value.statistic;
    }
    const superlative = allowSuperlative
      ? superlatives.find((atom) => atom.value.statistic !== undefined)
      : undefined;
    if (superlative?.value.statistic !== undefined) {
      used.add(superlative);
      explanation.push(`statistic: ${superlative.value.statistic} (from “${superlative.text}”)`);
      return superlative.value.statistic;
    }
    explanation.push('statistic: avg (default)');
    return 'avg';
  };
  const limitFrom = (): number | undefined =>
    limitAtoms.find((atom) => atom.value.limit !== undefined)?.value.limit ??
    superlatives.find((atom) => atom.value.limit !== undefined)?.value.limit;

  if (metricConditions.length > 1) {
    penalize('only one metric condition per question is supported', 0.4);
  }
  const condition = metricConditions[0];
  const sortMetricNames = sortAtoms.flatMap((atom) =>
    atom.value.metric === undefined ? [] : [atom.value.metric],
  );
  const wantsTop =
    limitAtoms.some((atom) => atom.value.top) ||
    superlatives.some((atom) => atom.value.sense === 'metric') ||
    sortAtoms.some((atom) => atom.value.sense === 'metric');
  if (!logsIntent && !auditIntent) {
    if (condition !== undefined) {
      const statistic = takeStatistic(true);
      metric = {
        name: condition.metric,
        statistic,
        op: condition.op,
        threshold: condition.threshold,
        unit: condition.unit,
      };
      explanation.push(
        `metric: ${statistic} ${condition.metric} ${condition.op} ${String(condition.threshold)} ${condition.unit} (from “${condition.text.trim()}”)`,
      );
      timeRange = takeWindow(DEFAULT_METRIC_WINDOW, 'metrics');
      ruleId = RULE_IDS.metricThreshold;
    } else if (memoryFieldAtoms.length > 0 && metricSubjects.length === 0) {
      const unbound = memoryFieldAtoms.filter((atom) => !boundSubjects.has(atom));
      if (unbound.length > 0 && superlatives.length + sortAtoms.length === 0) {
        penalize(`“${unbound[0]?.text ?? ''}” of a ${kind} needs a comparison (“more than 512 MB”)`, 0.3);
      }
    } else if (
      (metricSubjects.length > 0 && !boundSubjects.has(metricSubjects[0] as Atom)) ||
      (kind === 'instance' && sortMetricNames.length > 0)
    ) {
      const names = unique([
        ...metricSubjects.filter((atom) => !boundSubjects.has(atom)).map((atom) => atom.value.metric),
        ...sortMetricNames,
      ]);
      if (names.length > 1) {
        penalize(`several metrics (${names.join(', ')}) with no condition`, 0.3);
      }
      const name = names[0] ?? 'cpu';
      const hasIdentity = filters.some((filter) => filter.field === 'id' || filter.field === 'name');
      // "average memory of my Azure VMs": a named statistic asks for the values, not a vague judgement.
      const namesStatistic = statisticAtoms.length > 0;
      if (wantsTop || hasIdentity || namesStatistic) {
        const statistic = takeStatistic(false);
        const unit: PlanMetric['unit'] = name === 'cpu' || name === 'memory' ? 'percent' : 'bytes';
        metric = { name, statistic, unit };
        timeRange = takeWindow(DEFAULT_METRIC_WINDOW, 'metrics');
        if (wantsTop) {
          const direction =
            superlatives.find((atom) => atom.value.sense === 'metric')?.value.direction ??
            directionAtom?.value.direction ??
            sortAtoms.find((atom) => atom.value.sense === 'metric')?.value.direction ??
            'desc';
          sort.push({ field: 'metric', direction });
          limit = limitFrom();
          if (limit === undefined) {
            limit = DEFAULT_TOP_LIMIT;
            limitDefaulted = true;
            explanation.push(`limit: ${String(DEFAULT_TOP_LIMIT)} (default for a top list)`);
          } else {
            explanation.push(`limit: ${String(limit)}`);
          }
          explanation.push(`metric: ${statistic} ${name}, sorted ${direction} (a top list, no threshold)`);
          ruleId = RULE_IDS.metricTop;
        } else if (hasIdentity) {
          explanation.push(`metric: ${statistic} ${name} of the named resource (no threshold)`);
          ruleId = RULE_IDS.metricValue;
        } else {
          sort.push({ field: 'metric', direction: 'desc' });
          explanation.push(
            `metric: ${statistic} ${name} of every matching ${kind}, highest first (no threshold, no limit)`,
          );
          ruleId = RULE_IDS.metricValue;
        }
      } else {
        return result({
          failure: `a metric (${name}) needs a threshold (“over 80%”) or a top list (“top 10 by ${name}”)`,
          resource: kind,
        });
      }
    } else if (idleAtoms.length > 0) {
      const idle = idleAtoms[0] as Atom;
      if (kind === 'volume') {
        addFilter(
          { field: 'attached', op: 'eq', value: false },
          idle.text,
          'an idle volume is one not attached',
        );
      } else if (kind === 'instance') {
        metric = { name: 'cpu', statistic: 'avg', op: 'lt', threshold: IDLE_CPU_PERCENT, unit: 'percent' };
        explanation.push(
          `metric: avg cpu < ${String(IDLE_CPU_PERCENT)} percent (default meaning of “${idle.text}”)`,
        );
        timeRange = takeWindow(DEFAULT_IDLE_WINDOW, 'idleness');
        ruleId = RULE_IDS.metricIdle;
      } else {
        penalize(`“${idle.text}” has no defined meaning for ${kind}s`, 0.4);
      }
    }
  }

  // ---- Audit
  let audit: { actions: AuditAction[] } | undefined;
  if (auditIntent) {
    const actions = unique([
      ...strongAudit.map((atom) => atom.value.action),
      ...weakAudit.map((atom) =>
        atom.value.type === 'state' ? (atom.value.audit ?? 'stop') : atom.value.action,
      ),
    ]);
    audit = { actions };
    explanation.push(`audit: ${actions.join(', ')} events (from ${quote([...strongAudit, ...weakAudit])})`);
    timeRange = takeWindow(DEFAULT_AUDIT_WINDOW, 'audit questions');
    ruleId = RULE_IDS.audit;
    if (kind === 'instance' && (providers.length === 0 || providers.includes('aws'))) {
      caveats.push(
        'EC2 LaunchTime is the last start time, not the creation time; creation comes from CloudTrail (90 days)',
      );
    }
    if (
      timeRange.kind === 'relative' &&
      timeRange.amount * DAYS_PER_UNIT[timeRange.unit] > 90 &&
      (providers.length === 0 || providers.includes('aws'))
    ) {
      caveats.push('CloudTrail event history covers only the last 90 days');
    }
  } else if (auditAtoms.some((atom) => atom.value.strong) && agoAtoms.length === 0) {
    penalize(`${quote(auditAtoms)} describes an event, which does not combine with this question`, 0.3);
  }

  // ---- Logs
  let logQuery: QueryPlan['logQuery'];
  if (logsIntent) {
    const level =
      levelAtoms[0]?.value.level ??
      (stateAtoms.some((atom) => atom.value.states.includes('failed')) ? 'error' : undefined);
    const pattern = patternAtoms[0]?.value.pattern;
    // "errors in the redis logs": a kind we do not cover still names whose logs to search.
    const target =
      targetAtoms[0]?.value.target ??
      ofType(atoms, 'unsupported').find((atom) => !atom.entryId.startsWith('PRV-'))?.text;
    logQuery = {
      ...(pattern === undefined ? {} : { pattern }),
      ...(level === undefined ? {} : { level }),
      ...(target === undefined ? {} : { target }),
    };
    explanation.push(
      `logs: ${level === undefined ? 'any level' : `level ${level}`}${pattern === undefined ? '' : `, containing “${pattern}”`}${target === undefined ? '' : `, of “${target}”`}`,
    );
    timeRange = takeWindow(DEFAULT_LOG_WINDOW, 'log searches');
    ruleId = RULE_IDS.logs;
    if (filters.length > 0) {
      penalize('filters do not apply to a log search', 0.2);
    }
  }

  // ---- Grouping and counting
  const groupBy = unique(
    ofType(atoms, 'group').map((atom) => {
      if (atom.value.field === 'type' && kind === 'volume') {
        return 'volume_type';
      }
      if (atom.value.field === 'type' && kind === 'bucket') {
        return 'storage_class';
      }
      return atom.value.field;
    }),
  );
  const counting = ofType(atoms, 'count').length > 0;
  if (groupBy.length > 0) {
    explanation.push(`group by: ${groupBy.join(', ')} (from ${quote(ofType(atoms, 'group'))})`);
  }

  // ---- Sorting and limits for lists
  if (ruleId === undefined || ruleId === RULE_IDS.metricThreshold || ruleId === RULE_IDS.metricIdle) {
    for (const atom of [...superlatives, ...sortAtoms]) {
      if (used.has(atom)) {
        continue;
      }
      const sense = atom.value.sense;
      const direction = atom.value.direction ?? directionAtom?.value.direction;
      let field: FilterField | 'metric' | undefined;
      if (sense === 'metric') {
        field = metric === undefined ? undefined : 'metric';
      } else if (sense === 'size') {
        field =
          kind === 'volume' || kind === 'database'
            ? 'size_gb'
            : kind === 'function'
              ? 'memory_mb'
              : undefined;
      } else if (sense === 'age') {
        const explicit = atom.value.type === 'sort' ? atom.value.field : atom.value.timeField;
        field =
          explicit ??
          (kind === 'instance' && !/creat|创建/.test(atom.text.toLowerCase())
            ? 'launch_time'
            : 'created_time');
      } else if (sense === 'memory') {
        field = kind === 'instance' ? (metric === undefined ? undefined : 'metric') : 'memory_mb';
      } else {
        field = atom.value.type === 'sort' ? atom.value.field : undefined;
      }
      if (field === undefined) {
        penalize(`“${atom.text}” does not say what to order by for ${kind}s`, 0.35);
        continue;
      }
      const defaultDirection: 'asc' | 'desc' = sense === 'name' || sense === 'field' ? 'asc' : 'desc';
      const resolved = direction ?? defaultDirection;
      if (!sort.some((existing) => existing.field === field)) {
        sort.push({ field, direction: resolved });
        explanation.push(`sort: ${field} ${resolved} (from “${atom.text}”)`);
      }
    }
    const requested = limitFrom();
    if (requested !== undefined) {
      limit = requested;
      explanation.push(`limit: ${String(requested)}`);
    } else if (limitAtoms.some((atom) => atom.value.top)) {
      if (sort.length === 0) {
        penalize('“top” without what to rank by', 0.35);
      } else {
        limit = DEFAULT_TOP_LIMIT;
        limitDefaulted = true;
        explanation.push(`limit: ${String(DEFAULT_TOP_LIMIT)} (default for a top list)`);
      }
    }
    if (limit !== undefined && sort.length === 0 && limitAtoms.some((atom) => atom.value.top)) {
      penalize('“top” without what to rank by', 0.35);
    }
  }

  // ---- Unused quantities and windows
  for (const atom of ofType(atoms, 'quantity')) {
    const rankable = sort.length > 0 || limitAtoms.some((limitAtom) => limitAtom.value.top);
    if (
      !used.has(atom) &&
      (limit === undefined || limitDefaulted) &&
      rankable &&
      atom.value.unit === 'none' &&
      Number.isInteger(atom.value.value) &&
      atom.value.value > 0
    ) {
      used.add(atom);
      limit = atom.value.value;
      explanation.push(
        `limit: ${String(limit)} (from “${atom.text}”${limitDefaulted ? ', not the default' : ''})`,
      );
      limitDefaulted = false;
    }
    if (!used.has(atom)) {
      penalize(`the number “${atom.text}” is not attached to anything`, 0.3);
    }
  }
  const unusedWindows = timeAtoms.filter((atom) => !used.has(atom));
  if (unusedWindows.length > 0 && timeRange === undefined) {
    penalize(`the time ${quote(unusedWindows)} has no effect on a list of current resources`, 0.2);
    caveats.push(`the time ${quote(unusedWindows)} was ignored: a list shows resources as they are now`);
  }

  // ---- Action
  let action: QueryPlan['action'];
  if (logsIntent) {
    action = 'logs';
  } else if (auditIntent) {
    action = 'audit';
    if (counting) {
      explanation.push('count: the number of audit events is the number of rows');
    }
  } else if (groupBy.length > 0) {
    action = 'group';
    ruleId = RULE_IDS.group;
  } else if (counting) {
    action = 'count';
    ruleId = RULE_IDS.count;
  } else if (metric !== undefined) {
    action = 'metrics';
  } else {
    action = 'list';
    ruleId = sort.length > 0 || limit !== undefined ? RULE_IDS.top : RULE_IDS.list;
  }
  explanation.unshift(`action: ${action} — rule ${ruleId ?? RULE_IDS.list}`);

  const candidate = {
    version: 1 as const,
    action,
    resource: kind,
    scope: {
      providers,
      accounts,
      regions: unique(regions),
      resourceGroups,
      regionGroups: unique(regionGroups),
    },
    filters,
    ...(metric === undefined ? {} : { metric }),
    ...(timeRange === undefined ? {} : { timeRange }),
    groupBy: action === 'group' ? groupBy : [],
    sort,
    ...(limit === undefined ? {} : { limit }),
    ...(logQuery === undefined ? {} : { logQuery }),
    ...(audit === undefined ? {} : { audit }),
  };
  const parsed = QueryPlanSchema.safeParse(candidate);
  if (!parsed.success) {
    return result({
      failure: `the plan is not valid: ${parsed.error.issues.map((issue) => issue.message).join('; ')}`,
      resource: kind,
    });
  }
  return result({ plan: parsed.data, ruleId: ruleId ?? RULE_IDS.list, resource: kind });
}
