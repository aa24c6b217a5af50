import {
  bookableWindows,
  clinicDay,
  clinicDayBounds,
  nextDay,
  outsideHoursProblem,
  type Clinic,
  type ProviderHours,
  type Slot,
} from '@clinicflow/domain';
import { type Db, repo } from '@clinicflow/db';

const DAY = 24 * 60 * 60_000;

/** A provider's rostered hours between two clinic days, or the clinic's opening hours while none are rostered. */
export async function providerHours(
  db: Db,
  clinic: Clinic,
  providerId: string,
  days: { fromDay: string; toDay: string },
): Promise<ProviderHours> {
  const roster = await repo.roster.availability(db, clinic.id, { providerId, ...days });
  if (!roster || roster.pattern.sessions.length === 0) return { rostered: false };
  return { rostered: true, pattern: roster.pattern, exceptions: roster.exceptions };
}

/**
 * When a provider can be booked over the next `days`: the same windows the booking check holds a booking to
 * (`bookableWindows`), so find-slot never offers what a booking would refuse.
 */
export async function providerWindows(
  db: Db,
  clinic: Clinic,
  providerId: string,
  from: Date,
  days: number,
): Promise<Slot[]> {
  const to = new Date(from.getTime() + days * DAY);
  const hours = await providerHours(db, clinic, providerId, {
    fromDay: clinicDay(from, clinic.timezone),
    toDay: clinicDay(to, clinic.timezone),
  });
  return bookableWindows(hours, from, to, clinic.timezone);
}

/** The provider's bookable windows from the start of a booking's clinic day for `days`, for suggesting other times. */
export async function windowsAround(
  db: Db,
  clinic: Clinic,
  providerId: string,
  startsAt: string,
  days: number,
): Promise<Slot[]> {
  const first = clinicDay(new Date(startsAt), clinic.timezone);
  let last = first;
  for (let k = 1; k < days; k++) last = nextDay(last);
  const from = new Date(clinicDayBounds(first, clinic.timezone).startsAt);
  const to = new Date(clinicDayBounds(last, clinic.timezone).endsAt);
  const hours = await providerHours(db, clinic, providerId, { fromDay: first, toDay: last });
  return bookableWindows(hours, from, to, clinic.timezone);
}

/** Why the provider cannot be booked then (not working, away), in words; null when the time lies in their hours. */
export async function outsideHours(
  db: Db,
  clinic: Clinic,
  booking: { providerId: string } & Slot,
): Promise<string | null> {
  const hours = await providerHours(db, clinic, booking.providerId, {
    fromDay: clinicDay(new Date(booking.startsAt), clinic.timezone),
    toDay: clinicDay(new Date(booking.endsAt), clinic.timezone),
  });
  const name =
    (await repo.providers.list(db, clinic.id)).find((p) => p.id === booking.providerId)?.name ??
    'The provider';
  return outsideHoursProblem({ slot: booking, hours, name, timezone: clinic.timezone });
}
