import type { HandlerDeps } from '../server/start-emulator.js';
import type { ProviderHandler } from '../server/wire.js';

/** Placeholder until the Azure wire handler lands: knows no operation. */
export function createAzureHandler(_deps: HandlerDeps): ProviderHandler {
  return {
    provider: 'azure',
    route: () => undefined,
    renderError: (error) => ({ status: 501, body: error.message }),
    renderMalformed: () => ({ status: 200, body: '{' }),
  };
}
