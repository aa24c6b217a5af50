type DriverError = {
  code?: string;
  errors?: unknown[];
  constraint?: string;
  constraint_name?: string;
  message?: string;
  cause?: unknown;
};

/** The error and the errors it wraps (Drizzle wraps driver errors in `cause`). */
function* chain(error: unknown): Generator<DriverError> {
  for (
    let e = error as DriverError | undefined, depth = 0;
    e && depth < 8;
    e = e.cause as DriverError, depth++
  ) {
    if (typeof e !== 'object') continue;
    yield e;
    // Connecting to a host with several addresses fails with an AggregateError of one error per address.
    if (Array.isArray(e.errors)) for (const inner of e.errors) yield* chain(inner);
  }
}

/** Whether a driver error (node-postgres or PGlite, possibly wrapped by Drizzle) violates `constraint`. */
export function constraintViolated(error: unknown, constraint: string): boolean {
  for (const e of chain(error))
    if (e.constraint === constraint || e.constraint_name === constraint) return true;
  return false;
}

// SQLSTATE classes 08 (connection exception) and 57P (operator intervention: shutdown, restart, terminated backend).
const unavailableStates = /^(08|57P0[1-4]$|53300$)/;
const unavailableSocketCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
]);
const unavailableMessages =
  /Connection terminated|not queryable|timeout exceeded when trying to connect|Cannot use a pool after calling end/i;

/** The database could not be reached or dropped the connection: nothing about the request itself was wrong. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (const e of chain(error)) {
    if (e.code && (unavailableStates.test(e.code) || unavailableSocketCodes.has(e.code))) return true;
    if (e.message && unavailableMessages.test(e.message)) return true;
  }
  return false;
}

/** A deadlock or serialization failure: the transaction did nothing and may simply be run again. */
export function isTransientConflict(error: unknown): boolean {
  for (const e of chain(error)) if (e.code === '40P01' || e.code === '40001') return true;
  return false;
}
