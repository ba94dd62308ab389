import type { PlanProvider, RegionGroup } from '../plan/query-plan.js';
import type { LexiconEntry } from './lexicon-entry.js';

/** A region known by a common name, with its code at each provider that has one. */
interface NamedRegion {
  readonly id: string;
  readonly en: readonly string[];
  readonly zh: readonly string[];
  readonly codes: Readonly<Partial<Record<PlanProvider, string>>>;
}

/**
 * Common region names → provider codes. With no provider named, a name resolves to its AWS code
 * when AWS has one (else to the only provider that has it); see docs/rules.md.
 */
export const NAMED_REGIONS: readonly NamedRegion[] = [
  {
    id: 'REG-N-VIRGINIA',
    en: ['(?:us east )?\\(?n(?:orth(?:ern)?)?\\.? ?virginia\\)?', 'virginia'],
    zh: ['北弗吉尼亚', '弗吉尼亚(?:北部)?', '美东1'],
    codes: { aws: 'us-east-1', azure: 'eastus', gcp: 'us-east4' },
  },
  { id: 'REG-OHIO', en: ['ohio'], zh: ['俄亥俄'], codes: { aws: 'us-east-2' } },
  {
    id: 'REG-N-CALIFORNIA',
    en: ['n(?:orth(?:ern)?)?\\.? ?california', 'california'],
    zh: ['北加州', '加利福尼亚', '加州'],
    codes: { aws: 'us-west-1', azure: 'westus', gcp: 'us-west2' },
  },
  {
    id: 'REG-OREGON',
    en: ['oregon'],
    zh: ['俄勒冈'],
    codes: { aws: 'us-west-2', gcp: 'us-west1' },
  },
  {
    id: 'REG-IRELAND',
    en: ['ireland', 'dublin'],
    zh: ['爱尔兰', '都柏林'],
    codes: { aws: 'eu-west-1', azure: 'northeurope' },
  },
  {
    id: 'REG-LONDON',
    en: ['london'],
    zh: ['伦敦', '英国'],
    codes: { aws: 'eu-west-2', azure: 'uksouth', gcp: 'europe-west2' },
  },
  {
    id: 'REG-PARIS',
    en: ['paris'],
    zh: ['巴黎'],
    codes: { aws: 'eu-west-3', azure: 'francecentral', gcp: 'europe-west9' },
  },
  {
    id: 'REG-FRANKFURT',
    en: ['frankfurt'],
    zh: ['法兰克福', '德国'],
    codes: { aws: 'eu-central-1', azure: 'germanywestcentral', gcp: 'europe-west3' },
  },
  {
    id: 'REG-STOCKHOLM',
    en: ['stockholm'],
    zh: ['斯德哥尔摩'],
    codes: { aws: 'eu-north-1', azure: 'swedencentral' },
  },
  {
    id: 'REG-MILAN',
    en: ['milan'],
    zh: ['米兰'],
    codes: { aws: 'eu-south-1', azure: 'italynorth', gcp: 'europe-west8' },
  },
  {
    id: 'REG-TOKYO',
    en: ['tokyo'],
    zh: ['东京', '日本'],
    codes: { aws: 'ap-northeast-1', azure: 'japaneast', gcp: 'asia-northeast1' },
  },
  {
    id: 'REG-SEOUL',
    en: ['seoul'],
    zh: ['首尔', '韩国'],
    codes: { aws: 'ap-northeast-2', azure: 'koreacentral', gcp: 'asia-northeast3' },
  },
  {
    id: 'REG-OSAKA',
    en: ['osaka'],
    zh: ['大阪'],
    codes: { aws: 'ap-northeast-3', azure: 'japanwest', gcp: 'asia-northeast2' },
  },
  {
    id: 'REG-SINGAPORE',
    en: ['singapore'],
    zh: ['新加坡'],
    codes: { aws: 'ap-southeast-1', azure: 'southeastasia', gcp: 'asia-southeast1' },
  },
  {
    id: 'REG-SYDNEY',
    en: ['sydney'],
    zh: ['悉尼', '澳大利亚'],
    codes: { aws: 'ap-southeast-2', azure: 'australiaeast', gcp: 'australia-southeast1' },
  },
  {
    id: 'REG-MUMBAI',
    en: ['mumbai'],
    zh: ['孟买', '印度'],
    codes: { aws: 'ap-south-1', azure: 'centralindia', gcp: 'asia-south1' },
  },
  {
    id: 'REG-HONG-KONG',
    en: ['hong ?kong'],
    zh: ['香港'],
    codes: { aws: 'ap-east-1', azure: 'eastasia', gcp: 'asia-east2' },
  },
  {
    id: 'REG-SAO-PAULO',
    en: ['s[aã]o paulo'],
    zh: ['圣保罗', '巴西'],
    codes: { aws: 'sa-east-1', azure: 'brazilsouth', gcp: 'southamerica-east1' },
  },
  {
    id: 'REG-CANADA',
    en: ['canada(?: central)?', 'montreal'],
    zh: ['加拿大', '蒙特利尔'],
    codes: { aws: 'ca-central-1', azure: 'canadacentral', gcp: 'northamerica-northeast1' },
  },
  {
    id: 'REG-WEST-EUROPE',
    en: ['west europe', 'western europe'],
    zh: ['西欧'],
    codes: { azure: 'westeurope' },
  },
  {
    id: 'REG-NORTH-EUROPE',
    en: ['north europe', 'northern europe'],
    zh: ['北欧'],
    codes: { azure: 'northeurope' },
  },
  {
    id: 'REG-EAST-US',
    en: ['east us', 'us east'],
    zh: ['美国东部', '美东'],
    codes: { azure: 'eastus', aws: 'us-east-1', gcp: 'us-east1' },
  },
  { id: 'REG-EAST-US-2', en: ['east us 2'], zh: ['美国东部2'], codes: { azure: 'eastus2' } },
  {
    id: 'REG-WEST-US',
    en: ['west us', 'us west'],
    zh: ['美国西部', '美西'],
    codes: { azure: 'westus', aws: 'us-west-2', gcp: 'us-west1' },
  },
  {
    id: 'REG-CENTRAL-US',
    en: ['central us'],
    zh: ['美国中部'],
    codes: { azure: 'centralus', gcp: 'us-central1' },
  },
  {
    id: 'REG-SOUTHEAST-ASIA',
    en: ['southeast asia', 'south east asia'],
    zh: ['东南亚'],
    codes: { azure: 'southeastasia' },
  },
  { id: 'REG-EAST-ASIA', en: ['east asia'], zh: ['东亚'], codes: { azure: 'eastasia' } },
  { id: 'REG-UK-SOUTH', en: ['uk south'], zh: ['英国南部'], codes: { azure: 'uksouth' } },
  { id: 'REG-JAPAN-EAST', en: ['japan east'], zh: ['日本东部'], codes: { azure: 'japaneast' } },
  { id: 'REG-BELGIUM', en: ['belgium'], zh: ['比利时'], codes: { gcp: 'europe-west1' } },
  {
    id: 'REG-NETHERLANDS',
    en: ['netherlands', 'amsterdam'],
    zh: ['荷兰', '阿姆斯特丹'],
    codes: { gcp: 'europe-west4', azure: 'westeurope' },
  },
  { id: 'REG-IOWA', en: ['iowa', 'council bluffs'], zh: ['爱荷华', '艾奥瓦'], codes: { gcp: 'us-central1' } },
  {
    id: 'REG-SOUTH-CAROLINA',
    en: ['south carolina'],
    zh: ['南卡罗来纳', '南卡'],
    codes: { gcp: 'us-east1' },
  },
  { id: 'REG-TAIWAN', en: ['taiwan'], zh: ['台湾'], codes: { gcp: 'asia-east1' } },
  { id: 'REG-FINLAND', en: ['finland'], zh: ['芬兰'], codes: { gcp: 'europe-north1' } },
];

/** Azure region codes (the API's `location` names). */
export const AZURE_REGION_CODES: readonly string[] = [
  'eastus2',
  'eastus',
  'westus3',
  'westus2',
  'westus',
  'centralus',
  'northcentralus',
  'southcentralus',
  'westcentralus',
  'westeurope',
  'northeurope',
  'uksouth',
  'ukwest',
  'francecentral',
  'germanywestcentral',
  'swedencentral',
  'switzerlandnorth',
  'norwayeast',
  'italynorth',
  'polandcentral',
  'japaneast',
  'japanwest',
  'koreacentral',
  'southeastasia',
  'eastasia',
  'australiaeast',
  'australiasoutheast',
  'centralindia',
  'southindia',
  'canadacentral',
  'canadaeast',
  'brazilsouth',
  'uaenorth',
  'southafricanorth',
  'qatarcentral',
];

const AWS_REGION =
  '(?:us|eu|ap|sa|ca|me|af|il|mx)(?:-gov)?-(?:east|west|north|south|central|northeast|southeast|northwest|southwest)-\\d';
const GCP_REGION =
  '(?:us|europe|asia|northamerica|southamerica|australia|me|africa)-(?:east|west|north|south|central|northeast|southeast|northwest|southwest)\\d{1,2}';

const REGION_GROUP_WORDS: readonly { id: string; group: RegionGroup; en: string[]; zh: string[] }[] = [
  {
    id: 'REG-GROUP-EU',
    group: 'eu',
    en: [
      '(?:the )?(?:eu|europe|european)(?: union)? regions?',
      'in (?:the )?(?:eu|europe)',
      'europe',
      'emea',
    ],
    zh: ['欧洲(?:的)?(?:区域|地域|地区|region)?', '欧盟(?:区域|地域|地区)?', '欧区'],
  },
  {
    id: 'REG-GROUP-US',
    group: 'us',
    en: ['(?:the )?(?:us|u\\.s\\.|american|north america(?:n)?) regions?', 'in the us'],
    zh: ['美国(?:的)?(?:区域|地域|地区|region)', '北美(?:区域|地域|地区)?', '美区'],
  },
  {
    id: 'REG-GROUP-ASIA',
    group: 'asia',
    en: ['(?:the )?(?:asia|asian|apac|asia[- ]pacific)(?: regions?)?'],
    zh: ['亚太(?:区域|地域|地区)?', '亚洲(?:的)?(?:区域|地域|地区)?'],
  },
];

/** Region codes, availability zones, common names and region groups. */
export const REGION_LEXICON: readonly LexiconEntry[] = [
  {
    id: 'REG-AWS-ZONE',
    en: [`(${AWS_REGION})([a-f])`],
    build: ({ lower }) => {
      const region = lower[1];
      const letter = lower[2];
      return region === undefined || letter === undefined
        ? undefined
        : { type: 'zone', zone: `${region}${letter}`, region, provider: 'aws' };
    },
  },
  {
    id: 'REG-GCP-ZONE',
    en: [`(${GCP_REGION})-([a-f])`],
    build: ({ lower }) => {
      const region = lower[1];
      const letter = lower[2];
      return region === undefined || letter === undefined
        ? undefined
        : { type: 'zone', zone: `${region}-${letter}`, region, provider: 'gcp' };
    },
  },
  {
    id: 'REG-AWS-CODE',
    en: [`(${AWS_REGION})`],
    build: ({ lower }) =>
      lower[1] === undefined ? undefined : { type: 'region', codes: { aws: lower[1] }, named: false },
  },
  {
    id: 'REG-GCP-CODE',
    en: [`(${GCP_REGION})`],
    build: ({ lower }) =>
      lower[1] === undefined ? undefined : { type: 'region', codes: { gcp: lower[1] }, named: false },
  },
  {
    id: 'REG-AZURE-CODE',
    en: [`(${AZURE_REGION_CODES.join('|')})`],
    build: ({ lower }) =>
      lower[1] === undefined ? undefined : { type: 'region', codes: { azure: lower[1] }, named: false },
  },
  ...NAMED_REGIONS.map((region): LexiconEntry => ({
    id: region.id,
    en: region.en.map((name) => `${name}(?: regions?)?`),
    zh: region.zh.map((name) => `${name}(?:区域|地域|地区|region|区)?`),
    value: { type: 'region', codes: region.codes, named: true },
  })),
  ...REGION_GROUP_WORDS.map((group): LexiconEntry => ({
    id: group.id,
    en: group.en,
    zh: group.zh,
    value: { type: 'region_group', group: group.group },
  })),
];
