/**
 * The catalogue of Azure Resource Manager errors the emulator returns, with ARM's own codes,
 * statuses and message wording (see https://learn.microsoft.com/azure/azure-resource-manager/troubleshooting/common-deployment-errors).
 */

/**
 * How the error body is laid out: ARM's usual `{"error":{"code","message"}}` envelope, or the
 * flat `{"code","message"}` that Azure Monitor's Insights APIs (metrics, activity log) return.
 */
export type ArmErrorShape = 'envelope' | 'flat';

/** An ARM error ready to be rendered. */
export interface ArmError {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  readonly shape: ArmErrorShape;
  /** Extra response headers (`Retry-After`, rate-limit counters…). */
  readonly headers?: Readonly<Record<string, string>>;
}

/** Builds an {@link ArmError} in the usual envelope shape. */
export function armError(
  status: number,
  code: string,
  message: string,
  shape: ArmErrorShape = 'envelope',
): ArmError {
  return { status, code, message, shape };
}

/** 400 `MissingApiVersionParameter`: every ARM request needs `?api-version=`. */
export function missingApiVersionError(): ArmError {
  return armError(
    400,
    'MissingApiVersionParameter',
    'The api-version query parameter (?api-version=) is required for all requests.',
  );
}

/** 404 `SubscriptionNotFound`. */
export function subscriptionNotFoundError(subscriptionId: string): ArmError {
  return armError(404, 'SubscriptionNotFound', `The subscription '${subscriptionId}' could not be found.`);
}

/** 404 `ResourceGroupNotFound`. */
export function resourceGroupNotFoundError(resourceGroup: string): ArmError {
  return armError(404, 'ResourceGroupNotFound', `Resource group '${resourceGroup}' could not be found.`);
}

/**
 * 404 `ResourceNotFound` as ARM words it for a top-level resource.
 * @param resourceType the full type, e.g. `Microsoft.Compute/virtualMachines`.
 */
export function resourceNotFoundError(resourceType: string, name: string, resourceGroup: string): ArmError {
  return armError(
    404,
    'ResourceNotFound',
    `The Resource '${resourceType}/${name}' under resource group '${resourceGroup}' was not found. ` +
      'For more details please go to https://aka.ms/ARMResourceNotFoundFix',
  );
}

/** 404 `ParentResourceNotFound`: a nested resource (a database) under a parent that does not exist. */
export function parentResourceNotFoundError(parentType: string, parentName: string): ArmError {
  return armError(
    404,
    'ParentResourceNotFound',
    `Can not perform requested operation on nested resource. Parent resource '${parentName}' not found.` +
      ` (type '${parentType}')`,
  );
}

/** 404 `ResourceNotFound` in the wording resource providers use for nested resources. */
export function nestedResourceNotFoundError(resourceType: string, name: string): ArmError {
  return armError(
    404,
    'ResourceNotFound',
    `The requested resource of type '${resourceType}' with name '${name}' was not found.`,
  );
}

/** 404 `InvalidResourceType`: a namespace the emulator knows, a type or child it does not serve. */
export function invalidResourceTypeError(
  resourceType: string,
  namespace: string,
  apiVersion: string,
  detail: string,
): ArmError {
  return armError(
    404,
    'InvalidResourceType',
    `The resource type '${resourceType}' could not be found in the namespace '${namespace}' for api version '${apiVersion}'. ${detail}`,
  );
}

/** 404 `InvalidResourceNamespace`: a resource provider namespace the emulator does not serve. */
export function invalidResourceNamespaceError(namespace: string, detail: string): ArmError {
  return armError(
    404,
    'InvalidResourceNamespace',
    `The resource namespace '${namespace}' is invalid. ${detail}`,
  );
}

/** 400 `InvalidSkipToken`: a `$skiptoken` this emulator did not issue. */
export function invalidSkipTokenError(token: string): ArmError {
  return armError(400, 'InvalidSkipToken', `The provided skip token '${token}' is not valid.`);
}

/** 400 `InvalidParameter` for a malformed query parameter. */
export function invalidParameterError(message: string): ArmError {
  return armError(400, 'InvalidParameter', message);
}

/** 400 `BadRequest` in the flat Insights shape (metrics, activity log). */
export function insightsBadRequestError(message: string): ArmError {
  return armError(400, 'BadRequest', message, 'flat');
}

/** Serializes an error body in its shape. */
export function toArmErrorBody(error: ArmError): string {
  const inner = { code: error.code, message: error.message };
  return JSON.stringify(error.shape === 'flat' ? inner : { error: inner });
}
