import type { EstateAccount, EstateFunction } from '../estate/model.js';
import type { OperationRoute, WireRequest } from '../server/wire.js';
import { deriveAlphanumeric, deriveDecimalId, deriveHex } from './derive-gcp-value.js';
import type { GcpContext } from './gcp-context.js';
import { FUNCTION_ENUMS } from './gcp-enums.js';
import {
  enumEncodingOf,
  gcpJsonResponse,
  memoize,
  renderResource,
  serializeList,
  type RenderedResource,
} from './gcp-json.js';
import {
  decodeOffsetToken,
  encodePageToken,
  parseIntegerParameter,
  queryFingerprint,
  resolvePageSize,
  slicePage,
} from './gcp-paging.js';
import { gcpRoute, requireProject } from './gcp-route.js';
import { FilterSyntaxError, parseListFilter } from './parse-list-filter.js';
import { GcpRequestError, invalidArgument } from './render-gcp-error.js';

/** Cloud Functions v2 `functions.list`: 1,000 is both the default and the largest page. */
const FUNCTIONS_MAX_PAGE_SIZE = 1000;

/** Routes Cloud Functions v2 requests (`/v2/projects/{p}/locations/{l}/functions…`). */
export type CloudFunctionsRouter = (
  request: WireRequest,
  segments: readonly string[],
) => OperationRoute | undefined;

/** The two-letter region code Cloud Run puts in service URLs (`…-ew.a.run.app`). */
function runRegionCode(region: string): string {
  const known: Readonly<Record<string, string>> = {
    'us-central1': 'uc',
    'us-east1': 'ue',
    'us-west1': 'uw',
    'europe-west1': 'ew',
    'europe-west2': 'nw',
    'asia-east1': 'de',
  };
  return known[region] ?? region.replace(/[^a-z]/g, '').slice(0, 2);
}

/** `256M`, `512M`, `1Gi`, `2Gi`: how Cloud Functions v2 reports `availableMemory`. */
function availableMemory(memoryMb: number): string {
  return memoryMb >= 1024 && memoryMb % 1024 === 0 ? `${memoryMb / 1024}Gi` : `${memoryMb}M`;
}

/** The CPU share Cloud Functions allots to a memory size. */
function availableCpu(memoryMb: number): string {
  if (memoryMb <= 128) return '0.0833';
  if (memoryMb <= 256) return '0.1666';
  if (memoryMb <= 512) return '0.3333';
  if (memoryMb <= 1024) return '0.5833';
  if (memoryMb <= 2048) return '1';
  if (memoryMb <= 8192) return '2';
  if (memoryMb <= 16_384) return '4';
  return '8';
}

function renderFunction(item: EstateFunction, project: EstateAccount | undefined): RenderedResource {
  const number = project?.number ?? deriveDecimalId(`project:${item.account}`, 12);
  const name = `projects/${item.account}/locations/${item.region}/functions/${item.name}`;
  const serviceAccount = `${number}-compute@developer.gserviceaccount.com`;
  return renderResource(
    {
      name,
      buildConfig: {
        build: `projects/${number}/locations/${item.region}/builds/${deriveHex(`build:${item.id}`, 8)}-${deriveHex(`build2:${item.id}`, 4)}-${deriveHex(`build3:${item.id}`, 4)}-${deriveHex(`build4:${item.id}`, 4)}-${deriveHex(`build5:${item.id}`, 12)}`,
        runtime: item.runtime,
        entryPoint: item.handler,
        source: {
          storageSource: {
            bucket: `gcf-v2-sources-${number}-${item.region}`,
            object: `${item.name}/function-source.zip`,
            generation: String(Date.parse(item.lastModified) * 1000),
          },
        },
        dockerRegistry: 'ARTIFACT_REGISTRY',
        dockerRepository: `projects/${item.account}/locations/${item.region}/repositories/gcf-artifacts`,
        serviceAccount: `projects/${item.account}/serviceAccounts/${serviceAccount}`,
      },
      serviceConfig: {
        service: `projects/${item.account}/locations/${item.region}/services/${item.name}`,
        timeoutSeconds: item.timeoutSeconds,
        maxInstanceCount: 100,
        ingressSettings: 'ALLOW_ALL',
        uri: `https://${item.name}-${deriveAlphanumeric(`uri:${item.id}`, 10)}-${runRegionCode(item.region)}.a.run.app`,
        serviceAccountEmail: serviceAccount,
        availableMemory: availableMemory(item.memoryMb),
        allTrafficOnLatestRevision: true,
        revision: `${item.name}-00001-${deriveAlphanumeric(`revision:${item.id}`, 3)}`,
        maxInstanceRequestConcurrency: 1,
        availableCpu: availableCpu(item.memoryMb),
        securityLevel: 'SECURE_ALWAYS',
      },
      state: item.state,
      updateTime: item.lastModified,
      ...(Object.keys(item.tags).length > 0 ? { labels: item.tags } : {}),
      environment: 'GEN_2',
      url: `https://${item.region}-${item.account}.cloudfunctions.net/${item.name}`,
      createTime: item.createdTime,
    },
    FUNCTION_ENUMS,
  );
}

const ORDER_FIELDS = new Set(['name', 'createTime', 'updateTime', 'state']);

/** Creates the Cloud Functions v2 router over an estate. */
export function createCloudFunctionsRouter(context: GcpContext): CloudFunctionsRouter {
  const rendered = memoize((item: EstateFunction) => renderFunction(item, context.project(item.account)));

  const functionsOf = (project: EstateAccount, location: string): EstateFunction[] => {
    const regions = location === '-' ? context.projectRegions(project) : [location];
    const all = regions.flatMap((region) => context.index.functionsIn('gcp', project.id, region));
    return all.sort((a, b) => {
      const left = rendered(a).object.name as string;
      const right = rendered(b).object.name as string;
      return left < right ? -1 : left > right ? 1 : 0;
    });
  };

  return (request, segments) => {
    // segments: projects/{p}/locations/{l}/functions[/{f}[:verb]]
    if (segments[0] !== 'projects' || segments[2] !== 'locations' || segments[4] === undefined)
      return undefined;
    const projectId = segments[1] ?? '';
    const location = segments[3] ?? '';
    const collection = segments[4];
    const method = request.method.toUpperCase();
    const base = {
      service: 'cloudfunctions' as const,
      account: projectId,
      ...(location === '-' || location === '' ? {} : { region: location }),
    };
    const collectionVerb = /^functions:(\w+)$/.exec(collection);
    if (collectionVerb)
      return gcpRoute({ ...base, operation: `functions.${collectionVerb[1]}`, mutating: true });
    if (collection !== 'functions' || segments.length > 6) return undefined;
    const functionSegment = segments[5];

    if (functionSegment === undefined) {
      if (method === 'POST') return gcpRoute({ ...base, operation: 'functions.create', mutating: true });
      if (method !== 'GET') return undefined;
      return gcpRoute({
        ...base,
        operation: 'functions.list',
        serve: () => {
          const parent = `projects/${projectId}/locations/${location}`;
          const project = requireProject(
            context,
            'cloudfunctions',
            projectId,
            'cloudfunctions.functions.list',
            parent,
          );
          const params = request.url.searchParams;
          const filterText = params.get('filter') ?? '';
          const orderText = (params.get('orderBy') ?? '').trim();
          let filter;
          try {
            filter = parseListFilter(filterText, { allowRegex: false });
          } catch (error) {
            if (!(error instanceof FilterSyntaxError)) throw error;
            return invalidArgument(`Invalid filter: ${error.message}`, 'filter');
          }
          const order = /^(\w+)(?:\s+(asc|desc))?$/.exec(orderText);
          if (orderText !== '' && (!order || !ORDER_FIELDS.has(order[1]!))) {
            invalidArgument(`Invalid order_by: '${orderText}'.`, 'order_by');
          }
          const fingerprint = queryFingerprint(parent, filterText, orderText);
          const pageSize = resolvePageSize(
            parseIntegerParameter(params.get('pageSize'), 'pageSize'),
            FUNCTIONS_MAX_PAGE_SIZE,
            FUNCTIONS_MAX_PAGE_SIZE,
            context.pageSizeCap,
          );
          const offset = decodeOffsetToken(params.get('pageToken'), fingerprint);
          let items = functionsOf(project, location)
            .map((item) => rendered(item))
            .filter((item) => filter(item.object));
          if (order) {
            const field = order[1]!;
            const direction = order[2] === 'desc' ? -1 : 1;
            items = [...items].sort((a, b) => {
              const left = JSON.stringify(a.object[field] ?? '');
              const right = JSON.stringify(b.object[field] ?? '');
              return (left < right ? -1 : left > right ? 1 : 0) * direction;
            });
          }
          const page = slicePage(items, offset, pageSize);
          const encoding = enumEncodingOf(request);
          return gcpJsonResponse(
            serializeList(
              {},
              'functions',
              page.items.map((item) => item.json(encoding)),
              {
                nextPageToken:
                  page.nextOffset === undefined ? undefined : encodePageToken(fingerprint, page.nextOffset),
              },
            ),
          );
        },
      });
    }

    const verb = /^([^:]+):(\w+)$/.exec(functionSegment);
    if (verb) return gcpRoute({ ...base, operation: `functions.${verb[2]}`, mutating: true });
    if (method === 'DELETE') return gcpRoute({ ...base, operation: 'functions.delete', mutating: true });
    if (method === 'PATCH') return gcpRoute({ ...base, operation: 'functions.patch', mutating: true });
    if (method !== 'GET') return undefined;
    return gcpRoute({
      ...base,
      operation: 'functions.get',
      serve: () => {
        const name = `projects/${projectId}/locations/${location}/functions/${functionSegment}`;
        const project = requireProject(
          context,
          'cloudfunctions',
          projectId,
          'cloudfunctions.functions.get',
          name,
        );
        const found = context.index.function('gcp', project.id, location, functionSegment);
        if (!found)
          throw new GcpRequestError({ kind: 'not_found', message: `Resource '${name}' was not found` });
        return gcpJsonResponse(rendered(found).json(enumEncodingOf(request)));
      },
    });
  };
}
