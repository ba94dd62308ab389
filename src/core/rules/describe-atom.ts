import type { PlanFilter, TimeRange } from '../plan/query-plan.js';
import type { AtomValue } from './lexicon-entry.js';

/** A filter in words: `state in [stopped, deallocated]`, `tag:owner not_exists`. */
export function describeFilter(filter: PlanFilter): string {
  if (filter.value === undefined) {
    return `${filter.field} ${filter.op}`;
  }
  const value = Array.isArray(filter.value) ? `[${filter.value.join(', ')}]` : String(filter.value);
  const symbol: Partial<Record<PlanFilter['op'], string>> = {
    eq: '=',
    ne: '≠',
    gt: '>',
    gte: '≥',
    lt: '<',
    lte: '≤',
  };
  return `${filter.field} ${symbol[filter.op] ?? filter.op} ${value}`;
}

/** A time range in words: `last 15 minutes`, `yesterday (UTC)`. */
export function describeTimeRange(range: TimeRange): string {
  if (range.kind === 'relative') {
    return `last ${String(range.amount)} ${range.unit}${range.amount === 1 ? '' : 's'}`;
  }
  return `${range.value.replace('_', ' ')} (UTC)`;
}

/** What a matched phrase means, for `matched[].meaning`. */
export function describeAtom(value: AtomValue): string {
  switch (value.type) {
    case 'resource':
      return `resource ${value.resource}${value.provider === undefined ? '' : ` (${value.provider})`}`;
    case 'provider':
      return `provider ${value.providers.join(', ')}`;
    case 'region':
      return `region ${Object.values(value.codes).join(' / ')}`;
    case 'region_group':
      return `region group ${value.group}`;
    case 'zone':
      return `zone ${value.zone}`;
    case 'state':
      return `state ${value.states.join(', ')}`;
    case 'filter':
      return `filter ${value.filters.map(describeFilter).join(' and ')}`;
    case 'public':
      return value.value ? 'publicly accessible' : 'not publicly accessible';
    case 'idle':
      return 'idle';
    case 'vague':
      return 'a vague condition (no number)';
    case 'unsupported':
      return `not covered: ${value.what}`;
    case 'metric':
      return `metric ${value.metric}`;
    case 'statistic':
      return `statistic ${value.statistic}`;
    case 'superlative':
      return `${value.direction === 'desc' ? 'highest' : 'lowest'} ${value.sense}${value.limit === undefined ? '' : `, ${String(value.limit)}`}`;
    case 'comparator':
      return `comparison ${value.op}${value.sense === undefined ? '' : ` (${value.sense})`}`;
    case 'quantity':
      return `number ${String(value.value)}${value.unit === 'none' ? '' : ` ${value.unit}`}`;
    case 'time':
      return value.ago === true
        ? `${describeTimeRange(value.range)} ago`
        : `time ${describeTimeRange(value.range)}`;
    case 'subject':
      return `about ${value.field}`;
    case 'count':
      return 'count';
    case 'group':
      return `group by ${value.field}`;
    case 'limit':
      return `${value.top ? 'top' : 'limit'}${value.limit === undefined ? '' : ` ${String(value.limit)}`}`;
    case 'sort':
      return `sort by ${value.field ?? value.sense}${value.direction === undefined ? '' : ` ${value.direction}`}`;
    case 'direction':
      return `order ${value.direction}`;
    case 'logs':
      return 'logs';
    case 'level':
      return `log level ${value.level}`;
    case 'pattern':
      return `text “${value.pattern}”`;
    case 'target':
      return `target ${value.target}`;
    case 'anchor':
      return 'service word';
    case 'audit':
      return `audit ${value.action}`;
    case 'audit_cue':
      return 'who / past event';
    case 'account':
      return `account ${value.account}${value.provider === undefined ? '' : ` (${value.provider})`}`;
    case 'resource_group':
      return `resource group ${value.resourceGroup}`;
    case 'mutation_word':
      return `change verb “${value.verb}” (not a command here)`;
    case 'negation':
      return 'negation';
    case 'environment':
      return `environment word “${value.word}” (account or tag?)`;
    case 'stop':
      return 'filler';
  }
}
