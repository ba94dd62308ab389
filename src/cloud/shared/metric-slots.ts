import type { MetricRequest } from '../../core/ports/cloud-port.js';

/** The answer a metric read starts from. */
export interface MetricSlots {
  /** The requested resource ids, without duplicates, in request order. */
  readonly ids: string[];
  /** `null` for every id until a value is read. */
  readonly values: Map<string, number | null>;
  /** True when there is nothing to read: no ids, or a window that ends before it starts. */
  readonly nothingToRead: boolean;
}

/** One `null` slot per distinct resource id of a metric request (see {@link MetricSlots}). */
export function toMetricSlots(request: Pick<MetricRequest, 'resourceIds' | 'start' | 'end'>): MetricSlots {
  const ids = [...new Set(request.resourceIds)];
  return {
    ids,
    values: new Map<string, number | null>(ids.map((id) => [id, null])),
    nothingToRead: ids.length === 0 || request.end.getTime() <= request.start.getTime(),
  };
}
