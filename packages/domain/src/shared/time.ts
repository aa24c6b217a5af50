// Building an Intl formatter costs far more than using one: keep one per zone (a clinic has one zone).
function cached(make: (timezone: string) => Intl.DateTimeFormat) {
  const byZone = new Map<string, Intl.DateTimeFormat>();
  return (timezone: string) => {
    let format = byZone.get(timezone);
    if (!format) byZone.set(timezone, (format = make(timezone)));
    return format;
  };
}
// en-CA formats dates as YYYY-MM-DD.
const dayFormat = cached(
  (timeZone) =>
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }),
);
const wallFormat = cached(
  (timeZone) =>
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    }),
);

/** The clinic-local calendar day (YYYY-MM-DD) that an instant falls on. */
export function clinicDay(instant: Date, timezone: string): string {
  return dayFormat(timezone).format(instant);
}

/** The UTC instant of a clinic-local wall-clock time (e.g. day 2026-11-29, 08:30 in America/New_York). */
export function clinicTime(day: string, hhmm: string, timezone: string): Date {
  const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
  const [h, mi] = hhmm.split(':').map(Number) as [number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  // The offsets a day either side: a clinic's clock changes at most once in between.
  const before = asUtc - offsetMinutes(new Date(asUtc - 86_400_000), timezone) * 60_000;
  const after = asUtc - offsetMinutes(new Date(asUtc + 86_400_000), timezone) * 60_000;
  const readsBack = (t: number) => t + offsetMinutes(new Date(t), timezone) * 60_000 === asUtc;
  // A repeated wall time (the clocks fall back) is its first occurrence. One the clock skips (02:30 when it
  // springs forward) is read with the offset before the jump, so it lands just after it, as Temporal's
  // 'compatible' does; on both sides of UTC.
  if (readsBack(before) && readsBack(after)) return new Date(Math.min(before, after));
  if (readsBack(after)) return new Date(after);
  return new Date(before);
}

/** How far the clinic's wall clock is ahead of UTC at an instant, in minutes (negative west of Greenwich). */
export function offsetMinutes(instant: Date, timezone: string): number {
  const parts = wallFormat(timezone).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((local - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000);
}

/** The calendar day after `day` (YYYY-MM-DD). */
export function nextDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** A clinic day as instants: from its local midnight to the next (23 or 25 hours when the clocks change). */
export function clinicDayBounds(day: string, timezone: string): { startsAt: string; endsAt: string } {
  return {
    startsAt: clinicTime(day, '0:00', timezone).toISOString(),
    endsAt: clinicTime(nextDay(day), '0:00', timezone).toISOString(),
  };
}
