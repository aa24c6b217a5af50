/**
 * Limits of the display settings and delays, written once: the command schemas enforce them and the console's
 * forms show and pre-check the same numbers.
 */
export const displayNoticeMaxLength = 200;
/** Minutes a room may stay in one state before its tile is highlighted. */
export const roomThresholdMinutes = { min: 1, max: 24 * 60 } as const;
/** Minutes a provider may be announced as running late. */
export const delayMinutes = { min: 0, max: 240 } as const;
