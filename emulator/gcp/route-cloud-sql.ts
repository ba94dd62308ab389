import type { EstateAccount, EstateDatabase } from '../estate/model.js';
import type { OperationRoute, WireRequest } from '../server/wire.js';
import {
  deriveAlphanumeric,
  deriveDecimalId,
  deriveIpv4,
  usesCustomerManagedKey,
} from './derive-gcp-value.js';
import type { GcpContext } from './gcp-context.js';
import { SQL_INSTANCE_ENUMS } from './gcp-enums.js';
import {
  enumEncodingOf,
  gcpJsonResponse,
  memoize,
  renderResource,
  serializeList,
  type JsonObject,
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

/** `instances.list`: at most 500 per page unless asked, never more than 1,000. */
const SQL_DEFAULT_PAGE_SIZE = 500;
const SQL_MAX_PAGE_SIZE = 1000;

/** The Cloud SQL Admin API versions served: `v1` (`/v1/…`) and `v1beta4` (`/sql/v1beta4/…`). */
export type SqlApiVersion = 'v1' | 'v1beta4';

/** Routes Cloud SQL Admin requests; `segments` start after the version prefix (`projects/{p}/instances…`). */
export type CloudSqlRouter = (
  request: WireRequest,
  segments: readonly string[],
  version: SqlApiVersion,
) => OperationRoute | undefined;

/** `POSTGRES_15_8` from engine `POSTGRES_15` and version `15.8`; the engine when the version does not fit. */
function installedVersion(database: EstateDatabase): string {
  const parts = database.engineVersion.split('.');
  const majorInEngine = database.engine.match(/_(\d+)(?:_(\d+))?$/);
  if (!majorInEngine || !/^\d+$/.test(parts[0] ?? '')) return database.engine;
  if (database.engine.startsWith('MYSQL_') && parts.length >= 3) return `${database.engine}_${parts[2]}`;
  if (database.engine.startsWith('POSTGRES_') && parts.length >= 2) return `${database.engine}_${parts[1]}`;
  return database.engine;
}

function secondaryZone(context: GcpContext, database: EstateDatabase): string | undefined {
  const zones = context.regions.find((region) => region.name === database.region)?.zones ?? [];
  return [...zones].sort().find((zone) => zone !== database.zone);
}

function renderSqlInstance(
  context: GcpContext,
  database: EstateDatabase,
  project: EstateAccount | undefined,
  version: SqlApiVersion,
): RenderedResource {
  const number = project?.number ?? deriveDecimalId(`project:${database.account}`, 12);
  // Cloud SQL has no STOPPED state: a stopped instance is RUNNABLE with activation policy NEVER.
  const stopped = database.status === 'STOPPED';
  const state = stopped ? 'RUNNABLE' : database.status;
  const regional = database.multiAz;
  const secondary = regional ? secondaryZone(context, database) : undefined;
  const ipAddresses: JsonObject[] = database.publiclyAccessible
    ? [{ type: 'PRIMARY', ipAddress: deriveIpv4(`sql-public:${database.account}:${database.name}`, 34) }]
    : [{ type: 'PRIVATE', ipAddress: deriveIpv4(`sql-private:${database.account}:${database.name}`, 10) }];
  const selfLinkBase =
    version === 'v1' ? 'https://sqladmin.googleapis.com/v1' : 'https://sqladmin.googleapis.com/sql/v1beta4';
  const object: JsonObject = {
    kind: 'sql#instance',
    state,
    databaseVersion: database.engine,
    settings: {
      authorizedGaeApplications: [],
      tier: database.instanceClass,
      kind: 'sql#settings',
      ...(Object.keys(database.tags).length > 0 ? { userLabels: database.tags } : {}),
      availabilityType: regional ? 'REGIONAL' : 'ZONAL',
      pricingPlan: 'PER_USE',
      replicationType: 'SYNCHRONOUS',
      activationPolicy: stopped ? 'NEVER' : 'ALWAYS',
      ipConfiguration: {
        ipv4Enabled: database.publiclyAccessible,
        ...(database.publiclyAccessible
          ? {}
          : { privateNetwork: `projects/${database.account}/global/networks/default` }),
        authorizedNetworks: [],
        sslMode: 'ALLOW_UNENCRYPTED_AND_ENCRYPTED',
        requireSsl: false,
      },
      locationPreference: {
        zone: database.zone,
        ...(secondary === undefined ? {} : { secondaryZone: secondary }),
        kind: 'sql#locationPreference',
      },
      dataDiskType: 'PD_SSD',
      backupConfiguration: {
        startTime: '02:00',
        kind: 'sql#backupConfiguration',
        enabled: true,
        backupRetentionSettings: { retentionUnit: 'COUNT', retainedBackups: 7 },
        transactionLogRetentionDays: 7,
        pointInTimeRecoveryEnabled: database.engine.startsWith('POSTGRES'),
      },
      settingsVersion: '1',
      storageAutoResizeLimit: '0',
      storageAutoResize: true,
      dataDiskSizeGb: String(database.storageGb),
      edition: 'ENTERPRISE',
      deletionProtectionEnabled: false,
    },
    etag: deriveAlphanumeric(`sql-etag:${database.account}:${database.name}`, 64),
    ipAddresses,
    instanceType: 'CLOUD_SQL_INSTANCE',
    project: database.account,
    serviceAccountEmailAddress: `p${number}-${deriveAlphanumeric(`sql-sa:${database.account}`, 6)}@gcp-sa-cloud-sql.iam.gserviceaccount.com`,
    backendType: 'SECOND_GEN',
    selfLink: `${selfLinkBase}/projects/${database.account}/instances/${database.name}`,
    connectionName: `${database.account}:${database.region}:${database.name}`,
    name: database.name,
    region: database.region,
    gceZone: database.zone,
    ...(secondary === undefined ? {} : { secondaryGceZone: secondary }),
    ...(database.encrypted && usesCustomerManagedKey(`sql:${database.account}:${database.name}`)
      ? {
          diskEncryptionConfiguration: {
            kmsKeyName: `projects/${database.account}/locations/${database.region}/keyRings/cloudsql/cryptoKeys/${database.name}`,
            kind: 'sql#diskEncryptionConfiguration',
          },
          diskEncryptionStatus: {
            kmsKeyVersionName: `projects/${database.account}/locations/${database.region}/keyRings/cloudsql/cryptoKeys/${database.name}/cryptoKeyVersions/1`,
            kind: 'sql#diskEncryptionStatus',
          },
        }
      : {}),
    databaseInstalledVersion: installedVersion(database),
    createTime: database.createdTime,
  };
  return renderResource(object, SQL_INSTANCE_ENUMS);
}

/** Creates the Cloud SQL Admin router over an estate. */
export function createCloudSqlRouter(context: GcpContext): CloudSqlRouter {
  const databasesOf = memoize((account: string): EstateDatabase[] => {
    const project = context.project(account);
    if (!project) return [];
    return context
      .projectRegions(project)
      .flatMap((region) => context.index.databasesIn('gcp', account, region))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  });
  // Instance names are unique within a project only, so look them up per project.
  const rendered = memoize((key: string): RenderedResource | undefined => {
    const [version, account, name] = key.split('\u0000') as [SqlApiVersion, string, string];
    const database = databasesOf(account).find((candidate) => candidate.name === name);
    return database === undefined
      ? undefined
      : renderSqlInstance(context, database, context.project(account), version);
  });

  return (request, segments, version) => {
    if (segments[0] !== 'projects' || segments[2] !== 'instances') return undefined;
    const projectId = segments[1] ?? '';
    const instanceName = segments[3];
    const verb = segments[4];
    const method = request.method.toUpperCase();
    const base = { service: 'sqladmin' as const, account: projectId };
    if (segments.length > 5) return undefined;

    if (instanceName === undefined) {
      if (method === 'POST') return gcpRoute({ ...base, operation: 'instances.insert', mutating: true });
      if (method !== 'GET') return undefined;
      return gcpRoute({
        ...base,
        operation: 'instances.list',
        serve: () => {
          const project = requireProject(context, 'sqladmin', projectId, 'cloudsql.instances.list');
          const params = request.url.searchParams;
          const filterText = params.get('filter') ?? '';
          let filter;
          try {
            filter = parseListFilter(filterText, { allowRegex: false });
          } catch (error) {
            if (!(error instanceof FilterSyntaxError)) throw error;
            return invalidArgument(`Invalid request: Invalid filter: ${error.message}`, 'filter');
          }
          const fingerprint = queryFingerprint(version, project.id, filterText);
          const pageSize = resolvePageSize(
            parseIntegerParameter(params.get('maxResults'), 'maxResults'),
            SQL_DEFAULT_PAGE_SIZE,
            SQL_MAX_PAGE_SIZE,
            context.pageSizeCap,
          );
          const offset = decodeOffsetToken(params.get('pageToken'), fingerprint);
          const items = databasesOf(project.id)
            .map((database) => rendered(`${version}\u0000${project.id}\u0000${database.name}`))
            .filter((item): item is RenderedResource => item !== undefined && filter(item.object));
          const page = slicePage(items, offset, pageSize);
          const encoding = enumEncodingOf(request);
          return gcpJsonResponse(
            serializeList(
              { kind: 'sql#instancesList' },
              'items',
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

    if (verb !== undefined) {
      return method === 'GET'
        ? undefined
        : gcpRoute({ ...base, operation: `instances.${verb}`, mutating: true });
    }
    if (method === 'DELETE') return gcpRoute({ ...base, operation: 'instances.delete', mutating: true });
    if (method === 'PATCH') return gcpRoute({ ...base, operation: 'instances.patch', mutating: true });
    if (method === 'PUT') return gcpRoute({ ...base, operation: 'instances.update', mutating: true });
    if (method !== 'GET') return undefined;
    const database = databasesOf(projectId).find((candidate) => candidate.name === instanceName);
    return gcpRoute({
      ...base,
      ...(database === undefined ? {} : { region: database.region }),
      operation: 'instances.get',
      serve: () => {
        const project = requireProject(context, 'sqladmin', projectId, 'cloudsql.instances.get');
        const found = rendered(`${version}\u0000${project.id}\u0000${instanceName}`);
        if (!found) {
          throw new GcpRequestError({
            kind: 'not_found',
            message: 'The Cloud SQL instance does not exist.',
            legacyReason: 'instanceDoesNotExist',
          });
        }
        return gcpJsonResponse(found.json(enumEncodingOf(request)));
      },
    });
  };
}
