import type { Provider } from './model.js';

/** Anything placed in a provider, account and region, with an id. */
export interface Placed {
  readonly provider: Provider;
  readonly account: string;
  readonly region: string;
  readonly id: string;
}

/** Compares strings by UTF-16 code units: locale-independent, so the order is the same everywhere. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The estate order: provider, account, region, id. */
export function comparePlaced(a: Placed, b: Placed): number {
  return (
    compareText(a.provider, b.provider) ||
    compareText(a.account, b.account) ||
    compareText(a.region, b.region) ||
    compareText(a.id, b.id)
  );
}

/** Sorts in place into the estate order (provider, account, region, id) and returns the array. */
export function sortByPlacement<T extends Placed>(items: T[]): T[] {
  return items.sort(comparePlaced);
}
