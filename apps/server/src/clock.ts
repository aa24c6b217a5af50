/** Time is an input: services ask the clock, tests control it. */
export type Clock = { now(): Date };
export const systemClock: Clock = { now: () => new Date() };
