import { describe, expect, it } from 'vitest';
import { isLambdaRuntimeDeprecated } from './lambda-runtime-deprecations.js';

describe('isLambdaRuntimeDeprecated', () => {
  const at = new Date('2026-11-25T00:00:00Z');

  it.each([
    'python2.7',
    'python3.6',
    'python3.7',
    'python3.8',
    'python3.9',
    'nodejs',
    'nodejs4.3',
    'nodejs6.10',
    'nodejs8.10',
    'nodejs10.x',
    'nodejs12.x',
    'nodejs14.x',
    'nodejs16.x',
    'nodejs18.x',
    'java8',
    'dotnetcore1.0',
    'dotnetcore2.1',
    'dotnetcore3.1',
    'dotnet5.0',
    'dotnet6',
    'ruby2.5',
    'ruby2.7',
    'go1.x',
    'provided',
  ])('%s is deprecated', (runtime) => {
    expect(isLambdaRuntimeDeprecated(runtime, at)).toBe(true);
  });

  it.each(['python3.12', 'python3.13', 'nodejs22.x', 'nodejs24.x', 'java21', 'provided.al2023', 'ruby3.3'])(
    '%s is supported',
    (runtime) => {
      expect(isLambdaRuntimeDeprecated(runtime, at)).toBe(false);
    },
  );

  it('switches on the deprecation date itself (UTC)', () => {
    expect(isLambdaRuntimeDeprecated('nodejs20.x', new Date('2026-04-29T23:59:59.999Z'))).toBe(false);
    expect(isLambdaRuntimeDeprecated('nodejs20.x', new Date('2026-04-30T00:00:00.000Z'))).toBe(true);
  });

  it('does not guess for unknown runtimes', () => {
    expect(isLambdaRuntimeDeprecated('cobol85', at)).toBeUndefined();
  });
});
