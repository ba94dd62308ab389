import {
  EN_COMMAND_PREFIXES,
  EN_MUTATION_VERBS,
  type MutationVerb,
  ZH_BA_VERBS,
  ZH_COMMAND_PREFIXES,
  ZH_DESCRIPTIVE_PHRASES,
  ZH_DESCRIPTIVE_SUFFIXES,
  ZH_MUTATION_VERBS,
} from './mutation-lexicon.js';

/** A command to change the cloud found in a question. */
export interface MutationCommand {
  /** Table row id (`MUT-EN-STOP`…). */
  readonly id: string;
  /** Canonical English verb (`stop`, `delete`…). */
  readonly verb: string;
  /** The words as the user wrote them. */
  readonly text: string;
}

function alternation(items: readonly string[]): string {
  return items.map((item) => `(?:${item})`).join('|');
}

function anchored(verbs: readonly MutationVerb[]): readonly [RegExp, MutationVerb][] {
  return verbs.map((verb) => [new RegExp(`^(?:${verb.pattern})$`), verb]);
}

const EN_VERBS = anchored(EN_MUTATION_VERBS);
const ZH_VERBS = anchored([...ZH_MUTATION_VERBS, ...ZH_BA_VERBS]);

const EN_PREFIX = `(?:(?:${alternation(EN_COMMAND_PREFIXES)}|${alternation(ZH_COMMAND_PREFIXES)})\\s*)*`;
/** A base-form verb at the start of a clause, not followed by "time"/"date" or a tag assignment. */
const EN_COMMAND_RE = new RegExp(
  `(?:^|[.;!?,:]\\s*|(?<![a-z0-9_])(?:and|then|also|but|afterwards|after that)\\s+)${EN_PREFIX}(${alternation(
    EN_MUTATION_VERBS.map((verb) =>
      verb.requires === undefined ? verb.pattern : `(?:${verb.pattern})(?=${verb.requires})`,
    ),
  )})(?![a-z0-9_-])(?!\\s*(?:time|times|date|dates|[:=]|-))`,
);

const ZH_PREFIX = `(?:(?:${alternation(ZH_COMMAND_PREFIXES)}|${alternation(EN_COMMAND_PREFIXES)})\\s*)*`;
const ZH_VERB_ALTERNATION = alternation(ZH_MUTATION_VERBS.map((verb) => verb.pattern));
const ZH_COMMAND_RE = new RegExp(
  `(?:^|[.;!?,:]\\s*|(?:并且?|然后|再|接着|顺便|同时|随后|之后|并把|然后把)\\s*)${ZH_PREFIX}(${ZH_VERB_ALTERNATION})(?!${alternation(
    ZH_DESCRIPTIVE_SUFFIXES,
  )})`,
  'g',
);
/** A verb ending the sentence, not after 被/已/谁/可以…: "闲置的实例全部停掉", "未加密的卷删除吧". */
const ZH_END_RE = new RegExp(
  `(?<!被|已|已经|谁|被谁|可以|可|能|应该|是否|有没有|正在|在|要|需要)(${ZH_VERB_ALTERNATION})(?:掉|了吧|吧|一下|掉吧)?\\s*[.!~]*\\s*$`,
);
/** Colloquial endings: "未加密的卷都删了吧" (but "哪些实例停了" is a question about the past). */
const ZH_END_BA_RE = new RegExp(
  `(?<!被|已|已经|谁)(${alternation(ZH_BA_VERBS.map((verb) => verb.pattern))})(?:吧|掉吧)\\s*[.!~]*\\s*$`,
);
const ZH_DESCRIPTIVE_RE = new RegExp(`^(?:${alternation(ZH_DESCRIPTIVE_PHRASES)})`);
/** 把/将 + object + verb: always a command ("把所有闲置实例停掉", "将未挂载的磁盘删除"). */
const ZH_BA_RE = new RegExp(
  `(?:^|[.;!?,:]\\s*|(?:并且?|然后|再|接着)\\s*)${ZH_PREFIX}(?:把|将)[^.;!?]{1,40}?(${alternation([
    ...ZH_MUTATION_VERBS.map((verb) => verb.pattern),
    ...ZH_BA_VERBS.map((verb) => verb.pattern),
  ])})(?!的|过|时间|状态|中)`,
);
/** Quoted text is data (a log pattern, a name), never a command. */
const QUOTED_RE = /"[^"]*"|(?<![a-z0-9])'[^']*'(?![a-z0-9])/g;

function toCommand(table: readonly [RegExp, MutationVerb][], text: string): MutationCommand | undefined {
  const entry = table.find(([pattern]) => pattern.test(text))?.[1];
  return entry === undefined ? undefined : { id: entry.id, verb: entry.verb, text };
}

/**
 * Finds a command to change the cloud in a normalized (lowercased) question. Only base-form
 * verbs at the start of a clause (after polite words such as "please", "can you", "请", "帮我")
 * and the Chinese 把/将 construction count; descriptive uses ("stopped instances",
 * "停止的实例", "谁删除了磁盘", "instances that were terminated") do not.
 */
export function detectMutation(lower: string): MutationCommand | undefined {
  const text = lower.replace(QUOTED_RE, (quoted) => ' '.repeat(quoted.length));
  const english = EN_COMMAND_RE.exec(text);
  if (english?.[1] !== undefined) {
    return toCommand(EN_VERBS, english[1].replace(/\s+/g, ' '));
  }
  const ba = ZH_BA_RE.exec(text);
  if (ba?.[1] !== undefined) {
    return toCommand(ZH_VERBS, ba[1]);
  }
  ZH_COMMAND_RE.lastIndex = 0;
  for (let match = ZH_COMMAND_RE.exec(text); match !== null; match = ZH_COMMAND_RE.exec(text)) {
    const verb = match[1];
    if (verb === undefined) {
      continue;
    }
    const verbAt = match.index + match[0].length - verb.length;
    if (!ZH_DESCRIPTIVE_RE.test(text.slice(verbAt))) {
      return toCommand(ZH_VERBS, verb);
    }
  }
  const atEnd = ZH_END_RE.exec(text) ?? ZH_END_BA_RE.exec(text);
  if (atEnd?.[1] !== undefined) {
    return toCommand(ZH_VERBS, atEnd[1]);
  }
  return undefined;
}
