import type { TimeUnit } from '../plan/query-plan.js';
import type { AtomValue, Captures, LexiconEntry } from './lexicon-entry.js';

/** Unit spellings → plan time units. */
const UNIT_SPELLINGS: readonly [RegExp, TimeUnit][] = [
  [/^(?:m|mins?|minutes?|分钟|分)$/, 'minute'],
  [/^(?:h|hrs?|hours?|小时|个小时|钟头|个钟头)$/, 'hour'],
  [/^(?:d|days?|天|日)$/, 'day'],
  [/^(?:w|wks?|weeks?|周|星期|个星期|礼拜|个礼拜)$/, 'week'],
  [/^(?:mo|mos|months?|个月|月)$/, 'month'],
];

function toUnit(word: string | undefined): TimeUnit | undefined {
  return word === undefined ? undefined : UNIT_SPELLINGS.find(([pattern]) => pattern.test(word))?.[1];
}

const EN_UNIT = '(m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|mo|mos|months?)';
const EN_LONG_UNIT = '(mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|mo|mos|months?)';
const ZH_UNIT = '(分钟|小时|个小时|个钟头|钟头|天|日|周|星期|个星期|个礼拜|礼拜|个月|月)';

function relative(
  amountIndex: number | undefined,
  unitIndex: number,
  options: { bare?: boolean; ago?: boolean } = {},
) {
  return ({ lower }: Captures): AtomValue | undefined => {
    const amount = amountIndex === undefined ? 1 : Number(lower[amountIndex]);
    const unit = toUnit(lower[unitIndex]);
    if (unit === undefined || !Number.isInteger(amount) || amount <= 0) {
      return undefined;
    }
    const range = { kind: 'relative', amount, unit } as const;
    if (options.bare === true || options.ago === true) {
      return { type: 'time', range, bare: { amount, unit }, ...(options.ago === true ? { ago: true } : {}) };
    }
    return { type: 'time', range };
  };
}

/** Time windows. Kept relative in the plan; resolved by the executor (see resolveTimeRange). */
export const TIME_LEXICON: readonly LexiconEntry[] = [
  {
    id: 'TIME-LAST-N',
    en: [
      `(?:(?:in|over|during|within|for|from|of|at|across) )?(?:the )?(?:last|past|previous|recent|prior|trailing)\\s*(\\d+)\\s*${EN_UNIT}`,
      `(?:within|in) (?:the )?(\\d+)\\s*${EN_LONG_UNIT}`,
    ],
    zh: [
      `(?:在)?(?:最近|过去|近|前|这|最后|在过去|在最近|过往)\\s*(?:的)?\\s*(\\d+)\\s*${ZH_UNIT}\\s*(?:内(?!存)|以来|之内|以内|里|中|期间|当中)?`,
      `(?<![\\d.])(\\d+)\\s*${ZH_UNIT}\\s*(?:内(?!存)|以来|之内|以内)`,
    ],
    build: relative(1, 2),
  },
  {
    id: 'TIME-LAST-ONE',
    en: [
      '(?:(?:in|over|during|within|for|from|of) )?(?:the )?(?:past|previous|trailing) (minute|hour|day|week|month|fortnight)',
      '(?:in|over|during|within|for|from|of) (?:the )?last (minute|hour|day|week|month)',
      '(?:the )?last (minute|hour|day)',
      'within (?:an?|one) (minute|hour|day|week|month)',
      '(?:in|over|during|within|for) (?:the )?(?:last|past) (?:an?|one) (minute|hour|day|week|month)',
      '(?:the )?(?:last|past) (?:an?|one) (minute|hour|day|week|month)',
    ],
    zh: [`(?:在)?(?:最近|过去|近|最后)\\s*(?:的)?\\s*${ZH_UNIT}\\s*(?:内(?!存)|以来|之内|以内|里|中)?`],
    build: ({ lower }) => {
      if (lower[1] === 'fortnight') {
        return { type: 'time', range: { kind: 'relative', amount: 2, unit: 'week' } };
      }
      const unit = toUnit(lower[1]);
      return unit === undefined ? undefined : { type: 'time', range: { kind: 'relative', amount: 1, unit } };
    },
  },
  {
    id: 'TIME-LAST-24H',
    en: ['(?:(?:in|over|during|within|for) )?(?:the )?(?:last|past) (?:24 hours|day and a half)'],
    value: { type: 'time', range: { kind: 'relative', amount: 24, unit: 'hour' } },
  },
  {
    id: 'TIME-AGO',
    en: [`(\\d+)\\s*(days?|d|weeks?|w|months?|hours?|h)\\s+ago`],
    zh: [`(?<![\\d.])(\\d+)\\s*(天|日|周|星期|个星期|个月|小时|个小时)\\s*(?:以|之)?前`],
    build: relative(1, 2, { ago: true }),
  },
  {
    id: 'TIME-BARE',
    en: [`(\\d+)\\s*${EN_LONG_UNIT}`],
    zh: [`(?<![\\d.])(\\d+)\\s*${ZH_UNIT}`],
    build: relative(1, 2, { bare: true }),
  },
  {
    id: 'TIME-SINCE-YESTERDAY',
    en: [
      'since yesterday',
      'from yesterday(?: (?:until|to|till) (?:now|today))?',
      'yesterday (?:until|to|till) (?:now|today)',
    ],
    zh: ['(?:自|从)?昨天(?:以来|开始|起|到现在|至今|到今天|直到现在)', '自昨天', '昨日(?:以来|至今)'],
    value: { type: 'time', range: { kind: 'calendar', value: 'since_yesterday' } },
  },
  {
    id: 'TIME-TODAY',
    en: ['today', 'so far today', 'this morning', 'today so far'],
    zh: ['今天', '今日', '当天', '今天以来'],
    value: { type: 'time', range: { kind: 'calendar', value: 'today' } },
  },
  {
    id: 'TIME-YESTERDAY',
    en: ['yesterday', 'during yesterday'],
    zh: ['昨天', '昨日'],
    value: { type: 'time', range: { kind: 'calendar', value: 'yesterday' } },
  },
  {
    id: 'TIME-THIS-WEEK',
    en: ['this week', 'so far this week', 'this week so far', 'since monday'],
    zh: ['本周(?:内(?!存)|以来)?', '这周', '这个星期', '这星期', '本星期', '这1周', '这个礼拜', '本礼拜'],
    value: { type: 'time', range: { kind: 'calendar', value: 'this_week' } },
  },
  {
    id: 'TIME-LAST-WEEK',
    en: ['last week', 'previous week'],
    zh: ['上周', '上个星期', '上星期', '上1周', '上个礼拜'],
    value: { type: 'time', range: { kind: 'calendar', value: 'last_week' } },
  },
  {
    id: 'TIME-THIS-MONTH',
    en: ['this month', 'so far this month', 'month to date', 'mtd'],
    zh: ['本月(?:内(?!存)|以来)?', '这个月', '这月', '本月份'],
    value: { type: 'time', range: { kind: 'calendar', value: 'this_month' } },
  },
  {
    id: 'TIME-LAST-MONTH',
    en: ['last month', 'previous month'],
    zh: ['上个月', '上月'],
    value: { type: 'time', range: { kind: 'relative', amount: 1, unit: 'month' } },
  },
];
