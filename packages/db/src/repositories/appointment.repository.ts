import { and, asc, eq, gt, inArray, lt, or, sql } from 'drizzle-orm';
import type { Appointment } from '@clinicflow/domain';
import type { Db } from '../client';
import * as t from '../schema';
import { constraintViolated } from './errors';

export type NewAppointment = Omit<Appointment, 'id' | 'status'> & { code?: string | null };

const overlapConstraints = {
  appointments_provider_no_overlap: 'provider',
  appointments_room_no_overlap: 'room',
  appointments_patient_no_overlap: 'patient',
} as const;

export type AppointmentConflict = 'provider' | 'room' | 'patient';

const toAppointment = (r: typeof t.appointments.$inferSelect): Appointment => ({
  id: r.id,
  clinicId: r.clinicId,
  patientId: r.patientId,
  providerId: r.providerId,
  roomId: r.roomId,
  startsAt: r.startsAt.toISOString(),
  endsAt: r.endsAt.toISOString(),
  reason: r.reason,
  status: r.status,
});

type Booking = Pick<Appointment, 'patientId' | 'providerId' | 'roomId' | 'startsAt' | 'endsAt'>;
type Booked<T> = { ok: true; value: T } | { ok: false; conflict: AppointmentConflict };

/**
 * Writes a booking; the database refuses a double booking and we say which resource clashed. Two overlapping
 * writes at once deadlock on the exclusion constraints (each waits for the other's uncommitted row), so a write
 * first takes a lock on each of its resources, always in the same order: bookings that share one queue, and the
 * second meets the constraint like any other double booking. Inside a caller's transaction this is a savepoint,
 * so a refused booking leaves that transaction usable.
 */
export async function book<T>(db: Db, booking: Booking, write: (tx: Db) => Promise<T>): Promise<Booked<T>> {
  try {
    const value = await db.transaction(async (txDb) => {
      const tx = txDb as Db;
      const resources = [booking.providerId, booking.roomId, booking.patientId]
        .filter((r) => r !== null)
        .sort();
      for (const id of resources)
        await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${id}, 0))`);
      return write(tx);
    });
    return { ok: true, value };
  } catch (error) {
    for (const [name, conflict] of Object.entries(overlapConstraints)) {
      if (constraintViolated(error, name)) return { ok: false, conflict };
    }
    throw error;
  }
}

async function insertAppointment(
  db: Db,
  input: NewAppointment,
): Promise<{ ok: true; id: string } | { ok: false; conflict: AppointmentConflict }> {
  const booked = await book(db, input, async (tx) => {
    const [row] = await tx
      .insert(t.appointments)
      .values({ ...input, startsAt: new Date(input.startsAt), endsAt: new Date(input.endsAt) })
      .returning({ id: t.appointments.id });
    return row!.id;
  });
  return booked.ok ? { ok: true, id: booked.value } : booked;
}

async function getAppointment(db: Db, clinicId: string, id: string): Promise<Appointment | null> {
  const [row] = await db
    .select()
    .from(t.appointments)
    .where(and(eq(t.appointments.clinicId, clinicId), eq(t.appointments.id, id)));
  return row ? toAppointment(row) : null;
}

/** Another time (and perhaps provider or room) for a booked appointment; refused like a booking on a clash. */
async function moveAppointment(
  db: Db,
  clinicId: string,
  id: string,
  to: Booking,
): Promise<{ ok: true } | { ok: false; conflict: AppointmentConflict }> {
  const moved = await book(db, to, (tx) =>
    tx
      .update(t.appointments)
      .set({
        providerId: to.providerId,
        roomId: to.roomId,
        startsAt: new Date(to.startsAt),
        endsAt: new Date(to.endsAt),
      })
      .where(and(eq(t.appointments.clinicId, clinicId), eq(t.appointments.id, id))),
  );
  return moved.ok ? { ok: true } : moved;
}

async function cancelAppointment(db: Db, clinicId: string, id: string, reason: string): Promise<void> {
  await db
    .update(t.appointments)
    .set({ status: 'cancelled', cancelReason: reason })
    .where(and(eq(t.appointments.clinicId, clinicId), eq(t.appointments.id, id)));
}

/**
 * Booked appointments between `from` and `to` that hold any of these providers, rooms or patients: what a new
 * booking must not overlap, and what a clash is explained by.
 */
async function listBusy(
  db: Db,
  input: { clinicId: string; from: string; to: string; resources: Partial<Booking>; except?: string },
): Promise<Appointment[]> {
  const { providerId, roomId, patientId } = input.resources;
  const holds = [
    providerId ? eq(t.appointments.providerId, providerId) : undefined,
    roomId ? eq(t.appointments.roomId, roomId) : undefined,
    patientId ? eq(t.appointments.patientId, patientId) : undefined,
  ].filter((c) => c !== undefined);
  if (!holds.length) return [];
  const rows = await db
    .select()
    .from(t.appointments)
    .where(
      and(
        eq(t.appointments.clinicId, input.clinicId),
        eq(t.appointments.status, 'booked'),
        lt(t.appointments.startsAt, new Date(input.to)),
        gt(t.appointments.endsAt, new Date(input.from)),
        or(...holds),
        input.except ? sql`${t.appointments.id} <> ${input.except}` : undefined,
      ),
    )
    .orderBy(asc(t.appointments.startsAt));
  return rows.map(toAppointment);
}

/** A range of the book (a day, a week), with the patient's name, oldest first; cancelled ones included. */
async function listBetween(
  db: Db,
  input: { clinicId: string; from: string; to: string; providerIds?: string[] },
): Promise<
  (Appointment & {
    patientName: string;
    code: string | null;
    seriesId: string | null;
    occurrenceIndex: number | null;
  })[]
> {
  const rows = await db
    .select({ a: t.appointments, firstName: t.patients.firstName, lastName: t.patients.lastName })
    .from(t.appointments)
    .innerJoin(t.patients, eq(t.patients.id, t.appointments.patientId))
    .where(
      and(
        eq(t.appointments.clinicId, input.clinicId),
        lt(t.appointments.startsAt, new Date(input.to)),
        gt(t.appointments.endsAt, new Date(input.from)),
        input.providerIds?.length ? inArray(t.appointments.providerId, input.providerIds) : undefined,
      ),
    )
    .orderBy(asc(t.appointments.startsAt), asc(t.appointments.id));
  return rows.map((r) => ({
    ...toAppointment(r.a),
    patientName: `${r.firstName} ${r.lastName}`,
    code: r.a.code,
    seriesId: r.a.seriesId,
    occurrenceIndex: r.a.occurrenceIndex,
  }));
}

export const appointments = {
  insert: insertAppointment,
  get: getAppointment,
  move: moveAppointment,
  cancel: cancelAppointment,
  listBusy,
  listBetween,
};
