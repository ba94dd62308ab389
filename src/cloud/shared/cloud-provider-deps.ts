import type { CallRunner } from '../../core/ports/call-runner.js';

/** Collaborators of an adapter's `create*Provider`, over its client factory `F`. */
export interface CloudProviderDeps<F> {
  /** Runs every page call under the resilience policies. */
  readonly runner: CallRunner;
  /** Client factory (default: the official SDK clients, loaded lazily); tests inject fakes. */
  readonly clientFactory?: F;
  /** Clock, for runtime deprecation, retention windows and caches (default: system clock). */
  readonly now?: () => Date;
  /** Receives caveats (clamped audit window, unknown runtime…); default: `process.emitWarning`. */
  readonly warn?: (message: string) => void;
}
