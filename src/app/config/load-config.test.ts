import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SreError } from '../../core/errors/sre-error.js';
import { loadConfig } from './load-config.js';

function tempFile(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'sre-config-'));
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function configError(run: () => unknown): SreError {
  try {
    run();
  } catch (error) {
    if (error instanceof SreError) return error;
    throw error;
  }
  throw new Error('expected an SreError');
}

describe('loadConfig', () => {
  it('fills defaults and freezes the result', () => {
    const config = loadConfig({ env: {} });

    expect(config.providers).toEqual([]);
    expect(config.azure.subscriptions).toEqual([]);
    expect(config.concurrency).toBe(8);
    expect(config.logs.eventLimit).toBe(1000);
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.aws)).toBe(true);
  });

  it('layers file < environment < overrides', () => {
    const file = tempFile(
      'c.yaml',
      'concurrency: 4\naws:\n  regions: [eu-west-1]\nlogs:\n  eventLimit: 50\n',
    );

    const config = loadConfig({
      env: { SRE_AWS_REGIONS: 'us-east-1, us-west-2', SRE_CONCURRENCY: '6' },
      file,
      overrides: { concurrency: 2 },
    });

    expect(config.aws.regions).toEqual(['us-east-1', 'us-west-2']);
    expect(config.concurrency).toBe(2);
    expect(config.logs.eventLimit).toBe(50);
  });

  it.each([
    [{ SRE_CONCURRENCY: 'lots' }, 'concurrency (from SRE_CONCURRENCY)'],
    [{ SRE_AWS_REGIONS: 'us-east-1,Mars' }, 'aws.regions[1] (from SRE_AWS_REGIONS)'],
    [{ SRE_PROVIDERS: 'aws,oracle' }, 'providers[1] (from SRE_PROVIDERS)'],
    [{ SRE_STRICT: 'perhaps' }, 'strict (from SRE_STRICT)'],
  ])('rejects bad environment values with the key and source: %o', (env, where) => {
    const error = configError(() => loadConfig({ env }));

    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toContain(where);
  });

  it('names an unknown key of the file', () => {
    const file = tempFile('c.yaml', 'aws:\n  regoins: [us-east-1]\n');

    const error = configError(() => loadConfig({ env: {}, file }));

    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toContain('aws.regoins');
    expect(error.message).toContain('unknown key');
  });

  it('reports an unreadable or broken file', () => {
    const broken = tempFile('c.yaml', 'aws: [unclosed\n');

    expect(configError(() => loadConfig({ env: {}, file: '/nonexistent/sre.yaml' })).code).toBe(
      'CONFIG_FILE_UNREADABLE',
    );
    expect(configError(() => loadConfig({ env: {}, file: broken })).code).toBe('CONFIG_FILE_UNREADABLE');
  });

  it('takes resilience policies from the file and the environment, keeping the defaults of what is omitted', () => {
    const file = tempFile(
      'c.yaml',
      'resilience:\n  breaker:\n    openMs: 10000\n  aws:\n    rateLimit:\n      services:\n        logs: { perSecond: 5, burst: 5 }\n',
    );

    const config = loadConfig({
      env: { SRE_RESILIENCE_GCP: '{"timeoutMs": 5000, "retry": {"maxAttempts": 5}}' },
      file,
    });

    expect(config.resilience.breaker).toMatchObject({
      openMs: 10_000,
      failureThreshold: 5,
      scope: 'service',
    });
    expect(config.resilience.aws.rateLimit.services).toMatchObject({
      logs: { perSecond: 5, burst: 5 },
      cloudtrail: { perSecond: 2, burst: 2 },
    });
    expect(config.resilience.gcp).toMatchObject({
      timeoutMs: 5000,
      retry: { maxAttempts: 5, baseDelayMs: 1000 },
    });
    expect(config.resilience.azure.retry.baseDelayMs).toBe(2000);
  });

  it.each([
    ['resilience:\n  breaker:\n    openMS: 10000\n', 'resilience.breaker[openMS] (from', 'unknown key'],
    ['resilience:\n  aws:\n    retry:\n      maxAttempts: 0\n', 'resilience.aws[retry.maxAttempts]', '>=1'],
    ['resilience:\n  breaker:\n    scope: zone\n', 'resilience.breaker[scope]', 'service'],
    ['resilience:\n  azure: fast\n', 'resilience.azure (from', 'object'],
  ])('rejects a bad resilience policy with its path: %s', (yaml, where, what) => {
    const error = configError(() => loadConfig({ env: {}, file: tempFile('c.yaml', yaml) }));

    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toContain(where);
    expect(error.message).toContain(what);
  });

  it('rejects a resilience variable that is not JSON, naming the variable', () => {
    const error = configError(() => loadConfig({ env: { SRE_RESILIENCE_BREAKER: 'openMs=5' } }));

    expect(error.message).toContain('resilience.breaker (from SRE_RESILIENCE_BREAKER)');
  });
});
