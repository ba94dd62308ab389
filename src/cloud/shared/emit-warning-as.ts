/** A `warn` that reports through `process.emitWarning` under the given warning name. */
export function emitWarningAs(name: string): (message: string) => void {
  return (message) => {
    process.emitWarning(message, name);
  };
}
