import { describe, expect, it } from 'vitest';
import { compileWildcards } from './match-wildcard.js';

describe('compileWildcards', () => {
  it.each([
    [['t3.*'], 't3.micro', true],
    [['t3.*'], 'm5.large', false],
    [['us-east-1?'], 'us-east-1a', true],
    [['us-east-1?'], 'us-east-1', false],
    [['a', 'b'], 'b', true],
    [['\\*'], '*', true],
    [['\\*'], 'x', false],
  ])('%j matches %s: %s', (values, text, expected) => {
    expect(compileWildcards(values)(text)).toBe(expected);
  });
});
