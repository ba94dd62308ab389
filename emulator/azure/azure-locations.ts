/**
 * The Azure public-cloud locations the emulator knows, with the metadata ARM returns from
 * `Subscriptions_ListLocations` and the short codes Azure uses in default workspace names.
 */

/** One Azure location. */
export interface AzureLocation {
  /** Programmatic name (`westeurope`). */
  readonly name: string;
  /** Display name (`West Europe`), also what `Microsoft.Web` puts in a site's `location`. */
  readonly displayName: string;
  /** Geography group shown in `regionalDisplayName` (`Europe`, `US`, `Asia Pacific`…). */
  readonly geographyGroup: string;
  /** Geography (`Europe`, `United States`…). */
  readonly geography: string;
  readonly physicalLocation: string;
  readonly latitude: string;
  readonly longitude: string;
  /** Paired region name, when the region has one. */
  readonly pairedRegion?: string;
  /** Short code of default Log Analytics workspaces (`DefaultWorkspace-{sub}-WEU`). */
  readonly code: string;
}

type Row = readonly [
  name: string,
  displayName: string,
  geographyGroup: string,
  geography: string,
  physicalLocation: string,
  latitude: string,
  longitude: string,
  pairedRegion: string,
  code: string,
];

const ROWS: readonly Row[] = [
  ['eastus', 'East US', 'US', 'United States', 'Virginia', '37.3719', '-79.8164', 'westus', 'EUS'],
  ['eastus2', 'East US 2', 'US', 'United States', 'Virginia', '36.6681', '-78.3889', 'centralus', 'EUS2'],
  [
    'southcentralus',
    'South Central US',
    'US',
    'United States',
    'Texas',
    '29.4167',
    '-98.5',
    'northcentralus',
    'SCUS',
  ],
  [
    'westus2',
    'West US 2',
    'US',
    'United States',
    'Washington',
    '47.233',
    '-119.852',
    'westcentralus',
    'WUS2',
  ],
  ['westus3', 'West US 3', 'US', 'United States', 'Phoenix', '33.448376', '-112.074036', 'eastus', 'WUS3'],
  [
    'australiaeast',
    'Australia East',
    'Asia Pacific',
    'Australia',
    'New South Wales',
    '-33.86',
    '151.2094',
    'australiasoutheast',
    'EAU',
  ],
  [
    'southeastasia',
    'Southeast Asia',
    'Asia Pacific',
    'Asia Pacific',
    'Singapore',
    '1.283',
    '103.833',
    'eastasia',
    'SEA',
  ],
  ['northeurope', 'North Europe', 'Europe', 'Europe', 'Ireland', '53.3478', '-6.2597', 'westeurope', 'NEU'],
  [
    'swedencentral',
    'Sweden Central',
    'Europe',
    'Sweden',
    'Gävle',
    '60.67488',
    '17.14127',
    'swedensouth',
    'SEC',
  ],
  ['uksouth', 'UK South', 'UK', 'United Kingdom', 'London', '50.941', '-0.799', 'ukwest', 'SUK'],
  ['westeurope', 'West Europe', 'Europe', 'Europe', 'Netherlands', '52.3667', '4.9', 'northeurope', 'WEU'],
  ['centralus', 'Central US', 'US', 'United States', 'Iowa', '41.5908', '-93.6208', 'eastus2', 'CUS'],
  [
    'southafricanorth',
    'South Africa North',
    'Africa',
    'South Africa',
    'Johannesburg',
    '-25.73134',
    '28.21837',
    'southafricawest',
    'JNB',
  ],
  [
    'centralindia',
    'Central India',
    'Asia Pacific',
    'India',
    'Pune',
    '18.5822',
    '73.9197',
    'southindia',
    'CID',
  ],
  [
    'eastasia',
    'East Asia',
    'Asia Pacific',
    'Asia Pacific',
    'Hong Kong',
    '22.267',
    '114.188',
    'southeastasia',
    'EA',
  ],
  [
    'japaneast',
    'Japan East',
    'Asia Pacific',
    'Japan',
    'Tokyo, Saitama',
    '35.68',
    '139.77',
    'japanwest',
    'EJP',
  ],
  [
    'koreacentral',
    'Korea Central',
    'Asia Pacific',
    'Korea',
    'Seoul',
    '37.5665',
    '126.978',
    'koreasouth',
    'SE',
  ],
  [
    'canadacentral',
    'Canada Central',
    'Canada',
    'Canada',
    'Toronto',
    '43.653',
    '-79.383',
    'canadaeast',
    'CCA',
  ],
  ['francecentral', 'France Central', 'Europe', 'France', 'Paris', '46.3772', '2.373', 'francesouth', 'PAR'],
  [
    'germanywestcentral',
    'Germany West Central',
    'Europe',
    'Germany',
    'Frankfurt',
    '50.110924',
    '8.682127',
    'germanynorth',
    'DEWC',
  ],
  ['italynorth', 'Italy North', 'Europe', 'Italy', 'Milan', '45.46888', '9.18109', '', 'ITN'],
  ['norwayeast', 'Norway East', 'Europe', 'Norway', 'Norway', '59.913868', '10.752245', 'norwaywest', 'NOE'],
  ['polandcentral', 'Poland Central', 'Europe', 'Poland', 'Warsaw', '52.23334', '21.01666', '', 'PLC'],
  [
    'switzerlandnorth',
    'Switzerland North',
    'Europe',
    'Switzerland',
    'Zurich',
    '47.451542',
    '8.564572',
    'switzerlandwest',
    'CHN',
  ],
  ['uaenorth', 'UAE North', 'Middle East', 'UAE', 'Dubai', '25.266666', '55.316666', 'uaecentral', 'DXB'],
  [
    'brazilsouth',
    'Brazil South',
    'South America',
    'Brazil',
    'Sao Paulo State',
    '-23.55',
    '-46.633',
    'southcentralus',
    'CQ',
  ],
  [
    'northcentralus',
    'North Central US',
    'US',
    'United States',
    'Illinois',
    '41.8819',
    '-87.6278',
    'southcentralus',
    'NCUS',
  ],
  ['westus', 'West US', 'US', 'United States', 'California', '37.783', '-122.417', 'eastus', 'WUS'],
  ['japanwest', 'Japan West', 'Asia Pacific', 'Japan', 'Osaka', '34.6939', '135.5022', 'japaneast', 'OS'],
  [
    'westcentralus',
    'West Central US',
    'US',
    'United States',
    'Wyoming',
    '40.890',
    '-110.234',
    'westus2',
    'WCUS',
  ],
  ['canadaeast', 'Canada East', 'Canada', 'Canada', 'Quebec', '46.817', '-71.217', 'canadacentral', 'CCE'],
  ['ukwest', 'UK West', 'UK', 'United Kingdom', 'Cardiff', '53.427', '-3.084', 'uksouth', 'WUK'],
  [
    'australiasoutheast',
    'Australia Southeast',
    'Asia Pacific',
    'Australia',
    'Victoria',
    '-37.8136',
    '144.9631',
    'australiaeast',
    'SEAU',
  ],
  [
    'southindia',
    'South India',
    'Asia Pacific',
    'India',
    'Chennai',
    '12.9822',
    '80.1636',
    'centralindia',
    'MA',
  ],
];

const BY_NAME: ReadonlyMap<string, AzureLocation> = new Map(
  ROWS.map(
    ([name, displayName, geographyGroup, geography, physicalLocation, latitude, longitude, paired, code]) => [
      name,
      Object.freeze({
        name,
        displayName,
        geographyGroup,
        geography,
        physicalLocation,
        latitude,
        longitude,
        ...(paired === '' ? {} : { pairedRegion: paired }),
        code,
      }),
    ],
  ),
);

/** Every known location, in the order ARM lists them (recommended regions first). */
export const AZURE_LOCATIONS: readonly AzureLocation[] = Object.freeze([...BY_NAME.values()]);

/**
 * The location called `name` (case-insensitive). Unknown names get a plausible stand-in (display
 * name = name, code = upper-case name) so that estates loaded from files never break a response.
 */
export function findAzureLocation(name: string): AzureLocation {
  const key = name.toLowerCase().replace(/\s+/g, '');
  return (
    BY_NAME.get(key) ?? {
      name: key,
      displayName: name,
      geographyGroup: 'Other',
      geography: 'Other',
      physicalLocation: name,
      latitude: '0',
      longitude: '0',
      code: key.toUpperCase(),
    }
  );
}
