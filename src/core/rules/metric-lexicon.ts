import type { LexiconEntry, QuantityUnit } from './lexicon-entry.js';

const UNIT_WORDS: Readonly<Record<string, QuantityUnit>> = {
  '%': 'percent',
  percent: 'percent',
  percentage: 'percent',
  pct: 'percent',
  百分比: 'percent',
  个百分点: 'percent',
  kb: 'kb',
  kib: 'kb',
  k: 'kb',
  mb: 'mb',
  mib: 'mb',
  m: 'mb',
  兆: 'mb',
  gb: 'gb',
  gib: 'gb',
  g: 'gb',
  tb: 'tb',
  tib: 'tb',
  t: 'tb',
  byte: 'bytes',
  bytes: 'bytes',
  b: 'bytes',
  'mb/s': 'mb_per_second',
  'mib/s': 'mb_per_second',
  mbps: 'mb_per_second',
};

/** Superlatives may carry a count: "10 largest", "5 oldest". */
function superlativeLimit(text: string | undefined): number | undefined {
  return text === undefined ? undefined : Number(text);
}

/** Metrics, statistics, superlatives, comparators, numbers with units and comparison subjects. */
export const METRIC_LEXICON: readonly LexiconEntry[] = [
  // Metrics
  {
    id: 'MET-CPU',
    en: [
      'cpu(?:\\s*(?:utili[sz]ation|usage|util|load|use|used|percent(?:age)?|consumption))?',
      'cpuutilization',
      'processor(?: usage| utili[sz]ation| load)?',
      'cpu %',
    ],
    zh: ['cpu\\s*(?:的)?\\s*(?:使用率|利用率|占用率|占用|负载|使用|用量)', '处理器(?:使用率|利用率|负载)?'],
    value: { type: 'metric', metric: 'cpu' },
  },
  {
    id: 'MET-MEMORY',
    en: ['(?:memory|mem|ram)(?:\\s*(?:utili[sz]ation|usage|util|use|used|consumption|percent(?:age)?))?'],
    zh: ['内存\\s*(?:的)?\\s*(?:使用率|利用率|占用率|占用|使用|用量|大小)?'],
    value: { type: 'metric', metric: 'memory' },
  },
  {
    id: 'MET-NETWORK-IN',
    en: [
      'network[- ]?in(?:bound)?(?: traffic| bytes| throughput| bandwidth)?',
      'inbound (?:network|traffic|bandwidth|bytes|throughput)(?: traffic)?',
      '(?:network )?ingress(?: traffic| bytes)?',
      'incoming (?:network )?(?:traffic|bytes|bandwidth)',
      'net in',
      'rx(?: bytes)?',
      'bytes in',
      'received bytes',
    ],
    zh: [
      '网络流入(?:量|流量|带宽)?',
      '网络入(?:流量|带宽)?',
      '入网(?:流量|带宽)',
      '入站(?:流量|带宽)',
      '入向(?:流量|带宽)',
      '流入(?:流量|带宽)?',
      '入流量',
      '下行流量',
    ],
    value: { type: 'metric', metric: 'network_in' },
  },
  {
    id: 'MET-NETWORK-OUT',
    en: [
      'network[- ]?out(?:bound)?(?: traffic| bytes| throughput| bandwidth)?',
      'outbound (?:network|traffic|bandwidth|bytes|throughput)(?: traffic)?',
      '(?:network )?egress(?: traffic| bytes)?',
      'outgoing (?:network )?(?:traffic|bytes|bandwidth)',
      'net out',
      'tx(?: bytes)?',
      'bytes out',
      'sent bytes',
    ],
    zh: [
      '网络流出(?:量|流量|带宽)?',
      '网络出(?:流量|带宽)?',
      '出网(?:流量|带宽)',
      '出站(?:流量|带宽)',
      '出向(?:流量|带宽)',
      '流出(?:流量|带宽)?',
      '出流量',
      '上行流量',
    ],
    value: { type: 'metric', metric: 'network_out' },
  },
  {
    id: 'MET-DISK-READ',
    en: [
      'disk reads?(?: bytes| throughput| ops| iops)?',
      'read (?:bytes|throughput|iops)',
      'disk read bytes',
      'disk io read',
    ],
    zh: ['磁盘读(?:取)?(?:量|流量|速率|吞吐(?:量)?|字节)?', '读取(?:量|速率|吞吐)', '读流量', '读吞吐'],
    value: { type: 'metric', metric: 'disk_read' },
  },
  {
    id: 'MET-DISK-WRITE',
    en: [
      'disk writes?(?: bytes| throughput| ops| iops)?',
      'write (?:bytes|throughput|iops)',
      'disk write bytes',
      'disk io write',
    ],
    zh: ['磁盘写(?:入)?(?:量|流量|速率|吞吐(?:量)?|字节)?', '写入(?:量|速率|吞吐)', '写流量', '写吞吐'],
    value: { type: 'metric', metric: 'disk_write' },
  },
  // Statistics
  {
    id: 'STAT-AVG',
    en: ['average(?:d|s)?', 'avg', 'mean', 'averaging', 'on average', 'sustained'],
    zh: ['平均(?:值)?', '均值', '平均使用'],
    value: { type: 'statistic', statistic: 'avg' },
  },
  {
    id: 'STAT-MAX',
    en: ['max(?:imum)?', 'peak(?:ed|s|ing)?', 'maxed(?: out)?', 'spiked?', 'spiking'],
    zh: ['峰值', '最大值', '最高值', '尖峰'],
    value: { type: 'statistic', statistic: 'max' },
  },
  {
    id: 'STAT-MIN',
    en: ['min(?:imum)?'],
    zh: ['最小值', '最低值', '谷值'],
    value: { type: 'statistic', statistic: 'min' },
  },
  {
    id: 'STAT-SUM',
    en: ['sum(?:med)?', 'total(?:led)?', 'cumulative'],
    zh: ['总和', '总计', '合计', '累计', '总量'],
    value: { type: 'statistic', statistic: 'sum' },
  },
  {
    id: 'STAT-P50',
    en: ['p50', 'median', '50(?:th)? percentile'],
    zh: ['中位数', '中位值', '50\\s*分位(?:数|值)?'],
    value: { type: 'statistic', statistic: 'p50' },
  },
  {
    id: 'STAT-P90',
    en: ['p90', '90(?:th)? percentile', '90(?:th)? pct'],
    zh: ['90\\s*分位(?:数|值)?', '90\\s*百分位(?:数|值)?'],
    value: { type: 'statistic', statistic: 'p90' },
  },
  {
    id: 'STAT-P95',
    en: ['p95', '95(?:th)? percentile', '95(?:th)? pct', '95%ile'],
    zh: ['95\\s*分位(?:数|值)?', '95\\s*百分位(?:数|值)?', '百分位\\s*95'],
    value: { type: 'statistic', statistic: 'p95' },
  },
  {
    id: 'STAT-P99',
    en: ['p99', '99(?:th)? percentile', '99(?:th)? pct', '99%ile'],
    zh: ['99\\s*分位(?:数|值)?', '99\\s*百分位(?:数|值)?', '百分位\\s*99'],
    value: { type: 'statistic', statistic: 'p99' },
  },
  // Superlatives: sort direction, or a statistic when a threshold is given ("最高CPU超过90%").
  {
    id: 'SUP-HIGHEST',
    en: [
      '(?:(\\d+) )?(?:the )?(?:highest|busiest|hottest|most (?:loaded|utili[sz]ed|busy|cpu|memory)|heaviest)',
    ],
    zh: ['(?:使用率|利用率|占用|占用率)?\\s*最高', '最忙', '最繁忙', '负载最高', '占用最多'],
    build: ({ lower }) => ({
      type: 'superlative',
      direction: 'desc',
      sense: 'metric',
      statistic: 'max',
      limit: superlativeLimit(lower[1]),
    }),
  },
  {
    id: 'SUP-LOWEST',
    en: ['(?:(\\d+) )?(?:the )?(?:lowest|least (?:loaded|utili[sz]ed|busy)|quietest)'],
    zh: ['(?:使用率|利用率|占用|占用率)?\\s*最低', '最空闲', '最闲'],
    build: ({ lower }) => ({
      type: 'superlative',
      direction: 'asc',
      sense: 'metric',
      statistic: 'min',
      limit: superlativeLimit(lower[1]),
    }),
  },
  {
    id: 'SUP-LARGEST',
    en: ['(?:(\\d+) )?(?:the )?(?:largest|biggest)'],
    zh: ['最大', '容量最大', '空间最大'],
    build: ({ lower }) => ({
      type: 'superlative',
      direction: 'desc',
      sense: 'size',
      statistic: 'max',
      limit: superlativeLimit(lower[1]),
    }),
  },
  {
    id: 'SUP-SMALLEST',
    en: ['(?:(\\d+) )?(?:the )?smallest'],
    zh: ['最小', '容量最小'],
    build: ({ lower }) => ({
      type: 'superlative',
      direction: 'asc',
      sense: 'size',
      statistic: 'min',
      limit: superlativeLimit(lower[1]),
    }),
  },
  {
    id: 'SUP-OLDEST',
    en: [
      '(?:(\\d+) )?(?:the )?(?:oldest|earliest(?: (?:created|launched))?|longest[- ]running|least recently (?:created|launched))',
    ],
    zh: ['最老', '最旧', '最早(?:创建|启动)?', '运行(?:时间)?最(?:长|久)', '最久'],
    build: ({ lower }) => ({
      type: 'superlative',
      direction: 'asc',
      sense: 'age',
      limit: superlativeLimit(lower[1]),
    }),
  },
  {
    id: 'SUP-NEWEST',
    en: ['(?:(\\d+) )?(?:the )?(?:newest|latest|youngest|most recent(?:ly (?:created|launched|started))?)'],
    zh: ['最新(?:创建|启动)?', '最近创建', '最近启动', '新近创建'],
    build: ({ lower }) => ({
      type: 'superlative',
      direction: 'desc',
      sense: 'age',
      limit: superlativeLimit(lower[1]),
    }),
  },
  // Comparators
  {
    id: 'CMP-AGE-OLDER',
    en: [
      'older than',
      '(?:created|provisioned) (?:more than|over|at least|before)',
      'launched (?:more than|over|at least|before)',
      'running (?:for )?(?:more than|over|at least|longer than)',
      'up for (?:more than|over)',
      'age (?:>|over|greater than|more than)',
    ],
    zh: [
      '创建(?:时间|于)?(?:已经?)?超过',
      '创建(?:了|已)?(?:超过|大于|多于)',
      '运行(?:时间|了|时长)?(?:已经?)?(?:超过|大于|多于)',
      '已运行(?:超过|大于)',
      '启动(?:时间|了)?(?:超过|大于)',
      '存在(?:了)?超过',
    ],
    build: ({ lower }) => ({
      type: 'comparator',
      op: 'gt',
      after: false,
      sense: 'age',
      timeField: /launch|running|up for|运行|启动/.test(lower[0] ?? '')
        ? 'launch_time'
        : /creat|provision|创建/.test(lower[0] ?? '')
          ? 'created_time'
          : undefined,
    }),
  },
  {
    id: 'CMP-AGE-NEWER',
    en: ['newer than', 'younger than', '(?:created|launched) less than'],
    zh: ['创建(?:时间)?(?:不到|不足|少于|小于)', '运行(?:时间)?(?:不到|不足|少于)'],
    value: { type: 'comparator', op: 'lt', after: false, sense: 'age' },
  },
  {
    id: 'CMP-GTE',
    en: [
      'at least',
      'no less than',
      'not less than',
      'no fewer than',
      'greater than or equal to',
      'more than or equal to',
      'equal to or (?:greater|more|higher) than',
      'minimum of',
      'min of',
    ],
    zh: ['不低于', '不少于', '不小于', '至少', '大于等于', '大于或等于', '高于或等于', '>=', '≥', '=>'],
    value: { type: 'comparator', op: 'gte', after: false },
  },
  {
    id: 'CMP-GTE-AFTER',
    en: ['or (?:more|above|higher|greater)', 'and (?:above|up|higher|over)'],
    zh: ['以上', '及以上', '或以上', '或更高', '或更多', '\\+(?![\\d])'],
    value: { type: 'comparator', op: 'gte', after: true },
  },
  {
    id: 'CMP-LTE',
    en: [
      'at most',
      'no more than',
      'not more than',
      'not above',
      'not over',
      'up to',
      'less than or equal to',
      'maximum of',
      'max of',
      'not exceeding',
      'no higher than',
      'not higher than',
    ],
    zh: ['不超过', '不高于', '不大于', '至多', '小于等于', '小于或等于', '低于或等于', '<=', '≤', '=<'],
    value: { type: 'comparator', op: 'lte', after: false },
  },
  {
    id: 'CMP-LTE-AFTER',
    en: ['or (?:less|below|lower|fewer)', 'and (?:below|under|lower)'],
    zh: ['以下', '及以下', '或以下', '以内', '之内', '或更低', '或更少'],
    value: { type: 'comparator', op: 'lte', after: true },
  },
  {
    id: 'CMP-GT-SIZE',
    en: ['(?:larger|bigger) than', 'over (?:the )?size of'],
    zh: ['容量(?:大于|超过)', '大小(?:大于|超过)'],
    value: { type: 'comparator', op: 'gt', after: false, sense: 'size' },
  },
  {
    id: 'CMP-LT-SIZE',
    en: ['smaller than'],
    zh: ['容量(?:小于|低于)', '大小(?:小于|低于)'],
    value: { type: 'comparator', op: 'lt', after: false, sense: 'size' },
  },
  {
    id: 'CMP-GT',
    en: [
      'over',
      'above',
      'more than',
      'more then',
      'greater than',
      'higher than',
      'exceeds?',
      'exceeding',
      'exceeded',
      'in excess of',
      'beyond',
      'north of',
      'greater',
      'bigger',
      'is over',
      'went over',
      'go(?:es)? over',
      'is above',
      'gt',
    ],
    zh: ['超过', '大于', '高于', '多于', '超出', '高过', '大过', '超', '>'],
    value: { type: 'comparator', op: 'gt', after: false },
  },
  {
    id: 'CMP-LT',
    en: [
      'below',
      'under',
      'less than',
      'less then',
      'lower than',
      'fewer than',
      'beneath',
      'south of',
      'is below',
      'is under',
      'lt',
      'dropped below',
    ],
    zh: ['低于', '小于', '少于', '不足', '不到', '不满', '<'],
    value: { type: 'comparator', op: 'lt', after: false },
  },
  // Numbers with units. "80%", "512MB", "1.5 TB", "80" (unitless), "0.8" (a fraction when a percentage is expected).
  {
    id: 'QTY',
    zh: [
      '(?<![\\w.])(\\d+(?:\\.\\d+)?)\\s*(?:(%)|(percent(?:age)?|pct|mib/s|mb/s|mbps|kib|kb|mib|mb|gib|gb|tib|tb|bytes?|k|m|g|t|b)(?![a-z0-9_])|(兆|百分比|个百分点))?(?![\\d])',
    ],
    build: ({ lower }) => {
      const number = lower[1];
      if (number === undefined) {
        return undefined;
      }
      const unitWord = lower[2] ?? lower[3] ?? lower[4];
      const unit = unitWord === undefined ? 'none' : (UNIT_WORDS[unitWord] ?? 'none');
      return {
        type: 'quantity',
        value: Number(number),
        unit,
        fraction: number.includes('.') && Number(number) < 1,
      };
    },
  },
  // Subjects of comparisons that are not metrics
  {
    id: 'SUBJ-SIZE',
    en: [
      '(?:disk |volume |storage |allocated )?size(?: in gb)?',
      'size_gb',
      'capacity',
      '(?:allocated )?storage',
      'disk space',
    ],
    zh: ['大小', '容量', '磁盘大小', '存储空间', '空间', '存储容量', '尺寸'],
    value: { type: 'subject', field: 'size_gb' },
  },
  {
    id: 'SUBJ-MEMORY-SIZE',
    en: ['memory size', 'memory_mb', 'configured memory', 'memory setting', 'allocated memory'],
    zh: ['内存配置', '配置内存', '内存规格'],
    value: { type: 'subject', field: 'memory_mb' },
  },
  {
    id: 'SUBJ-RETENTION',
    en: ['retention(?: period| days| policy| time| setting)?', 'retention_days', 'retained for', 'kept for'],
    zh: ['保留期(?:限)?', '保留天数', '保留时间', '保留策略', '保存期', '保存时间', '保留'],
    value: { type: 'subject', field: 'retention_days' },
  },
  {
    id: 'SUBJ-AGE',
    en: ['age', 'old', 'uptime', 'running time', 'lifetime'],
    zh: [
      '运行时长',
      '运行时间',
      '已运行',
      '运行了',
      '存活时间',
      '年龄',
      '运行(?=\\s*(?:超过|大于|多于|不到|少于))',
    ],
    build: ({ lower }) => ({
      type: 'subject',
      field: 'age',
      timeField: /uptime|running|运行/.test(lower[0] ?? '') ? 'launch_time' : undefined,
    }),
  },
];
