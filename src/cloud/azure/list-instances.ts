import type { InstanceViewStatus, VirtualMachine } from '@azure/arm-compute';
import { SreError } from '../../core/errors/sre-error.js';
import type { ResourceRecord, ScopeTarget } from '../../core/ports/cloud-port.js';
import type { AzureAdapterContext } from './azure-adapter-context.js';
import { mapWithConcurrency } from '../shared/map-with-concurrency.js';
import { parseArmId } from './parse-arm-id.js';
import { readSdkPages } from './read-arm-pages.js';
import { runAzureCall } from './run-azure-call.js';
import { sortById } from '../shared/sort-by-id.js';
import { toCallKey } from './to-call-key.js';
import { powerStateOf, toInstanceRecord } from './to-instance-record.js';

/**
 * Every VM of a subscription: `VirtualMachines_ListAll` with `statusOnly=true`, which returns each
 * VM with its instance view statuses (power state) in one listing, all pages. A VM whose item
 * lacks a power state (an API version or cloud that ignores `statusOnly`) gets one
 * `VirtualMachines_InstanceView` call, with bounded concurrency; a VM deleted in between keeps
 * `state: unknown`.
 */
export async function listInstances(
  context: AzureAdapterContext,
  scope: ScopeTarget,
  signal?: AbortSignal,
): Promise<ResourceRecord[]> {
  const { client } = await context.pool.get('compute', scope.account);
  const key = toCallKey(scope, 'Microsoft.Compute', 'VirtualMachines_ListAll');
  const vms: VirtualMachine[] = [];
  await readSdkPages(
    context.runner,
    key,
    (abortSignal) => client.virtualMachines.listAll({ statusOnly: 'true', abortSignal }),
    (page) => page.continuationToken,
    (items) => {
      vms.push(...items);
      return true;
    },
    { signal },
  );

  const viewKey = toCallKey(scope, 'Microsoft.Compute', 'VirtualMachines_InstanceView');
  const records = await mapWithConcurrency(vms, context.concurrency, async (vm) => {
    if (powerStateOf(vm.instanceView?.statuses) !== undefined) return toInstanceRecord(vm, scope.account);
    const id = parseArmId(vm.id ?? '');
    if (id.resourceGroup === undefined || vm.name === undefined) return toInstanceRecord(vm, scope.account);
    const { resourceGroup } = id;
    const vmName = vm.name;
    let statuses: readonly InstanceViewStatus[] | undefined;
    try {
      const view = await runAzureCall(
        context.runner,
        viewKey,
        (abortSignal) => client.virtualMachines.instanceView(resourceGroup, vmName, { abortSignal }),
        { signal, resource: vmName },
      );
      statuses = view.statuses;
    } catch (error) {
      if (!(error instanceof SreError && error.code === 'CLOUD_NOT_FOUND')) throw error;
    }
    return toInstanceRecord(vm, scope.account, statuses);
  });
  return sortById(records);
}
