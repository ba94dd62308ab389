import { DescribeInstancesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateEstate } from '../estate/generate-estate.js';
import type { Estate } from '../estate/model.js';
import { startEmulator, type RunningEmulator } from '../server/start-emulator.js';
import { awsTestClientConfig } from './aws-test-client-config.js';

const ANCHOR = '2026-11-20T00:00:00.000Z';

/** A SigV4-shaped Authorization header; the emulator reads the scope and does not check the signature. */
function authorization(service: string, region = 'us-east-1', accessKeyId = 'emulator'): string {
  return `AWS4-HMAC-SHA256 Credential=${accessKeyId}/20261120/${region}/${service}/aws4_request, SignedHeaders=host;x-amz-date, Signature=0000`;
}

async function postQuery(
  endpoint: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${endpoint}/`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', ...headers },
    body,
  });
}

describe('the AWS handler', () => {
  let estate: Estate;
  let first: RunningEmulator;
  let second: RunningEmulator;

  beforeAll(async () => {
    estate = generateEstate({ seed: 7, size: 'small', anchorTime: ANCHOR });
    first = await startEmulator({ estate });
    second = await startEmulator({ estate: generateEstate({ seed: 7, size: 'small', anchorTime: ANCHOR }) });
  });

  afterAll(async () => {
    await Promise.all([first.close(), second.close()]);
  });

  it('gives byte-identical DescribeInstances bodies on two emulators built from the same seed', async () => {
    const page = async (emulator: RunningEmulator, token?: string): Promise<string> => {
      const response = await postQuery(
        emulator.endpoints.aws,
        `Action=DescribeInstances&Version=2016-11-15&MaxResults=5${token === undefined ? '' : `&NextToken=${encodeURIComponent(token)}`}`,
        { authorization: authorization('ec2') },
      );
      return response.text();
    };

    const firstPage = [await page(first), await page(second)];
    const token = /<nextToken>([^<]+)<\/nextToken>/.exec(firstPage[0]!)?.[1];
    const secondPage = [await page(first, token), await page(second, token)];

    expect(token).toBeDefined();
    expect(firstPage[0]).toBe(firstPage[1]);
    expect(secondPage[0]).toBe(secondPage[1]);
    expect(secondPage[0]).not.toBe(firstPage[0]);
  });

  it('places unsigned query requests by their API version, in us-east-1 of the first account', async () => {
    const account = estate.accounts
      .filter((a) => a.provider === 'aws')
      .map((a) => a.id)
      .sort()[0]!;

    const response = await postQuery(first.endpoints.aws, 'Action=GetCallerIdentity&Version=2011-06-15');
    const text = await response.text();

    expect(response.status).toBe(200);
    expect(text).toContain(`<Account>${account}</Account>`);
    expect(first.journal.query({ service: 'sts', operation: 'GetCallerIdentity' }).at(-1)).toMatchObject({
      region: 'us-east-1',
      account,
    });
  });

  it('answers an unknown EC2 action with InvalidAction in the EC2 error shape', async () => {
    const response = await postQuery(first.endpoints.aws, 'Action=DescribeUnicorns&Version=2016-11-15', {
      authorization: authorization('ec2'),
    });
    const text = await response.text();

    expect(response.status).toBe(400);
    expect(text).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<Response><Errors><Error><Code>InvalidAction<\/Code>/,
    );
    expect(text).toContain('<RequestID>');
    expect(first.journal.query({ service: 'unknown' }).at(-1)).toMatchObject({ status: 400 });
  });

  it('routes every mutating verb as mutating, whatever the service', async () => {
    const calls: [string, string][] = [
      ['ec2', 'Action=RunInstances&Version=2016-11-15&ImageId=ami-1&MinCount=1&MaxCount=1'],
      ['ec2', 'Action=CreateTags&Version=2016-11-15'],
      ['ec2', 'Action=ModifyInstanceAttribute&Version=2016-11-15'],
      ['rds', 'Action=RebootDBInstance&Version=2014-10-31&DBInstanceIdentifier=x'],
      ['monitoring', 'Action=PutMetricAlarm&Version=2010-08-01'],
    ];

    const statuses: number[] = [];
    for (const [service, body] of calls)
      statuses.push(
        (await postQuery(first.endpoints.aws, body, { authorization: authorization(service) })).status,
      );

    expect(statuses).toEqual([403, 403, 403, 403, 403]);
    expect(
      first.journal
        .query({ mutating: true })
        .slice(-5)
        .map((e) => e.operation),
    ).toEqual([
      'RunInstances',
      'CreateTags',
      'ModifyInstanceAttribute',
      'RebootDBInstance',
      'PutMetricAlarm',
    ]);
  });

  it('delays calls on a latency fault and journals it', async () => {
    first.faults.add({ kind: 'latency', provider: 'aws', service: 'ec2', latencyMs: 150 });
    const client = new EC2Client(awsTestClientConfig(first.endpoints.aws));

    const started = Date.now();
    await client.send(new DescribeInstancesCommand({ MaxResults: 5 }));
    const elapsed = Date.now() - started;
    first.faults.clear();

    expect(elapsed).toBeGreaterThanOrEqual(140);
    expect(first.journal.query({ operation: 'DescribeInstances' }).at(-1)).toMatchObject({
      fault: 'latency',
      status: 200,
    });
  });

  it('scopes a region_down fault to its region', async () => {
    first.faults.add({ kind: 'region_down', provider: 'aws', region: 'eu-west-1' });

    const down = await new EC2Client(awsTestClientConfig(first.endpoints.aws, 'eu-west-1'))
      .send(new DescribeInstancesCommand({}))
      .catch((e: unknown) => e);
    const up = await new EC2Client(awsTestClientConfig(first.endpoints.aws, 'us-east-1')).send(
      new DescribeInstancesCommand({}),
    );
    first.faults.clear();

    expect(down).toMatchObject({ name: 'Unavailable', $metadata: { httpStatusCode: 503 } });
    expect(up.Reservations?.length).toBeGreaterThan(0);
  });
});
