import {
  DescribeAvailabilityZonesCommand,
  DescribeInstancesCommand,
  DescribeInstanceStatusCommand,
  DescribeRegionsCommand,
  DescribeVolumesCommand,
  EC2Client,
  paginateDescribeInstances,
  paginateDescribeVolumes,
  TerminateInstancesCommand,
  type Instance,
  type Reservation,
  type Volume,
} from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generateEstate } from '../estate/generate-estate.js';
import type { Estate, EstateInstance } from '../estate/model.js';
import { startEmulator, type RunningEmulator } from '../server/start-emulator.js';
import { awsTestClientConfig } from './aws-test-client-config.js';

const ANCHOR = '2026-11-20T00:00:00.000Z';

describe('EC2 over the AWS SDK', () => {
  let emulator: RunningEmulator;
  let estate: Estate;
  let firstAccount: string;

  const client = (region = 'us-east-1', accessKeyId = 'emulator'): EC2Client =>
    new EC2Client(awsTestClientConfig(emulator.endpoints.aws, region, accessKeyId));
  const instancesOf = (account: string, region: string): EstateInstance[] =>
    estate.instances.filter((i) => i.provider === 'aws' && i.account === account && i.region === region);
  const flatten = (reservations: readonly Reservation[] | undefined): Instance[] =>
    (reservations ?? []).flatMap((reservation) => reservation.Instances ?? []);

  beforeAll(async () => {
    estate = generateEstate({ seed: 7, size: 'small', anchorTime: ANCHOR });
    emulator = await startEmulator({ estate });
    firstAccount = estate.accounts
      .filter((a) => a.provider === 'aws')
      .map((a) => a.id)
      .sort()[0]!;
  });

  afterAll(async () => {
    await emulator.close();
  });

  beforeEach(() => {
    emulator.faults.clear();
  });

  it('pages DescribeInstances with the SDK paginator and lists every instance of the account and region', async () => {
    const expected = instancesOf(firstAccount, 'us-east-1');

    const pages: number[] = [];
    const listed: Instance[] = [];
    for await (const page of paginateDescribeInstances({ client: client(), pageSize: 5 }, {})) {
      const instances = flatten(page.Reservations);
      pages.push(instances.length);
      listed.push(...instances);
    }

    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(pages.every((size) => size <= 5)).toBe(true);
    expect(listed.map((i) => i.InstanceId).sort()).toEqual(expected.map((i) => i.id).sort());
  });

  it('serves the instance fields an SRE reads, with the real state codes', async () => {
    const expected = instancesOf(firstAccount, 'us-east-1');
    const codes: Record<string, number> = {
      pending: 0,
      running: 16,
      'shutting-down': 32,
      terminated: 48,
      stopping: 64,
      stopped: 80,
    };

    const response = await client().send(new DescribeInstancesCommand({}));

    const byId = new Map(flatten(response.Reservations).map((i) => [i.InstanceId!, i]));
    for (const reservation of response.Reservations ?? []) {
      expect(reservation.ReservationId).toMatch(/^r-[0-9a-f]{17}$/);
      expect(reservation.OwnerId).toBe(firstAccount);
    }
    for (const instance of expected) {
      const wire = byId.get(instance.id)!;
      expect(wire.State).toEqual({ Code: codes[instance.state], Name: instance.state });
      expect(wire.InstanceType).toBe(instance.type);
      expect(wire.ImageId).toBe(instance.imageId);
      expect(wire.LaunchTime?.toISOString()).toBe(instance.launchTime);
      expect(wire.Placement?.AvailabilityZone).toBe(instance.zone);
      expect(wire.Monitoring?.State).toBe(instance.monitoring ? 'enabled' : 'disabled');
      expect(wire.Platform).toBe(instance.platform === 'windows' ? 'windows' : undefined);
      expect(wire.PlatformDetails).toBe(instance.platform === 'windows' ? 'Windows' : 'Linux/UNIX');
      expect(Object.fromEntries((wire.Tags ?? []).map((t) => [t.Key!, t.Value!]))).toEqual(instance.tags);
      expect(wire.RootDeviceType).toBe('ebs');
      if (instance.state === 'terminated') {
        expect(wire.PrivateIpAddress).toBeUndefined();
        expect(wire.BlockDeviceMappings).toEqual([]);
      } else {
        expect(wire.PrivateIpAddress).toBe(instance.privateIp);
        expect(wire.PublicIpAddress).toBe(instance.publicIp);
        expect(wire.PrivateDnsName).toMatch(/^ip-[\d-]+\.ec2\.internal$/);
        expect(wire.VpcId).toMatch(/^vpc-[0-9a-f]{17}$/);
        expect(wire.SubnetId).toMatch(/^subnet-[0-9a-f]{17}$/);
        expect(wire.BlockDeviceMappings?.map((m) => m.Ebs?.VolumeId)).toEqual(instance.volumeIds);
        expect(wire.BlockDeviceMappings?.[0]?.Ebs?.Status).toBe('attached');
      }
    }
  });

  it('addresses the account named in the access key id, and answers an empty region with nothing', async () => {
    const other = estate.accounts
      .filter((a) => a.provider === 'aws')
      .map((a) => a.id)
      .sort()[2]!;

    const inOther = await client('eu-west-1', `emulator-${other}`).send(new DescribeInstancesCommand({}));
    const inEmptyRegion = await client('sa-east-1').send(new DescribeInstancesCommand({}));

    expect(
      flatten(inOther.Reservations)
        .map((i) => i.InstanceId)
        .sort(),
    ).toEqual(
      instancesOf(other, 'eu-west-1')
        .map((i) => i.id)
        .sort(),
    );
    expect(inEmptyRegion.Reservations).toEqual([]);
  });

  it.each([
    [[{ Name: 'instance-state-name', Values: ['running'] }], (i: EstateInstance) => i.state === 'running'],
    [
      [{ Name: 'instance-state-name', Values: ['stopped', 'terminated'] }],
      (i: EstateInstance) => i.state === 'stopped' || i.state === 'terminated',
    ],
    [[{ Name: 'instance-type', Values: ['t3.*'] }], (i: EstateInstance) => i.type.startsWith('t3.')],
    [[{ Name: 'availability-zone', Values: ['us-east-1a'] }], (i: EstateInstance) => i.zone === 'us-east-1a'],
    [[{ Name: 'tag:env', Values: ['staging'] }], (i: EstateInstance) => i.tags.env === 'staging'],
    [[{ Name: 'tag-key', Values: ['app'] }], (i: EstateInstance) => 'app' in i.tags],
    [
      [
        { Name: 'instance-state-name', Values: ['running'] },
        { Name: 'tag:team', Values: ['*'] },
      ],
      (i: EstateInstance) => i.state === 'running' && i.tags.team !== undefined,
    ],
  ])('filters DescribeInstances by %j', async (filters, predicate) => {
    const expected = instancesOf(firstAccount, 'us-east-1').filter(predicate);

    const response = await client().send(new DescribeInstancesCommand({ Filters: filters }));

    expect(
      flatten(response.Reservations)
        .map((i) => i.InstanceId)
        .sort(),
    ).toEqual(expected.map((i) => i.id).sort());
  });

  it('describes instances by id, and rejects unknown ids and bad parameters like EC2', async () => {
    const [a, b] = instancesOf(firstAccount, 'us-east-1');

    const byIds = await client().send(new DescribeInstancesCommand({ InstanceIds: [b!.id, a!.id] }));
    const byIdFilter = await client().send(
      new DescribeInstancesCommand({ Filters: [{ Name: 'instance-id', Values: [a!.id] }] }),
    );
    const unknown = await client()
      .send(new DescribeInstancesCommand({ InstanceIds: ['i-0123456789abcdef0'] }))
      .catch((error: unknown) => error);
    const combined = await client()
      .send(new DescribeInstancesCommand({ InstanceIds: [a!.id], MaxResults: 5 }))
      .catch((error: unknown) => error);
    const tooSmall = await client()
      .send(new DescribeInstancesCommand({ MaxResults: 3 }))
      .catch((error: unknown) => error);
    const badFilter = await client()
      .send(new DescribeInstancesCommand({ Filters: [{ Name: 'no-such-filter', Values: ['x'] }] }))
      .catch((error: unknown) => error);

    expect(
      flatten(byIds.Reservations)
        .map((i) => i.InstanceId)
        .sort(),
    ).toEqual([a!.id, b!.id].sort());
    expect(flatten(byIdFilter.Reservations).map((i) => i.InstanceId)).toEqual([a!.id]);
    expect(unknown).toMatchObject({ name: 'InvalidInstanceID.NotFound', $metadata: { httpStatusCode: 400 } });
    expect(combined).toMatchObject({ name: 'InvalidParameterCombination' });
    expect(tooSmall).toMatchObject({ name: 'InvalidParameterValue' });
    expect(badFilter).toMatchObject({ name: 'InvalidParameterValue' });
  });

  it('pages DescribeVolumes and filters them by status, encryption and attachment', async () => {
    const expected = estate.volumes.filter(
      (v) => v.provider === 'aws' && v.account === firstAccount && v.region === 'us-east-1',
    );
    const attached = expected.find((v) => v.attachedTo !== undefined)!;

    const listed: Volume[] = [];
    let pages = 0;
    for await (const page of paginateDescribeVolumes({ client: client(), pageSize: 5 }, {})) {
      pages++;
      listed.push(...(page.Volumes ?? []));
    }
    const available = await client().send(
      new DescribeVolumesCommand({ Filters: [{ Name: 'status', Values: ['available'] }] }),
    );
    const encrypted = await client().send(
      new DescribeVolumesCommand({ Filters: [{ Name: 'encrypted', Values: ['true'] }] }),
    );
    const ofInstance = await client().send(
      new DescribeVolumesCommand({
        Filters: [{ Name: 'attachment.instance-id', Values: [attached.attachedTo!] }],
      }),
    );

    expect(pages).toBeGreaterThanOrEqual(3);
    expect(listed.map((v) => v.VolumeId).sort()).toEqual(expected.map((v) => v.id).sort());
    const wire = listed.find((v) => v.VolumeId === attached.id)!;
    expect(wire).toMatchObject({
      Size: attached.sizeGb,
      VolumeType: attached.volumeType,
      State: 'in-use',
      Encrypted: attached.encrypted,
      AvailabilityZone: attached.zone,
      CreateTime: new Date(attached.createdTime),
    });
    expect(wire.Attachments?.[0]).toMatchObject({
      InstanceId: attached.attachedTo,
      State: 'attached',
      Device: attached.device,
    });
    expect(available.Volumes?.map((v) => v.VolumeId).sort()).toEqual(
      expected
        .filter((v) => v.attachedTo === undefined)
        .map((v) => v.id)
        .sort(),
    );
    expect(encrypted.Volumes?.every((v) => v.Encrypted === true && v.KmsKeyId !== undefined)).toBe(true);
    expect(encrypted.Volumes?.length).toBe(expected.filter((v) => v.encrypted).length);
    expect(ofInstance.Volumes?.map((v) => v.VolumeId).sort()).toEqual(
      expected
        .filter((v) => v.attachedTo === attached.attachedTo)
        .map((v) => v.id)
        .sort(),
    );
  });

  it('describes regions, availability zones and instance status', async () => {
    const region = estate.regions.find((r) => r.provider === 'aws' && r.name === 'us-east-1')!;

    const regions = await client().send(new DescribeRegionsCommand({}));
    const zones = await client().send(new DescribeAvailabilityZonesCommand({}));
    const status = await client().send(new DescribeInstanceStatusCommand({ IncludeAllInstances: true }));

    const names = regions.Regions?.map((r) => r.RegionName) ?? [];
    for (const estateRegion of estate.regions.filter((r) => r.provider === 'aws'))
      expect(names).toContain(estateRegion.name);
    expect(regions.Regions?.find((r) => r.RegionName === 'us-east-1')).toEqual({
      RegionName: 'us-east-1',
      Endpoint: 'ec2.us-east-1.amazonaws.com',
      OptInStatus: 'opt-in-not-required',
    });
    expect(zones.AvailabilityZones?.map((z) => z.ZoneName)).toEqual([...region.zones].sort());
    expect(zones.AvailabilityZones?.[0]).toMatchObject({
      State: 'available',
      RegionName: 'us-east-1',
      ZoneId: 'use1-az1',
    });
    const nonTerminated = instancesOf(firstAccount, 'us-east-1').filter((i) => i.state !== 'terminated');
    expect(status.InstanceStatuses?.length).toBe(nonTerminated.length);
    const running = status.InstanceStatuses?.find((s) => s.InstanceState?.Name === 'running');
    expect(running?.InstanceStatus?.Status).toBe('ok');
  });

  it('refuses TerminateInstances as UnauthorizedOperation and journals it as mutating', async () => {
    const target = instancesOf(firstAccount, 'us-east-1')[0]!;

    const error = await client()
      .send(new TerminateInstancesCommand({ InstanceIds: [target.id] }))
      .catch((e: unknown) => e);

    expect(error).toMatchObject({ name: 'UnauthorizedOperation', $metadata: { httpStatusCode: 403 } });
    expect((error as Error).message).toMatch(/read-only/);
    const refused = emulator.journal.query({ mutating: true, operation: 'TerminateInstances' });
    expect(refused.at(-1)).toMatchObject({
      service: 'ec2',
      account: firstAccount,
      region: 'us-east-1',
      status: 403,
    });
  });

  it.each([
    ['throttle', 'RequestLimitExceeded', 503],
    ['unavailable', 'Unavailable', 503],
    ['region_down', 'Unavailable', 503],
    ['denied', 'UnauthorizedOperation', 403],
  ] as const)('renders a %s fault as EC2 %s (%i)', async (kind, name, status) => {
    emulator.faults.add({ kind, provider: 'aws', service: 'ec2' });

    const error = await client()
      .send(new DescribeInstancesCommand({}))
      .catch((e: unknown) => e);

    expect(error).toMatchObject({ name, $metadata: { httpStatusCode: status } });
  });

  it('renders a malformed fault as a truncated 200 that the SDK cannot parse', async () => {
    emulator.faults.add({ kind: 'malformed', provider: 'aws', service: 'ec2' });

    const error = await client()
      .send(new DescribeInstancesCommand({}))
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(Error);
    expect(emulator.journal.query({ operation: 'DescribeInstances' }).at(-1)).toMatchObject({
      fault: 'malformed',
      status: 200,
    });
  });
});
