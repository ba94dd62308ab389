import type { LexiconEntry } from './lexicon-entry.js';

/** Provider words, and "all clouds" (= the three providers, explicitly). */
export const PROVIDER_LEXICON: readonly LexiconEntry[] = [
  {
    id: 'PRV-ALL',
    en: [
      '(?:in |on |from |over |for )?(?:all|every|each of the|both|any)(?: (?:three|3|the|our|of the|my))* (?:clouds?|cloud providers?|providers|cloud platforms?)',
      'across (?:all |every |the |our |3 |three )*(?:clouds?|cloud providers?|providers|cloud platforms?)',
      'multi-?cloud',
      'aws,? azure,? (?:and|&) gcp',
      'aws,? gcp,? (?:and|&) azure',
      'everywhere',
    ],
    zh: [
      '(?:在)?(?:所有的?|全部的?|全部|所有|三朵|3朵|三个|3个|整个)\\s*(?:云|云平台|云厂商|云服务商|云账号|公有云)(?:上|中|里)?(?:面)?',
      '跨云',
      '多云(?:环境)?(?:中|上|里)?',
      'aws\\s*[、,和与及]\\s*azure\\s*[、,和与及]\\s*gcp',
    ],
    value: { type: 'provider', providers: ['aws', 'azure', 'gcp'] },
  },
  {
    id: 'PRV-AWS',
    en: ['aws', 'amazon(?: web services)?', 'cloudwatch', 'cloudtrail'],
    zh: ['亚马逊云(?:科技)?', '亚马逊', 'aws\\s*(?:上|云)'],
    value: { type: 'provider', providers: ['aws'] },
  },
  {
    id: 'PRV-AZURE',
    en: ['(?:microsoft )?azure', 'microsoft cloud'],
    zh: ['微软云', '微软', 'azure\\s*(?:上|云)'],
    value: { type: 'provider', providers: ['azure'] },
  },
  {
    id: 'PRV-GCP',
    en: ['gcp', 'google cloud(?: platform)?', 'google', 'gcloud'],
    zh: ['谷歌云', '谷歌', 'google\\s*云', 'gcp\\s*(?:上|云)'],
    value: { type: 'provider', providers: ['gcp'] },
  },
  // Clouds the agent does not cover: named so a question about them is refused, not answered for
  // AWS, Azure and GCP instead.
  ...(
    [
      [
        'PRV-UNSUPPORTED-ALIBABA',
        'Alibaba Cloud',
        ['alibaba cloud', 'aliyun', 'alicloud'],
        ['阿里云', '阿里'],
      ],
      [
        'PRV-UNSUPPORTED-TENCENT',
        'Tencent Cloud',
        ['tencent cloud', 'tencentcloud', 'qcloud'],
        ['腾讯云', '腾讯'],
      ],
      ['PRV-UNSUPPORTED-HUAWEI', 'Huawei Cloud', ['huawei cloud', 'huaweicloud'], ['华为云', '华为']],
      [
        'PRV-UNSUPPORTED-BAIDU',
        'Baidu AI Cloud',
        ['baidu cloud', 'baidu ai cloud'],
        ['百度云', '百度智能云'],
      ],
      ['PRV-UNSUPPORTED-ORACLE', 'Oracle Cloud', ['oracle cloud(?: infrastructure)?', 'oci'], ['甲骨文云']],
      ['PRV-UNSUPPORTED-IBM', 'IBM Cloud', ['ibm cloud'], ['ibm\\s*云']],
      ['PRV-UNSUPPORTED-DO', 'DigitalOcean', ['digital ?ocean', 'droplets?'], []],
      [
        'PRV-UNSUPPORTED-OTHER',
        'this cloud',
        ['linode', 'vultr', 'hetzner', 'openstack', 'vsphere', 'vmware'],
        ['京东云', '金山云', '天翼云', '移动云', 'ucloud'],
      ],
    ] as const
  ).map(([id, what, en, zh]): LexiconEntry => ({
    id,
    en: [...en],
    ...(zh.length > 0 ? { zh: [...zh] } : {}),
    value: { type: 'unsupported', what: `${what} (only AWS, Azure and GCP are covered)` },
  })),
];
