import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EstateFileError } from './estate-file-error.js';
import { generateEstate } from './generate-estate.js';
import { loadEstateFile, parseEstateText } from './load-estate-file.js';
import { DEFAULT_ANCHOR_TIME } from './normalize-estate-file.js';

const directory = mkdtempSync(join(tmpdir(), 'estate-file-'));
afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
});

function writeFile(name: string, text: string): string {
  const path = join(directory, name);
  writeFileSync(path, text);
  return path;
}

function catchError(act: () => unknown): EstateFileError {
  try {
    act();
  } catch (error) {
    if (error instanceof EstateFileError) return error;
    throw error;
  }
  throw new Error('expected an EstateFileError');
}

const MINIMAL_YAML = `anchorTime: 2026-11-25T00:00:00Z
accounts:
  - provider: aws
    id: "123456789012"
    name: shop-prod
    regions: [us-east-1]
instances:
  - provider: aws
    id: i-0123456789abcdef0
    name: web-1
    tags: { env: prod, cost-center: 1010 }
  - provider: aws
    name: worker-1
    zone: us-east-1b
    state: stopped
    metrics: busy
volumes:
  - provider: aws
    id: vol-0123456789abcdef0
    attachedTo: i-0123456789abcdef0
    device: /dev/xvda
functions:
  - provider: aws
    name: payments-webhook
    runtime: python3.8
`;

describe('parseEstateText', () => {
  it('reads back a generated estate unchanged (JSON round trip)', () => {
    const estate = generateEstate({ seed: 5, size: 'tiny', anchorTime: '2026-11-25T00:00:00.000Z' });

    const loaded = parseEstateText(JSON.stringify(estate), 'tiny.json');

    expect(JSON.stringify(loaded)).toBe(JSON.stringify(estate));
  });

  it('fills in defaults for a minimal YAML file', () => {
    const estate = parseEstateText(MINIMAL_YAML, 'minimal.yaml');

    const [web, worker] = estate.instances;
    expect(estate.size).toBe('file');
    expect(estate.seed).toBe(0);
    expect(web).toMatchObject({
      account: '123456789012',
      region: 'us-east-1',
      state: 'running',
      createdTime: '2026-10-26T00:00:00.000Z',
      launchTime: '2026-10-26T00:00:00.000Z',
      volumeIds: ['vol-0123456789abcdef0'],
      tags: { env: 'prod', 'cost-center': '1010' },
    });
    expect(web?.metrics.cpu.kind).toBe('idle');
    expect(web?.metrics.networkIn.unit).toBe('bytesPerSecond');
    expect(worker?.id).toMatch(/^i-0[0-9a-f]{16}$/);
    expect(worker?.metrics.cpu.kind).toBe('busy');
    expect(worker?.zone).toBe('us-east-1b');
    expect(estate.functions[0]).toMatchObject({
      id: 'arn:aws:lambda:us-east-1:123456789012:function:payments-webhook',
      runtimeDeprecated: true,
      logGroup: '/aws/lambda/payments-webhook',
    });
    expect(estate.logGroups.map((g) => g.name)).toEqual(['/aws/lambda/payments-webhook']);
    expect(estate.regions).toEqual([
      {
        provider: 'aws',
        name: 'us-east-1',
        zones: ['us-east-1a', 'us-east-1b', 'us-east-1c', 'us-east-1d', 'us-east-1e', 'us-east-1f'],
      },
    ]);
  });

  it('is deterministic: the same file gives the same estate', () => {
    const first = parseEstateText(MINIMAL_YAML, 'minimal.yaml');

    const second = parseEstateText(MINIMAL_YAML, 'minimal.yaml');

    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
  });

  it('derives accounts and regions from the resources when the file lists none', () => {
    const text = `instances:
  - { provider: gcp, name: api-1, account: shop-prod-4821, zone: europe-west1-b }
  - { provider: azure, id: /subscriptions/0000-sub/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachines/vm-web-1, region: westeurope }
`;

    const estate = parseEstateText(text, 'derived.yaml', { anchorTime: '2026-11-25T00:00:00.000Z' });

    expect(estate.accounts.map((a) => [a.provider, a.id, a.regions])).toEqual([
      ['azure', '0000-sub', ['westeurope']],
      ['gcp', 'shop-prod-4821', ['europe-west1']],
    ]);
    expect(estate.instances.find((i) => i.provider === 'azure')).toMatchObject({
      name: 'vm-web-1',
      resourceGroup: 'rg-web',
      zone: '',
    });
    expect(estate.instances.find((i) => i.provider === 'gcp')?.id).toMatch(/^[1-8]\d{18}$/);
    expect(estate.anchorTime).toBe('2026-11-25T00:00:00.000Z');
  });

  it('uses a fixed anchor when neither the file nor the caller names one', () => {
    const estate = parseEstateText('{}', 'empty.json');

    expect(estate.anchorTime).toBe(DEFAULT_ANCHOR_TIME);
    expect(estate.instances).toEqual([]);
  });

  it.each([
    {
      name: 'bad YAML syntax',
      file: 'broken.yaml',
      text: 'instances:\n  - provider: aws\n    tags: { env: prod\n',
      line: 4,
      fieldPath: undefined,
      message: /broken\.yaml:4:\d+: syntax error/,
    },
    {
      name: 'bad JSON syntax',
      file: 'broken.json',
      text: '{\n  "instances": [\n    { "provider": "aws", }\n    { "provider": "aws" }\n  ]\n}\n',
      line: 4,
      fieldPath: undefined,
      message: /broken\.json:4:\d+: syntax error/,
    },
    {
      name: 'a wrong provider',
      file: 'provider.yaml',
      text: 'instances:\n  - provider: aws\n    id: i-1\n  - provider: awz\n    id: i-2\n',
      line: 4,
      fieldPath: 'instances[1].provider',
      message: /provider\.yaml:4:15: instances\[1\]\.provider: expected one of "aws"\|"azure"\|"gcp"/,
    },
    {
      name: 'a state the provider does not have',
      file: 'state.yaml',
      text: 'instances:\n  - provider: gcp\n    id: "1"\n    account: p\n    region: us-central1\n    state: deallocated\n',
      line: 6,
      fieldPath: 'instances[0].state',
      message:
        /state\.yaml:6:12: instances\[0\]\.state: expected one of PROVISIONING\|.*for gcp, got "deallocated"/,
    },
    {
      name: 'a misspelt field',
      file: 'typo.yaml',
      text: 'volumes:\n  - provider: aws\n    id: vol-1\n    sizeGB: 10\n',
      line: 4,
      fieldPath: 'volumes[0].sizeGB',
      message: /typo\.yaml:4:5: volumes\[0\]\.sizeGB: unknown field "sizeGB"/,
    },
    {
      name: 'a wrong type',
      file: 'type.json',
      text: '{\n  "buckets": [\n    { "provider": "aws", "name": "b", "account": "1", "region": "us-east-1", "publicAccess": "yes" }\n  ]\n}',
      line: 3,
      fieldPath: 'buckets[0].publicAccess',
      message: /type\.json:3:\d+: buckets\[0\]\.publicAccess: expected boolean, received string/,
    },
    {
      name: 'an ambiguous account',
      file: 'account.yaml',
      text: 'accounts:\n  - { provider: aws, id: "1" }\n  - { provider: aws, id: "2" }\ninstances:\n  - provider: aws\n    id: i-1\n    region: us-east-1\n',
      line: 5,
      fieldPath: 'instances[0].account',
      message: /account\.yaml:5:\d+: instances\[0\]\.account: account is required/,
    },
    {
      name: 'a volume attached to a missing instance',
      file: 'dangling.yaml',
      text: 'volumes:\n  - provider: aws\n    id: vol-1\n    account: "1"\n    region: us-east-1\n    attachedTo: i-nope\n',
      line: 6,
      fieldPath: 'volumes[0].attachedTo',
      message: /no aws instance with id "i-nope"/,
    },
    {
      name: 'a duplicate id',
      file: 'duplicate.yaml',
      text: 'instances:\n  - { provider: aws, id: i-1, account: "1", region: us-east-1 }\n  - { provider: aws, id: i-1, account: "1", region: us-east-1 }\n',
      line: 3,
      fieldPath: 'instances[1].id',
      message: /duplicate id "i-1" \(also instances\[0\]\)/,
    },
  ])('reports $name with file, line and field path', ({ file, text, line, fieldPath, message }) => {
    const error = catchError(() => parseEstateText(text, file));

    expect(error.code).toBe('EMULATOR_ESTATE_INVALID');
    expect(error.file).toBe(file);
    expect(error.line).toBe(line);
    expect(error.fieldPath).toBe(fieldPath);
    expect(error.message).toMatch(message);
    expect(error.category).toBe('user');
  });

  it('lists several problems in one message', () => {
    const text =
      'instances:\n  - { provider: aws, id: i-1, platform: mac }\n  - { provider: aws, id: i-2, monitoring: maybe }\n';

    const error = catchError(() => parseEstateText(text, 'many.yaml'));

    expect(error.message.split('\n')).toHaveLength(2);
    expect(error.message).toContain('many.yaml:3:');
  });
});

describe('loadEstateFile', () => {
  it.each(['estate.yaml', 'estate.yml'])('loads %s', (name) => {
    const path = writeFile(name, MINIMAL_YAML);

    const estate = loadEstateFile(path);

    expect(estate.instances).toHaveLength(2);
  });

  it('loads JSON', () => {
    const estate = generateEstate({ seed: 1, size: 'tiny', anchorTime: '2026-11-25T00:00:00.000Z' });
    const path = writeFile('estate.json', JSON.stringify(estate, null, 2));

    const loaded = loadEstateFile(path);

    expect(loaded).toEqual(estate);
  });

  it('reports a missing file as EMULATOR_ESTATE_NOT_FOUND', () => {
    const path = join(directory, 'missing.yaml');

    const error = catchError(() => loadEstateFile(path));

    expect(error.code).toBe('EMULATOR_ESTATE_NOT_FOUND');
    expect(error.file).toBe(path);
    expect(error.message).toContain('missing.yaml');
  });

  it('refuses other file types', () => {
    const path = writeFile('estate.toml', 'x = 1');

    const error = catchError(() => loadEstateFile(path));

    expect(error.code).toBe('EMULATOR_ESTATE_INVALID');
    expect(error.message).toContain('.toml');
  });

  it('points syntax errors of a file on disk at their line', () => {
    const path = writeFile('bad.yml', 'accounts:\n  - provider: aws\n   id: 1\n');

    const error = catchError(() => loadEstateFile(path));

    expect(error.code).toBe('EMULATOR_ESTATE_INVALID');
    expect(error.line).toBe(3);
    expect(error.message.startsWith(`${path}:3:`)).toBe(true);
  });
});
