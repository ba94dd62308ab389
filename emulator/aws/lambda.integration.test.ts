import {
  DeleteFunctionCommand,
  GetFunctionCommand,
  GetFunctionConfigurationCommand,
  InvokeCommand,
  LambdaClient,
  ListFunctionsCommand,
  ListTagsCommand,
  paginateListFunctions,
  type FunctionConfiguration,
} from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generateEstate } from '../estate/generate-estate.js';
import type { Estate, EstateFunction } from '../estate/model.js';
import { startEmulator, type RunningEmulator } from '../server/start-emulator.js';
import { awsTestClientConfig } from './aws-test-client-config.js';

const ANCHOR = '2026-11-20T00:00:00.000Z';

describe('Lambda over the AWS SDK', () => {
  let emulator: RunningEmulator;
  let estate: Estate;
  let account: string;
  let region: string;
  let functions: EstateFunction[];

  const client = (accountId = account, regionName = region): LambdaClient =>
    new LambdaClient(awsTestClientConfig(emulator.endpoints.aws, regionName, `emulator-${accountId}`));

  beforeAll(async () => {
    // A medium estate, so that one account and region holds enough functions for several pages.
    estate = generateEstate({ seed: 7, size: 'medium', anchorTime: ANCHOR });
    emulator = await startEmulator({ estate });
    const counts = new Map<string, EstateFunction[]>();
    for (const fn of estate.functions.filter((f) => f.provider === 'aws')) {
      const key = `${fn.account}/${fn.region}`;
      counts.set(key, [...(counts.get(key) ?? []), fn]);
    }
    functions = [...counts.values()].sort((a, b) => b.length - a.length)[0]!;
    account = functions[0]!.account;
    region = functions[0]!.region;
  });

  afterAll(async () => {
    await emulator.close();
  });

  beforeEach(() => {
    emulator.faults.clear();
  });

  it('pages ListFunctions with MaxItems and NextMarker', async () => {
    const pageSize = Math.max(1, Math.floor(functions.length / 3));

    const listed: FunctionConfiguration[] = [];
    let pages = 0;
    for await (const page of paginateListFunctions({ client: client(), pageSize }, {})) {
      pages++;
      listed.push(...(page.Functions ?? []));
    }

    expect(functions.length).toBeGreaterThanOrEqual(3);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(listed.map((f) => f.FunctionName).sort()).toEqual(functions.map((f) => f.name).sort());
    const fn = functions[0]!;
    expect(listed.find((f) => f.FunctionName === fn.name)).toMatchObject({
      FunctionArn: fn.id,
      Runtime: fn.runtime,
      Handler: fn.handler,
      CodeSize: fn.codeSizeBytes,
      Timeout: fn.timeoutSeconds,
      MemorySize: fn.memoryMb,
      LastModified: fn.lastModified.replace('Z', '+0000'),
      Version: '$LATEST',
      PackageType: 'Zip',
      State: fn.state,
      Architectures: ['x86_64'],
      LoggingConfig: { LogFormat: 'Text', LogGroup: fn.logGroup },
    });
  });

  it('caps MaxItems at 50 like Lambda', async () => {
    const response = await client().send(new ListFunctionsCommand({ MaxItems: 500 }));

    expect(response.Functions?.length).toBe(Math.min(50, functions.length));
  });

  it('gets one function by name or ARN with its tags, and lists its tags', async () => {
    const fn = functions[0]!;

    const byName = await client().send(new GetFunctionCommand({ FunctionName: fn.name }));
    const byArn = await client().send(new GetFunctionConfigurationCommand({ FunctionName: fn.id }));
    const tags = await client().send(new ListTagsCommand({ Resource: fn.id }));

    expect(byName.Configuration?.FunctionArn).toBe(fn.id);
    expect(byName.Code?.RepositoryType).toBe('S3');
    expect(byName.Tags ?? {}).toEqual(fn.tags);
    expect(byArn.FunctionName).toBe(fn.name);
    expect(tags.Tags).toEqual(fn.tags);
  });

  it('answers ResourceNotFoundException (404) for an unknown function', async () => {
    const error = await client()
      .send(new GetFunctionCommand({ FunctionName: 'no-such-function' }))
      .catch((e: unknown) => e);

    expect(error).toMatchObject({ name: 'ResourceNotFoundException', $metadata: { httpStatusCode: 404 } });
    expect((error as Error).message).toContain(
      `arn:aws:lambda:${region}:${account}:function:no-such-function`,
    );
  });

  it('refuses DeleteFunction and Invoke and journals them as mutating', async () => {
    const fn = functions[0]!;

    const deleted = await client()
      .send(new DeleteFunctionCommand({ FunctionName: fn.name }))
      .catch((e: unknown) => e);
    const invoked = await client()
      .send(new InvokeCommand({ FunctionName: fn.name }))
      .catch((e: unknown) => e);

    expect(deleted).toMatchObject({ name: 'AccessDeniedException', $metadata: { httpStatusCode: 403 } });
    expect(invoked).toMatchObject({ name: 'AccessDeniedException' });
    expect(emulator.journal.query({ service: 'lambda', mutating: true }).map((e) => e.operation)).toEqual([
      'DeleteFunction',
      'Invoke',
    ]);
  });

  it('renders a throttle fault as TooManyRequestsException 429 with Retry-After', async () => {
    emulator.faults.add({ kind: 'throttle', provider: 'aws', service: 'lambda', retryAfterSeconds: 7 });

    const error = await client()
      .send(new ListFunctionsCommand({}))
      .catch((e: unknown) => e);

    expect(error).toMatchObject({
      name: 'TooManyRequestsException',
      retryAfterSeconds: '7',
      Reason: 'CallerRateLimitExceeded',
      $metadata: { httpStatusCode: 429 },
    });
  });

  it.each([
    ['unavailable', 'ServiceException', 500],
    ['denied', 'AccessDeniedException', 403],
  ] as const)('renders a %s fault as %s (%i)', async (kind, name, status) => {
    emulator.faults.add({ kind, provider: 'aws', service: 'lambda' });

    const error = await client()
      .send(new ListFunctionsCommand({}))
      .catch((e: unknown) => e);

    expect(error).toMatchObject({ name, $metadata: { httpStatusCode: status } });
  });
});
