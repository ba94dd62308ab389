import type { EstateFunction } from '../estate/model.js';
import { findAzureLocation } from './azure-locations.js';
import { deterministicGuid } from './deterministic-guid.js';
import { tagsMember, type JsonObject } from './json-value.js';

/** The consumption plan a Linux function app runs on (`WestEuropeLinuxDynamicPlan`, as the portal names it). */
function serverFarmId(site: EstateFunction, subscription: string, resourceGroup: string): string {
  const plan = `${findAzureLocation(site.region).displayName.replace(/\s+/g, '')}LinuxDynamicPlan`;
  return `/subscriptions/${subscription}/resourceGroups/${resourceGroup}/providers/Microsoft.Web/serverfarms/${plan}`;
}

/**
 * The site configuration of a function app (`WebApps_GetConfiguration`, `…/config/web`). The
 * estate's runtime (`PYTHON|3.11`) is the `linuxFxVersion`.
 */
export function toSiteConfigProperties(site: EstateFunction): JsonObject {
  return {
    numberOfWorkers: 1,
    defaultDocuments: ['Default.htm', 'Default.html', 'index.html', 'hostingstart.html'],
    netFrameworkVersion: 'v4.0',
    phpVersion: '',
    pythonVersion: '',
    nodeVersion: '',
    powerShellVersion: '',
    linuxFxVersion: site.runtime,
    requestTracingEnabled: false,
    remoteDebuggingEnabled: false,
    httpLoggingEnabled: false,
    acrUseManagedIdentityCreds: false,
    logsDirectorySizeLimit: 35,
    detailedErrorLoggingEnabled: false,
    publishingUsername: `$${site.name}`,
    scmType: 'None',
    use32BitWorkerProcess: false,
    webSocketsEnabled: false,
    alwaysOn: false,
    appCommandLine: '',
    managedPipelineMode: 'Integrated',
    virtualApplications: [{ virtualPath: '/', physicalPath: 'site\\wwwroot', preloadEnabled: false }],
    loadBalancing: 'LeastRequests',
    autoHealEnabled: false,
    vnetName: '',
    cors: { allowedOrigins: ['https://portal.azure.com'], supportCredentials: false },
    localMySqlEnabled: false,
    ipSecurityRestrictions: [
      {
        ipAddress: 'Any',
        action: 'Allow',
        priority: 2147483647,
        name: 'Allow all',
        description: 'Allow all access',
      },
    ],
    scmIpSecurityRestrictionsUseMain: false,
    http20Enabled: false,
    minTlsVersion: '1.2',
    scmMinTlsVersion: '1.2',
    ftpsState: 'FtpsOnly',
    preWarmedInstanceCount: 0,
    functionAppScaleLimit: 200,
    functionsRuntimeScaleMonitoringEnabled: false,
    minimumElasticInstanceCount: 0,
    azureStorageAccounts: {},
  };
}

/** `WebApps_GetConfiguration`: the `config/web` child resource. */
export function toSiteConfigJson(site: EstateFunction): JsonObject {
  return {
    id: `${site.id}/config/web`,
    name: site.name,
    type: 'Microsoft.Web/sites/config',
    location: findAzureLocation(site.region).displayName,
    tags: tagsMember(site.tags),
    properties: toSiteConfigProperties(site),
  };
}

/**
 * A Linux function app as `WebApps_List` returns it: `kind` `functionapp,linux`, `state`
 * `Running|Stopped`, `siteConfig.linuxFxVersion`, host names, `resourceGroup`. Like the real
 * `Microsoft.Web` provider, `location` is the region's display name (`West Europe`), not its
 * programmatic name. Times use RFC 3339 with `Z`, as the REST reference's `date-time` format says.
 */
export function toWebSiteJson(site: EstateFunction, subscription: string, resourceGroup: string): JsonObject {
  const hostName = `${site.name.toLowerCase()}.azurewebsites.net`;
  const scmHostName = `${site.name.toLowerCase()}.scm.azurewebsites.net`;
  const location = findAzureLocation(site.region).displayName;
  const running = site.state === 'Running';
  return {
    id: site.id,
    name: site.name,
    type: 'Microsoft.Web/sites',
    kind: 'functionapp,linux',
    location,
    tags: tagsMember(site.tags),
    properties: {
      name: site.name,
      state: site.state,
      hostNames: [hostName],
      webSpace: `${resourceGroup}-${location.replace(/\s+/g, '')}webspace-Linux`,
      selfLink: `https://waws-prod-${findAzureLocation(site.region).code.toLowerCase()}-001.api.azurewebsites.windows.net:454/subscriptions/${subscription}/webspaces/${resourceGroup}-${location.replace(/\s+/g, '')}webspace-Linux/sites/${site.name}`,
      repositorySiteName: site.name,
      usageState: 'Normal',
      enabled: true,
      adminEnabled: true,
      enabledHostNames: running ? [hostName, scmHostName] : [scmHostName],
      availabilityState: 'Normal',
      hostNameSslStates: [
        { name: hostName, sslState: 'Disabled', hostType: 'Standard' },
        { name: scmHostName, sslState: 'Disabled', hostType: 'Repository' },
      ],
      serverFarmId: serverFarmId(site, subscription, resourceGroup),
      reserved: true,
      isXenon: false,
      hyperV: false,
      lastModifiedTimeUtc: site.lastModified,
      storageRecoveryDefaultState: 'Running',
      contentAvailabilityState: 'Normal',
      runtimeAvailabilityState: 'Normal',
      vnetRouteAllEnabled: false,
      siteConfig: {
        numberOfWorkers: 1,
        linuxFxVersion: site.runtime,
        acrUseManagedIdentityCreds: false,
        alwaysOn: false,
        http20Enabled: false,
        functionAppScaleLimit: 200,
        minimumElasticInstanceCount: 0,
      },
      deploymentId: site.name,
      sku: 'Dynamic',
      scmSiteAlsoStopped: false,
      clientAffinityEnabled: false,
      clientCertEnabled: false,
      clientCertMode: 'Required',
      hostNamesDisabled: false,
      customDomainVerificationId: deterministicGuid(`site/${site.id.toLowerCase()}`)
        .replace(/-/g, '')
        .toUpperCase(),
      kind: 'functionapp,linux',
      containerSize: site.memoryMb,
      dailyMemoryTimeQuota: 0,
      siteDisabledReason: 0,
      resourceGroup,
      defaultHostName: hostName,
      httpsOnly: true,
      redundancyMode: 'None',
      publicNetworkAccess: 'Enabled',
      storageAccountRequired: false,
      keyVaultReferenceIdentity: 'SystemAssigned',
      defaultHostNameScope: 'Global',
    },
  };
}
