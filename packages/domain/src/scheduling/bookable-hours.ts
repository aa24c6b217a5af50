import {
  workingIntervals,
  workingRangesOn,
  type ExceptionRule,
  type WorkingPattern,
} from '../roster/working-hours';
import { clinicDay, clinicTime, nextDay } from '../shared/time';
import { openingHoursWindows } from './find-slot';
import type { Slot } from './slots';

/** When a provider may be booked: their rostered hours, or the clinic's opening hours while none are rostered. */
export type ProviderHours =
  { rostered: true; pattern: WorkingPattern; exceptions: readonly ExceptionRule[] } | { rostered: false };

/** The clinic's opening hours, the bookable time of a provider with no hours on the roster. */
const opening = { open: '08:00', close: '18:00', weekdays: [1, 2, 3, 4, 5] } as const;

/**
 * The one answer to "when can this provider be booked", as instants in [from, to): find-slot offers starts inside
 * these windows and a booking must lie inside one of them. Correct across daylight saving changes.
 */
export function bookableWindows(hours: ProviderHours, from: Date, to: Date, timezone: string): Slot[] {
  if (hours.rostered) return workingIntervals(hours.pattern, hours.exceptions, from, to, timezone);
  const first = clinicDay(from, timezone);
  let days = 1;
  for (let d = first; d < clinicDay(new Date(to.getTime() - 1), timezone); d = nextDay(d)) days++;
  return openingHoursWindows({ from, days, timezone, ...opening })
    .map((w) => ({
      startsAt: new Date(Math.max(Date.parse(w.startsAt), from.getTime())).toISOString(),
      endsAt: new Date(Math.min(Date.parse(w.endsAt), to.getTime())).toISOString(),
    }))
    .filter((w) => w.startsAt < w.endsAt);
}

const awayWords = { leave: 'on leave', sick: 'off sick', training: 'at training' } as const;
const wall = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const ranges = (rs: [number, number][]) => rs.map(([a, b]) => `${wall(a)}–${wall(b)}`).join(' and ');

/**
 * Why a provider cannot be booked for this slot, in the desk's words ("Dr. Feld works 13:00–17:00 on Tuesdays",
 * "Dr. Feld is on leave on 3 December"); null when the slot lies inside their bookable hours.
 */
export function outsideHoursProblem(input: {
  slot: Slot;
  hours: ProviderHours;
  name: string;
  timezone: string;
}): string | null {
  const { slot, hours, name, timezone } = input;
  const start = new Date(slot.startsAt);
  const end = new Date(slot.endsAt);
  const day = clinicDay(start, timezone);
  const windows = bookableWindows(
    hours,
    clinicTime(day, '00:00', timezone),
    clinicTime(nextDay(clinicDay(new Date(end.getTime() - 1), timezone)), '00:00', timezone),
    timezone,
  );
  if (windows.some((w) => Date.parse(w.startsAt) <= start.getTime() && end.getTime() <= Date.parse(w.endsAt)))
    return null;
  const date = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    new Date(`${day}T12:00:00Z`),
  );
  const weekday = new Intl.DateTimeFormat('en-GB', { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(`${day}T12:00:00Z`),
  );
  if (!hours.rostered)
    return `${name} has no working hours on the roster, so bookings follow the clinic’s opening hours: ${opening.open}–${opening.close}, Monday to Friday.`;
  const today = hours.exceptions.filter((e) => e.fromDay <= day && day <= e.toDay);
  const away = today.find((e) => e.kind !== 'extra');
  if (away && away.kind !== 'extra') {
    const part = away.start && away.end ? ` ${away.start}–${away.end}` : '';
    const left = workingRangesOn(hours.pattern, hours.exceptions, day);
    const rest = part && left.length ? `; they work ${ranges(left)} that day` : '';
    return `${name} is ${awayWords[away.kind]}${part} on ${date}${rest}.`;
  }
  const worked = workingRangesOn(hours.pattern, hours.exceptions, day);
  if (worked.length === 0) return `${name} does not work on ${weekday}s.`;
  const extra = today.some((e) => e.kind === 'extra');
  return `${name} works ${ranges(worked)} on ${extra ? `${weekday} ${date}` : `${weekday}s`}.`;
}
