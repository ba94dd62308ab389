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
];
