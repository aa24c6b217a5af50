import {
  clinicDay,
  noBuffers,
  outsideHoursProblem,
  refuse,
  transitionVisit,
  type Actor,
  type Clinic,
  type DomainEvent,
  type Occurrence,
  type ProviderHours,
} from '@clinicflow/domain';
import type { CommandFailure } from '@clinicflow/contracts';
import { type AppointmentConflict, type Db, repo } from '@clinicflow/db';
import { providerHours } from './availability';
import { clash, type Booking as FullBooking } from './clash';

export type Clash = { index: number; startsAt: string; endsAt: string; message: string };
/** An occurrence books no equipment and has no buffers (series carry no appointment type yet). */
export type Booking = Omit<FullBooking, 'equipmentId' | keyof typeof noBuffers>;
export const fullBooking = (b: Booking): FullBooking => ({ ...b, equipmentId: null, ...noBuffers });

/** Thrown inside the series' savepoint so that a refused series leaves nothing behind. */
class SeriesClashed extends Error {
  constructor(readonly clashes: Clash[]) {
    super('series clashed');
  }
}

export const localTime = (instant: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    instant,
  );

export const invalid = (path: string, message: string): CommandFailure => ({
  ...refuse('INVALID', message),
  issues: [{ path, message }],
});

/** Every occurrence is placed or none: the work runs in a savepoint that a clash rolls back, with every clash. */
export async function allOrNothing<T>(
  tx: Db,
  clinic: Clinic,
  total: number,
  work: (tx: Db, clashed: (o: Occurrence, b: Booking, c: AppointmentConflict) => Promise<void>) => Promise<T>,
  now: Date,
): Promise<{ ok: true; value: T } | CommandFailure> {
  try {
    const value = await tx.transaction(async (spDb) => {
      const sp = spDb as Db;
      const clashes: Clash[] = [];
      const result = await work(sp, async (o, booking, conflict) => {
        const { message } = await clash(sp, { clinic, booking: fullBooking(booking), conflict, now });
        clashes.push({ index: o.index, startsAt: o.startsAt, endsAt: o.endsAt, message });
      });
      if (clashes.length) throw new SeriesClashed(clashes);
      return result;
    });
    return { ok: true, value };
  } catch (error) {
    if (!(error instanceof SeriesClashed)) throw error;
    return seriesRefusal('CONFLICT', clinic, total, error.clashes);
  }
}

/** A refused series in words: how many occurrences cannot be booked, each by its date and why. */
function seriesRefusal(
  code: 'CONFLICT' | 'OUTSIDE_HOURS',
  clinic: Clinic,
  total: number,
  clashes: Clash[],
): CommandFailure {
  const day = new Intl.DateTimeFormat('en-GB', {
    timeZone: clinic.timezone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
  });
  const list = clashes.map((c) => `${day.format(new Date(c.startsAt))}: ${c.message}`).join(' ');
  const n = clashes.length;
  const what =
    code === 'CONFLICT'
      ? `clash${n === 1 ? 'es' : ''}`
      : `fall${n === 1 ? 's' : ''} outside the provider’s working hours`;
  return { ...refuse(code, `${n} of ${total} occurrences ${what}, so nothing was booked. ${list}`), clashes };
}

/** Every occurrence must lie in its provider's working hours (checked before any is placed), the rule single bookings follow. */
export async function seriesOutsideHours(
  tx: Db,
  clinic: Clinic,
  placements: { o: Occurrence; booking: Booking }[],
): Promise<CommandFailure | null> {
  const outside: Clash[] = [];
  const names = Object.fromEntries((await repo.providers.list(tx, clinic.id)).map((p) => [p.id, p.name]));
  const hoursOf = new Map<string, ProviderHours>();
  for (const { o, booking } of placements) {
    if (!hoursOf.has(booking.providerId)) {
      const days = placements.flatMap((p) =>
        [p.o.startsAt, p.o.endsAt].map((t) => clinicDay(new Date(t), clinic.timezone)),
      );
      hoursOf.set(
        booking.providerId,
        await providerHours(tx, clinic, booking.providerId, {
          fromDay: days.reduce((a, b) => (a < b ? a : b)),
          toDay: days.reduce((a, b) => (a > b ? a : b)),
        }),
      );
    }
    const message = outsideHoursProblem({
      slot: booking,
      hours: hoursOf.get(booking.providerId)!,
      name: names[booking.providerId] ?? 'The provider',
      timezone: clinic.timezone,
    });
    if (message) outside.push({ index: o.index, startsAt: o.startsAt, endsAt: o.endsAt, message });
  }
  return outside.length ? seriesRefusal('OUTSIDE_HOURS', clinic, placements.length, outside) : null;
}

/** The visits of appointments just taken off the book are cancelled too. */
export async function cancelVisits(
  tx: Db,
  clinicId: string,
  appointmentIds: string[],
  actor: Actor,
  now: Date,
): Promise<DomainEvent[]> {
  const events: DomainEvent[] = [];
  for (const id of appointmentIds) {
    const visit = await repo.visits.findByAppointment(tx, clinicId, id);
    if (!visit) continue;
    const cancelled = transitionVisit({ visit, action: 'cancel', actor, now });
    if (!cancelled.ok) continue;
    if (!(await repo.visits.save(tx, cancelled.value.visit, visit.version)))
      throw new Error('visit changed under the clinic lock');
    events.push({
      type: 'VisitStatusChanged',
      payload: { visit: cancelled.value.visit, from: visit.status },
    });
  }
  return events;
}
