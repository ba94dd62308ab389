import type { PlanProvider } from '../plan/query-plan.js';
import type { AtomValue, Captures, LexiconEntry } from './lexicon-entry.js';
import { AZURE_REGION_CODES } from './region-lexicon.js';

/** Region and zone codes are never account names ("account us-east-1" is not an account). */
const REGION_LIKE_RE = new RegExp(
  `^(?:[a-z]{2}(?:-gov)?-[a-z]+-\\d[a-z]?|[a-z]+-[a-z]+\\d{1,2}(?:-[a-z])?|${AZURE_REGION_CODES.join('|')})$`,
);

/**
 * Environment words → the account alias they name. Aliases are matched by the executor against
 * configured account aliases / subscription names / project ids.
 */
const ENVIRONMENT_ALIASES: Readonly<Record<string, string>> = {
  prod: 'prod',
  production: 'prod',
  prd: 'prod',
  生产: 'prod',
  线上: 'prod',
  正式: 'prod',
  test: 'test',
  testing: 'test',
  测试: 'test',
  dev: 'dev',
  development: 'dev',
  开发: 'dev',
  staging: 'staging',
  stage: 'staging',
  stg: 'staging',
  预发: 'staging',
  预发布: 'staging',
  预生产: 'staging',
  sandbox: 'sandbox',
  沙箱: 'sandbox',
  shared: 'shared',
  共享: 'shared',
  security: 'security',
  安全: 'security',
  audit: 'audit',
  审计: 'audit',
};

const ALIAS_ZH = '(生产|线上|正式|测试|开发|预发布|预发|预生产|沙箱|共享|安全|审计)';
const ID = `["']?([a-z0-9][\\w.-]*)["']?`;

function scopeValue(captures: Captures): string | undefined {
  const cased = captures.cased[1];
  const lower = captures.lower[1];
  if (cased === undefined || lower === undefined) {
    return undefined;
  }
  const alias = ENVIRONMENT_ALIASES[lower];
  if (alias !== undefined) {
    return alias;
  }
  return captures.isReserved(lower) || REGION_LIKE_RE.test(lower) ? undefined : cased;
}

function account(provider?: PlanProvider) {
  return (captures: Captures): AtomValue | undefined => {
    const value = scopeValue(captures);
    if (value === undefined) {
      return undefined;
    }
    const implied = provider ?? (/^\d{12}$/.test(value) ? 'aws' : undefined);
    return implied === undefined
      ? { type: 'account', account: value }
      : { type: 'account', account: value, provider: implied };
  };
}

function resourceGroup(captures: Captures): AtomValue | undefined {
  const value = scopeValue(captures);
  return value === undefined ? undefined : { type: 'resource_group', resourceGroup: value };
}

/** Accounts, subscriptions, projects and resource groups. */
export const SCOPE_LEXICON: readonly LexiconEntry[] = [
  {
    id: 'SCP-ACCOUNT-ID',
    en: ['(?:aws )?(?:account|acct)(?: (?:id|number|no\\.?|#))?\\s*[:#=]?\\s*(\\d{12})', '(\\d{12})'],
    zh: ['(?:账号|账户|帐号|帐户)\\s*(?:id)?\\s*[:=]?\\s*(\\d{12})', '(?<!\\d)(\\d{12})(?!\\d)'],
    build: account('aws'),
  },
  {
    id: 'SCP-ACCOUNT',
    en: [
      `(?:in|from|for|under|of|on|across) (?:the |our |my )?${ID} (?:aws )?(?:accounts?|acct|env(?:ironment)? account)`,
      `(?:aws )?(?:account|acct)(?: named| called| alias)?\\s*[:=]?\\s*${ID}`,
    ],
    zh: [
      `(?:在)?\\s*${ALIAS_ZH}(?:环境)?\\s*(?:的)?\\s*(?:aws\\s*)?(?:账号|账户|帐号|帐户)(?:下|中|里|上|内(?!存))?`,
      `(?:在)?\\s*${ID}\\s*(?:账号|账户|帐号|帐户)(?:下|中|里|上|内(?!存))?`,
      `(?:账号|账户|帐号|帐户)\\s*[:=]?\\s*${ID}\\s*(?:下|中|里|上|内(?!存))?`,
    ],
    build: account(),
  },
  {
    id: 'SCP-SUBSCRIPTION',
    en: [
      `(?:in |from |for |under |of |on )?(?:the )?(?:azure )?subscription(?: id| named| called)?\\s*[:=]?\\s*${ID}`,
      `(?:in|from|for|under|of|on) (?:the |our |my )?${ID} (?:azure )?subscription`,
    ],
    zh: [
      `(?:在)?\\s*${ALIAS_ZH}(?:环境)?\\s*(?:的)?\\s*订阅(?:下|中|里|上|内(?!存))?`,
      `(?:在)?\\s*(?:订阅|subscription)\\s*[:=]?\\s*${ID}\\s*(?:下|中|里|上|内(?!存))?`,
      `(?:在)?\\s*${ID}\\s*订阅(?:下|中|里|上|内(?!存))?`,
    ],
    build: account('azure'),
  },
  {
    id: 'SCP-PROJECT',
    en: [
      `(?:in |from |for |under |of |on )?(?:the )?(?:gcp |google )?project(?: id| named| called)?\\s*[:=]?\\s*${ID}`,
      `(?:in|from|for|under|of|on) (?:the |our |my )?${ID} (?:gcp )?project`,
    ],
    zh: [
      `(?:在)?\\s*${ALIAS_ZH}(?:环境)?\\s*(?:的)?\\s*项目(?:下|中|里|上|内(?!存))?`,
      `(?:在)?\\s*(?:项目|project)\\s*[:=]?\\s*${ID}\\s*(?:下|中|里|上|内(?!存))?`,
      `(?:在)?\\s*${ID}\\s*项目(?:下|中|里|上|内(?!存))?`,
    ],
    build: account('gcp'),
  },
  {
    id: 'SCP-RESOURCE-GROUP',
    en: [
      `(?:in |from |for |under |of )?(?:the )?(?:azure )?resource[- ]?group(?: named| called)?\\s*[:=]?\\s*${ID}`,
      `(?:in |from )?rg\\s*[:=]?\\s*${ID}`,
      `(?:in|from|for|under) (?:the )?${ID} (?:resource[- ]?group|rg)`,
      // Azure naming convention: rg-web, payments-rg.
      '(rg-[a-z0-9][\\w.-]*|[a-z0-9][\\w.-]*-rg)',
    ],
    zh: [
      `(?:在)?\\s*资源组\\s*[:=]?\\s*${ID}\\s*(?:下|中|里|上|内(?!存))?`,
      `(?:在)?\\s*${ID}\\s*资源组(?:下|中|里|上|内(?!存))?`,
    ],
    build: resourceGroup,
  },
];
