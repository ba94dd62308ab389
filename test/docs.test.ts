import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderConfigurationDoc } from '../src/app/config/render-configuration-doc.js';
import { CONFIG_OPTIONS } from '../src/app/config/config-options.js';
import { ERROR_CATALOGUE } from '../src/core/errors/error-catalogue.js';
import { renderErrorsDoc } from '../src/core/errors/render-errors-doc.js';

const read = (path: string): string => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');

describe('generated docs', () => {
  it('docs/errors.md lists every error code of the catalogue', () => {
    const doc = read('docs/errors.md');

    const missing = Object.keys(ERROR_CATALOGUE).filter((code) => !doc.includes(`\`${code}\``));

    expect(missing).toEqual([]);
    expect(doc).toBe(renderErrorsDoc());
  });

  it('docs/configuration.md documents every option and is up to date (run `npm run docs`)', () => {
    const doc = read('docs/configuration.md');

    const missing = CONFIG_OPTIONS.filter(
      (o) => !doc.includes(`\`${o.key}\``) || !doc.includes(`\`${o.env}\``),
    );

    expect(missing.map((o) => o.key)).toEqual([]);
    expect(doc).toBe(renderConfigurationDoc());
  });
});
