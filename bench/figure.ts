/** One benchmark figure, printed by `npm run bench`. */
export interface BenchFigure {
  /** What was measured (`estate xl generation time`). */
  readonly name: string;
  readonly value: number;
  /** Printed instead of `value` when set: a yes/no figure (`yes` with value 1, `no` with value 0). */
  readonly text?: string;
  /** `ms`, `MB`, `instances/s`, `ratio`… */
  readonly unit: string;
  /** The aim from the issue, or how to read the figure. */
  readonly note?: string;
}
