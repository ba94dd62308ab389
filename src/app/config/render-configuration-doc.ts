import { CONFIG_OPTIONS } from './config-options.js';

function show(value: unknown): string {
  if (value === undefined) return '(unset)';
  return `\`${JSON.stringify(value)}\``;
}

/** Renders `docs/configuration.md` from the option catalogue (a test keeps the file in step). */
export function renderConfigurationDoc(): string {
  const lines = [
    '# Configuration',
    '',
    '<!-- Generated from src/app/config/config-options.ts by `npm run docs`; a test fails when this file is stale. -->',
    '',
    'Configuration is read once at start, validated, and frozen. Sources, later ones winning:',
    '',
    '1. defaults (below);',
    '2. a YAML file given with `--config FILE` or `SRE_CONFIG=FILE` (nested keys: `aws: { regions: [us-east-1] }`);',
    '3. `SRE_*` environment variables (lists are comma-separated);',
    '4. command-line flags (`--region`, `--strict`, `--demo`).',
    '',
    'An invalid value stops the command with `CONFIG_INVALID` (exit code 2), naming the key, where the value came from and what was expected; an unknown key in the file is an error too.',
    '',
    'Cloud credentials are never part of this configuration: each SDK reads its own standard chain (AWS: `AWS_PROFILE`, `AWS_ACCESS_KEY_ID`…, `AWS_REGION`, `AWS_ENDPOINT_URL`, `AWS_ENDPOINT_URL_<SERVICE>`).',
    '',
    '| key | environment variable | default | description |',
    '|---|---|---|---|',
    ...CONFIG_OPTIONS.map(
      (o) =>
        `| \`${o.key}\` | \`${o.env}\` | ${show(o.defaultValue)} | ${o.description.replace(/\|/g, '\\|')} |`,
    ),
    '',
    '## Example',
    '',
    '```yaml',
    'providers: [aws]',
    'aws:',
    '  regions: [us-east-1, eu-west-1]',
    'concurrency: 8',
    'logs:',
    '  eventLimit: 1000',
    '```',
    '',
  ];
  return lines.join('\n');
}
