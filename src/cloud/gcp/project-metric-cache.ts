/** Metric values of every instance of a project for one query. */
export type ProjectMetricValues = ReadonlyMap<string, number>;

/** Shares one project-wide series read between the regional scopes of a question. */
export interface ProjectMetricCache {
  /** The cached (or in-flight) values of `key`, else the result of `load` (failures are not kept). */
  getOrLoad(key: string, load: () => Promise<ProjectMetricValues>): Promise<ProjectMetricValues>;
}

/** Options of {@link createProjectMetricCache}. */
export interface ProjectMetricCacheOptions {
  /** Clock in epoch milliseconds. */
  readonly now: () => number;
  /** How long a settled result is reused (default 60 s). */
  readonly ttlMs?: number;
  /** Most entries kept; the oldest go first (default 32). */
  readonly maxEntries?: number;
}

/**
 * Creates the cache behind one-series-per-project metric reads. The executor asks for metrics per
 * (project, region) scope, while Monitoring lists a metric for the whole project in one paged
 * series of calls: regional scopes of the same question share that read (in flight, and for a
 * short TTL afterwards, since the window is aligned and in the past).
 */
export function createProjectMetricCache(options: ProjectMetricCacheOptions): ProjectMetricCache {
  const ttlMs = options.ttlMs ?? 60_000;
  const maxEntries = options.maxEntries ?? 32;
  const entries = new Map<string, { promise: Promise<ProjectMetricValues>; expiresAt: number }>();
  return {
    getOrLoad(key, load) {
      const now = options.now();
      for (const [entryKey, entry] of entries) if (entry.expiresAt <= now) entries.delete(entryKey);
      const cached = entries.get(key);
      if (cached !== undefined) return cached.promise;
      const promise = load();
      // In flight: never expires until settled; then reusable for `ttlMs`.
      const entry = { promise, expiresAt: Number.POSITIVE_INFINITY };
      entries.set(key, entry);
      while (entries.size > maxEntries) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        entries.delete(oldest);
      }
      promise.then(
        () => {
          entry.expiresAt = options.now() + ttlMs;
        },
        () => {
          if (entries.get(key) === entry) entries.delete(key);
        },
      );
      return promise;
    },
  };
}
