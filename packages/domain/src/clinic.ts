import type { RoomThresholds } from './display-config';

/** What public screens may show of a patient: the ticket only, or first name + last initial. */
export const displayPrivacyModes = ['ticket', 'first_name_initial'] as const;
export type DisplayPrivacy = (typeof displayPrivacyModes)[number];

export type Clinic = {
  id: string;
  name: string;
  timezone: string;
  displayPrivacy: DisplayPrivacy;
  /** Ask each patient at check-in whether their phone, address or insurance changed. */
  askContactDetails: boolean;
  /** A line every waiting-room screen shows, e.g. "Flu shots today without an appointment". */
  displayNotice: string | null;
  roomThresholds: RoomThresholds;
};

/** The clinic-local calendar day (YYYY-MM-DD) that an instant falls on. */
export function clinicDay(instant: Date, timezone: string): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: timezone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

/** The UTC instant of a clinic-local wall-clock time (e.g. day 2026-11-29, 08:30 in America/New_York). */
export function clinicTime(day: string, hhmm: string, timezone: string): Date {
  const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
  const [h, mi] = hhmm.split(':').map(Number) as [number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  // Two passes settle the offset even when the guess lands on the other side of a DST change.
  const first = asUtc - offsetMinutes(new Date(asUtc), timezone) * 60_000;
  const second = asUtc - offsetMinutes(new Date(first), timezone) * 60_000;
  // A wall time the clock skips (02:30 when it springs forward) does not come back from `second`: it is read as
  // the same moment after the jump (03:30), as Temporal's 'compatible' does. A repeated one is the first.
  const exists = second + offsetMinutes(new Date(second), timezone) * 60_000 === asUtc;
  return new Date(exists ? second : first);
}

function offsetMinutes(instant: Date, timezone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: timezone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((local - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000);
}
