/**
 * Limits of the display settings and delays, written once: the command schemas enforce them and the console's
 * forms show and pre-check the same numbers.
 */
export const displayNoticeMaxLength = 200;
/** Minutes a room may stay in one state before its tile is highlighted. */
export const roomThresholdMinutes = { min: 1, max: 24 * 60 } as const;
/** Minutes a provider may be announced as running late. */
export const delayMinutes = { min: 0, max: 240 } as const;
/** Minutes a visit may stay in one status before its flow-board row is highlighted. */
export const visitThresholdMinutes = { min: 1, max: 24 * 60 } as const;
/** Minutes after the appointment time (late, no-show) or after check-in (check-in not finished). */
export const graceMinutes = { min: 1, max: 240 } as const;
