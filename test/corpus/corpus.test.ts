import { describe, expect, it } from 'vitest';

import { QueryPlanSchema, type QueryPlan } from '../../src/core/plan/query-plan.js';
import { parseQuestion } from '../../src/core/rules/parse-question.js';
import { AWS_EN } from './aws-en.js';
import { AWS_ZH } from './aws-zh.js';
import type { CorpusEntry, PlanShape } from './corpus-entry.js';
import { MULTICLOUD_EN } from './multicloud-en.js';
import { MULTICLOUD_ZH } from './multicloud-zh.js';
import { REFUSALS } from './refusals.js';
import { UNRECOGNIZED } from './unrecognized.js';

const CJK = /[\u3400-\u9fff]/;

const TABLES: Record<string, readonly CorpusEntry[]> = {
  'aws-en': AWS_EN,
  'aws-zh': AWS_ZH,
  'multicloud-en': MULTICLOUD_EN,
  'multicloud-zh': MULTICLOUD_ZH,
  refusals: REFUSALS,
  unrecognized: UNRECOGNIZED,
};
const ALL_ENTRIES = Object.values(TABLES).flat();

function sortedKeys(items: readonly unknown[]): string[] {
  return items.map((item) => JSON.stringify(item)).sort();
}

/** Deep partial match on the keys the expectation lists; filters and scope lists ignore order. */
function expectPlanToMatch(actual: QueryPlan, expected: PlanShape): void {
  if (expected.action !== undefined) {
    expect(actual.action, 'action').toBe(expected.action);
  }
  if (expected.resource !== undefined) {
    expect(actual.resource, 'resource').toBe(expected.resource);
  }
  for (const [key, value] of Object.entries(expected.scope ?? {})) {
    const list = actual.scope[key as keyof QueryPlan['scope']];
    expect(sortedKeys(list), `scope.${key}`).toEqual(sortedKeys(value as readonly unknown[]));
  }
  if (expected.filters !== undefined) {
    expect(sortedKeys(actual.filters), 'filters').toEqual(sortedKeys(expected.filters));
  }
  if (expected.metric !== undefined) {
    expect(actual.metric, 'metric').toBeDefined();
    for (const [key, value] of Object.entries(expected.metric)) {
      expect(actual.metric?.[key as keyof NonNullable<QueryPlan['metric']>], `metric.${key}`).toEqual(value);
    }
  }
  if (expected.timeRange !== undefined) {
    expect(actual.timeRange, 'timeRange').toEqual(expected.timeRange);
  }
  if (expected.groupBy !== undefined) {
    expect(actual.groupBy, 'groupBy').toEqual(expected.groupBy);
  }
  if (expected.sort !== undefined) {
    expect(actual.sort, 'sort').toEqual(expected.sort);
  }
  if (expected.limit !== undefined) {
    expect(actual.limit, 'limit').toBe(expected.limit);
  }
  if (expected.logQuery !== undefined) {
    expect(actual.logQuery, 'logQuery').toEqual(expected.logQuery);
  }
  if (expected.audit !== undefined) {
    expect([...(actual.audit?.actions ?? [])].sort(), 'audit.actions').toEqual(
      [...expected.audit.actions].sort(),
    );
  }
}

describe('question corpus', () => {
  it('has at least 750 questions, about half of them Chinese', () => {
    const chinese = ALL_ENTRIES.filter((entry) => CJK.test(entry.question)).length;

    const share = chinese / ALL_ENTRIES.length;

    expect(ALL_ENTRIES.length).toBeGreaterThanOrEqual(750);
    expect(share).toBeGreaterThanOrEqual(0.45);
    expect(share).toBeLessThanOrEqual(0.6);
  });

  it('has at least 420 AWS questions and 330 Azure/GCP/multi-cloud questions', () => {
    expect(AWS_EN.length + AWS_ZH.length).toBeGreaterThanOrEqual(420);
    expect(MULTICLOUD_EN.length + MULTICLOUD_ZH.length).toBeGreaterThanOrEqual(330);
  });

  it('has no duplicate questions', () => {
    const questions = ALL_ENTRIES.map((entry) => entry.question);

    const duplicates = questions.filter((question, index) => questions.indexOf(question) !== index);

    expect(duplicates).toEqual([]);
  });

  for (const [name, entries] of Object.entries(TABLES)) {
    describe(name, () => {
      it.each(entries.map((entry) => [entry.question, entry] as const))('%s', (_question, entry) => {
        const result = parseQuestion(entry.question);

        if (entry.expect.kind === 'unsupported') {
          expect(result.kind === 'unrecognized' ? result.code : result.kind, JSON.stringify(result)).toBe(
            'PLAN_UNSUPPORTED',
          );
          return;
        }
        expect(result.kind, JSON.stringify(result)).toBe(entry.expect.kind);
        if (result.kind === 'unrecognized') expect(result.code).toBe('PLAN_UNRECOGNIZED');
        if (result.kind === 'plan' && entry.expect.kind === 'plan') {
          expect(QueryPlanSchema.safeParse(result.plan).success).toBe(true);
          expect(result.confidence).toBeGreaterThan(0.7);
          expectPlanToMatch(result.plan, entry.expect.plan);
        }
      });
    });
  }
});
