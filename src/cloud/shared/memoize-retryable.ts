/**
 * Shares one pending load between callers (the first caller's arguments win); a failure is not
 * kept, so the next caller tries again.
 */
export function memoizeRetryable<T, A extends unknown[]>(
  load: (...args: A) => Promise<T>,
): (...args: A) => Promise<T> {
  let pending: Promise<T> | undefined;
  return (...args) => {
    if (pending === undefined) {
      const attempt = load(...args);
      pending = attempt;
      // A failure is not cached: the next caller tries again.
      attempt.catch(() => {
        if (pending === attempt) pending = undefined;
      });
    }
    return pending;
  };
}
