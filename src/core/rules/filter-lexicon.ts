import type { FilterField, FilterOp, PlanFilter, PlanResourceKind } from '../plan/query-plan.js';
import type { AtomValue, Captures, LexiconEntry, StateWord } from './lexicon-entry.js';

function filterAtom(
  field: FilterField,
  op: FilterOp,
  value?: PlanFilter['value'],
  implies?: PlanResourceKind,
): AtomValue {
  const filter: PlanFilter = value === undefined ? { field, op } : { field, op, value };
  return implies === undefined
    ? { type: 'filter', filters: [filter] }
    : { type: 'filter', filters: [filter], implies };
}

function state(states: StateWord[], audit?: 'stop' | 'delete'): AtomValue {
  return audit === undefined ? { type: 'state', states } : { type: 'state', states, audit };
}

/** Function words that can never be a tag key or value ("without AN owner tag", "tag IS prod"). */
const FUNCTION_WORDS = new Set([
  'a',
  'an',
  'the',
  'any',
  'all',
  'with',
  'without',
  'no',
  'not',
  'is',
  'are',
  'of',
  'in',
  'on',
  'at',
  'and',
  'or',
  'that',
  'which',
  'this',
  'these',
  'those',
  'some',
  'to',
  'for',
  'by',
  'set',
  'has',
  'have',
  'their',
  'its',
  'my',
  'our',
]);

/** A tag key or value the user typed, with its case; rejects function words. */
function userWord(captures: Captures, index: number): string | undefined {
  const cased = captures.cased[index];
  const lower = captures.lower[index];
  if (cased === undefined || lower === undefined || cased.length === 0) {
    return undefined;
  }
  return FUNCTION_WORDS.has(lower) ? undefined : cased;
}

const TAG_KEY = `["']?([a-z0-9][\\w:./-]*)["']?`;
const TAG_VALUE = `["']?([\\w./:@-]+)["']?`;
const NAME = `["']?([a-z0-9][\\w./-]*)["']?`;

/** Words after "tag … is" that describe presence, not a value. */
const PRESENCE_WORDS = new Set([
  'missing',
  'absent',
  'empty',
  'set',
  'present',
  'not',
  'null',
  'none',
  'blank',
  'unset',
  'defined',
]);

function tagFilter(op: FilterOp, keyIndex: number, valueIndex?: number) {
  return (captures: Captures): AtomValue | undefined => {
    const key = userWord(captures, keyIndex);
    if (key === undefined || key.toLowerCase() === 'tag' || key.toLowerCase() === 'tags') {
      return undefined;
    }
    if (valueIndex === undefined) {
      return filterAtom(`tag:${key}`, op);
    }
    const value = userWord(captures, valueIndex);
    return value === undefined || PRESENCE_WORDS.has(value.toLowerCase())
      ? undefined
      : filterAtom(`tag:${key}`, op, value);
  };
}

/** Keys that look like `key=value` / `key:value` but are not tags. */
const NOT_TAG_KEYS = new Set([
  'tag',
  'tags',
  'http',
  'https',
  'arn',
  'cpu',
  'memory',
  'mem',
  'ram',
  'p95',
  'p99',
  'az',
  'region',
  'zone',
  'state',
  'status',
  'type',
  'name',
  'id',
  'limit',
  'top',
]);

function bareTag(op: FilterOp) {
  return (captures: Captures): AtomValue | undefined => {
    const lowerKey = captures.lower[1];
    if (lowerKey === undefined || NOT_TAG_KEYS.has(lowerKey) || /^\d+$/.test(lowerKey)) {
      return undefined;
    }
    return tagFilter(op, 1, 3)(captures);
  };
}

/** Words that follow "name" in a phrase and are not the name itself. */
const NAME_KEYWORDS = new Set([
  'containing',
  'contains',
  'contain',
  'like',
  'matching',
  'matches',
  'starting',
  'starts',
  'beginning',
  'begins',
  'prefixed',
  'with',
  'including',
  'includes',
]);

function nameFilter(op: FilterOp) {
  return (captures: Captures): AtomValue | undefined => {
    const value = captures.cased[1];
    const lower = captures.lower[1] ?? '';
    return value === undefined || FUNCTION_WORDS.has(lower) || NAME_KEYWORDS.has(lower)
      ? undefined
      : filterAtom('name', op, value);
  };
}

/** Azure sizes typed in any case become the API's casing: standard_d2s_v3 → Standard_D2s_v3. */
function azureSize(captures: Captures): AtomValue | undefined {
  const [, series, number, suffix, version] = captures.lower;
  if (series === undefined || number === undefined) {
    return undefined;
  }
  return filterAtom(
    'type',
    'eq',
    `Standard_${series.toUpperCase()}${number}${suffix ?? ''}${version ?? ''}`,
    'instance',
  );
}

const RUNTIME_LANGUAGE_SOURCES: readonly [string, string][] = [
  ['python', 'python'],
  ['py', 'python'],
  ['nodejs', 'nodejs'],
  ['node\\.js', 'nodejs'],
  ['node', 'nodejs'],
  ['java', 'java'],
  ['go', 'go'],
  ['golang', 'go'],
  ['ruby', 'ruby'],
  ['dotnet', 'dotnet'],
  ['\\.net(?: core)?', 'dotnet'],
  ['php', 'php'],
];

/** Language spellings, compiled once. */
const RUNTIME_LANGUAGES: readonly [RegExp, string][] = RUNTIME_LANGUAGE_SOURCES.map(([source, language]) => [
  new RegExp(`^(?:${source})$`),
  language,
]);

function toLanguage(word: string | undefined): string | undefined {
  return word === undefined ? undefined : RUNTIME_LANGUAGES.find(([pattern]) => pattern.test(word))?.[1];
}

function runtimeBuild(captures: Captures): AtomValue | undefined {
  const language = captures.lower[1];
  const version = captures.lower[2];
  if (language === undefined || version === undefined) {
    return undefined;
  }
  const normalizedLanguage = toLanguage(language);
  if (normalizedLanguage === undefined) {
    return undefined;
  }
  const cleanVersion = version.replace(/\.x$/, '');
  const runtime = `${normalizedLanguage}${cleanVersion}`;
  // Runtimes keep the provider's spelling: Lambda `python3.7`, `nodejs14.x`; Cloud Functions
  // `python37`, `nodejs14`. "python 3.7" is one runtime in both spellings; "node 14" / "python 3"
  // is every runtime that starts so (nodejs14.x, python3.12…).
  if (cleanVersion.includes('.')) {
    return filterAtom('runtime', 'in', [runtime, runtime.replace('.', '')], 'function');
  }
  return filterAtom('runtime', 'prefix', runtime, 'function');
}

const LANGUAGE_ALTERNATION = RUNTIME_LANGUAGE_SOURCES.map(([pattern]) => pattern).join('|');

/**
 * States, boolean properties, types, families, engines, runtimes, tags, names and ids.
 * Values are the normalized vocabulary of docs/rules.md.
 */
export const FILTER_LEXICON: readonly LexiconEntry[] = [
  // States. "stopped"-like words also carry the audit action they describe when a time or "who" is present.
  {
    id: 'ST-RUNNING',
    en: [
      'running',
      'up and running',
      'in (?:the )?running state',
      'powered on',
      'online',
      'state running',
      'status running',
    ],
    zh: [
      '运行中',
      '正在运行',
      '在运行',
      '运行着',
      '运行状态',
      '运行的',
      '在跑',
      '跑着',
      '开机状态',
      '开机中',
      '开着',
      'running\\s*状态',
    ],
    value: state(['running']),
  },
  {
    id: 'ST-STOPPED',
    en: [
      '(?:in (?:the )?)?stopped(?: state)?',
      'powered[- ]off',
      'shut ?off',
      'not running',
      'offline',
      'halted',
      'state stopped',
    ],
    zh: ['停止的', '停止了', '停掉的', '停掉了', '关掉的', '关机了', '关闭的', '停机的'],
    value: state(['stopped'], 'stop'),
  },
  {
    id: 'ST-STOPPED-STATE',
    en: ['shut ?down', 'shutdown state'],
    zh: [
      '已停止',
      '已经停止',
      '停止状态',
      '已关机',
      '已经关机',
      '关机的',
      '关机状态',
      '已停机',
      '停着',
      '没在运行',
      '没有运行',
      '未运行',
      '不在运行',
      '非运行',
      'stopped\\s*状态',
      '处于停止',
    ],
    value: state(['stopped']),
  },
  {
    id: 'ST-STOPPING',
    en: ['stopping', 'shutting down'],
    zh: ['正在停止', '停止中', '关机中', '正在关机'],
    value: state(['stopping']),
  },
  {
    id: 'ST-PENDING',
    en: ['pending', 'starting(?: up)?', 'booting(?: up)?', 'provisioning', 'initiali[sz]ing'],
    zh: ['启动中', '正在启动', '等待中', '挂起的', 'pending\\s*状态', '创建中', '正在创建'],
    value: state(['pending']),
  },
  {
    id: 'ST-TERMINATED',
    en: ['terminated'],
    zh: ['终止的', '终止了', '被终止'],
    value: state(['terminated'], 'delete'),
  },
  {
    id: 'ST-TERMINATED-STATE',
    en: ['terminated state', 'in terminated state'],
    zh: ['已终止', '已经终止', '终止状态', '已销毁', 'terminated\\s*状态'],
    value: state(['terminated']),
  },
  {
    id: 'ST-DEALLOCATED',
    en: ['deallocated', 'de-allocated', 'stopped \\(deallocated\\)'],
    zh: ['已释放', '已经释放', '已解除分配', '解除分配', '释放状态', '已取消分配', '取消分配'],
    value: { type: 'state', states: ['deallocated'], audit: 'stop' },
  },
  {
    id: 'ST-STOPPED-NOT-DEALLOCATED',
    en: [
      'stopped,? (?:but )?not deallocated',
      'stopped \\(not deallocated\\)',
      'stopped and still (?:billed|billing|allocated)',
    ],
    zh: ['(?:已)?停止(?:但|而|却)?(?:未|没有|没)(?:释放|解除分配)(?:的)?'],
    value: { type: 'filter', filters: [{ field: 'state', op: 'eq', value: 'stopped' }], implies: 'instance' },
  },
  {
    id: 'ST-AVAILABLE',
    en: ['available', 'in available state'],
    zh: ['可用状态', '可用的', '状态可用', '状态为可用'],
    value: state(['available']),
  },
  {
    id: 'ST-IN-USE',
    en: ['in[- ]use'],
    zh: ['使用中', '正在使用', '在用的'],
    value: state(['in_use']),
  },
  {
    id: 'ST-ACTIVE',
    en: ['active'],
    zh: ['活跃的', '活动的', '激活的', '活跃状态', '状态正常'],
    value: state(['active']),
  },
  {
    id: 'ST-INACTIVE',
    en: ['inactive', 'disabled functions?'],
    zh: ['非活跃', '不活跃', '未激活', '非活动'],
    value: state(['inactive']),
  },
  {
    id: 'ST-FAILED',
    en: ['failed', 'in (?:a )?failed state', 'broken', 'unhealthy'],
    zh: ['失败的', '失败状态', '故障的', '状态失败', '异常状态', '不健康'],
    value: state(['failed']),
  },
  // Encryption
  {
    id: 'FLT-UNENCRYPTED',
    en: [
      'unencrypted',
      'not encrypted',
      'non-?encrypted',
      'without encryption',
      'with no encryption',
      'no encryption',
      'encryption (?:disabled|off|not enabled)',
      'lack(?:ing)? encryption',
      'missing encryption',
      "(?:that )?(?:are(?:n't| not)|is(?:n't| not)) encrypted",
    ],
    zh: [
      '未加密',
      '没有加密',
      '没加密',
      '不加密',
      '非加密',
      '未启用加密',
      '没有启用加密',
      '未开启加密',
      '没有开启加密',
      '没开加密',
      '加密未开启',
      '未做加密',
      '明文',
    ],
    value: filterAtom('encrypted', 'eq', false),
  },
  {
    id: 'FLT-ENCRYPTED',
    en: ['encrypted', 'with encryption', 'encryption (?:enabled|on)'],
    zh: ['已加密', '加密的', '加密了', '启用了加密', '开启了加密', '启用加密', '开启加密'],
    value: filterAtom('encrypted', 'eq', true),
  },
  // Attachment (volumes)
  {
    id: 'FLT-UNATTACHED',
    en: [
      'unattached',
      'not attached(?: to (?:any|an) (?:instances?|vms?))?',
      'detached',
      'orphan(?:ed)?',
      'dangling',
      'not in use',
      'unmounted',
      'not mounted',
      'free-floating',
    ],
    zh: [
      '未挂载',
      '没挂载',
      '没有挂载',
      '未绑定',
      '没绑定',
      '没有绑定',
      '未附加',
      '没有附加',
      '未连接',
      '未被挂载',
      '没被挂载',
      '游离',
      '孤立',
    ],
    value: filterAtom('attached', 'eq', false, 'volume'),
  },
  {
    id: 'FLT-ATTACHED',
    en: ['attached(?: to (?:an? )?(?:instances?|vms?))?', 'mounted'],
    zh: ['已挂载', '挂载的', '挂载了', '已绑定', '已附加', '挂载中'],
    value: filterAtom('attached', 'eq', true, 'volume'),
  },
  {
    id: 'FLT-VAGUE-METRIC',
    en: [
      '(?:high|higher|heavy|elevated|excessive|abnormal|unusual|too much|a lot of|lots of|low|lower|little|spiky|weird)(?: average| avg)? (?:cpu|memory|mem|ram|load|utili[sz]ation|usage|traffic|network(?: traffic)?|disk io)(?: usage| utili[sz]ation| load)?',
      '(?:cpu|memory|load|utili[sz]ation|usage)(?: is| was)? (?:too )?(?:high|low|heavy|spiking|hot)',
      'overloaded',
      'under (?:heavy )?load',
      '(?:slow|slower|sluggish|laggy|fast|faster|expensive|cheap|cheaper|costly|cost(?:s|ing)?|spend(?:ing)?|price[sd]?|pricey|problematic|risky|insecure|vulnerable|bad|good|weird|noisy|suspicious|misconfigured|important|critical|healthy|latency|performance|dollars?|usd|\\$\\d+)',
    ],
    zh: [
      '(?:cpu|内存|负载|使用率|利用率|占用|流量)\\s*(?:使用率|利用率|占用率|占用)?\\s*(?:很|较|偏|比较|非常|太|特别|有点)(?:高|低|大)',
      '(?:cpu|内存|负载|使用率|利用率|占用|流量)\\s*(?:使用率|利用率|占用率)?\\s*(?:高|低)的',
      '(?:高|低)\\s*(?:cpu|内存|负载)',
      '负载(?:很)?(?:重|高)',
      '很慢|较慢|比较慢|变慢|慢的|性能差|性能不好|贵的|很贵|便宜|花费|费用|成本|账单|价格|有问题的?|不安全的?|可疑的?|不健康的?|重要的|关键的',
    ],
    value: { type: 'vague' },
  },
  {
    id: 'FLT-IDLE',
    en: ['idle', 'unused', 'underutili[sz]ed', 'not used', 'zombie'],
    zh: ['闲置', '空闲', '未使用', '没有使用', '没在用', '没用的', '不用的', '低利用率'],
    value: { type: 'idle' },
  },
  // Monitoring
  {
    id: 'FLT-MONITORING-OFF',
    en: [
      'without (?:detailed |enhanced )?monitoring',
      'with no (?:detailed |enhanced )?monitoring',
      '(?:(?:have|has|having) )?no (?:detailed |enhanced )?monitoring(?: (?:enabled|turned on|on|configured|set up))?',
      'without (?:detailed |enhanced )?monitoring (?:enabled|turned on|on|configured|set up)',
      '(?:detailed |enhanced )?monitoring (?:is )?(?:disabled|off|not enabled|not on|not turned on)',
      'not monitored',
      'unmonitored',
      "(?:that )?(?:do(?:n't| not)|does(?:n't| not)) have (?:detailed |enhanced )?monitoring(?: enabled| on)?",
      "(?:detailed )?monitoring isn't enabled",
    ],
    zh: [
      '未开启(?:详细)?监控',
      '没有开启(?:详细)?监控',
      '没开(?:启)?(?:详细)?监控',
      '没有(?:详细)?监控',
      '未启用(?:详细)?监控',
      '没有启用(?:详细)?监控',
      '(?:详细)?监控未开启',
      '(?:详细)?监控没开',
      '关闭了(?:详细)?监控',
      '无监控',
      '未监控',
      '(?:详细)?监控(?:已)?关闭',
    ],
    value: filterAtom('monitoring', 'eq', false, 'instance'),
  },
  {
    id: 'FLT-MONITORING-ON',
    en: [
      'with (?:detailed |enhanced )?monitoring(?: enabled| on)?',
      '(?:detailed |enhanced )?monitoring (?:is )?(?:enabled|on|turned on)',
      'detailed monitoring',
      'monitored',
      '(?:that )?(?:have|has) (?:detailed |enhanced )?monitoring(?: enabled| on)?',
    ],
    zh: [
      '开启了(?:详细)?监控',
      '已开启(?:详细)?监控',
      '启用了(?:详细)?监控',
      '已启用(?:详细)?监控',
      '开了(?:详细)?监控',
      '有(?:详细)?监控',
      '(?:详细)?监控已开启',
      '(?:详细)?监控已启用',
      '详细监控',
      '开启(?:详细)?监控的',
      '启用(?:详细)?监控的',
    ],
    value: filterAtom('monitoring', 'eq', true, 'instance'),
  },
  // Public IP (instances)
  {
    id: 'FLT-NO-PUBLIC-IP',
    en: [
      'without (?:an? )?(?:public|external|elastic) ips?(?: address(?:es)?)?',
      'with no (?:public|external) ips?',
      'no (?:public|external) ips?',
      'private[- ]only',
      "(?:that )?(?:do(?:n't| not)|does(?:n't| not)) have (?:an? )?(?:public|external) ips?",
    ],
    zh: [
      '(?:未|没有|没)绑定(?:公网|外网|弹性)\\s*ip(?:地址)?',
      '未分配(?:公网|外网)\\s*ip(?:地址)?',
      '没有公网\\s*ip',
      '无公网\\s*ip',
      '没公网\\s*ip',
      '不带公网\\s*ip',
      '没有外网\\s*ip',
      '未分配公网\\s*ip',
      '没有公网地址',
      '无公网地址',
    ],
    value: filterAtom('public_ip', 'not_exists', undefined, 'instance'),
  },
  {
    id: 'FLT-PUBLIC-IP',
    en: [
      '(?:with |having |that have |which have |has |have )?(?:an? )?(?:public|external|elastic) ips?(?: address(?:es)?)?(?: assigned| attached)?',
    ],
    zh: ['(?:有|带|带有|绑定了|分配了)?\\s*(?:公网|外网|弹性|公有)\\s*ip(?:地址)?', '公网地址', '外网地址'],
    value: filterAtom('public_ip', 'exists', undefined, 'instance'),
  },
  // Public access (buckets, databases; instances → public IP)
  {
    id: 'FLT-PRIVATE',
    en: [
      'private',
      'not public(?:ly (?:accessible|readable|exposed))?',
      'non-?public',
      'not publicly (?:accessible|readable|exposed)',
      'not exposed(?: to the internet)?',
      'internal',
    ],
    zh: ['私有的?', '非公开的?', '不公开的?', '不可公开访问的?', '不能公开访问的?', '未公开的?', '不对外'],
    value: { type: 'public', value: false },
  },
  {
    id: 'FLT-PUBLIC',
    en: [
      'public(?:ly)?(?: (?:accessible|readable|writable|exposed|open|facing|reachable|available))?',
      'public access(?: enabled)?',
      'open to the (?:internet|world|public)',
      'internet[- ]facing',
      'exposed(?: to the internet)?',
      'world[- ]readable',
      'anonymous(?:ly)? (?:access|readable)',
      'allow public access',
    ],
    zh: [
      '可公开访问的?',
      '公开访问的?',
      '公开的',
      '公开',
      '公网可访问的?',
      '对外公开的?',
      '对外开放的?',
      '公共访问',
      '可公共访问',
      '公共读',
      '公开可读',
      '暴露在公网',
      '暴露到公网',
      '互联网可访问',
      '允许公开访问',
    ],
    value: { type: 'public', value: true },
  },
  // Multi-AZ (databases)
  {
    id: 'FLT-SINGLE-AZ',
    en: [
      'not multi-? ?az',
      'non-? ?multi-? ?az',
      'single-? ?az',
      'without multi-? ?az',
      'no multi-? ?az',
      'multi-? ?az (?:disabled|off|not enabled)',
      "(?:that )?(?:are(?:n't| not)|is(?:n't| not)) multi-? ?az",
      'single availability zone',
      'not highly available',
      'without high availability',
      '(?:not|non-?) ?zone[- ]redundant',
      'without zone redundancy',
    ],
    zh: [
      '单可用区',
      '非多可用区',
      '非区域冗余',
      '未开启区域冗余',
      '没有区域冗余',
      '不是多可用区',
      '没有多可用区',
      '未开启多可用区',
      '没开多可用区',
      '未启用多可用区',
      '单\\s*az',
      '没有开启多可用区',
      '非高可用',
      '没有高可用',
    ],
    value: filterAtom('multi_az', 'eq', false, 'database'),
  },
  {
    id: 'FLT-MULTI-AZ',
    en: [
      'multi-? ?az(?: enabled| deployments?)?',
      'multiple availability zones',
      'highly available',
      'zone[- ]redundant',
    ],
    zh: ['多可用区', '多\\s*az', '开启了多可用区', '高可用', '区域冗余'],
    value: filterAtom('multi_az', 'eq', true, 'database'),
  },
  // Versioning (buckets)
  {
    id: 'FLT-VERSIONING-OFF',
    en: [
      'without versioning',
      'with no versioning',
      'no versioning',
      'versioning (?:is )?(?:disabled|off|not enabled|suspended)',
      'unversioned',
      'not versioned',
      "(?:that )?(?:do(?:n't| not)|does(?:n't| not)) have versioning(?: enabled| on)?",
    ],
    zh: [
      '未开启版本控制',
      '没有开启版本控制',
      '没有版本控制',
      '未启用版本控制',
      '没开版本控制',
      '版本控制未开启',
      '版本控制关闭',
      '无版本控制',
      '未开启多版本',
      '没有启用版本控制',
    ],
    value: filterAtom('versioning', 'eq', false, 'bucket'),
  },
  {
    id: 'FLT-VERSIONING-ON',
    en: [
      'with versioning(?: enabled| on)?',
      'versioning (?:is )?(?:enabled|on)',
      'versioned',
      '(?:that )?(?:have|has) versioning(?: enabled| on)?',
    ],
    zh: [
      '开启了版本控制',
      '已开启版本控制',
      '启用了版本控制',
      '有版本控制',
      '版本控制已开启',
      '开启版本控制的',
      '启用版本控制的',
    ],
    value: filterAtom('versioning', 'eq', true, 'bucket'),
  },
  // Runtimes (functions)
  {
    id: 'FLT-RUNTIME-DEPRECATED',
    en: [
      '(?:deprecated|outdated|end[- ]of[- ]life|eol|unsupported|old|legacy|obsolete|retired|out[- ]of[- ]date|expired|stale)(?: (?:language|lambda|function))? runtimes?(?: versions?)?',
      'runtimes? (?:that (?:is|are) |which (?:is|are) )?(?:deprecated|outdated|end[- ]of[- ]life|eol|unsupported|obsolete)',
      'runtime deprecation',
      'deprecated',
    ],
    zh: [
      '运行时(?:版本)?(?:已经?)?(?:被)?(?:弃用|废弃|过时|过期|淘汰|停止支持|不再支持|停更|过旧|太旧|老旧)',
      '(?:已经?)?(?:被)?(?:弃用|废弃|过时|过期|淘汰|停止支持|不再支持|老旧|旧版|即将弃用)(?:了)?的?\\s*(?:运行时|runtime)(?:版本)?',
      '(?:runtime|运行时)\\s*(?:已)?(?:deprecated|弃用)',
      'deprecated\\s*(?:的)?\\s*(?:runtime|运行时)',
      '已弃用',
      '已废弃',
    ],
    value: filterAtom('runtime_deprecated', 'eq', true, 'function'),
  },
  {
    id: 'FLT-RUNTIME-OLD-LANGUAGE',
    en: [
      `(?:old|outdated|deprecated|legacy|eol|end[- ]of[- ]life|unsupported) (${LANGUAGE_ALTERNATION})(?: runtimes?| versions?)?`,
    ],
    zh: [`(?:老旧?|过时|旧版|旧|废弃|弃用)的?\\s*(${LANGUAGE_ALTERNATION})(?:\\s*(?:运行时|版本))?`],
    build: ({ lower }) => {
      const language = toLanguage(lower[1]);
      return language === undefined
        ? undefined
        : {
            type: 'filter',
            filters: [
              { field: 'runtime', op: 'prefix', value: language },
              { field: 'runtime_deprecated', op: 'eq', value: true },
            ],
            implies: 'function',
          };
    },
  },
  {
    id: 'FLT-RUNTIME-VERSION',
    en: [`(${LANGUAGE_ALTERNATION})\\s?-?(\\d+(?:\\.\\d+)?(?:\\.x)?)(?: runtimes?)?`],
    zh: [`(${LANGUAGE_ALTERNATION})\\s?-?(\\d+(?:\\.\\d+)?(?:\\.x)?)\\s*(?:运行时)?`],
    build: runtimeBuild,
  },
  {
    id: 'FLT-RUNTIME-LANGUAGE',
    en: [
      '(python|nodejs|node\\.js|java|golang|ruby|dotnet|php)(?: runtimes?)?',
      '(go|node|\\.net)(?= (?:runtimes?|functions?|lambdas?))',
    ],
    zh: ['(python|nodejs|node\\.js|java|golang|ruby|dotnet|php)\\s*(?:运行时)?'],
    build: ({ lower }) => {
      const language = toLanguage(lower[1]);
      return language === undefined ? undefined : filterAtom('runtime', 'prefix', language, 'function');
    },
  },
  // Platform
  {
    id: 'FLT-WINDOWS',
    en: ['windows(?: server)?(?: \\d{4})?'],
    zh: ['windows\\s*(?:系统|服务器)', '视窗系统'],
    value: filterAtom('platform', 'eq', 'windows', 'instance'),
  },
  {
    id: 'FLT-LINUX',
    en: ['linux', 'ubuntu', 'amazon linux', 'rhel', 'centos', 'debian'],
    zh: ['linux\\s*(?:系统|服务器)'],
    value: filterAtom('platform', 'eq', 'linux', 'instance'),
  },
  // Instance types, families and sizes
  {
    id: 'FLT-AWS-DB-TYPE',
    en: ['(db\\.[a-z][a-z0-9]*\\d[a-z0-9]*\\.(?:nano|micro|small|medium|large|\\d*xlarge))'],
    build: ({ lower }) =>
      lower[1] === undefined ? undefined : filterAtom('type', 'eq', lower[1], 'database'),
  },
  {
    id: 'FLT-AWS-TYPE',
    en: ['([a-z][a-z0-9-]*\\d[a-z0-9-]*\\.(?:nano|micro|small|medium|large|\\d*xlarge|metal(?:-\\d+xl)?))'],
    build: ({ lower }) =>
      lower[1] === undefined ? undefined : filterAtom('type', 'eq', lower[1], 'instance'),
  },
  {
    id: 'FLT-AZURE-TYPE',
    en: ['standard_([a-z]+)(\\d+)([a-z]*)((?:_v\\d+)?)'],
    build: azureSize,
  },
  {
    id: 'FLT-GCP-TYPE',
    en: [
      '((?:e2|n1|n2|n2d|n4|c2|c2d|c3|c3d|c4|t2d|t2a|m1|m2|m3|a2|a3|g2|h3|f1|g1)-(?:standard|highmem|highcpu|micro|small|medium|custom|megamem|ultramem|highgpu)(?:-\\d+)*)',
    ],
    build: ({ lower }) =>
      lower[1] === undefined ? undefined : filterAtom('type', 'eq', lower[1], 'instance'),
  },
  {
    id: 'FLT-FAMILY',
    en: [
      '([a-z]{1,3}\\d[a-z]{0,4})(?:\\s?-?(?:family|series|class|generation))',
      '([a-z]{1,3}\\d[a-z]{0,4})(?= (?:instances?|vms?|machines?|servers?|nodes?|hosts?|types?)(?![a-z0-9_]))',
      '(?:family|series) ([a-z]{1,3}\\d[a-z]{0,4})',
    ],
    zh: [
      '([a-z]{1,3}\\d[a-z]{0,4})\\s*(?:系列|族|家族|类型|机型|型)',
      '([a-z]{1,3}\\d[a-z]{0,4})(?=\\s*(?:实例|虚拟机|机器|服务器))',
    ],
    build: ({ lower, isReserved }) => {
      const family = lower[1];
      return family === undefined ||
        isReserved(family) ||
        /^(?:ec2|s3|gp[23]|io[12]|st1|sc1|v\d|p\d+)$/.test(family)
        ? undefined
        : filterAtom('family', 'eq', family, 'instance');
    },
  },
  {
    id: 'FLT-SIZE',
    en: [
      '(nano|micro|small|medium|large|xlarge|\\d{1,2}xlarge|metal)(?=(?: size(?:d)?)? (?:instances?|vms?|machines?|servers?|ec2|boxes))',
      '(?:size|sized) (nano|micro|small|medium|large|xlarge|\\d{1,2}xlarge)',
    ],
    zh: [
      '(nano|micro|small|medium|large|xlarge|\\d{1,2}xlarge)\\s*(?:规格|大小|尺寸)?(?=\\s*(?:的)?\\s*(?:实例|机器|服务器|虚拟机|ec2))',
    ],
    build: ({ lower }) =>
      lower[1] === undefined ? undefined : filterAtom('size', 'eq', lower[1], 'instance'),
  },
  // Volume types
  {
    id: 'FLT-VOLUME-TYPE-AWS',
    en: ['(gp2|gp3|io1|io2|st1|sc1)(?: volumes?| disks?| type)?'],
    zh: ['(gp2|gp3|io1|io2|st1|sc1)\\s*(?:类型)'],
    build: ({ lower }) =>
      lower[1] === undefined
        ? undefined
        : {
            type: 'filter',
            filters: [{ field: 'volume_type', op: 'eq', value: lower[1] }],
            implies: 'volume',
            provider: 'aws',
          },
  },
  {
    id: 'FLT-VOLUME-TYPE-MAGNETIC',
    en: ['magnetic(?: volumes?| disks?)?'],
    zh: ['磁介质', '普通磁盘'],
    value: {
      type: 'filter',
      filters: [{ field: 'volume_type', op: 'eq', value: 'standard' }],
      implies: 'volume',
      provider: 'aws',
    },
  },
  {
    id: 'FLT-VOLUME-TYPE-AZURE-PREMIUM',
    en: ['premium(?:[ _]ssd)?(?:_lrs|_zrs)?(?: v2)?'],
    zh: ['高级\\s*ssd', '高级磁盘', 'premium\\s*ssd'],
    value: {
      type: 'filter',
      filters: [{ field: 'volume_type', op: 'eq', value: 'Premium_LRS' }],
      implies: 'volume',
      provider: 'azure',
    },
  },
  {
    id: 'FLT-VOLUME-TYPE-AZURE-STANDARD-SSD',
    en: ['standard[ _]?ssd(?:_lrs)?'],
    zh: ['标准\\s*ssd'],
    value: {
      type: 'filter',
      filters: [{ field: 'volume_type', op: 'eq', value: 'StandardSSD_LRS' }],
      implies: 'volume',
      provider: 'azure',
    },
  },
  {
    id: 'FLT-VOLUME-TYPE-AZURE-STANDARD-HDD',
    en: ['standard[ _]?hdd', 'standard_lrs'],
    zh: ['标准\\s*hdd'],
    value: {
      type: 'filter',
      filters: [{ field: 'volume_type', op: 'eq', value: 'Standard_LRS' }],
      implies: 'volume',
      provider: 'azure',
    },
  },
  {
    id: 'FLT-VOLUME-TYPE-AZURE-ULTRA',
    en: ['ultra[ _]?(?:ssd|disks?)(?:_lrs)?'],
    zh: ['超级\\s*ssd', '超高性能磁盘'],
    value: {
      type: 'filter',
      filters: [{ field: 'volume_type', op: 'eq', value: 'UltraSSD_LRS' }],
      implies: 'volume',
      provider: 'azure',
    },
  },
  {
    id: 'FLT-VOLUME-TYPE-GCP',
    en: [
      '(pd-ssd|pd-standard|pd-balanced|pd-extreme|hyperdisk-balanced|hyperdisk-extreme)(?: persistent)?(?: disks?| volumes?)?',
    ],
    build: ({ lower }) =>
      lower[1] === undefined
        ? undefined
        : {
            type: 'filter',
            filters: [{ field: 'volume_type', op: 'eq', value: lower[1] }],
            implies: 'volume',
            provider: 'gcp',
          },
  },
  {
    id: 'FLT-VOLUME-TYPE-SSD',
    en: ['ssd(?: volumes?| disks?)?'],
    zh: ['ssd\\s*(?:磁盘|盘|卷|云盘)', '固态(?:硬盘|磁盘)'],
    value: filterAtom('volume_type', 'contains', 'ssd', 'volume'),
  },
  // Database engines
  {
    id: 'FLT-ENGINE-AURORA-MYSQL',
    en: ['aurora[- ]?mysql'],
    value: {
      type: 'filter',
      filters: [{ field: 'engine', op: 'eq', value: 'aurora-mysql' }],
      implies: 'database',
      provider: 'aws',
    },
  },
  {
    id: 'FLT-ENGINE-AURORA-POSTGRES',
    en: ['aurora[- ]?postgres(?:ql)?', 'aurora[- ]?pg'],
    value: {
      type: 'filter',
      filters: [{ field: 'engine', op: 'eq', value: 'aurora-postgresql' }],
      implies: 'database',
      provider: 'aws',
    },
  },
  {
    id: 'FLT-ENGINE-AURORA',
    en: ['aurora'],
    value: {
      type: 'filter',
      filters: [{ field: 'engine', op: 'in', value: ['aurora-mysql', 'aurora-postgresql'] }],
      implies: 'database',
      provider: 'aws',
    },
  },
  {
    // "mysql 5.7", "postgres 14", "PostgreSQL 13.4", "mariadb10.6": engine and a version prefix.
    id: 'FLT-ENGINE-VERSION',
    en: ['(mysql|postgres(?:ql)?|pg|maria ?db)\\s?(?:v|version\\s)?(\\d+(?:\\.\\d+){0,2})(?![\\d.%])'],
    zh: ['(mysql|postgres(?:ql)?|pg|maria ?db)\\s*(?:v|版本\\s*)?(\\d+(?:\\.\\d+){0,2})(?![\\d.%])'],
    build: ({ lower }) => {
      const name = lower[1] ?? '';
      const version = lower[2];
      const engine = name.startsWith('my') ? 'mysql' : name.startsWith('maria') ? 'mariadb' : 'postgres';
      return version === undefined
        ? undefined
        : {
            type: 'filter',
            filters: [
              { field: 'engine', op: 'eq', value: engine },
              { field: 'engine_version', op: 'prefix', value: version },
            ],
            implies: 'database',
          };
    },
  },
  {
    id: 'FLT-ENGINE-MYSQL',
    en: ['mysql'],
    value: filterAtom('engine', 'eq', 'mysql', 'database'),
  },
  {
    id: 'FLT-ENGINE-POSTGRES',
    en: ['postgres(?:ql)?', 'pg', 'psql'],
    value: filterAtom('engine', 'eq', 'postgres', 'database'),
  },
  {
    id: 'FLT-ENGINE-MARIADB',
    en: ['maria ?db'],
    value: filterAtom('engine', 'eq', 'mariadb', 'database'),
  },
  {
    id: 'FLT-ENGINE-SQLSERVER',
    en: ['(?:microsoft |ms ?)?sql ?server', 'mssql'],
    value: filterAtom('engine', 'eq', 'sqlserver', 'database'),
  },
  {
    id: 'FLT-ENGINE-ORACLE',
    en: ['oracle'],
    zh: ['甲骨文'],
    value: filterAtom('engine', 'eq', 'oracle', 'database'),
  },
  // Storage classes (buckets)
  {
    id: 'FLT-STORAGE-CLASS',
    en: [
      '(glacier|deep[ _]archive|standard[-_ ]ia|infrequent access|intelligent[-_ ]tiering|nearline|coldline|archive|cool|hot)(?: storage)?(?: class| tier)',
    ],
    build: ({ lower }) => {
      const raw = (lower[1] ?? '').replace(/[-\s]/g, '_');
      const value = raw === 'infrequent_access' ? 'standard_ia' : raw;
      return value === '' ? undefined : filterAtom('storage_class', 'eq', value, 'bucket');
    },
  },
  {
    id: 'FLT-STORAGE-CLASS-NAMED',
    en: ['(glacier|nearline|coldline)'],
    zh: ['(归档存储|低频访问|冷存储)'],
    build: ({ lower }) => {
      const map: Readonly<Record<string, string>> = {
        归档存储: 'archive',
        低频访问: 'standard_ia',
        冷存储: 'coldline',
      };
      const word = lower[1] ?? '';
      return filterAtom('storage_class', 'eq', map[word] ?? word, 'bucket');
    },
  },
  // Log retention
  {
    id: 'FLT-NO-RETENTION',
    en: [
      '(?:with )?no retention(?: policy| period| set| configured)?',
      'without (?:a |any )?retention(?: policy| period)?',
      'retention (?:is )?(?:not set|unset|never|infinite|forever)',
      'never expire',
      '(?:that )?never expires?',
      'infinite retention',
      'retained forever',
      'kept forever',
    ],
    zh: [
      '没有(?:设置)?保留(?:期|策略|时间|天数)?',
      '未设置保留(?:期|策略|时间|天数)?',
      '没设置?保留(?:期|策略)?',
      '永不过期',
      '永久保留',
      '无保留期',
      '保留期(?:为)?永久',
      '无限期保留',
      '未配置保留(?:期|策略)?',
    ],
    value: filterAtom('retention_days', 'not_exists', undefined, 'log_group'),
  },
  // Tags
  {
    id: 'FLT-UNTAGGED',
    en: [
      'untagged',
      'without (?:any )?tags',
      'with no tags',
      'no tags(?: at all)?',
      '(?:that )?(?:have|has) no tags',
      "(?:that )?(?:do(?:n't| not)|does(?:n't| not)) have (?:any )?tags",
      'not tagged',
      'zero tags',
      'missing (?:all )?tags',
      'tagless',
      'unlabell?ed',
      'without (?:any )?labels',
      'with no labels',
      'no labels',
    ],
    zh: [
      '没有(?:任何)?标签',
      '未打(?:任何)?标签',
      '无标签',
      '没打标签',
      '没有打(?:任何)?标签',
      '不带(?:任何)?标签',
      '标签为空',
      '没有\\s*tag',
      '未打\\s*tag',
      '未设置标签',
      '没有设置标签',
    ],
    value: filterAtom('tags', 'not_exists'),
  },
  {
    id: 'TAG-MISSING',
    en: [
      `(?:without|with no|w/o|missing|lacking|lacks|lack|no|not having|(?:that |which )?(?:do(?:n't| not)|does(?:n't| not)) have|(?:that |which )?(?:are|is) missing) (?:an? |the |any )?${TAG_KEY} (?:tags?|labels?)`,
      `(?:without|with no|w/o|missing|lacking|no|(?:that |which )?(?:are|is) missing) (?:an? |the )?(?:tags?|labels?) ${TAG_KEY}`,
      `not tagged with (?:an? |the )?${TAG_KEY}`,
      `${TAG_KEY} (?:tag|label) (?:is |was )?(?:missing|absent|not set|unset|empty|blank)`,
    ],
    zh: [
      `(?:没有|没|缺少|缺失|缺|未打|没打|没有打|不带|未设置|没设置|没有设置|无|未配置|没有配置|不含|不包含|未添加|没加|没有添加)\\s*${TAG_KEY}\\s*(?:标签|tag|label)`,
      `(?:标签|tag|label)\\s*(?:中)?\\s*(?:没有|缺少|不含|缺失|不包含)\\s*${TAG_KEY}`,
      `(?:缺少|缺失|没有|未打|没打)\\s*(?:标签|tag|label)\\s*${TAG_KEY}`,
      `${TAG_KEY}\\s*(?:标签|tag|label)\\s*(?:缺失|为空|未设置|没设置)`,
    ],
    build: tagFilter('not_exists', 1),
  },
  {
    id: 'TAG-HAS',
    en: [
      `(?:with|having|has|have|carrying|that have|which have|that has|which has) (?:an? |the )?${TAG_KEY} (?:tags?|labels?)`,
      `(?:tagged|labell?ed) (?:with )?(?:an? |the )?${TAG_KEY}`,
      `(?:with|having|has|have) (?:the )?(?:tag|label) ${TAG_KEY}`,
    ],
    zh: [
      `(?:有|带|带有|打了|打过|包含|含有|设置了|配置了|存在)\\s*${TAG_KEY}\\s*(?:标签|tag|label)`,
      `(?:标签|tag|label)\\s*(?:中)?\\s*(?:有|包含|含有)\\s*${TAG_KEY}`,
    ],
    build: tagFilter('exists', 1),
  },
  {
    id: 'TAG-EQ',
    en: [
      `(?:tag(?:ged)?(?: with)?|label(?:l?ed)?(?: with)?|with (?:the |a )?(?:tag|label)|where (?:the )?(?:tag|label)|whose (?:tag|label)|having (?:the )?(?:tag|label)|tag:|label:)\\s*${TAG_KEY}\\s*(?:=|==|:| is | equals? | equal to | set to | of )\\s*${TAG_VALUE}`,
      `(?:the |an? |with |where |whose )?${TAG_KEY} (?:tag|label)\\s*(?:=|==|:| is | equals? | equal to | set to | of )\\s*${TAG_VALUE}`,
    ],
    zh: [
      `(?:标签|tag|label)\\s*${TAG_KEY}\\s*(?:=|==|:|为|是|等于)\\s*${TAG_VALUE}`,
      `${TAG_KEY}\\s*(?:标签|tag|label)\\s*(?:=|==|:|为|是|等于)\\s*${TAG_VALUE}`,
      `(?:标签|tag|label)\\s*(?:为|是)\\s*${TAG_KEY}\\s*[=:]\\s*${TAG_VALUE}`,
    ],
    build: tagFilter('eq', 1, 2),
  },
  {
    id: 'TAG-NE',
    en: [
      `(?:tag(?:ged)?|with (?:the )?tag|where (?:the )?tag)\\s*${TAG_KEY}\\s*(?:!=|<>| is not | isn't | not )\\s*${TAG_VALUE}`,
      `${TAG_KEY} (?:tag|label)\\s*(?:!=|<>| is not | isn't | not )\\s*${TAG_VALUE}`,
    ],
    zh: [
      `(?:标签|tag|label)\\s*${TAG_KEY}\\s*(?:!=|<>|不是|不为|不等于)\\s*${TAG_VALUE}`,
      `${TAG_KEY}\\s*(?:标签|tag|label)\\s*(?:!=|不是|不为|不等于)\\s*${TAG_VALUE}`,
    ],
    build: tagFilter('ne', 1, 2),
  },
  {
    id: 'TAG-BARE-EQ',
    en: [`([a-z][\\w.-]*)\\s*(=|==)\\s*${TAG_VALUE}`, `([a-z][\\w-]*)(:)([a-z0-9][\\w.@-]*)`],
    build: bareTag('eq'),
  },
  {
    id: 'TAG-BARE-NE',
    en: [`([a-z][\\w.-]*)\\s*(!=|<>)\\s*${TAG_VALUE}`],
    build: bareTag('ne'),
  },
  // Names and ids
  {
    id: 'NAME-EQ',
    en: [
      `(?:named|called|with (?:the )?name|name(?:d)? (?:is|equals?|of)|whose name is)\\s+${NAME}`,
      `name\\s*[:=]\\s*${NAME}`,
    ],
    zh: [`(?:名为|名叫|叫做?|名字(?:是|为|叫)|名称(?:是|为|叫)|name\\s*(?:为|是|=))\\s*${NAME}`],
    build: nameFilter('eq'),
  },
  {
    id: 'NAME-CONTAINS',
    en: [
      `(?:whose )?names? (?:containing|contains|contain|including|includes|include|like|matching|matches|with)\\s+${NAME}`,
      `with ${NAME} in (?:the |their |its )?names?`,
    ],
    zh: [`(?:名字|名称|name)\\s*(?:中|里)?\\s*(?:包含|含有|带有|里有|有|包括)\\s*${NAME}`],
    build: nameFilter('contains'),
  },
  {
    id: 'NAME-PREFIX',
    en: [
      `(?:whose )?names? (?:starts?|starting|begins?|beginning|prefixed) with\\s*${NAME}`,
      `(?:prefixed with|starting with|beginning with|with (?:the )?prefix)\\s*${NAME}`,
    ],
    zh: [
      `(?:名字|名称|name)?\\s*以\\s*${NAME}\\s*(?:开头|打头|为前缀)`,
      `(?:名字|名称)\\s*前缀(?:是|为)\\s*${NAME}`,
    ],
    build: nameFilter('prefix'),
  },
  {
    id: 'ID-INSTANCE',
    en: ['(i-[0-9a-f]{6,17})'],
    build: ({ lower }) => (lower[1] === undefined ? undefined : filterAtom('id', 'eq', lower[1], 'instance')),
  },
  {
    id: 'ID-VOLUME',
    en: ['(vol-[0-9a-f]{6,17})'],
    build: ({ lower }) => (lower[1] === undefined ? undefined : filterAtom('id', 'eq', lower[1], 'volume')),
  },
];
