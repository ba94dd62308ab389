/** The parts of an Azure Resource Manager id that records need. */
export interface ArmIdParts {
  readonly subscription?: string;
  readonly resourceGroup?: string;
  /** Resource provider namespace (`Microsoft.Compute`). */
  readonly namespace?: string;
  /** The full type (`Microsoft.Compute/virtualMachines`, `Microsoft.Sql/servers/databases`). */
  readonly type?: string;
  /** The name of the innermost resource (`vm-1`; `db-1` of a database). */
  readonly name: string;
}

/**
 * Splits `/subscriptions/{s}/resourceGroups/{rg}/providers/{ns}/{type}/{name}[/{type}/{name}…]`.
 * Keywords match case-insensitively (ARM ids are case-insensitive); values keep their case.
 * Anything that is not an ARM id yields only its last path segment as `name`.
 */
export function parseArmId(id: string): ArmIdParts {
  const segments = id.split('/').filter((segment) => segment !== '');
  const name = segments[segments.length - 1] ?? '';
  if (segments[0]?.toLowerCase() !== 'subscriptions' || segments[1] === undefined) return { name };
  const subscription = segments[1];
  let index = 2;
  let resourceGroup: string | undefined;
  if (segments[index]?.toLowerCase() === 'resourcegroups' && segments[index + 1] !== undefined) {
    resourceGroup = segments[index + 1];
    index += 2;
  }
  if (segments[index]?.toLowerCase() !== 'providers' || segments[index + 1] === undefined) {
    return { subscription, ...(resourceGroup === undefined ? {} : { resourceGroup }), name };
  }
  const namespace = segments[index + 1]!;
  const types: string[] = [];
  for (let position = index + 2; position < segments.length; position += 2) types.push(segments[position]!);
  return {
    subscription,
    ...(resourceGroup === undefined ? {} : { resourceGroup }),
    namespace,
    ...(types.length === 0 ? {} : { type: `${namespace}/${types.join('/')}` }),
    name,
  };
}
