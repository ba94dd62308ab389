import { describe, expect, it } from 'vitest';
import { isMutatingAction } from './is-mutating-action.js';

describe('isMutatingAction', () => {
  it.each([
    ['TerminateInstances', true],
    ['RunInstances', true],
    ['CreateTags', true],
    ['PutMetricData', true],
    ['DeleteBucket', true],
    ['ModifyDBInstance', true],
    ['Invoke', true],
    ['DescribeInstances', false],
    ['GetMetricData', false],
    ['ListFunctions', false],
    ['LookupEvents', false],
    ['FilterLogEvents', false],
    ['Settle', false],
    ['Runner', false],
  ])('%s → %s', (operation, expected) => {
    expect(isMutatingAction(operation)).toBe(expected);
  });
});
