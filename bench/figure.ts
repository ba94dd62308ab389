/** One benchmark figure, printed by `npm run bench`. */
export interface BenchFigure {
  /** What was measured (`estate xl generation time`). */
  readonly name: string;
  readonly value: number;
  /** `ms`, `MB`, `instances/s`, `ratio`… */
  readonly unit: string;
  /** The aim from the issue, or how to read the figure. */
  readonly note?: string;
}
