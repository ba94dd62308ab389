// Regenerates the docs that are derived from code: `npm run docs`.
import { writeFileSync } from 'node:fs';
import { renderConfigurationDoc } from '../src/app/config/render-configuration-doc.js';
import { renderErrorsDoc } from '../src/core/errors/render-errors-doc.js';

writeFileSync(new URL('../../docs/configuration.md', import.meta.url), renderConfigurationDoc());
writeFileSync(new URL('../../docs/errors.md', import.meta.url), renderErrorsDoc());
process.stdout.write('docs/configuration.md and docs/errors.md written\n');
