/**
 * End-of-support dates (UTC) of Azure Functions language stacks, keyed by `linuxFxVersion`
 * (`STACK|version`, normalized by {@link toRuntimeKey}). Sources: "Supported languages in Azure
 * Functions" and "Language runtime support policy"
 * (https://learn.microsoft.com/azure/azure-functions/supported-languages,
 * https://learn.microsoft.com/azure/azure-functions/language-support-policy) as published in early
 * 2026; review when Microsoft announces a stack or moves a date. After that date apps keep running
 * but get no security patches or fixes. Azure exposes no API for this, so the table is maintained
 * here: a stack it does not know is reported, not guessed.
 */
export const AZURE_FUNCTIONS_RUNTIME_END_OF_SUPPORT: Readonly<Record<string, string>> = {
  // Python
  'PYTHON|3.6': '2022-09-30',
  'PYTHON|3.7': '2023-06-27',
  'PYTHON|3.8': '2024-10-07',
  'PYTHON|3.9': '2025-10-31',
  'PYTHON|3.10': '2026-10-31',
  'PYTHON|3.11': '2027-10-31',
  'PYTHON|3.12': '2028-10-31',
  'PYTHON|3.13': '2029-10-31',
  // Node.js
  'NODE|8': '2019-12-31',
  'NODE|10': '2021-04-30',
  'NODE|12': '2022-12-13',
  'NODE|14': '2023-04-30',
  'NODE|16': '2024-06-30',
  'NODE|18': '2025-04-30',
  'NODE|20': '2026-04-30',
  'NODE|22': '2027-04-30',
  'NODE|24': '2028-04-30',
  // .NET in-process (`DOTNETCORE|3.1` is the Functions v3 spelling)
  'DOTNETCORE|3.1': '2022-12-03',
  'DOTNET|3.1': '2022-12-03',
  'DOTNET|6.0': '2024-11-12',
  'DOTNET|8.0': '2026-11-10',
  // .NET isolated worker
  'DOTNET-ISOLATED|5.0': '2022-05-10',
  'DOTNET-ISOLATED|6.0': '2024-11-12',
  'DOTNET-ISOLATED|7.0': '2024-05-14',
  'DOTNET-ISOLATED|8.0': '2026-11-10',
  'DOTNET-ISOLATED|9.0': '2026-11-10',
  'DOTNET-ISOLATED|10.0': '2028-11-14',
  // Java
  'JAVA|8': '2026-11-30',
  'JAVA|11': '2027-09-01',
  'JAVA|17': '2027-09-01',
  'JAVA|21': '2028-09-01',
  // PowerShell
  'POWERSHELL|7.0': '2022-12-03',
  'POWERSHELL|7.2': '2024-11-08',
  'POWERSHELL|7.4': '2026-11-10',
};

/**
 * The table key of a runtime: the stack upper-cased, `-lts` dropped from the version, and .NET
 * versions written with a minor (`DOTNET-ISOLATED|8` → `DOTNET-ISOLATED|8.0`). `undefined` for
 * anything that is not `STACK|version` (container images: `DOCKER|…`).
 */
export function toRuntimeKey(runtime: string): string | undefined {
  const bar = runtime.indexOf('|');
  if (bar <= 0) return undefined;
  const stack = runtime.slice(0, bar).trim().toUpperCase();
  let version = runtime
    .slice(bar + 1)
    .trim()
    .toLowerCase()
    .replace(/-lts$/, '');
  if (stack === 'DOCKER' || version === '') return undefined;
  if (stack.startsWith('DOTNET') && /^\d+$/.test(version)) version = `${version}.0`;
  return `${stack}|${version}`;
}

/**
 * True when the Functions stack is past its end of support at `at`, false before it, `undefined`
 * for a stack this table does not know (and for container images, which have no stack).
 */
export function isFunctionRuntimeDeprecated(runtime: string, at: Date): boolean | undefined {
  const key = toRuntimeKey(runtime);
  const date = key === undefined ? undefined : AZURE_FUNCTIONS_RUNTIME_END_OF_SUPPORT[key];
  if (date === undefined) return undefined;
  return at.getTime() >= Date.parse(`${date}T00:00:00.000Z`);
}
