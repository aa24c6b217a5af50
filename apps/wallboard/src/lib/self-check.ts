/** Minutes since midnight on the clinic's wall clock. */
export function clinicMinuteOfDay(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const hour = Number(parts.find((p) => p.type === 'hour')?.value ?? 0);
  const minute = Number(parts.find((p) => p.type === 'minute')?.value ?? 0);
  return (hour % 24) * 60 + minute;
}

export type SelfCheckPolicy = {
  /** Clinic wall-clock time the window opens, minutes after midnight (03:30). */
  atMinute: number;
  /** How long the window stays open: a display off at 03:30 catches up until then. */
  windowMinutes: number;
  /** Only a page up at least this long reloads; a page that just (re)loaded never does. */
  minUptimeMs: number;
};

const dailySelfCheck: SelfCheckPolicy = {
  atMinute: 3 * 60 + 30,
  windowMinutes: 60,
  minUptimeMs: 20 * 60 * 60_000,
};

/**
 * Whether the daily self-check is due: a cheap guard against slow browser leaks on a screen that runs for
 * months. When it is, the page reloads itself once the server answers its health check.
 */
export function selfCheckDue(input: {
  now: Date;
  startedAt: Date;
  timeZone: string;
  policy?: SelfCheckPolicy;
}): boolean {
  const policy = input.policy ?? dailySelfCheck;
  if (input.now.getTime() - input.startedAt.getTime() < policy.minUptimeMs) return false;
  const minute = clinicMinuteOfDay(input.now, input.timeZone);
  const sinceOpen = (minute - policy.atMinute + 24 * 60) % (24 * 60);
  return sinceOpen < policy.windowMinutes;
}
