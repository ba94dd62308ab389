/** An Azure Marketplace image reference, as ARM spells it in `storageProfile.imageReference`. */
export interface ImageReference {
  readonly publisher: string;
  readonly offer: string;
  readonly sku: string;
  readonly version: string;
}

/**
 * Splits the estate's `publisher:offer:sku:version` image id (the Azure CLI URN form) into an
 * image reference; `undefined` for anything else (gallery or managed image ids).
 */
export function parseImageReference(imageId: string): ImageReference | undefined {
  const parts = imageId.split(':');
  if (parts.length !== 4 || parts.some((part) => part === '')) return undefined;
  const [publisher, offer, sku, version] = parts as [string, string, string, string];
  return { publisher, offer, sku, version };
}

/** The guest OS name and version the VM agent reports for an image (`ubuntu` / `24.04`). */
export function guestOsOf(
  image: ImageReference | undefined,
  platform: 'linux' | 'windows',
): {
  readonly osName: string;
  readonly osVersion: string;
} {
  if (platform === 'windows') {
    const year = /(\d{4})/.exec(image?.sku ?? '')?.[1] ?? '2022';
    const build =
      year === '2019' ? '10.0.17763.6414' : year === '2025' ? '10.0.26100.2033' : '10.0.20348.2762';
    return { osName: `Windows Server ${year} Datacenter`, osVersion: build };
  }
  const text = `${image?.offer ?? ''} ${image?.sku ?? ''}`.toLowerCase();
  const version = /(\d{1,2})[_.](\d{2})/.exec(text);
  if (text.includes('ubuntu') || text.includes('jammy') || text.includes('noble')) {
    return { osName: 'ubuntu', osVersion: version ? `${version[1]}.${version[2]}` : '22.04' };
  }
  if (text.includes('rhel'))
    return { osName: 'redhat', osVersion: /(\d+)/.exec(image?.sku ?? '')?.[1] ?? '9' };
  if (text.includes('debian'))
    return { osName: 'debian', osVersion: /(\d+)/.exec(image?.sku ?? '')?.[1] ?? '12' };
  return { osName: image?.offer.toLowerCase() ?? 'linux', osVersion: image?.sku ?? '' };
}
