import type { FilterField, MetricName } from '../plan/query-plan.js';
import type { AtomValue, Captures, LexiconEntry, SortSense } from './lexicon-entry.js';

/** Fields a question can group by, with their English and Chinese names. */
const GROUP_FIELDS: readonly { id: string; field: FilterField; en: string; zh: string }[] = [
  {
    id: 'GRP-TYPE',
    field: 'type',
    en: '(?:instance |vm |machine |db |database )?(?:types?|sizes?|skus?|class(?:es)?|shapes?)',
    zh: '(?:实例)?(?:类型|规格|机型|型号|配置)',
  },
  {
    id: 'GRP-FAMILY',
    field: 'family',
    en: '(?:instance )?famil(?:y|ies)|series',
    zh: '(?:实例)?(?:家族|系列|族)',
  },
  { id: 'GRP-REGION', field: 'region', en: 'regions?|locations?', zh: '区域|地域|region|地区' },
  { id: 'GRP-ZONE', field: 'zone', en: 'azs?|availability zones?|zones?', zh: '可用区|az|zone' },
  { id: 'GRP-STATE', field: 'state', en: 'states?|status(?:es)?|lifecycle state', zh: '状态|运行状态' },
  {
    id: 'GRP-ACCOUNT',
    field: 'account',
    en: 'accounts?|subscriptions?|projects?',
    zh: '账号|账户|帐号|帐户|订阅|项目',
  },
  {
    id: 'GRP-PROVIDER',
    field: 'provider',
    en: 'providers?|clouds?|cloud providers?|vendors?|cloud platforms?',
    zh: '云厂商|云平台|云服务商|云|厂商|provider',
  },
  { id: 'GRP-PLATFORM', field: 'platform', en: 'platforms?|os|operating systems?', zh: '平台|操作系统|系统' },
  { id: 'GRP-ENGINE', field: 'engine', en: '(?:database |db )?engines?', zh: '(?:数据库)?引擎' },
  { id: 'GRP-RUNTIME', field: 'runtime', en: 'runtimes?|languages?', zh: '运行时|runtime|语言' },
  {
    id: 'GRP-VOLUME-TYPE',
    field: 'volume_type',
    en: '(?:volume|disk|storage|ebs) types?',
    zh: '(?:磁盘|卷|云盘|硬盘)类型',
  },
  {
    id: 'GRP-STORAGE-CLASS',
    field: 'storage_class',
    en: 'storage class(?:es)?|storage tiers?|tiers?',
    zh: '存储类型|存储类别|存储层',
  },
  { id: 'GRP-RESOURCE-GROUP', field: 'resource_group', en: 'resource groups?|rgs?', zh: '资源组' },
  { id: 'GRP-ENCRYPTED', field: 'encrypted', en: 'encryption(?: status)?', zh: '加密(?:状态)?' },
  { id: 'GRP-PUBLIC', field: 'public', en: 'public access|visibility', zh: '公开(?:状态)?' },
];

const EN_GROUP_PREFIX =
  '(?:grouped by|group(?:ed)? by|broken down by|break(?:ing)? (?:it |them )?down by|breakdown by|split(?: up)? by|by|per|for each|for every|in each|in every|across (?:all )?(?:the )?(?:different )?|each)\\s+(?:the\\s+|their\\s+|its\\s+|each\\s+|different\\s+)?';

const GROUP_ENTRIES: readonly LexiconEntry[] = GROUP_FIELDS.map((group) => ({
  id: group.id,
  en: [
    `${EN_GROUP_PREFIX}(?:${group.en})`,
    `(?:${group.en}) (?:breakdown|distribution|wise)`,
    // The second field of "by type and region".
    `(?<=(?:by|per) [a-z ]{1,40})(?:and|&|,) ?(?:the |each )?(?:${group.en})`,
  ],
  zh: [
    `(?<=(?:按照?|根据|每个|各)[^,.;]{1,12})(?:和|与|及|、|,|以及)\\s*(?:${group.zh})`,
    `(?:按照?|根据|依据|以|依|分)\\s*(?:不同的?)?\\s*(?:${group.zh})\\s*(?:来|进行)?\\s*(?:分组|统计|汇总|分类|划分|聚合|区分|列出|显示|计数|分布|排列)?`,
    `(?:每个|各个|各|每一个|每|不同)\\s*(?:${group.zh})(?:的|中|里|下|上|内(?!存))?`,
    `(?:${group.zh})\\s*(?:分布|维度|分组)`,
  ],
  value: { type: 'group', field: group.field },
}));

function tagGroup({ cased, lower, isReserved }: Captures): AtomValue | undefined {
  const key = cased[1];
  return key === undefined || isReserved(lower[1] ?? '') ? undefined : { type: 'group', field: `tag:${key}` };
}

function sortSense(word: string): { sense: SortSense; field?: FilterField; metric?: MetricName } {
  if (/size|capacity|storage|大小|容量/.test(word)) {
    return { sense: 'size' };
  }
  if (/launch|start|启动/.test(word)) {
    return { sense: 'age', field: 'launch_time' };
  }
  if (/creat|age|创建/.test(word)) {
    return { sense: 'age', field: 'created_time' };
  }
  if (/name|名称|名字/.test(word)) {
    return { sense: 'name', field: 'name' };
  }
  if (/memory|内存/.test(word)) {
    return { sense: 'memory', field: 'memory_mb', metric: 'memory' };
  }
  if (/cpu|metric|usage|utili|使用率/.test(word)) {
    return { sense: 'metric', metric: 'cpu' };
  }
  if (/region|区域|地域/.test(word)) {
    return { sense: 'field', field: 'region' };
  }
  if (/type|类型|规格/.test(word)) {
    return { sense: 'field', field: 'type' };
  }
  return { sense: 'field', field: 'state' };
}

function direction(word: string | undefined): 'asc' | 'desc' | undefined {
  if (word === undefined) {
    return undefined;
  }
  return /desc|高到低|大到小|降序|倒序|新到旧/.test(word) ? 'desc' : 'asc';
}

const SORT_FIELD_EN =
  '(size|capacity|storage|launch (?:time|date)|start time|creation (?:time|date)|created (?:time|date|at)|create time|age|name|cpu(?: usage| utili[sz]ation)?|memory(?: size)?|region|type|state)';
const SORT_FIELD_ZH = '(大小|容量|创建时间|启动时间|名称|名字|cpu\\s*(?:使用率)?|内存|区域|类型|状态)';
const DIRECTION_EN = '(asc(?:ending)?|desc(?:ending)?)';
const DIRECTION_ZH = '(降序|升序|从高到低|从低到高|从大到小|从小到大|倒序|正序|从新到旧|从旧到新)';

function sortBuild({ lower }: Captures): AtomValue | undefined {
  const word = lower[1];
  if (word === undefined) {
    return undefined;
  }
  const { sense, field, metric } = sortSense(word);
  const dir = direction(lower[2]);
  return {
    type: 'sort',
    sense,
    ...(field === undefined ? {} : { field }),
    ...(metric === undefined ? {} : { metric }),
    ...(dir === undefined ? {} : { direction: dir }),
  };
}

/** Canonical log patterns for Chinese phrasings (cloud log text is mostly English). */
const ZH_LOG_PATTERNS: Readonly<Record<string, string>> = {
  超时: 'timeout',
  内存溢出: 'OutOfMemory',
  内存不足: 'OutOfMemory',
  连接被拒绝: 'connection refused',
  连接拒绝: 'connection refused',
  拒绝访问: 'AccessDenied',
  权限不足: 'AccessDenied',
  限流: 'throttl',
  冷启动: 'cold start',
  空指针: 'NullPointer',
};

function patternBuild({ cased, lower }: Captures): AtomValue | undefined {
  const index = [1, 2, 3].find((candidate) => cased[candidate] !== undefined) ?? 1;
  const value = cased[index]?.trim();
  const lowerValue = lower[index]?.trim();
  const impliesLogs = /^(?:grep|search|搜索|查找|搜|检索|过滤)/.test(lower[0] ?? '');
  if (value === undefined || lowerValue === undefined || value.length === 0) {
    return undefined;
  }
  if (/^(?:errors?|exceptions?|错误|报错|异常)$/.test(lowerValue)) {
    return { type: 'level', level: 'error' };
  }
  if (/^(?:warn(?:ing)?s?|警告|告警)$/.test(lowerValue)) {
    return { type: 'level', level: 'warn' };
  }
  const pattern = ZH_LOG_PATTERNS[lowerValue] ?? value;
  return impliesLogs ? { type: 'pattern', pattern, impliesLogs } : { type: 'pattern', pattern };
}

/** A searched-for value: double-quoted, single-quoted or one word (groups 1, 2, 3). */
const SEARCH_VALUE = `(?:"([^"]+)"|'([^']+)'|([^"'\\s]+))`;

/** Counting, grouping, sorting, limits, logs, audit and the mutation words that are not commands. */
export const ACTION_LEXICON: readonly LexiconEntry[] = [
  {
    id: 'ACT-COUNT',
    en: [
      'how many',
      'how much',
      'count(?:s| of| the)?',
      'counting',
      '(?:the |total )?number of',
      '# of',
      'no\\. of',
      'tally(?: of)?',
      'total count(?: of)?',
      'quantity of',
      'how many (?:are there|do we have|do i have|exist)',
    ],
    zh: [
      '多少(?:个|台|块|条|只|项|家|种)?',
      '几(?:个|台|块|条|只|项|种)',
      '数量',
      '数目',
      '总数',
      '个数',
      '台数',
      '计数',
      '统计(?:一下)?(?:数量)?',
      '一共(?:有)?',
      '总共(?:有)?',
      '共有',
      '合计',
    ],
    value: { type: 'count' },
  },
  ...GROUP_ENTRIES,
  {
    id: 'GRP-TAG',
    en: [
      `${EN_GROUP_PREFIX}(?:the )?["']?([a-z0-9][\\w.-]*)["']? tag(?: values?)?`,
      `${EN_GROUP_PREFIX}tag ["']?([a-z0-9][\\w.-]*)["']?`,
    ],
    zh: [
      `(?:按照?|根据|以)\\s*["']?([a-z0-9][\\w.-]*)["']?\\s*(?:标签|tag)\\s*(?:的值)?\\s*(?:分组|统计|汇总|分类|划分|聚合)?`,
      `(?:每个|各个|各|不同)\\s*["']?([a-z0-9][\\w.-]*)["']?\\s*(?:标签|tag)(?:值)?`,
    ],
    build: tagGroup,
  },
  // Limits and sorting
  {
    id: 'LIM-TOP',
    en: ['top\\s*(\\d+)?', 'the top\\s*(\\d+)?'],
    zh: ['前\\s*(\\d+)\\s*(?:个|台|块|条|名|项|只)?', '排名前\\s*(\\d+)'],
    build: ({ lower }) => ({
      type: 'limit',
      top: true,
      ...(lower[1] === undefined ? {} : { limit: Number(lower[1]) }),
    }),
  },
  {
    id: 'LIM-FIRST',
    en: [
      'first\\s+(\\d+)',
      'limit(?: to| of)?\\s+(\\d+)',
      '(\\d+) (?:results|rows|items|entries|of them)',
      'only (\\d+)',
      'just (\\d+)',
    ],
    zh: [
      '(?<![\\d.])(\\d+)\\s*(?:个|台|块|条|只|项|名|家|款)',
      '限制\\s*(\\d+)\\s*(?:个|条)?',
      '取\\s*(\\d+)\\s*(?:个|条|台)?',
    ],
    build: ({ lower }) =>
      lower[1] === undefined ? undefined : { type: 'limit', top: false, limit: Number(lower[1]) },
  },
  {
    id: 'SORT-BY',
    en: [
      `(?:sort(?:ed)?|order(?:ed)?|rank(?:ed)?|arrange(?:d)?)\\s+(?:them\\s+|it\\s+|results\\s+)?by\\s+(?:the\\s+|their\\s+|its\\s+)?${SORT_FIELD_EN}(?:\\s+${DIRECTION_EN})?`,
      `by\\s+${SORT_FIELD_EN}\\s+${DIRECTION_EN}`,
      `by (size|capacity|age|launch time|creation time|creation date)`,
    ],
    zh: [
      `(?:按照?|根据|以)\\s*${SORT_FIELD_ZH}\\s*(?:进行)?\\s*(?:排序|排列|排名|${DIRECTION_ZH})(?:\\s*[,，]?\\s*${DIRECTION_ZH})?`,
      `${SORT_FIELD_ZH}\\s*${DIRECTION_ZH}`,
    ],
    build: (captures) => {
      const dir = captures.lower[2] ?? captures.lower[3];
      return sortBuild({ ...captures, lower: [captures.lower[0], captures.lower[1], dir] });
    },
  },
  {
    id: 'SORT-DIRECTION',
    en: [
      'desc(?:ending)?(?: order)?',
      'asc(?:ending)?(?: order)?',
      '(?:highest|largest|biggest|newest|most recent) first',
      '(?:lowest|smallest|oldest) first',
    ],
    zh: ['降序', '升序', '从高到低', '从低到高', '从大到小', '从小到大', '倒序', '正序'],
    build: ({ lower }) => {
      const word = lower[0] ?? '';
      const desc = /desc|highest|largest|biggest|newest|recent|降序|高到低|大到小|倒序/.test(word);
      return { type: 'direction', direction: desc ? 'desc' : 'asc' };
    },
  },
  // Logs
  {
    id: 'LOG-WORD',
    en: [
      'logs?',
      'log (?:entries|lines|events|messages|records|output|data|stream|streams)',
      'logging',
      'log files?',
      'application logs?',
      'cloudwatch logs? insights',
      'log search',
      'log analytics query',
    ],
    zh: ['日志(?:记录|条目|信息|内容|事件|消息|输出)?'],
    value: { type: 'logs' },
  },
  {
    id: 'LOG-GREP',
    en: [
      `grep(?:ping)?(?:\\s+(?:for|the logs? for))?\\s+${SEARCH_VALUE}`,
      `search(?:ing)?(?:\\s+(?:the\\s+|in\\s+the\\s+|in\\s+)?logs?)?\\s+for\\s+${SEARCH_VALUE}`,
      `(?:look(?:ing)? for|find(?:ing)?)\\s+(?:"([^"]+)"|'([^']+)')`,
      `(?:containing|contains|that contain|which contain|matching|that match|which match|mentioning|that mention|with (?:the )?(?:word|text|string|message|pattern|keyword|term))\\s+${SEARCH_VALUE}`,
      `(?:"([^"]+)"|'([^']+)')`,
    ],
    zh: [
      `(?:包含|含有|包括|带有|出现(?:了)?|匹配)\\s*["']?([\\w./:@-]+)["']?\\s*(?:关键字|关键词|字样)?`,
      `(?:包含|含有|包括|带有|出现(?:了)?|匹配|含)\\s*["']?([\\u4e00-\\u9fff]{1,8}?)["']?\\s*(?=的|字样|关键字|关键词|\\s|$|,)`,
      `(?:搜索|查找|搜|检索|过滤|grep)\\s*(?:"([^"]+)"|'([^']+)'|([\\w./:@-]+))`,
      `(?:"([^"]+)"|'([^']+)')`,
    ],
    build: patternBuild,
  },
  {
    id: 'LOG-KEYWORD',
    en: [
      '(timeouts?|timed out|oom|out of memory|outofmemory(?:error)?|throttl(?:ed|ing)|access ?denied|permission denied|connection refused|5xx|4xx|null ?pointer(?:exception)?|panic|segfault|deadlocks?|cold starts?|killed|crash(?:es|ed)?)',
    ],
    zh: ['(超时|内存溢出|内存不足|连接被拒绝|连接拒绝|拒绝访问|权限不足|限流|冷启动|空指针|崩溃|死锁)'],
    build: ({ lower, cased }) => {
      const word = lower[1];
      if (word === undefined) {
        return undefined;
      }
      const canonical =
        ZH_LOG_PATTERNS[word] ?? (/^timeouts?$|^timed out$/.test(word) ? 'timeout' : cased[1]);
      return canonical === undefined ? undefined : { type: 'pattern', pattern: canonical };
    },
  },
  {
    id: 'LOG-LEVEL-ERROR',
    en: [
      'errors?',
      'err',
      'exceptions?',
      'fatal(?:s)?',
      'failures?',
      'stack ?traces?',
      'error[- ]level',
      'level error',
      'errored',
      'error messages?',
    ],
    zh: ['错误', '报错', '异常', '失败', '出错', '故障', '致命'],
    value: { type: 'level', level: 'error' },
  },
  {
    id: 'LOG-LEVEL-WARN',
    en: ['warn(?:ing)?s?', 'warn[- ]level', 'level warn(?:ing)?'],
    zh: ['警告', '告警'],
    value: { type: 'level', level: 'warn' },
  },
  {
    id: 'LOG-TARGET-PATH',
    zh: [
      '(/(?:aws|azure|gcp|ecs|eks|lambda|var|app|apps|k8s|services?)[\\w./-]*)',
      '(/[a-z0-9_.-]+(?:/[a-z0-9_.-]+)+)',
    ],
    build: ({ cased }) =>
      cased[1] === undefined ? undefined : { type: 'target', target: cased[1], resource: 'log_group' },
  },
  {
    id: 'LOG-TARGET-GROUP',
    en: [`log[- ]?group\\s+(?:named\\s+|called\\s+)?["']?([a-z0-9/][\\w./-]*)["']?`],
    zh: [`日志组\\s*["']?([a-z0-9/][\\w./-]*)["']?`],
    build: ({ cased, lower, isReserved }) =>
      cased[1] === undefined || isReserved(lower[1] ?? '')
        ? undefined
        : { type: 'target', target: cased[1], resource: 'log_group' },
  },
  {
    id: 'ANCHOR-SERVICE',
    en: ['services?', 'apps?', 'applications?', 'microservices?', 'jobs?', 'apis?', 'workers?'],
    zh: ['微服务', '服务', '应用', '程序'],
    value: { type: 'anchor' },
  },
  // Audit: what happened to resources (read-only: looking at events, not causing them)
  {
    id: 'AUD-CREATE',
    en: [
      'created',
      'launched',
      'provisioned',
      'spun up',
      'newly (?:created|launched|provisioned)',
      'new',
      'added',
      'deployed',
    ],
    zh: [
      '新创建的?',
      '创建的',
      '创建了',
      '新建的',
      '新建了',
      '新增的',
      '新增了',
      '新开的',
      '新开了',
      '开通的',
      '创建',
      '新建',
      '新增',
      '新上线的?',
      '被创建',
      '部署的',
    ],
    value: { type: 'audit', action: 'create', strong: true },
  },
  {
    id: 'AUD-DELETE',
    en: ['deleted', 'removed', 'destroyed', 'purged', 'decommissioned', 'released'],
    zh: [
      '删除的',
      '删除了',
      '删掉的',
      '删掉了',
      '删除过',
      '删除',
      '删掉',
      '移除的',
      '移除了',
      '销毁的',
      '销毁了',
      '被删',
    ],
    value: { type: 'audit', action: 'delete', strong: true },
  },
  {
    id: 'AUD-MODIFY',
    en: ['modified', 'changed', 'updated', 'resized', 'reconfigured', 'altered', 'edited', 'touched'],
    zh: [
      '修改的',
      '修改了',
      '修改过',
      '变更的',
      '变更了',
      '变更过',
      '更改的',
      '更改了',
      '更改过',
      '改动过',
      '改过',
      '调整过',
      '修改',
      '变更',
      '更改',
      '配置变更',
      '被修改',
    ],
    value: { type: 'audit', action: 'modify', strong: true },
  },
  {
    id: 'AUD-START',
    en: ['started', 'booted', 'powered on', 'turned on', 'restarted', 'rebooted', 'brought up'],
    zh: ['启动的', '启动了', '启动过', '开机的', '开机了', '重启的', '重启了', '重启过', '被启动', '被重启'],
    value: { type: 'audit', action: 'start', strong: false },
  },
  {
    id: 'AUD-STOP',
    en: ['turned off', 'powered down', 'brought down'],
    zh: ['被停止', '被停掉', '被关机', '被关闭', '停止过', '停过'],
    value: { type: 'audit', action: 'stop', strong: false, states: ['stopped'] },
  },
  {
    id: 'AUD-CUE',
    en: [
      'who',
      'by whom',
      'whom',
      'were',
      'was',
      'got',
      '(?:have|has) been',
      'been',
      '(?:which|what) (?:user|person|principal|iam user|identity)',
      'by which user',
      'anyone',
      'somebody',
      'someone',
    ],
    zh: ['谁', '被', '由谁', '哪个用户', '哪些人', '什么人', '谁把', '哪个账号操作', '操作人', '操作者'],
    value: { type: 'audit_cue' },
  },
  {
    id: 'STOP-QUESTION-PARTICLE',
    zh: ['有没有', '是不是', '是否有', '是否', '有无', '要不要', '会不会', '能不能'],
    en: ['or not', 'whether or not'],
    value: { type: 'stop' },
  },
  {
    id: 'NEG-WORD',
    en: [
      "(?:have|has|had|do|does|did|is|are|was|were|could|should|would|ca|wo)n't",
      'not',
      'never',
      'no longer',
      'no',
      'none',
      'without',
      'non',
      'except',
      'excluding',
      'other than',
    ],
    zh: ['没有', '没', '未', '不', '非', '无', '除了', '除外', '排除'],
    value: { type: 'negation' },
  },
  {
    id: 'ENV-WORD',
    en: ['(prod|production|prd|staging|stage|stg|dev|development|test|testing|qa|uat|sandbox)'],
    zh: ['(生产|线上|测试|开发|预发布|预发|预生产|沙箱)(?:环境)?'],
    build: ({ lower }) => (lower[1] === undefined ? undefined : { type: 'environment', word: lower[1] }),
  },
  {
    id: 'MUT-MENTION-ZH',
    zh: [
      '(?:可以|能|可|应该|需要|要|建议|值得|能够|该)(?:被)?(删除|删掉|停止|停掉|关闭|关掉|终止|释放|清理|回收|重启|下线)',
    ],
    build: ({ lower }) => (lower[1] === undefined ? undefined : { type: 'mutation_word', verb: lower[1] }),
  },
  {
    id: 'MUT-MENTION',
    en: [
      '(stop|start|restart|reboot|terminate|delete|remove|destroy|kill|create|launch|modify|resize|scale|attach|detach|deallocate|purge|wipe|drop|shutdown)(?!\\s*(?:time|date|times|dates))',
    ],
    build: ({ lower }) => (lower[1] === undefined ? undefined : { type: 'mutation_word', verb: lower[1] }),
  },
];
