/** Whether a driver error (postgres.js or PGlite, possibly wrapped by Drizzle) is a violation of `constraint`. */
export function constraintViolated(error: unknown, constraint: string): boolean {
  for (
    let e = error as { constraint?: string; constraint_name?: string; cause?: unknown } | undefined;
    e;
    e = e.cause as typeof e
  ) {
    if (e.constraint === constraint || e.constraint_name === constraint) return true;
  }
  return false;
}
