import { describe, expect, it } from 'vitest';
import type { CallKey, CallRunner } from '../../core/ports/call-runner.js';
import type { ListHints, ScopeTarget } from '../../core/ports/cloud-port.js';
import { createAwsProvider } from './create-aws-provider.js';
import {
  type FakeAwsCall,
  createFakeAwsClientFactory,
  fakeAwsServiceError,
} from './create-fake-aws-client-factory.js';

const ACCOUNT = '123456789012';
const scope: ScopeTarget = { provider: 'aws', account: ACCOUNT, region: 'eu-west-1' };

function setup(respond: (call: FakeAwsCall) => unknown) {
  const keys: CallKey[] = [];
  const runner: CallRunner = {
    run: (key, call, signal) => {
      keys.push(key);
      return call(signal ?? new AbortController().signal);
    },
  };
  const factory = createFakeAwsClientFactory(respond);
  const provider = createAwsProvider(
    { regions: ['eu-west-1'] },
    { runner, clientFactory: factory, now: () => new Date('2026-11-20T00:00:00Z'), warn: () => undefined },
  );
  return { provider, factory, keys };
}

const arnOf = (name: string): string => `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:${name}`;

function functionsResponder(
  tags: Readonly<Record<string, Readonly<Record<string, string>> | Error>>,
): (call: FakeAwsCall) => unknown {
  return (call) => {
    if (call.operation === 'ListFunctions') {
      return {
        Functions: Object.keys(tags).map((name) => ({
          FunctionName: name,
          FunctionArn: arnOf(name),
          Runtime: 'python3.12',
        })),
      };
    }
    const name = String(call.input.Resource).split(':').pop() ?? '';
    const answer = tags[name];
    if (answer instanceof Error) throw answer;
    return { Tags: answer };
  };
}

describe('listFunctions tags', () => {
  const tags = { billing: { owner: 'ann', env: 'prod' }, etl: {}, web: { env: 'dev' } };

  it.each<ListHints>([{}, { fields: [] }, { fields: ['runtime', 'memory_mb'] }])(
    'makes no ListTags call and marks tags unknown when the plan needs no tags (%j)',
    async (hints) => {
      const { provider, factory } = setup(functionsResponder(tags));

      const records = await provider.listResources('function', scope, hints, {});

      expect(factory.calls.map((c) => c.operation)).toEqual(['ListFunctions']);
      expect(records.map((r) => [r.id, r.tags, r.tagsUnknown])).toEqual([
        ['billing', {}, true],
        ['etl', {}, true],
        ['web', {}, true],
      ]);
    },
  );

  it.each<ListHints>([{ fields: ['tags'] }, { fields: ['tag:owner'] }])(
    'reads the tags of each function with one ListTags call when the plan needs them (%j)',
    async (hints) => {
      const { provider, factory, keys } = setup(functionsResponder(tags));

      const records = await provider.listResources('function', scope, hints, {});

      expect(records.map((r) => [r.id, r.tags, r.tagsUnknown])).toEqual([
        ['billing', { owner: 'ann', env: 'prod' }, undefined],
        ['etl', {}, undefined],
        ['web', { env: 'dev' }, undefined],
      ]);
      const listTags = factory.calls.filter((c) => c.operation === 'ListTags');
      expect(listTags.map((c) => c.input.Resource)).toEqual(['billing', 'etl', 'web'].map(arnOf));
      expect(keys.filter((k) => k.operation === 'ListTags')).toEqual(
        Array(3).fill({
          provider: 'aws',
          account: ACCOUNT,
          region: 'eu-west-1',
          service: 'lambda',
          operation: 'ListTags',
        }),
      );
    },
  );

  it('keeps tags unknown where ListTags is denied and skips a function deleted meanwhile', async () => {
    const { provider } = setup(
      functionsResponder({
        ...tags,
        secret: fakeAwsServiceError('AccessDeniedException', 403),
        gone: fakeAwsServiceError('ResourceNotFoundException', 404),
      }),
    );

    const records = await provider.listResources('function', scope, { fields: ['tags'] }, {});

    expect(records.map((r) => [r.id, r.tagsUnknown])).toEqual([
      ['billing', undefined],
      ['etl', undefined],
      ['secret', true],
      ['web', undefined],
    ]);
  });

  it('fails the listing when ListTags fails for another reason', async () => {
    const { provider } = setup(
      functionsResponder({ ...tags, web: fakeAwsServiceError('ServiceException', 500) }),
    );

    const listing = provider.listResources('function', scope, { fields: ['tags'] }, {});

    await expect(listing).rejects.toMatchObject({
      code: 'CLOUD_UNAVAILABLE',
      details: { operation: 'ListTags' },
    });
  });

  it('has at most 8 ListTags calls in flight', async () => {
    const names = Array.from({ length: 30 }, (_, i) => `fn-${String(i).padStart(2, '0')}`);
    let inFlight = 0;
    let peak = 0;
    const { provider, factory } = setup((call) => {
      if (call.operation === 'ListFunctions') {
        return { Functions: names.map((name) => ({ FunctionName: name, FunctionArn: arnOf(name) })) };
      }
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      return new Promise((resolve) => {
        setTimeout(() => {
          inFlight -= 1;
          resolve({ Tags: { team: 'a' } });
        }, 1);
      });
    });

    const records = await provider.listResources('function', scope, { fields: ['tags'] }, {});

    expect(records).toHaveLength(30);
    expect(factory.calls.filter((c) => c.operation === 'ListTags')).toHaveLength(30);
    expect(peak).toBe(8);
  });
});
