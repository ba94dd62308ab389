/**
 * Deprecation dates of Cloud Run functions (Cloud Functions) runtimes, UTC: the "Deprecation"
 * column of https://cloud.google.com/functions/docs/runtime-support (the schedule shared with
 * https://cloud.google.com/run/docs/runtimes/function-runtimes) as published in late 2025. From
 * that date Google stops patching the runtime; on the decommission date (about six months later)
 * deployments are blocked. Where Google gives only a month ("October 2027") the first day of the
 * month is used. The API exposes no deprecation flag, so the table is maintained here: add new
 * runtimes and dates when Google announces them (an unknown runtime is reported, not guessed).
 */
export const GCP_RUNTIME_DEPRECATIONS: Readonly<Record<string, string>> = {
  // Node.js
  nodejs6: '2019-04-17',
  nodejs8: '2020-06-05',
  nodejs10: '2024-01-30',
  nodejs12: '2024-01-30',
  nodejs14: '2024-01-30',
  nodejs16: '2024-01-30',
  nodejs18: '2025-04-30',
  nodejs20: '2026-04-30',
  nodejs22: '2027-04-30',
  nodejs24: '2028-04-30',
  // Python
  python37: '2024-01-30',
  python38: '2024-10-14',
  python39: '2025-10-05',
  python310: '2026-10-04',
  python311: '2027-10-24',
  python312: '2028-10-02',
  python313: '2029-10-10',
  python314: '2030-10-10',
  // Go (go124 and go125 have no date yet: see GCP_RUNTIMES_WITHOUT_DATE)
  go111: '2020-08-05',
  go113: '2024-01-30',
  go116: '2024-01-30',
  go118: '2024-01-30',
  go119: '2024-04-30',
  go120: '2024-05-01',
  go121: '2025-09-03',
  go122: '2026-01-28',
  go123: '2026-02-21',
  // Java
  java11: '2024-10-31',
  java17: '2027-10-01',
  java21: '2031-09-01',
  java25: '2031-10-01',
  // Ruby
  ruby26: '2024-01-30',
  ruby27: '2024-01-30',
  ruby30: '2024-03-31',
  ruby32: '2026-03-31',
  ruby33: '2027-03-31',
  ruby34: '2028-03-31',
  // PHP
  php74: '2024-01-30',
  php81: '2025-12-31',
  php82: '2026-12-31',
  php83: '2027-12-31',
  php84: '2028-12-31',
  // .NET
  dotnet3: '2024-01-30',
  dotnet6: '2024-11-12',
  dotnet8: '2026-11-10',
};

/** Supported runtimes for which Google has not scheduled a deprecation yet. */
export const GCP_RUNTIMES_WITHOUT_DATE: ReadonlySet<string> = new Set([
  'go124',
  'go125',
  'nodejs26',
  'python315',
  'dotnet10',
  'osonly24',
]);

/**
 * True when the runtime is deprecated at `at` (on or after its deprecation date), false before it
 * or when no date is scheduled yet, `undefined` for a runtime this table does not know.
 */
export function isGcpRuntimeDeprecated(runtime: string, at: Date): boolean | undefined {
  if (GCP_RUNTIMES_WITHOUT_DATE.has(runtime)) return false;
  const date = GCP_RUNTIME_DEPRECATIONS[runtime];
  if (date === undefined) return undefined;
  return at.getTime() >= Date.parse(`${date}T00:00:00.000Z`);
}
