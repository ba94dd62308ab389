/** The parts of an Azure Resource Manager id or request path. */
export interface ArmResourcePath {
  /** Subscription id as written (no case change). */
  readonly subscription?: string;
  readonly resourceGroup?: string;
  /** Resource provider namespace after `/providers/` (`Microsoft.Compute`). */
  readonly namespace?: string;
  /** Resource types below the namespace (`virtualMachines`, `instanceView`…), outermost first. */
  readonly types: readonly string[];
  /** Resource names, one per type that has one (`types.length - 1` for a collection path). */
  readonly names: readonly string[];
}

/**
 * Parses `/subscriptions/{s}[/resourceGroups/{rg}][/providers/{ns}/{type}/{name}/{type}…]`. Keywords
 * match case-insensitively, like ARM; values keep their case. Returns `undefined` for paths
 * that do not start with `/subscriptions/`, or that carry anything but a provider path after
 * the resource group.
 */
export function parseArmResourcePath(path: string): ArmResourcePath | undefined {
  const segments = path.split('/').filter((segment) => segment !== '');
  if (segments[0]?.toLowerCase() !== 'subscriptions' || segments.length < 2) return undefined;
  const subscription = segments[1]!;
  let index = 2;
  let resourceGroup: string | undefined;
  if (segments[index]?.toLowerCase() === 'resourcegroups') {
    resourceGroup = segments[index + 1];
    if (resourceGroup === undefined) return undefined;
    index += 2;
  }
  if (index === segments.length)
    return { subscription, ...(resourceGroup === undefined ? {} : { resourceGroup }), types: [], names: [] };
  if (segments[index]?.toLowerCase() !== 'providers' || segments[index + 1] === undefined) return undefined;
  const namespace = segments[index + 1]!;
  const types: string[] = [];
  const names: string[] = [];
  for (let position = index + 2; position < segments.length; position++) {
    if ((position - index) % 2 === 0) types.push(segments[position]!);
    else names.push(segments[position]!);
  }
  return { subscription, ...(resourceGroup === undefined ? {} : { resourceGroup }), namespace, types, names };
}

/** The case-insensitive lookup key of an ARM id (ARM ids compare ignoring case). */
export function armIdKey(id: string): string {
  return id.toLowerCase();
}
