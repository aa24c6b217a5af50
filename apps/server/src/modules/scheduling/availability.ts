import { clinicDay, openingHoursWindows, workingIntervals, type Clinic, type Slot } from '@clinicflow/domain';
import { type Db, repo } from '@clinicflow/db';

/**
 * When a provider can be booked over the next `days`: their rostered working hours (weekly pattern minus leave,
 * plus extra sessions), or the clinic's opening hours while no hours are rostered for them.
 */
export async function providerWindows(
  db: Db,
  clinic: Clinic,
  providerId: string,
  from: Date,
  days: number,
): Promise<Slot[]> {
  const to = new Date(from.getTime() + days * 24 * 60 * 60_000);
  const roster = await repo.roster.availability(db, clinic.id, {
    providerId,
    fromDay: clinicDay(from, clinic.timezone),
    toDay: clinicDay(to, clinic.timezone),
  });
  if (!roster || roster.pattern.sessions.length === 0)
    return openingHoursWindows({ from, days, timezone: clinic.timezone });
  return workingIntervals(roster.pattern, roster.exceptions, from, to, clinic.timezone);
}
