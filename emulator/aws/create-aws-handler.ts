import type { HandlerDeps } from '../server/start-emulator.js';
import type { ProviderHandler } from '../server/wire.js';

/** Placeholder until the Aws wire handler lands: knows no operation. */
export function createAwsHandler(_deps: HandlerDeps): ProviderHandler {
  return {
    provider: 'aws',
    route: () => undefined,
    renderError: (error) => ({ status: 501, body: error.message }),
    renderMalformed: () => ({ status: 200, body: '{' }),
  };
}
