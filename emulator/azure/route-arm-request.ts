import type { WireRequest } from '../server/wire.js';
import {
  missingApiVersionError,
  nestedResourceNotFoundError,
  parentResourceNotFoundError,
  resourceGroupNotFoundError,
  resourceNotFoundError,
  subscriptionNotFoundError,
  type ArmError,
} from './arm-errors.js';
import { isArmBody, type ArmOutcome, type AzureRoute, type AzureServeContext } from './azure-route.js';
import type {
  PlacedEntry,
  ResourceCollection,
  SqlDatabaseEntry,
  SqlServerEntry,
  SubscriptionEntry,
  VirtualMachineEntry,
} from './create-azure-catalog.js';
import { pageArmList } from './page-arm-list.js';
import { armIdKey, parseArmResourcePath, type ArmResourcePath } from './parse-arm-resource-id.js';
import { readQueryParameter } from './read-query-parameter.js';
import { requestPathname } from './request-target.js';
import { serveActivityLog } from './serve-activity-log.js';
import { serveMetrics } from './serve-metrics.js';
import { parseBatchResources, placeBatch, serveMetricsBatch } from './serve-metrics-batch.js';

/** Headers ARM adds to successful reads (its remaining read budget per subscription). */
const READ_HEADERS: Readonly<Record<string, string>> = {
  'x-ms-ratelimit-remaining-subscription-reads': '249',
  'x-ms-ratelimit-remaining-subscription-global-reads': '3749',
};

/** Resource provider namespaces the emulator serves, in their canonical spelling. */
export const KNOWN_NAMESPACES: ReadonlyMap<string, string> = new Map(
  [
    'Microsoft.Compute',
    'Microsoft.Web',
    'Microsoft.Sql',
    'Microsoft.Storage',
    'Microsoft.Insights',
    'Microsoft.OperationalInsights',
    'Microsoft.Resources',
  ].map((namespace) => [namespace.toLowerCase(), namespace]),
);

/** Operation-group names of the REST specs, by lower-case resource type. */
const OPERATION_GROUPS: Readonly<Record<string, string>> = {
  virtualmachines: 'VirtualMachines',
  disks: 'Disks',
  sites: 'WebApps',
  config: 'WebApps',
  servers: 'Servers',
  databases: 'Databases',
  storageaccounts: 'StorageAccounts',
  workspaces: 'Workspaces',
  resourcegroups: 'ResourceGroups',
};

/** Canonical type names, by lower-case type. */
const TYPE_NAMES: Readonly<Record<string, string>> = {
  virtualmachines: 'virtualMachines',
  disks: 'disks',
  sites: 'sites',
  servers: 'servers',
  databases: 'databases',
  storageaccounts: 'storageAccounts',
  workspaces: 'workspaces',
};

function pascalCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Decoded path segments, or `undefined` when the path has a malformed escape. */
function segmentsOf(pathname: string): string[] | undefined {
  try {
    return pathname
      .split('/')
      .filter((segment) => segment !== '')
      .map((segment) => decodeURIComponent(segment));
  } catch {
    return undefined;
  }
}

interface ReadRouteInit {
  readonly service: string;
  readonly operation: string;
  readonly account?: string;
  readonly region?: string;
  readonly action: string;
  readonly scope: string;
  readonly respond: () => ArmOutcome;
}

function readRoute(request: WireRequest, context: AzureServeContext, init: ReadRouteInit): AzureRoute {
  return {
    api: 'arm',
    service: init.service,
    operation: init.operation,
    mutating: false,
    ...(init.account === undefined ? {} : { account: init.account }),
    ...(init.region === undefined ? {} : { region: init.region }),
    action: init.action,
    scope: init.scope,
    serve: () => {
      const outcome =
        readQueryParameter(request.url, 'api-version') === undefined
          ? missingApiVersionError()
          : init.respond();
      return isArmBody(outcome)
        ? context.responder.json(request, 200, outcome.body, READ_HEADERS)
        : context.responder.armError(request, outcome);
    },
  };
}

/** Runs `respond` once the subscription (and resource group, when given) exist. */
function inScope(
  context: AzureServeContext,
  subscriptionId: string,
  resourceGroup: string | undefined,
  respond: (subscription: SubscriptionEntry) => ArmOutcome,
): ArmOutcome {
  const subscription = context.catalog.subscription(subscriptionId);
  if (!subscription) return subscriptionNotFoundError(subscriptionId);
  if (resourceGroup !== undefined && !subscription.resourceGroup(resourceGroup))
    return resourceGroupNotFoundError(resourceGroup);
  return respond(subscription);
}

function page<E>(
  request: WireRequest,
  context: AzureServeContext,
  items: readonly E[],
  toJson: (item: E) => string,
  allowTop = false,
): ArmOutcome {
  const result = pageArmList(request, items, toJson, { pageSize: context.pageSize, allowTop });
  return result.ok ? { body: result.body } : result.error;
}

/** A resource kind served by the generic list / list-by-group / get routes. */
interface ResourceKind {
  readonly namespace: string;
  readonly type: string;
  readonly listOperation: string;
  readonly listByGroupOperation: string;
  readonly getOperation: string;
  /** One page of the kind in a subscription (or one of its resource groups). */
  list(
    request: WireRequest,
    context: AzureServeContext,
    subscription: string,
    resourceGroup: string | undefined,
  ): ArmOutcome;
  /** The serialized resource with this id, when it exists. */
  get(request: WireRequest, context: AzureServeContext, id: string): string | undefined;
  /** The location of the resource with this id, when it exists. */
  locate(context: AzureServeContext, id: string): string | undefined;
}

interface KindSpec<E extends PlacedEntry> {
  readonly namespace: string;
  readonly type: string;
  readonly group: string;
  readonly getOperation: string;
  readonly collection: (context: AzureServeContext) => ResourceCollection<E>;
  /** Item JSON for a request (VMs switch to their instance-view variant on request). */
  readonly itemJson?: (request: WireRequest) => (entry: E) => string;
}

function defineKind<E extends PlacedEntry>(spec: KindSpec<E>): ResourceKind {
  const itemJson = (request: WireRequest): ((entry: E) => string) =>
    spec.itemJson?.(request) ?? ((entry) => entry.json());
  return {
    namespace: spec.namespace,
    type: spec.type,
    listOperation: `${spec.group}_List${spec.group === 'VirtualMachines' ? 'All' : ''}`,
    listByGroupOperation:
      spec.group === 'VirtualMachines' ? 'VirtualMachines_List' : `${spec.group}_ListByResourceGroup`,
    getOperation: spec.getOperation,
    list: (request, context, subscription, resourceGroup) => {
      const collection = spec.collection(context);
      const items =
        resourceGroup === undefined
          ? collection.inSubscription(subscription)
          : collection.inResourceGroup(subscription, resourceGroup);
      return page(request, context, items, itemJson(request));
    },
    get: (request, context, id) => {
      const entry = spec.collection(context).byId(id);
      return entry === undefined ? undefined : itemJson(request)(entry);
    },
    locate: (context, id) => spec.collection(context).byId(id)?.location,
  };
}

function wantsInstanceView(request: WireRequest): boolean {
  return (
    readQueryParameter(request.url, 'statusOnly')?.toLowerCase() === 'true' ||
    readQueryParameter(request.url, '$expand')?.toLowerCase() === 'instanceview'
  );
}

const RESOURCE_KINDS: ReadonlyMap<string, ResourceKind> = new Map(
  [
    defineKind({
      namespace: 'Microsoft.Compute',
      type: 'virtualMachines',
      group: 'VirtualMachines',
      getOperation: 'VirtualMachines_Get',
      collection: (context) => context.catalog.virtualMachines(),
      itemJson: (request) =>
        wantsInstanceView(request)
          ? (entry: VirtualMachineEntry) => entry.jsonWithInstanceView()
          : (entry) => entry.json(),
    }),
    defineKind({
      namespace: 'Microsoft.Compute',
      type: 'disks',
      group: 'Disks',
      getOperation: 'Disks_Get',
      collection: (context) => context.catalog.disks(),
    }),
    defineKind({
      namespace: 'Microsoft.Web',
      type: 'sites',
      group: 'WebApps',
      getOperation: 'WebApps_Get',
      collection: (context) => context.catalog.sites(),
    }),
    defineKind({
      namespace: 'Microsoft.Sql',
      type: 'servers',
      group: 'Servers',
      getOperation: 'Servers_Get',
      collection: (context) => context.catalog.sqlServers(),
    }),
    defineKind({
      namespace: 'Microsoft.Storage',
      type: 'storageAccounts',
      group: 'StorageAccounts',
      getOperation: 'StorageAccounts_GetProperties',
      collection: (context) => context.catalog.storageAccounts(),
    }),
    defineKind({
      namespace: 'Microsoft.OperationalInsights',
      type: 'workspaces',
      group: 'Workspaces',
      getOperation: 'Workspaces_Get',
      collection: (context) => context.catalog.workspaces(),
    }),
  ].map((kind) => [`${kind.namespace}/${kind.type}`.toLowerCase(), kind]),
);

/** Routes of the generic kinds and their children (instance view, site config, databases). */
function routeResource(
  request: WireRequest,
  context: AzureServeContext,
  path: ArmResourcePath,
): AzureRoute | undefined {
  const { namespace, types, names } = path;
  const subscriptionId = path.subscription!;
  if (namespace === undefined || types.length === 0) return undefined;
  const kind = RESOURCE_KINDS.get(`${namespace}/${types[0]!}`.toLowerCase());
  if (!kind) return undefined;
  const account = context.catalog.subscription(subscriptionId)?.account.id ?? subscriptionId;
  const resourceGroup = path.resourceGroup;
  const fullType = `${kind.namespace}/${kind.type}`;
  const subscriptionScope = `/subscriptions/${account}`;

  if (types.length === 1 && names.length === 0) {
    return readRoute(request, context, {
      service: kind.namespace,
      operation: resourceGroup === undefined ? kind.listOperation : kind.listByGroupOperation,
      account,
      action: `${fullType}/read`,
      scope:
        resourceGroup === undefined
          ? subscriptionScope
          : `${subscriptionScope}/resourceGroups/${resourceGroup}`,
      respond: () =>
        inScope(context, subscriptionId, resourceGroup, (subscription) =>
          kind.list(request, context, subscription.account.id, resourceGroup),
        ),
    });
  }
  if (resourceGroup === undefined) return undefined;
  const name = names[0]!;
  const resourceId = `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/${namespace}/${types[0]!}/${name}`;
  const region = kind.locate(context, resourceId);
  const base = {
    service: kind.namespace,
    account,
    ...(region === undefined ? {} : { region }),
    scope: resourceId,
  };
  const missing = (): ArmError => resourceNotFoundError(fullType, name, resourceGroup);
  const found =
    <T>(lookup: () => T | undefined, respond: (value: T) => ArmOutcome): (() => ArmOutcome) =>
    () =>
      inScope(context, subscriptionId, resourceGroup, () => {
        const value = lookup();
        return value === undefined ? missing() : respond(value);
      });

  if (types.length === 1 && names.length === 1) {
    return readRoute(request, context, {
      ...base,
      operation: kind.getOperation,
      action: `${fullType}/read`,
      respond: found(
        () => kind.get(request, context, resourceId),
        (body) => ({ body }),
      ),
    });
  }
  if (types.length !== 2 && !(types.length === 3 && kind.type === 'servers')) return undefined;
  const child = types[1]!.toLowerCase();
  const childName = names[1];
  if (kind.type === 'virtualMachines' && child === 'instanceview' && childName === undefined) {
    return readRoute(request, context, {
      ...base,
      operation: 'VirtualMachines_InstanceView',
      action: `${fullType}/instanceView/read`,
      respond: found(
        () => context.catalog.virtualMachines().byId(resourceId),
        (vm) => ({ body: vm.instanceViewJson() }),
      ),
    });
  }
  if (kind.type === 'sites' && child === 'config' && childName?.toLowerCase() === 'web') {
    return readRoute(request, context, {
      ...base,
      operation: 'WebApps_GetConfiguration',
      action: `${fullType}/config/read`,
      scope: `${resourceId}/config/web`,
      respond: found(
        () => context.catalog.sites().byId(resourceId),
        (site) => ({ body: site.configJson() }),
      ),
    });
  }
  if (kind.type === 'servers' && child === 'databases') {
    const server = (): SqlServerEntry | undefined => context.catalog.sqlServers().byId(resourceId);
    const serverMissing = (): ArmError => parentResourceNotFoundError(fullType, name);
    if (childName === undefined) {
      return readRoute(request, context, {
        ...base,
        operation: 'Databases_ListByServer',
        action: `${fullType}/databases/read`,
        respond: () =>
          inScope(context, subscriptionId, resourceGroup, () => {
            const entry = server();
            return entry
              ? page(request, context, entry.databases, (database) => database.json())
              : serverMissing();
          }),
      });
    }
    const databaseId = `${resourceId}/databases/${childName}`;
    const withDatabase =
      (respond: (database: SqlDatabaseEntry) => ArmOutcome): (() => ArmOutcome) =>
      () =>
        inScope(context, subscriptionId, resourceGroup, () => {
          const entry = server();
          if (!entry) return serverMissing();
          const key = armIdKey(databaseId);
          const database = entry.databases.find((candidate) => candidate.key === key);
          return database
            ? respond(database)
            : nestedResourceNotFoundError(`${fullType}/databases`, childName);
        });
    if (types.length === 2) {
      return readRoute(request, context, {
        ...base,
        operation: 'Databases_Get',
        action: `${fullType}/databases/read`,
        scope: databaseId,
        respond: withDatabase((database) => ({ body: database.json() })),
      });
    }
    if (types[2]!.toLowerCase() !== 'transparentdataencryption') return undefined;
    const tdeName = names[2];
    if (tdeName !== undefined && tdeName.toLowerCase() !== 'current') return undefined;
    return readRoute(request, context, {
      ...base,
      operation:
        tdeName === undefined
          ? 'TransparentDataEncryptions_ListByDatabase'
          : 'TransparentDataEncryptions_Get',
      action: `${fullType}/databases/transparentDataEncryption/read`,
      scope: `${databaseId}/transparentDataEncryption`,
      respond: withDatabase((database) =>
        tdeName === undefined
          ? { body: `{"value":[${database.transparentDataEncryptionJson()}]}` }
          : { body: database.transparentDataEncryptionJson() },
      ),
    });
  }
  return undefined;
}

/** GET routes of ARM: subscriptions, locations, resource groups, resources, metrics, activity log. */
function routeArmRead(
  request: WireRequest,
  context: AzureServeContext,
  segments: readonly string[],
): AzureRoute | undefined {
  const lower = segments.map((segment) => segment.toLowerCase());
  if (lower[0] !== 'subscriptions') return undefined;
  if (segments.length === 1) {
    return readRoute(request, context, {
      service: 'subscriptions',
      operation: 'Subscriptions_List',
      action: 'Microsoft.Resources/subscriptions/read',
      scope: '/',
      respond: () => {
        const all = context.catalog.subscriptions();
        const result = pageArmList(request, all, (entry) => entry.json(), {
          pageSize: context.pageSize,
          extraMembers: `"count":{"type":"Total","value":${all.length}}`,
        });
        return result.ok ? { body: result.body } : result.error;
      },
    });
  }
  const subscriptionId = segments[1]!;
  const account = context.catalog.subscription(subscriptionId)?.account.id ?? subscriptionId;
  const scope = `/subscriptions/${account}`;
  if (segments.length === 2) {
    return readRoute(request, context, {
      service: 'subscriptions',
      operation: 'Subscriptions_Get',
      account,
      action: 'Microsoft.Resources/subscriptions/read',
      scope,
      respond: () =>
        inScope(context, subscriptionId, undefined, (subscription) => ({ body: subscription.json() })),
    });
  }
  if (segments.length === 3 && lower[2] === 'locations') {
    return readRoute(request, context, {
      service: 'subscriptions',
      operation: 'Subscriptions_ListLocations',
      account,
      action: 'Microsoft.Resources/subscriptions/locations/read',
      scope,
      respond: () =>
        inScope(context, subscriptionId, undefined, (subscription) => ({
          body: subscription.locationsBody(),
        })),
    });
  }
  if (lower[2] === 'resourcegroups' && segments.length <= 4) {
    const name = segments[3];
    if (name === undefined) {
      return readRoute(request, context, {
        service: 'Microsoft.Resources',
        operation: 'ResourceGroups_List',
        account,
        action: 'Microsoft.Resources/subscriptions/resourceGroups/read',
        scope,
        respond: () =>
          inScope(context, subscriptionId, undefined, (subscription) =>
            page(request, context, subscription.resourceGroups, (group) => group.json(), true),
          ),
      });
    }
    const group = context.catalog.subscription(subscriptionId)?.resourceGroup(name);
    return readRoute(request, context, {
      service: 'Microsoft.Resources',
      operation: 'ResourceGroups_Get',
      account,
      ...(group === undefined ? {} : { region: group.location }),
      action: 'Microsoft.Resources/subscriptions/resourceGroups/read',
      scope: `${scope}/resourceGroups/${name}`,
      respond: () =>
        inScope(context, subscriptionId, name, (subscription) => ({
          body: subscription.resourceGroup(name)!.json(),
        })),
    });
  }
  const length = segments.length;
  if (
    length >= 5 &&
    lower[length - 3] === 'providers' &&
    lower[length - 2] === 'microsoft.insights' &&
    lower[length - 1] === 'metrics'
  ) {
    const resourceUri = `/${segments.slice(0, length - 3).join('/')}`;
    const vm = context.catalog.virtualMachines().byId(resourceUri);
    return readRoute(request, context, {
      service: 'Microsoft.Insights',
      operation: 'Metrics_List',
      account,
      ...(vm === undefined ? {} : { region: vm.location }),
      action: 'Microsoft.Insights/metrics/read',
      scope: resourceUri,
      respond: () => serveMetrics(request, context, resourceUri),
    });
  }
  if (lower.slice(2).join('/') === 'providers/microsoft.insights/eventtypes/management/values') {
    return readRoute(request, context, {
      service: 'Microsoft.Insights',
      operation: 'ActivityLogs_List',
      account,
      action: 'Microsoft.Insights/eventtypes/values/read',
      scope,
      respond: () => serveActivityLog(request, context, subscriptionId, context.activityFilters),
    });
  }
  const path = parseArmResourcePath(`/${segments.join('/')}`);
  return path ? routeResource(request, context, path) : undefined;
}

/** The REST operation id of a write (`VirtualMachines_Deallocate`, `Disks_Delete`, `ResourceGroups_CreateOrUpdate`). */
function mutationOperation(method: string, type: string, action: string | undefined): string {
  const group = OPERATION_GROUPS[type.toLowerCase()] ?? pascalCase(type);
  if (action !== undefined) return `${group}_${pascalCase(action)}`;
  if (method === 'DELETE') return `${group}_Delete`;
  if (method === 'PATCH') return `${group}_Update`;
  if (group === 'StorageAccounts') return 'StorageAccounts_Create';
  return `${group}_CreateOrUpdate`;
}

/** Finds an estate resource by ARM id in every kind, for the region of a refused write. */
function locationOf(context: AzureServeContext, id: string): string | undefined {
  const { catalog } = context;
  for (const collection of [
    catalog.virtualMachines(),
    catalog.disks(),
    catalog.sites(),
    catalog.sqlServers(),
    catalog.storageAccounts(),
    catalog.workspaces(),
  ]) {
    const found = collection.byId(id);
    if (found) return found.location;
  }
  return undefined;
}

/**
 * Any PUT, PATCH, DELETE or POST action on ARM is a write: it is routed as mutating (the core
 * journals and refuses it). POST `list*` actions (`listKeys`, `listSecrets`…) read secrets and are
 * not emulated: they get no route.
 */
function routeArmWrite(
  request: WireRequest,
  context: AzureServeContext,
  segments: readonly string[],
  method: string,
): AzureRoute | undefined {
  const path = parseArmResourcePath(`/${segments.join('/')}`);
  if (!path?.subscription) return undefined;
  const account = context.catalog.subscription(path.subscription)?.account.id ?? path.subscription;
  let types = [...path.types];
  let action: string | undefined;
  if (method === 'POST') {
    if (types.length === 0 || types.length === path.names.length) return undefined;
    action = types.pop()!;
    if (action.toLowerCase().startsWith('list')) return undefined;
  }
  let service: string;
  let rbacPrefix: string;
  let resourceId: string;
  let type: string;
  if (path.namespace === undefined) {
    if (path.resourceGroup === undefined) return undefined;
    service = 'Microsoft.Resources';
    rbacPrefix = 'Microsoft.Resources/subscriptions/resourceGroups';
    resourceId = `/subscriptions/${path.subscription}/resourceGroups/${path.resourceGroup}`;
    type = 'resourceGroups';
  } else {
    service = KNOWN_NAMESPACES.get(path.namespace.toLowerCase()) ?? path.namespace;
    types = types.map((segment) => TYPE_NAMES[segment.toLowerCase()] ?? segment);
    rbacPrefix = `${service}/${types.join('/')}`;
    const pairs = types.map((segment, index) =>
      path.names[index] === undefined ? segment : `${segment}/${path.names[index]}`,
    );
    resourceId =
      `/subscriptions/${path.subscription}` +
      (path.resourceGroup === undefined ? '' : `/resourceGroups/${path.resourceGroup}`) +
      `/providers/${path.namespace}/${pairs.join('/')}`;
    type = types[types.length - 1] ?? path.namespace;
  }
  const rbacAction =
    action !== undefined
      ? `${rbacPrefix}/${action}/action`
      : method === 'DELETE'
        ? `${rbacPrefix}/delete`
        : `${rbacPrefix}/write`;
  const region = locationOf(context, resourceId);
  return {
    api: 'arm',
    service,
    operation: mutationOperation(method, type, action),
    mutating: true,
    account,
    ...(region === undefined ? {} : { region }),
    action: rbacAction,
    scope: resourceId,
    // The core never serves mutating routes; answering like its refusal keeps this total.
    serve: () =>
      context.responder.armError(request, {
        status: 403,
        code: 'AuthorizationFailed',
        message: `The emulator is read-only and does not perform action '${rbacAction}'.`,
        shape: 'envelope',
      }),
  };
}

/**
 * `POST /subscriptions/{sub}/metrics:getBatch`: Azure Monitor's metrics batch API. In Azure it is a
 * regional data-plane host (`{region}.metrics.monitor.azure.com`); the emulator serves it on its one
 * port, and journals the region of the VMs named in the body (none when they are in several
 * regions, which the call refuses, or when none is known). A read, although it is a POST.
 */
function routeMetricsBatch(
  request: WireRequest,
  context: AzureServeContext,
  segments: readonly string[],
): AzureRoute | undefined {
  if (segments.length !== 3 || segments[0]!.toLowerCase() !== 'subscriptions') return undefined;
  if (segments[2]!.toLowerCase() !== 'metrics:getbatch') return undefined;
  const subscriptionId = segments[1]!;
  const account = context.catalog.subscription(subscriptionId)?.account.id ?? subscriptionId;
  const resources = parseBatchResources(request.body);
  const placed =
    resources.error === undefined ? placeBatch(context, subscriptionId, resources.ids) : undefined;
  const region = placed !== undefined && !('error' in placed) ? placed.region : undefined;
  return readRoute(request, context, {
    service: 'Microsoft.Insights',
    operation: 'Metrics_Batch',
    account,
    ...(region === undefined ? {} : { region }),
    action: 'Microsoft.Insights/metrics/read',
    scope: `/subscriptions/${account}`,
    respond: () => serveMetricsBatch(request, context, subscriptionId),
  });
}

/** Recognises an ARM request: reads get a serving route, writes a mutating one, the rest nothing. */
export function routeArmRequest(request: WireRequest, context: AzureServeContext): AzureRoute | undefined {
  const segments = segmentsOf(requestPathname(request));
  if (segments === undefined) return undefined;
  const method = request.method.toUpperCase();
  if (method === 'GET') return routeArmRead(request, context, segments);
  if (method === 'POST') {
    const batch = routeMetricsBatch(request, context, segments);
    if (batch !== undefined) return batch;
  }
  if (method === 'PUT' || method === 'PATCH' || method === 'DELETE' || method === 'POST') {
    return routeArmWrite(request, context, segments, method);
  }
  return undefined;
}
