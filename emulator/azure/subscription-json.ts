import type { EstateAccount } from '../estate/model.js';
import type { AzureLocation } from './azure-locations.js';
import type { JsonObject } from './json-value.js';

/** A subscription as `Subscriptions_List` / `Subscriptions_Get` return it. */
export function toSubscriptionJson(account: EstateAccount, tenantId: string): JsonObject {
  return {
    id: `/subscriptions/${account.id}`,
    authorizationSource: 'RoleBased',
    managedByTenants: [],
    subscriptionId: account.id,
    tenantId,
    displayName: account.name,
    state: 'Enabled',
    subscriptionPolicies: {
      locationPlacementId: 'Public_2014-09-01',
      quotaId: 'PayAsYouGo_2014-09-01',
      spendingLimit: 'Off',
    },
  };
}

/**
 * A location as `Subscriptions_ListLocations` returns it, with geography metadata, the paired
 * region and, for regions with zones, the logical-to-physical zone mapping.
 */
export function toLocationJson(
  subscriptionId: string,
  location: AzureLocation,
  zones: readonly string[],
): JsonObject {
  return {
    id: `/subscriptions/${subscriptionId}/locations/${location.name}`,
    name: location.name,
    type: 'Region',
    displayName: location.displayName,
    regionalDisplayName: `(${location.geographyGroup}) ${location.displayName}`,
    metadata: {
      regionType: 'Physical',
      regionCategory: 'Recommended',
      geography: location.geography,
      geographyGroup: location.geographyGroup,
      longitude: location.longitude,
      latitude: location.latitude,
      physicalLocation: location.physicalLocation,
      pairedRegion:
        location.pairedRegion === undefined
          ? []
          : [
              {
                name: location.pairedRegion,
                id: `/subscriptions/${subscriptionId}/locations/${location.pairedRegion}`,
              },
            ],
    },
    availabilityZoneMappings:
      zones.length === 0
        ? undefined
        : zones.map((zone) => ({ logicalZone: zone, physicalZone: `${location.name}-az${zone}` })),
  };
}

/** A resource group as `ResourceGroups_List` / `_Get` return it. */
export function toResourceGroupJson(subscriptionId: string, name: string, location: string): JsonObject {
  return {
    id: `/subscriptions/${subscriptionId}/resourceGroups/${name}`,
    name,
    type: 'Microsoft.Resources/resourceGroups',
    location,
    properties: { provisioningState: 'Succeeded' },
  };
}
