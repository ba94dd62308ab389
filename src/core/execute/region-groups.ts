import type { Provider } from '../ports/cloud-port.js';
import type { RegionGroup } from '../plan/query-plan.js';

const AZURE_GROUPS: Record<RegionGroup, RegExp> = {
  eu: /^(west|north)europe$|^(uk|france|germany|switzerland|norway|sweden|poland|italy|spain)/,
  us: /^(east|west|central|north|south|westcentral)us\d?$|^(centralus|eastus|westus)/,
  asia: /^(east|southeast)asia$|^(japan|korea|india|central ?india|south ?india|west ?india|australia|indonesia)/,
};

/** True when `region` (a provider's region code) belongs to a provider-neutral region group. */
export function isInRegionGroup(provider: Provider, region: string, group: RegionGroup): boolean {
  const r = region.toLowerCase();
  switch (provider) {
    case 'aws':
      return group === 'eu'
        ? r.startsWith('eu-')
        : group === 'us'
          ? r.startsWith('us-')
          : r.startsWith('ap-');
    case 'gcp':
      return group === 'eu'
        ? r.startsWith('europe-')
        : group === 'us'
          ? r.startsWith('us-')
          : r.startsWith('asia-');
    case 'azure':
      return AZURE_GROUPS[group].test(r);
  }
}
