import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { createAwsClientFactory } from './aws-client-factory.js';

/** SDK client packages Node has loaded so far in this (per-file) test process. */
function loadedClientPackages(): string[] {
  const cache = createRequire(import.meta.url).cache;
  const names = new Set<string>();
  for (const path of Object.keys(cache)) {
    const match = /@aws-sdk[\\/](client-[a-z0-9-]+)[\\/]/.exec(path);
    if (match?.[1] !== undefined) names.add(match[1]);
  }
  return [...names].sort();
}

describe('createAwsClientFactory', () => {
  it('loads an SDK package only when its service is first needed', async () => {
    const factory = createAwsClientFactory();
    const before = loadedClientPackages();

    const { client } = await factory.createClient('ec2', { region: 'eu-west-1' });
    const after = loadedClientPackages();
    client.destroy();

    expect(before).toEqual([]);
    expect(after).toEqual(['client-ec2']);
  });

  it('builds SDK clients with retries off and path-style S3', async () => {
    const factory = createAwsClientFactory();

    const ec2 = await factory.createClient('ec2', {
      region: 'eu-west-1',
      credentials: { accessKeyId: 'x', secretAccessKey: 'y' },
    });
    const s3 = await factory.createClient('s3', {
      region: 'eu-west-1',
      endpoint: 'http://127.0.0.1:1',
      forcePathStyle: true,
    });

    expect(await ec2.client.config.maxAttempts()).toBe(1);
    expect(await ec2.client.config.region()).toBe('eu-west-1');
    expect(s3.client.config.forcePathStyle).toBe(true);
    ec2.client.destroy();
    s3.client.destroy();
  });
});
