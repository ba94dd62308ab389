/** One timed stage of a request. */
export interface TraceSpan {
  readonly id: string;
  readonly parentId?: string;
  readonly name: string;
  /** Start offset from the trace start, milliseconds. */
  readonly startMs: number;
  readonly durationMs: number;
  readonly status: 'ok' | 'error';
  /** Error code when the span failed. */
  readonly error?: string;
  readonly attributes?: Readonly<Record<string, string | number | boolean>>;
}

/** The injected collaborators of a trace. */
export interface TraceDeps {
  /** Monotonic milliseconds (e.g. `performance.now`). */
  readonly now: () => number;
  readonly requestId: string;
}

/** A request's tree of spans. */
export interface Trace {
  readonly requestId: string;
  /** Runs `fn` inside a span named `name`; the span records duration and status, then the result is returned. */
  span<T>(
    name: string,
    fn: (spanId: string) => Promise<T> | T,
    options?: { parentId?: string; attributes?: Record<string, string | number | boolean> },
  ): Promise<T>;
  spans(): readonly TraceSpan[];
}

/** Creates a trace; spans are listed in start order. */
export function createTrace(deps: TraceDeps): Trace {
  const origin = deps.now();
  const spans: TraceSpan[] = [];
  let nextId = 1;
  return {
    requestId: deps.requestId,
    async span(name, fn, options = {}) {
      const id = `s${nextId++}`;
      const start = deps.now();
      const record = (status: 'ok' | 'error', error?: string): void => {
        spans.push({
          id,
          ...(options.parentId === undefined ? {} : { parentId: options.parentId }),
          name,
          startMs: Math.round((start - origin) * 1000) / 1000,
          durationMs: Math.round((deps.now() - start) * 1000) / 1000,
          status,
          ...(error === undefined ? {} : { error }),
          ...(options.attributes === undefined ? {} : { attributes: options.attributes }),
        });
      };
      try {
        const result = await fn(id);
        record('ok');
        return result;
      } catch (error) {
        const code =
          typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'INTERNAL';
        record('error', code);
        throw error;
      }
    },
    spans: () =>
      [...spans].sort((a, b) => a.startMs - b.startMs || a.id.localeCompare(b.id, 'en', { numeric: true })),
  };
}
