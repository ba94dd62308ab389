/** The language of a question: only Latin script, only Chinese (plus technical terms), or both. */
export type QuestionLanguage = 'en' | 'zh' | 'mixed';

const CJK_RE = /[\u3400-\u9fff\uf900-\ufaff]/;
const WORD_RE = /[a-z][a-z0-9'.-]*/g;

/** Latin-script words that are product names or units, not English: "列出 EC2 实例" is Chinese. */
const TECHNICAL_WORDS = new Set([
  'aws', 'azure', 'gcp', 'rds', 'ebs', 'lambda', 'cpu', 'vm', 'vms', 'gce', 'sql', 'cloud', 'google', 'amazon',
  'microsoft', 'id', 'ip', 'az', 'mb', 'gb', 'tb', 'kb', 'db', 'mysql', 'postgres', 'postgresql', 'aurora', 'mariadb',
  'oracle', 'ssd', 'hdd', 'api', 'python', 'nodejs', 'node', 'java', 'go', 'ruby', 'dotnet', 'windows', 'linux', 'tag',
  'env', 'prod', 'dev', 'test', 'staging', 'arn', 'gcs', 'blob', 'cloudwatch', 'cloudtrail', 'compute', 'engine',
  'functions', 'function', 'app', 'apps', 'gp', 'io', 'pd', 'standard', 'lrs', 'region', 'rg', 'p', 'xlarge', 'large',
  'micro', 'small', 'medium', 'nano', 'metal', 'sqlserver', 'mssql', 'vpc', 'iam', 'sku', 's', 'd', 'h', 'm', 'g', 't',
  'top', 'owner', 'team', 'name', 'aurora', 'glacier', 'nearline', 'coldline', 'ecs', 'eks', 'k8s', 'us', 'eu', 'ap',
  'east', 'west', 'north', 'south', 'central', 'northeast', 'southeast', 'europe', 'asia', 'westeurope', 'eastus',
  'northeurope', 'japaneast', 'southeastasia', 'westus', 'centralus', 'uksouth', 'timeout', 'grep', 'json', 'http',
]);

/** Detects the language of a normalized (lowercased) question. */
export function detectLanguage(lower: string): QuestionLanguage {
  if (!CJK_RE.test(lower)) {
    return 'en';
  }
  // Words with digits are identifiers or product names (ec2, s3, t3.micro, us-east-1).
  const words = (lower.match(WORD_RE) ?? []).filter((word) => !TECHNICAL_WORDS.has(word) && !/\d/.test(word));
  return words.length === 0 ? 'zh' : 'mixed';
}
