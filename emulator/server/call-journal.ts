import type { Provider } from '../estate/model.js';

/** One request as the emulator saw it. */
export interface JournalEntry {
  /** 1-based sequence number, in arrival order. */
  readonly seq: number;
  /** Arrival time, milliseconds since the epoch (wall clock: used to measure client back-off). */
  readonly at: number;
  readonly provider: Provider;
  readonly service: string;
  readonly operation: string;
  readonly mutating: boolean;
  readonly account?: string;
  readonly region?: string;
  /** HTTP status sent back. */
  readonly status: number;
  /** The fault injected into this call, when any. */
  readonly fault?: string;
  readonly method: string;
  readonly path: string;
}

/** A query over the journal; every field narrows the result. */
export interface JournalQuery {
  readonly provider?: Provider;
  readonly service?: string;
  readonly operation?: string;
  readonly mutating?: boolean;
  /** Only entries with `seq` greater than this. */
  readonly sinceSeq?: number;
}

/** Append-only record of every request the emulator received (bounded: oldest entries are dropped). */
export interface CallJournal {
  record(entry: Omit<JournalEntry, 'seq'>): JournalEntry;
  query(query?: JournalQuery): JournalEntry[];
  /** Number of entries recorded since start or the last clear, including dropped ones. */
  total(): number;
  clear(): void;
}

/**
 * Creates a call journal.
 * @param capacity maximum entries kept (default 200,000); older entries are dropped first.
 */
export function createCallJournal(capacity = 200_000): CallJournal {
  let entries: JournalEntry[] = [];
  let seq = 0;
  return {
    record(entry) {
      seq += 1;
      const full: JournalEntry = { seq, ...entry };
      entries.push(full);
      if (entries.length > capacity) entries = entries.slice(entries.length - Math.floor(capacity / 2));
      return full;
    },
    query(query = {}) {
      return entries.filter(
        (e) =>
          (query.provider === undefined || e.provider === query.provider) &&
          (query.service === undefined || e.service === query.service) &&
          (query.operation === undefined || e.operation === query.operation) &&
          (query.mutating === undefined || e.mutating === query.mutating) &&
          (query.sinceSeq === undefined || e.seq > query.sinceSeq),
      );
    },
    total: () => seq,
    clear() {
      entries = [];
    },
  };
}
