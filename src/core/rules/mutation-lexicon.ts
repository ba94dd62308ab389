/**
 * Verbs that change the cloud. Used as a COMMAND ("stop all idle instances", "删除未挂载的磁盘") they
 * make the question a refusal; used descriptively ("stopped instances", "被删除的磁盘",
 * "which volumes were deleted yesterday") they do not, because only base-form verbs in command
 * position match (see detect-mutation.ts).
 */
export interface MutationVerb {
  readonly id: string;
  /** Regex source over lowercased text. */
  readonly pattern: string;
  /** Canonical English verb reported in the refusal. */
  readonly verb: string;
  /** Lookahead the rest of the sentence must satisfy ("make" is a command only when it makes something public/private…). */
  readonly requires?: string;
}

/** English command verbs (base form only: "stopped" is never a command). */
export const EN_MUTATION_VERBS: readonly MutationVerb[] = [
  { id: 'MUT-EN-STOP', pattern: 'stop', verb: 'stop' },
  { id: 'MUT-EN-START', pattern: 'start', verb: 'start' },
  { id: 'MUT-EN-RESTART', pattern: 're-?start|reboot|bounce|power[- ]cycle|recycle', verb: 'restart' },
  { id: 'MUT-EN-TERMINATE', pattern: 'terminate|kill|nuke', verb: 'terminate' },
  {
    id: 'MUT-EN-DELETE',
    pattern: 'delete|remove|destroy|purge|wipe|drop|erase|trash|get rid of|clean ?up|release',
    verb: 'delete',
  },
  {
    id: 'MUT-EN-SHUTDOWN',
    pattern:
      'shut ?down|shut off|power (?:off|down)|turn (?:off|on)|power on|spin down|deallocate|hibernate|suspend',
    verb: 'stop',
  },
  {
    id: 'MUT-EN-CREATE',
    pattern: 'create|launch|spin up|provision|deploy|run a new|make a new|add a new|allocate',
    verb: 'create',
  },
  {
    id: 'MUT-EN-MODIFY',
    pattern:
      'modify|change|update|resize|rename|upgrade|downgrade|scale(?: up| down| out| in)?|enable|disable|encrypt|decrypt|tag|untag|retag|set|attach|detach|mount|unmount|reset|rotate|patch|migrate|move|restore|roll ?back|snapshot|back ?up',
    verb: 'modify',
  },
  {
    id: 'MUT-EN-MAKE',
    pattern: 'make',
    verb: 'modify',
    requires:
      '.{0,60}(?<![a-z0-9_-])(?:public|private|encrypted|unencrypted|read-only|multi-az|highly available)(?![a-z0-9_-])',
  },
];

/** Chinese command verbs. */
export const ZH_MUTATION_VERBS: readonly MutationVerb[] = [
  { id: 'MUT-ZH-DELETE', pattern: '删除|删掉|移除|销毁|清理|清除|清掉|干掉|释放|回收', verb: 'delete' },
  { id: 'MUT-ZH-STOP', pattern: '停止|停掉|停机|关闭|关掉|关停|关机|暂停|挂起', verb: 'stop' },
  { id: 'MUT-ZH-TERMINATE', pattern: '终止|杀掉|杀死|结束掉', verb: 'terminate' },
  { id: 'MUT-ZH-RESTART', pattern: '重启|重新启动', verb: 'restart' },
  { id: 'MUT-ZH-START', pattern: '启动|开启|开机|打开|拉起|开起来', verb: 'start' },
  { id: 'MUT-ZH-CREATE', pattern: '创建|新建|新增|开通|部署|申请|购买|开一台|开个|起一台', verb: 'create' },
  {
    id: 'MUT-ZH-MODIFY',
    pattern:
      '修改|更改|变更|扩容|缩容|升级|降级|升配|降配|调整|卸载|挂载|解绑|绑定|加密|打标签|添加标签|加标签|设置|启用|禁用|重置|回滚|迁移|改成|改为|改一下',
    verb: 'modify',
  },
];

/** Polite or framing words that may precede an English command. */
export const EN_COMMAND_PREFIXES: readonly string[] = [
  'please',
  'pls',
  'plz',
  'kindly',
  'can you',
  'could you',
  'would you',
  'will you',
  'can u',
  'go ahead and',
  'i want to',
  'i want you to',
  'i need to',
  'i need you to',
  "i'd like to",
  'i would like to',
  'we need to',
  'we should',
  "let's",
  'lets',
  'help me',
  'help me to',
  'now',
  'just',
  'immediately',
  'quickly',
  'then',
  'also',
  'asap',
  'you should',
  'you must',
  'you need to',
  'try to',
  'safely',
  'automatically',
];

/** Words that may precede a Chinese command. */
export const ZH_COMMAND_PREFIXES: readonly string[] = [
  '请',
  '麻烦',
  '帮我',
  '帮忙',
  '给我',
  '替我',
  '你',
  '立即',
  '马上',
  '立刻',
  '现在',
  '直接',
  '赶紧',
  '尽快',
  '去',
  '能否',
  '能不能',
  '可以',
  '可否',
  '帮',
  '请帮我',
  '把它们',
  '把它',
  '将其',
  '把他们',
  '全部',
  '都',
  '一键',
  '批量',
  '统一',
  '自动',
  '我要',
  '我想',
  '我需要',
  '需要',
  '你能',
  '你可以',
  '请你',
  '能',
  '可以帮我',
  '帮我们',
  '给',
];

/** Colloquial verb forms accepted only in the 把/将 construction ("把闲置实例都停了"). */
export const ZH_BA_VERBS: readonly MutationVerb[] = [
  { id: 'MUT-ZH-BA-DELETE', pattern: '删了|删', verb: 'delete' },
  { id: 'MUT-ZH-BA-STOP', pattern: '停了|停', verb: 'stop' },
  { id: 'MUT-ZH-BA-TERMINATE', pattern: '杀了', verb: 'terminate' },
  { id: 'MUT-ZH-BA-MODIFY', pattern: '改了|改', verb: 'modify' },
];

/**
 * What may follow a Chinese verb and make it descriptive rather than a command:
 * "停止的", "删除了", "启动时间", "停止状态", "创建于"…
 */
export const ZH_DESCRIPTIVE_SUFFIXES: readonly string[] = [
  '的',
  '了',
  '过(?!期)',
  '时间',
  '状态',
  '中',
  '于',
  '日期',
  '记录',
  '事件',
  '操作',
  '者',
  '人',
  '保护',
  '策略',
  '时',
  '在',
  '着',
  '超过',
  '不到',
  '不足',
  '大于',
  '小于',
  '多于',
  '少于',
  '满',
  '已',
  '多久',
  '以来',
  '之后',
  '之前',
];

/** Phrases that start with a verb but describe a property ("开启监控的实例" = instances with monitoring on). */
export const ZH_DESCRIPTIVE_PHRASES: readonly string[] = [
  '(?:开启|启用|关闭|打开|禁用)了?(?:详细)?(?:监控|加密|版本控制|多可用区|公网访问|公开访问|删除保护)',
  '(?:挂载|绑定)(?:在|到)',
];
