/** Time is an input: services ask the clock, tests control it. */
export type Clock = { now(): Date };
export const systemClock: Clock = { now: () => new Date() };

/** A clock that reads `start` now and runs at real speed from there (a test's CLOCK_START). */
export function clockFrom(start: Date): Clock {
  const offset = start.getTime() - Date.now();
  return { now: () => new Date(Date.now() + offset) };
}

/**
 * Milliseconds on a clock that only moves forward, for rates and timeouts: a flood is measured in real
 * messages per real second, whatever the wall clock or a test's clinic clock says.
 */
export const monotonicMs = (): number => performance.now();
