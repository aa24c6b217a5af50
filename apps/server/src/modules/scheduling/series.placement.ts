import {
  noBuffers,
  refuse,
  transitionVisit,
  type Actor,
  type Clinic,
  type DomainEvent,
  type Occurrence,
} from '@clinicflow/domain';
import type { CommandFailure } from '@clinicflow/contracts';
import { type AppointmentConflict, type Db, repo } from '@clinicflow/db';
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
    const day = new Intl.DateTimeFormat('en-GB', {
      timeZone: clinic.timezone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
    });
    const list = error.clashes.map((c) => `${day.format(new Date(c.startsAt))}: ${c.message}`).join(' ');
    const n = error.clashes.length;
    return {
      ...refuse(
        'CONFLICT',
        `${n} of ${total} occurrences clash${n === 1 ? 'es' : ''}, so nothing was booked. ${list}`,
      ),
      clashes: error.clashes,
    };
  }
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
