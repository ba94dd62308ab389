/**
 * The programmatic name of an Azure location (`westeurope`). Most providers return it as is;
 * `Microsoft.Web` returns the display name (`West Europe`), whose lower-cased, space-free form is
 * the programmatic name for every public-cloud region (`East US 2` → `eastus2`).
 */
export function toLocationName(location: string | undefined): string {
  return (location ?? '').toLowerCase().replace(/\s+/g, '');
}
