import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isRestError } from '@azure/core-rest-pipeline';
import { generateEstate } from '../estate/generate-estate.js';
import type { Estate, EstateAccount } from '../estate/model.js';
import { startEmulator, type RunningEmulator } from '../server/start-emulator.js';
import { createAzureTestClients, type AzureTestClients } from './create-azure-test-clients.js';

const PAGE_SIZE = 7;

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

async function restErrorOf(
  promise: Promise<unknown>,
): Promise<{ statusCode?: number; code?: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (isRestError(error)) return { statusCode: error.statusCode, code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('Azure ARM wire handler with the official SDKs', () => {
  let estate: Estate;
  let emulator: RunningEmulator;
  let clients: AzureTestClients;
  let production: EstateAccount;

  beforeAll(async () => {
    estate = generateEstate({ seed: 7, size: 'small', anchorTime: '2026-11-20T00:00:00.000Z' });
    emulator = await startEmulator({ estate, pageSizeCaps: { azure: PAGE_SIZE } });
    clients = createAzureTestClients(emulator.endpoints.azure);
    const accounts = estate.accounts.filter((account) => account.provider === 'azure');
    production = accounts.reduce((best, account) =>
      countOf(estate.instances, account.id) > countOf(estate.instances, best.id) ? account : best,
    );
  });

  afterAll(async () => {
    await emulator.close();
  });

  function countOf(items: readonly { provider: string; account: string }[], subscription: string): number {
    return items.filter((item) => item.provider === 'azure' && item.account === subscription).length;
  }

  it('lists and gets subscriptions and their locations', async () => {
    const expected = estate.accounts.filter((account) => account.provider === 'azure');

    const listed = await collect(clients.subscriptions.subscriptions.list());
    const one = await clients.subscriptions.subscriptions.get(production.id);
    const locations = await collect(clients.subscriptions.subscriptions.listLocations(production.id));

    expect(listed.map((subscription) => subscription.subscriptionId).sort()).toEqual(
      expected.map((account) => account.id).sort(),
    );
    expect(one).toMatchObject({
      id: `/subscriptions/${production.id}`,
      subscriptionId: production.id,
      displayName: production.name,
      state: 'Enabled',
      authorizationSource: 'RoleBased',
    });
    expect(one.tenantId).toMatch(/^[0-9a-f-]{36}$/);
    expect(one.subscriptionPolicies?.spendingLimit).toBe('Off');
    expect(locations.map((location) => location.name)).toEqual(
      expect.arrayContaining([...production.regions]),
    );
    expect(locations.find((location) => location.name === 'westeurope')?.displayName).toBe('West Europe');
  });

  it('pages every VM of a subscription (listAll) across several pages, with for-await and byPage', async () => {
    const compute = clients.compute(production.id);
    const expected = countOf(estate.instances, production.id);

    const items = await collect(compute.virtualMachines.listAll());
    const pages = await collect(compute.virtualMachines.listAll().byPage());

    expect(expected).toBeGreaterThan(PAGE_SIZE * 3);
    expect(items).toHaveLength(expected);
    expect(new Set(items.map((vm) => vm.id)).size).toBe(expected);
    expect(pages.length).toBe(Math.ceil(expected / PAGE_SIZE));
    expect(pages.slice(0, -1).every((page) => page.length === PAGE_SIZE)).toBe(true);
    expect(
      emulator.journal
        .query({ operation: 'VirtualMachines_ListAll' })
        .every((entry) => entry.service === 'Microsoft.Compute'),
    ).toBe(true);
  });

  it('returns the VM model view with hardware, storage, OS and network profiles', async () => {
    const instance = estate.instances.find(
      (vm) => vm.provider === 'azure' && vm.account === production.id && vm.volumeIds.length > 1,
    )!;
    const compute = clients.compute(production.id);

    const vm = await compute.virtualMachines.get(instance.resourceGroup!, instance.name);

    expect(vm).toMatchObject({
      id: instance.id,
      name: instance.name,
      type: 'Microsoft.Compute/virtualMachines',
      location: instance.region,
      hardwareProfile: { vmSize: instance.type },
      provisioningState: 'Succeeded',
      diagnosticsProfile: { bootDiagnostics: { enabled: instance.monitoring } },
    });
    expect(vm.timeCreated?.toISOString()).toBe(instance.createdTime);
    expect(vm.storageProfile?.osDisk?.managedDisk?.id).toBe(instance.volumeIds[0]);
    expect(vm.storageProfile?.dataDisks?.map((disk) => disk.managedDisk?.id)).toEqual(
      instance.volumeIds.slice(1),
    );
    expect(vm.storageProfile?.imageReference?.publisher).toBe(instance.imageId.split(':')[0]);
    expect(vm.osProfile?.computerName).toBe(instance.name);
    expect(vm.networkProfile?.networkInterfaces?.[0]?.id).toContain('/Microsoft.Network/networkInterfaces/');
    expect(vm.tags).toEqual(Object.keys(instance.tags).length === 0 ? undefined : instance.tags);
    expect(vm.zones).toEqual(instance.zone === '' ? undefined : [instance.zone]);
    expect(emulator.journal.query({ operation: 'VirtualMachines_Get' }).at(-1)).toMatchObject({
      service: 'Microsoft.Compute',
      account: production.id,
      region: instance.region,
    });
  });

  it.each(['running', 'deallocated'])('reports the %s power state in the instance view', async (state) => {
    const instance = estate.instances.find((vm) => vm.provider === 'azure' && vm.state === state)!;
    const compute = clients.compute(instance.account);

    const view = await compute.virtualMachines.instanceView(instance.resourceGroup!, instance.name);
    const expanded = await compute.virtualMachines.get(instance.resourceGroup!, instance.name, {
      expand: 'instanceView',
    });

    expect(view.statuses?.map((status) => status.code)).toEqual([
      'ProvisioningState/succeeded',
      `PowerState/${state}`,
    ]);
    expect(view.statuses?.[1]?.displayStatus).toBe(`VM ${state}`);
    expect(view.statuses?.[0]?.time?.toISOString()).toBe(instance.launchTime);
    expect(expanded.instanceView?.statuses?.[1]?.code).toBe(`PowerState/${state}`);
  });

  it('includes the power state of every VM with statusOnly=true and lists by resource group', async () => {
    const compute = clients.compute(production.id);
    const group = estate.instances.find(
      (vm) => vm.provider === 'azure' && vm.account === production.id,
    )!.resourceGroup!;
    const inGroup = estate.instances.filter(
      (vm) => vm.provider === 'azure' && vm.account === production.id && vm.resourceGroup === group,
    );

    const statuses = await collect(compute.virtualMachines.listAll({ statusOnly: 'true' }));
    const listed = await collect(compute.virtualMachines.list(group));

    const byId = new Map(estate.instances.map((vm) => [vm.id, vm]));
    for (const vm of statuses) {
      const power = vm.instanceView?.statuses?.find((status) => status.code?.startsWith('PowerState/'));
      expect(power?.code).toBe(`PowerState/${byId.get(vm.id!)!.state}`);
    }
    expect(statuses).toHaveLength(countOf(estate.instances, production.id));
    expect(listed.map((vm) => vm.id).sort()).toEqual(inGroup.map((vm) => vm.id).sort());
  });

  it('lists managed disks with their state, SKU and encryption', async () => {
    const compute = clients.compute(production.id);
    const volumes = estate.volumes.filter(
      (volume) => volume.provider === 'azure' && volume.account === production.id,
    );

    const disks = await collect(compute.disks.list());

    expect(disks).toHaveLength(volumes.length);
    const byId = new Map(disks.map((disk) => [disk.id, disk]));
    for (const volume of volumes) {
      const disk = byId.get(volume.id)!;
      expect(disk.diskSizeGB).toBe(volume.sizeGb);
      expect(disk.sku?.name).toBe(volume.volumeType);
      expect(disk.managedBy).toBe(volume.attachedTo);
      const owner = estate.instances.find((vm) => vm.id === volume.attachedTo);
      expect(disk.diskState).toBe(
        owner === undefined ? 'Unattached' : owner.state === 'deallocated' ? 'Reserved' : 'Attached',
      );
      expect(disk.encryption?.type).toBe(
        volume.kmsKeyId ? 'EncryptionAtRestWithCustomerKey' : 'EncryptionAtRestWithPlatformKey',
      );
      const customerControlled =
        disk.encryption?.type === 'EncryptionAtRestWithCustomerKey' ||
        disk.encryptionSettingsCollection?.enabled === true;
      expect(customerControlled).toBe(volume.encrypted);
      expect(disk.timeCreated?.toISOString()).toBe(volume.createdTime);
    }
  });

  it('lists function apps and their site configuration', async () => {
    const site = estate.functions.find((fn) => fn.provider === 'azure')!;
    const web = clients.web(site.account);

    const sites = await collect(web.webApps.list());
    const config = await web.webApps.getConfiguration(site.resourceGroup!, site.name);

    expect(sites).toHaveLength(countOf(estate.functions, site.account));
    const listed = sites.find((candidate) => candidate.id === site.id)!;
    expect(listed).toMatchObject({
      name: site.name,
      kind: 'functionapp,linux',
      state: site.state,
      resourceGroup: site.resourceGroup,
      defaultHostName: `${site.name}.azurewebsites.net`,
    });
    expect(listed.siteConfig?.linuxFxVersion).toBe(site.runtime);
    expect(config.linuxFxVersion).toBe(site.runtime);
  });

  it('lists SQL servers, their databases (master included) and transparent data encryption', async () => {
    const database = estate.databases.find((db) => db.provider === 'azure')!;
    const sql = clients.sql(database.account);
    const onServer = estate.databases.filter(
      (db) => db.provider === 'azure' && db.server === database.server,
    );

    const servers = await collect(sql.servers.list());
    const databases = await collect(sql.databases.listByServer(database.resourceGroup!, database.server!));
    const tde = await sql.transparentDataEncryptions.get(
      database.resourceGroup!,
      database.server!,
      database.name,
      'current',
    );

    const server = servers.find((candidate) => candidate.name === database.server)!;
    expect(server).toMatchObject({
      fullyQualifiedDomainName: `${database.server!}.database.windows.net`,
      version: '12.0',
      state: 'Ready',
      location: database.region,
    });
    expect(databases.map((db) => db.name).sort()).toEqual(
      ['master', ...onServer.map((db) => db.name)].sort(),
    );
    const listed = databases.find((db) => db.name === database.name)!;
    expect(listed).toMatchObject({
      status: database.status,
      zoneRedundant: database.multiAz,
      currentServiceObjectiveName: database.instanceClass,
    });
    expect(listed.maxSizeBytes).toBe(database.storageGb * 1024 ** 3);
    expect(databases.find((db) => db.name === 'master')?.sku?.tier).toBe('System');
    expect(tde.state).toBe(database.encrypted ? 'Enabled' : 'Disabled');
  });

  it('lists storage accounts and Log Analytics workspaces', async () => {
    const storage = clients.storage(production.id);
    const buckets = estate.buckets.filter(
      (bucket) => bucket.provider === 'azure' && bucket.account === production.id,
    );

    const accounts = await collect(storage.storageAccounts.list());

    expect(accounts.map((account) => account.id).sort()).toEqual(buckets.map((bucket) => bucket.id).sort());
    for (const bucket of buckets) {
      const account = accounts.find((candidate) => candidate.id === bucket.id)!;
      expect(account).toMatchObject({
        kind: 'StorageV2',
        location: bucket.region,
        allowBlobPublicAccess: bucket.publicAccess,
      });
      expect(account.sku?.name).toBe(bucket.storageClass);
      expect(account.encryption?.services?.blob?.enabled).toBe(bucket.encrypted);
      expect(account.creationTime?.toISOString()).toBe(bucket.createdTime);
    }
    const response = await fetch(
      `${emulator.endpoints.azure}/subscriptions/${production.id}/providers/Microsoft.OperationalInsights/workspaces?api-version=2022-10-01`,
    );
    const workspaces = (await response.json()) as {
      value: { name: string; properties: { customerId: string } }[];
    };
    const groupPrefixes = new Set(
      estate.logGroups
        .filter((group) => group.provider === 'azure' && group.account === production.id)
        .map((group) => group.id.split('/')[0]),
    );
    expect(new Set(workspaces.value.map((workspace) => workspace.properties.customerId))).toEqual(
      groupPrefixes,
    );
    expect(
      workspaces.value.every((workspace) => workspace.name.startsWith(`DefaultWorkspace-${production.id}-`)),
    ).toBe(true);
  });

  it('lists resource groups, honouring $top as the page size', async () => {
    const groups = new Set(
      [...estate.instances, ...estate.volumes, ...estate.functions, ...estate.databases, ...estate.buckets]
        .filter((resource) => resource.provider === 'azure' && resource.account === production.id)
        .map((resource) => resource.resourceGroup!.toLowerCase()),
    );
    const base = `${emulator.endpoints.azure}/subscriptions/${production.id}/resourcegroups?api-version=2021-04-01`;

    const all: string[] = [];
    let url: string | undefined = `${base}&$top=4`;
    let pages = 0;
    while (url !== undefined) {
      const body = (await (await fetch(url)).json()) as { value: { name: string }[]; nextLink?: string };
      expect(body.value.length).toBeLessThanOrEqual(4);
      all.push(...body.value.map((group) => group.name.toLowerCase()));
      url = body.nextLink;
      pages += 1;
    }

    expect(pages).toBeGreaterThan(1);
    expect(all.filter((name) => !name.startsWith('defaultresourcegroup-')).sort()).toEqual(
      [...groups].sort(),
    );
  });

  it('answers unknown subscriptions, resource groups and resources with ARM 404s', async () => {
    const compute = clients.compute('00000000-0000-4000-8000-000000000000');
    const known = clients.compute(production.id);
    const group = estate.instances.find(
      (vm) => vm.provider === 'azure' && vm.account === production.id,
    )!.resourceGroup!;

    const noSubscription = await restErrorOf(collect(compute.virtualMachines.listAll()));
    const noGroup = await restErrorOf(collect(known.virtualMachines.list('rg-does-not-exist')));
    const noVm = await restErrorOf(known.virtualMachines.get(group, 'vm-does-not-exist'));

    expect(noSubscription).toMatchObject({ statusCode: 404, code: 'SubscriptionNotFound' });
    expect(noGroup).toMatchObject({ statusCode: 404, code: 'ResourceGroupNotFound' });
    expect(noVm).toMatchObject({ statusCode: 404, code: 'ResourceNotFound' });
  });

  it('refuses writes and journals them as mutating', async () => {
    const instance = estate.instances.find((vm) => vm.provider === 'azure' && vm.account === production.id)!;
    const volume = estate.volumes.find(
      (disk) => disk.provider === 'azure' && disk.account === production.id,
    )!;
    const compute = clients.compute(production.id);

    const deallocate = await restErrorOf(
      Promise.resolve(compute.virtualMachines.deallocate(instance.resourceGroup!, instance.name)),
    );
    const deleteDisk = await restErrorOf(
      Promise.resolve(compute.disks.delete(volume.resourceGroup!, volume.name)),
    );

    expect(deallocate).toMatchObject({ statusCode: 403, code: 'AuthorizationFailed' });
    expect(deallocate.message).toContain('Microsoft.Compute/virtualMachines/deallocate/action');
    expect(deleteDisk).toMatchObject({ statusCode: 403, code: 'AuthorizationFailed' });
    const refused = emulator.journal.query({ provider: 'azure', mutating: true });
    expect(refused.map((entry) => entry.operation)).toEqual(
      expect.arrayContaining(['VirtualMachines_Deallocate', 'Disks_Delete']),
    );
    expect(refused.every((entry) => entry.status === 403 && entry.account === production.id)).toBe(true);
  });

  it('requires api-version like ARM', async () => {
    const response = await fetch(
      `${emulator.endpoints.azure}/subscriptions/${production.id}/providers/Microsoft.Compute/virtualMachines`,
    );

    expect(response.status).toBe(400);
    expect(response.headers.get('x-ms-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await response.json()).toMatchObject({ error: { code: 'MissingApiVersionParameter' } });
  });
});
