import type { EstateAccount } from '../estate/model.js';
import type { OperationRoute, WireRequest, WireResponse } from '../server/wire.js';
import { computeUrl, createComputeCatalog, type ComputeCatalog } from './compute-resources.js';
import type { GcpContext } from './gcp-context.js';
import { gcpJsonResponse, serializeList, type JsonObject, type RenderedResource } from './gcp-json.js';
import {
  decodeOffsetToken,
  encodePageToken,
  parseBooleanParameter,
  parseIntegerParameter,
  queryFingerprint,
  resolvePageSize,
  slicePage,
} from './gcp-paging.js';
import { gcpRoute, requireProject } from './gcp-route.js';
import { FilterSyntaxError, parseListFilter, type ListFilter } from './parse-list-filter.js';
import { GcpRequestError, invalidArgument } from './render-gcp-error.js';

/** Compute Engine caps `maxResults` at 500 and defaults to it. */
const COMPUTE_MAX_RESULTS = 500;

/** Routes Compute Engine v1 requests (`/compute/v1/...`). */
export type ComputeRouter = (request: WireRequest, segments: readonly string[]) => OperationRoute | undefined;

interface ListQuery {
  readonly filter: ListFilter;
  readonly orderBy: 'name' | 'creationTimestamp desc';
  readonly pageSize: number;
  readonly offset: number;
  readonly fingerprint: string;
}

/** The Compute collection and verb of a mutating path, e.g. `instances.stop`, `firewalls.insert`. */
function mutatingOperation(method: string, rest: readonly string[]): string {
  // rest: segments after projects/{p}; scope prefixes (zones/{z}, regions/{r}, global) are skipped.
  let index = 0;
  if ((rest[0] === 'zones' || rest[0] === 'regions') && rest.length >= 3) index = 2;
  else if (rest[0] === 'global') index = 1;
  const collection = rest[index] ?? 'projects';
  const name = rest[index + 1];
  const verb = rest[index + 2];
  if (verb !== undefined) return `${collection}.${verb}`;
  if (name === undefined) return `${collection}.${method === 'POST' ? 'insert' : method.toLowerCase()}`;
  switch (method) {
    case 'DELETE':
      return `${collection}.delete`;
    case 'PUT':
      return `${collection}.update`;
    case 'PATCH':
      return `${collection}.patch`;
    default:
      return `${collection}.${name}`;
  }
}

function parseListQuery(request: WireRequest, cap: number, ...scope: readonly string[]): ListQuery {
  const params = request.url.searchParams;
  const maxResults = parseIntegerParameter(params.get('maxResults'), 'maxResults');
  if (maxResults !== undefined && maxResults > COMPUTE_MAX_RESULTS) {
    invalidArgument(
      `Invalid value for field 'maxResults': '${maxResults}'. Must be less than or equal to ${COMPUTE_MAX_RESULTS}`,
      'maxResults',
    );
  }
  parseBooleanParameter(params.get('returnPartialSuccess'), 'returnPartialSuccess');
  const filterText = params.get('filter') ?? '';
  let filter: ListFilter;
  try {
    filter = parseListFilter(filterText);
  } catch (error) {
    if (!(error instanceof FilterSyntaxError)) throw error;
    return invalidArgument(
      `Invalid value for field 'filter': '${filterText}'. Invalid list filter expression.`,
      'filter',
      error.message,
    );
  }
  const orderText = (params.get('orderBy') ?? '').trim().replace(/\s+/g, ' ');
  if (orderText !== '' && orderText !== 'name' && orderText !== 'creationTimestamp desc') {
    invalidArgument(
      `Invalid value for field 'orderBy': '${orderText}'. Sorting by name or creationTimestamp desc is supported.`,
      'orderBy',
    );
  }
  const fingerprint = queryFingerprint(...scope, filterText, orderText);
  return {
    filter,
    orderBy: orderText === 'creationTimestamp desc' ? 'creationTimestamp desc' : 'name',
    pageSize: resolvePageSize(maxResults, COMPUTE_MAX_RESULTS, COMPUTE_MAX_RESULTS, cap),
    offset: decodeOffsetToken(params.get('pageToken'), fingerprint),
    fingerprint,
  };
}

function sortResources<T extends { readonly createdTime: string }>(
  items: readonly T[],
  orderBy: ListQuery['orderBy'],
): readonly T[] {
  if (orderBy === 'name') return items;
  return [...items].sort((a, b) =>
    a.createdTime > b.createdTime ? -1 : a.createdTime < b.createdTime ? 1 : 0,
  );
}

/** Creates the Compute Engine router over an estate. */
export function createComputeRouter(context: GcpContext): ComputeRouter {
  const catalog: ComputeCatalog = createComputeCatalog(context);

  /** The rendered instances or disks of one zone, in the requested order. */
  const renderedInZone = (
    projectId: string,
    zone: string,
    kind: 'instances' | 'disks',
    orderBy: ListQuery['orderBy'],
  ): RenderedResource[] =>
    kind === 'instances'
      ? sortResources(catalog.instancesInZone(projectId, zone), orderBy).map((item) => catalog.instance(item))
      : sortResources(catalog.disksInZone(projectId, zone), orderBy).map((item) => catalog.disk(item));

  const listZoneResources = (
    request: WireRequest,
    project: EstateAccount,
    zone: string,
    kind: 'instances' | 'disks',
  ): WireResponse => {
    const query = parseListQuery(request, context.pageSizeCap, project.id, 'zone', zone, kind);
    const matching = renderedInZone(project.id, zone, kind, query.orderBy).filter((item) =>
      query.filter(item.object),
    );
    const page = slicePage(matching, query.offset, query.pageSize);
    const path = `projects/${project.id}/zones/${zone}/${kind}`;
    return gcpJsonResponse(
      serializeList(
        { kind: kind === 'instances' ? 'compute#instanceList' : 'compute#diskList', id: path },
        'items',
        page.items.map((item) => item.json('name')),
        {
          nextPageToken:
            page.nextOffset === undefined ? undefined : encodePageToken(query.fingerprint, page.nextOffset),
          selfLink: computeUrl(path),
        },
      ),
    );
  };

  const aggregatedList = (
    request: WireRequest,
    project: EstateAccount,
    kind: 'instances' | 'disks',
  ): WireResponse => {
    const query = parseListQuery(request, context.pageSizeCap, project.id, 'aggregated', kind);
    const scoped: { scope: string; rendered: RenderedResource }[] = [];
    for (const zone of context.zones) {
      for (const rendered of renderedInZone(project.id, zone, kind, query.orderBy)) {
        if (query.filter(rendered.object)) scoped.push({ scope: `zones/${zone}`, rendered });
      }
    }
    const page = slicePage(scoped, query.offset, query.pageSize);
    const byScope = new Map<string, string[]>();
    for (const entry of page.items) {
      const list = byScope.get(entry.scope);
      if (list) list.push(entry.rendered.json('name'));
      else byScope.set(entry.scope, [entry.rendered.json('name')]);
    }
    // Every scope appears on every page; scopes without results carry Compute's warning.
    const scopes = context.zones.map((zone) => `zones/${zone}`);
    if (kind === 'disks') scopes.push(...context.regions.map((region) => `regions/${region.name}`));
    const entries = scopes.map((scope) => {
      const items = byScope.get(scope);
      const value =
        items === undefined
          ? JSON.stringify({
              warning: {
                code: 'NO_RESULTS_ON_PAGE',
                message: `There are no results for scope '${scope}' on this page.`,
                data: [{ key: 'scope', value: scope }],
              },
            })
          : `{${JSON.stringify(kind)}:[${items.join(',')}]}`;
      return `${JSON.stringify(scope)}:${value}`;
    });
    const path = `projects/${project.id}/aggregated/${kind}`;
    const head = JSON.stringify({
      kind: kind === 'instances' ? 'compute#instanceAggregatedList' : 'compute#diskAggregatedList',
      id: path,
    }).slice(0, -1);
    const tail: JsonObject = {};
    if (page.nextOffset !== undefined)
      tail.nextPageToken = encodePageToken(query.fingerprint, page.nextOffset);
    tail.selfLink = computeUrl(path);
    return gcpJsonResponse(`${head},"items":{${entries.join(',')}},${JSON.stringify(tail).slice(1)}`);
  };

  const listScopes = (
    request: WireRequest,
    project: EstateAccount,
    kind: 'zones' | 'regions',
  ): WireResponse => {
    const query = parseListQuery(request, context.pageSizeCap, project.id, kind);
    const rendered =
      kind === 'zones'
        ? context.zones.map((zone) => catalog.zone(project.id, zone)!)
        : context.regions.map((region) => catalog.region(project.id, region.name)!);
    const page = slicePage(
      rendered.filter((item) => query.filter(item.object)),
      query.offset,
      query.pageSize,
    );
    const path = `projects/${project.id}/${kind}`;
    return gcpJsonResponse(
      serializeList(
        { kind: kind === 'zones' ? 'compute#zoneList' : 'compute#regionList', id: path },
        'items',
        page.items.map((item) => item.json('name')),
        {
          nextPageToken:
            page.nextOffset === undefined ? undefined : encodePageToken(query.fingerprint, page.nextOffset),
          selfLink: computeUrl(path),
        },
      ),
    );
  };

  const notFound = (path: string): never => {
    throw new GcpRequestError({ kind: 'not_found', message: `The resource '${path}' was not found` });
  };

  return (request, segments) => {
    if (segments[0] !== 'projects' || segments[1] === undefined || segments[1] === '') return undefined;
    const projectId = segments[1];
    const rest = segments.slice(2);
    const method = request.method.toUpperCase();
    const zone = rest[0] === 'zones' ? rest[1] : undefined;
    const region =
      zone !== undefined
        ? context.regionOfZone(zone)
        : rest[0] === 'regions' && rest[1] !== undefined
          ? rest[1]
          : undefined;
    const base = {
      service: 'compute' as const,
      account: projectId,
      ...(region === undefined ? {} : { region }),
    };

    if (method !== 'GET') {
      if (method !== 'POST' && method !== 'PUT' && method !== 'PATCH' && method !== 'DELETE')
        return undefined;
      return gcpRoute({ ...base, operation: mutatingOperation(method, rest), mutating: true });
    }

    const [first, second, third, fourth] = rest;
    const project = (permission: string): EstateAccount =>
      requireProject(context, 'compute', projectId, permission);

    if (rest.length === 0) {
      return gcpRoute({
        ...base,
        operation: 'projects.get',
        serve: () => gcpJsonResponse(catalog.project(project('compute.projects.get')).json('name')),
      });
    }
    if (first === 'aggregated' && (second === 'instances' || second === 'disks') && rest.length === 2) {
      return gcpRoute({
        ...base,
        operation: `${second}.aggregatedList`,
        serve: () => aggregatedList(request, project(`compute.${second}.list`), second),
      });
    }
    if ((first === 'zones' || first === 'regions') && rest.length === 1) {
      return gcpRoute({
        ...base,
        operation: `${first}.list`,
        serve: () => listScopes(request, project(`compute.${first}.list`), first),
      });
    }
    if (first === 'zones' && second !== undefined && rest.length === 2) {
      return gcpRoute({
        ...base,
        operation: 'zones.get',
        serve: () => {
          const found = catalog.zone(project('compute.zones.get').id, second);
          return gcpJsonResponse(
            found ? found.json('name') : notFound(`projects/${projectId}/zones/${second}`),
          );
        },
      });
    }
    if (first === 'regions' && second !== undefined && rest.length === 2) {
      return gcpRoute({
        ...base,
        operation: 'regions.get',
        serve: () => {
          const found = catalog.region(project('compute.regions.get').id, second);
          return gcpJsonResponse(
            found ? found.json('name') : notFound(`projects/${projectId}/regions/${second}`),
          );
        },
      });
    }
    if (first === 'zones' && second !== undefined && (third === 'instances' || third === 'disks')) {
      const zoneKnown = (): void => {
        if (catalog.zone(projectId, second) === undefined) notFound(`projects/${projectId}/zones/${second}`);
      };
      if (rest.length === 3) {
        return gcpRoute({
          ...base,
          operation: `${third}.list`,
          serve: () => {
            const owner = project(`compute.${third}.list`);
            zoneKnown();
            return listZoneResources(request, owner, second, third);
          },
        });
      }
      if (rest.length === 4 && fourth !== undefined) {
        return gcpRoute({
          ...base,
          operation: `${third}.get`,
          serve: () => {
            const owner = project(`compute.${third}.get`);
            zoneKnown();
            const path = `projects/${owner.id}/zones/${second}/${third}/${fourth}`;
            if (third === 'instances') {
              const found = catalog.instanceByName(owner.id, second, fourth);
              return gcpJsonResponse(found ? catalog.instance(found).json('name') : notFound(path));
            }
            const found = catalog.diskByName(owner.id, second, fourth);
            return gcpJsonResponse(found ? catalog.disk(found).json('name') : notFound(path));
          },
        });
      }
    }
    return undefined;
  };
}
